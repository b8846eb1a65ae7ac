import { ProvexError } from "../diagnostics/index.js";
import { type CompiledExpression, type EvaluationResult, evaluateAll, render } from "../evaluator/index.js";
import {
  type EvaluationContext,
  isFlowSkipped,
  isRoleList,
  type Role,
  type Value,
} from "../functions/index.js";
import type { CompiledMapping } from "./compile-mapping.js";
import type { AttributeMapping, FlowType } from "./model.js";
import type { PreviewWarning } from "./preview-types.js";
import { addSecretTexts, REDACTED } from "./redaction.js";
import type { TargetPath, TargetWriter } from "./target-path.js";

/** A value ready for the SCIM payload, by the kind of target attribute it goes to. */
export type ExportValue =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly value: number | string }
  | { readonly kind: "list"; readonly value: readonly string[] }
  | { readonly kind: "roles"; readonly roles: readonly Role[]; readonly patch: "add" | "replace" }
  | { readonly kind: "reference"; readonly id: string };

/**
 * One attribute mapping as the preview runs it, prepared once per configuration (the export plan): the
 * parsed target path, the target attribute's type, the flow flags, the default already converted for
 * the target, and the evaluation context of its target attribute.
 */
export interface PlannedMapping {
  /** Its position in the object mapping: the slot of its value in a user's evaluation. */
  readonly slot: number;
  readonly compiled: CompiledMapping;
  readonly mapping: AttributeMapping;
  readonly target: string;
  readonly path: TargetPath;
  /** Writes the value into a SCIM body at `path`. */
  readonly write: TargetWriter;
  /** The target attribute's type from the directory definitions (`String`, `Boolean`, `Reference`, …). */
  readonly type: string | undefined;
  /** ObjectAddOnly and None mappings write on create only. */
  readonly createOnly: boolean;
  readonly flowType: FlowType;
  /** FlowAlways exports even an unchanged value; FlowWhenChanged (the default) only a changed one. */
  readonly flowAlways: boolean;
  /** "Default value if null", converted for the target; undefined when there is none. */
  readonly defaultExport: ExportValue | undefined;
  /** Its values are secrets: it calls Redact or reads an attribute that flows through Redact. */
  readonly secret: boolean;
  readonly context: EvaluationContext;
}

/** One target attribute the export writes (a class: one shape, and `shown` only when asked for). */
export class AttributeExport {
  constructor(
    readonly planned: PlannedMapping,
    readonly value: ExportValue,
    /** The preview shows `[Redact]` for it (a secret, and revealing was not asked for). */
    readonly redacted: boolean,
  ) {}

  get target(): string {
    return this.planned.target;
  }

  get path(): TargetPath {
    return this.planned.path;
  }

  /** Graph flowType: AttributeAddOnly writes only where the target has no value yet. */
  get flowType(): FlowType {
    return this.planned.flowType;
  }

  get flowAlways(): boolean {
    return this.planned.flowAlways;
  }

  /** What the preview shows: the value, or `[Redact]`. */
  get shown(): unknown {
    return this.redacted ? REDACTED : shownValue(this.value);
  }
}

/** Why a mapping wrote nothing, for the step details. */
export interface FlowNote {
  readonly target: string;
  readonly outcome: "exported" | "default" | "null" | "flow-skipped" | "create-only" | "reference-pending";
  readonly value?: unknown;
}

/** The longest value provex previews (UTF-16 code units); longer is `value-too-large` for that user. */
export const MAX_VALUE_LENGTH = 1_048_576;

/** An evaluation error of one mapping: fails the user, never the run. */
export class MappingFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly target: string,
  ) {
    super(message);
  }
}

/** What one user's evaluation needs from the preview. */
export interface UserInput {
  readonly attributes: Readonly<Record<string, unknown>>;
  /** The target id of the source object a reference names, or undefined when it is not in the target yet. */
  readonly resolveReference: (sourceId: string) => string | undefined;
  readonly warnings: PreviewWarning[];
  /** Where the texts of secret values are gathered for the output boundary; undefined: reveal them. */
  readonly secrets: Set<string> | undefined;
}

const NOT_EVALUATED: unique symbol = Symbol("not evaluated");

/** A mapping whose evaluation failed for this user: thrown when its value is asked for. */
class Failed {
  constructor(readonly failure: MappingFailure) {}
}

/**
 * Mappings evaluated together for one user through {@link evaluateAll} (one evaluation state for all,
 * nothing allocated per pure expression), prepared once per configuration; `results` is reused.
 */
export interface EvaluationBatch {
  readonly mappings: readonly PlannedMapping[];
  readonly expressions: readonly (CompiledExpression | undefined)[];
  readonly contexts: readonly EvaluationContext[];
  readonly results: EvaluationResult[];
}

export function evaluationBatch(mappings: readonly PlannedMapping[]): EvaluationBatch {
  return {
    mappings,
    expressions: mappings.map((planned) => planned.compiled.expression),
    contexts: mappings.map((planned) => planned.context),
    results: new Array(mappings.length),
  };
}

/**
 * The values of one user's mappings, each evaluated at most once: the matching attributes of the
 * Import step are not evaluated again for the export, and Guid or RandomString give one value per user.
 */
export class UserValues {
  private readonly values: (Value | Failed | typeof NOT_EVALUATED)[];

  constructor(
    readonly input: UserInput,
    size: number,
  ) {
    this.values = new Array(size).fill(NOT_EVALUATED);
  }

  /**
   * Evaluates a batch of mappings at once. Their errors wait until their values are asked for, in
   * mapping order, as one by one; a limit of JavaScript's hit inside the batch leaves the batch to be
   * evaluated one by one, so that the failing mapping is the one named.
   */
  evaluate(batch: EvaluationBatch): void {
    const { attributes, secrets } = this.input;
    let results: EvaluationResult[];
    try {
      results = evaluateAll(batch.expressions, attributes, batch.contexts, batch.results);
    } catch {
      return;
    }
    const { mappings } = batch;
    for (let i = 0; i < mappings.length; i++) {
      const planned = mappings[i] as PlannedMapping;
      if (batch.expressions[i] === undefined || this.values[planned.slot] !== NOT_EVALUATED) continue;
      const result = results[i];
      const hide = planned.secret && secrets !== undefined;
      if (result instanceof ProvexError) {
        this.values[planned.slot] = new Failed(failureOf(result, planned, hide));
      } else if (result !== undefined) {
        this.values[planned.slot] =
          lengthOf(result) > MAX_VALUE_LENGTH ? new Failed(tooLarge(planned.target)) : result;
        if (hide) addSecretTexts(secretView(result), secrets as Set<string>);
      }
      results[i] = undefined;
    }
  }

  of(planned: PlannedMapping): Value {
    const known = this.values[planned.slot];
    if (known instanceof Failed) throw known.failure;
    if (known !== NOT_EVALUATED && known !== undefined) return known;
    const hide = planned.secret && this.input.secrets !== undefined;
    const value = evaluatePlanned(planned, this.input.attributes, hide);
    this.values[planned.slot] = value;
    if (hide) addSecretTexts(secretView(value), this.input.secrets as Set<string>);
    return value;
  }
}

function secretView(value: Value): unknown {
  if (isRoleList(value)) return value.roles;
  return isFlowSkipped(value) ? null : render(value);
}

function evaluatePlanned(
  planned: PlannedMapping,
  attributes: Readonly<Record<string, unknown>>,
  hide: boolean,
): Value {
  const { compiled, target } = planned;
  if (compiled.error) throw new MappingFailure(compiled.error.code, compiled.error.message, target);
  if (!compiled.expression) return null;
  let value: Value;
  try {
    value = compiled.expression.evaluate(attributes, planned.context);
  } catch (error) {
    throw failureOf(error, planned, hide);
  }
  if (lengthOf(value) > MAX_VALUE_LENGTH) throw tooLarge(target);
  return value;
}

/**
 * An evaluation error as the user's failure. A resource limit (a string or list past what JavaScript can
 * build) is `value-too-large`. The message of a secret mapping is withheld: it may quote the secret, or
 * a value derived from it that no output filter could recognise.
 */
function failureOf(error: unknown, planned: PlannedMapping, hide: boolean): MappingFailure {
  const target = planned.target;
  if (isResourceLimit(error)) return tooLarge(target);
  const code = error instanceof ProvexError ? error.code : "evaluation-failed";
  if (hide) {
    return new MappingFailure(
      code,
      `The expression failed (${code}) on a value that flows through Redact; the message is withheld because it may show the secret. Rerun with --show-redacted (option showRedacted) to see it.`,
      target,
    );
  }
  return new MappingFailure(code, error instanceof ProvexError ? error.message : String(error), target);
}

/**
 * JavaScript's own limits as a RangeError: a string or array longer than the engine allows, a buffer it
 * cannot allocate, a value nested deeper than the stack can walk.
 */
export function isResourceLimit(error: unknown): boolean {
  return (
    error instanceof RangeError &&
    /invalid (string|array|typed array) length|allocation failed|call stack/i.test(error.message)
  );
}

export function tooLarge(target: string): MappingFailure {
  return new MappingFailure(
    "value-too-large",
    `The value for ${target} is too large to preview (over ${MAX_VALUE_LENGTH.toLocaleString("en-US")} characters); check the expression for runaway growth (Replace, Join or Switch on very long text).`,
    target,
  );
}

function lengthOf(value: Value): number {
  if (typeof value === "string") return value.length;
  if (Array.isArray(value)) {
    let total = 0;
    for (const item of value) total += typeof item === "string" ? item.length : 0;
    return total;
  }
  return 0;
}

/**
 * The attributes a create or an update exports (SPEC §c.1, §c.4, Part 1 "Provision-on-demand preview"):
 * create-only mappings and None mappings write only on create, defaults apply on create only, null does
 * not flow, IgnoreFlowIfNullOrEmpty removes the attribute, references export the target's id.
 * `notes` (the step details) is filled only when given.
 */
export function computeExports(
  mappings: readonly PlannedMapping[],
  values: UserValues,
  mode: "create" | "update",
  notes: FlowNote[] | undefined,
): AttributeExport[] {
  const input = values.input;
  const exports: AttributeExport[] = [];
  for (const planned of mappings) {
    const target = planned.target;
    if (mode === "update" && planned.createOnly) {
      notes?.push({ target, outcome: "create-only" });
      continue;
    }
    const value = values.of(planned);
    const compiled = planned.compiled;
    for (const warning of compiled.staticWarnings) input.warnings.push(warning);
    if (compiled.iifConditionAttributes.length > 0) warnIifOnNull(planned, input);
    if (isFlowSkipped(value)) {
      notes?.push({ target, outcome: "flow-skipped" });
      continue;
    }
    let exported = exportValue(value, planned.type);
    let outcome: FlowNote["outcome"] = "exported";
    if (exported === undefined && mode === "create" && planned.defaultExport !== undefined) {
      exported = planned.defaultExport;
      outcome = "default";
      if (planned.secret && input.secrets) addSecretTexts(planned.mapping.defaultValue, input.secrets);
    }
    if (exported === undefined) {
      notes?.push({ target, outcome: "null" });
      continue;
    }
    if (planned.type === "Reference" && exported.kind === "text") {
      const id = input.resolveReference(exported.value);
      if (id === undefined) {
        input.warnings.push({
          code: "reference-not-exported",
          target,
          message: `${target} refers to ${exported.value}, which is not in the target app yet; Entra exports the reference in a later cycle, once that object exists.`,
        });
        notes?.push({ target, outcome: "reference-pending", value: exported.value });
        continue;
      }
      exported = { kind: "reference", id };
    }
    const item = new AttributeExport(planned, exported, planned.secret && input.secrets !== undefined);
    exports.push(item);
    notes?.push({ target, outcome, value: item.shown });
  }
  return exports;
}

/** A computed value as it travels to a target of `type` (Boolean → JSON boolean); undefined: nothing flows. */
export function exportValue(value: Value, type: string | undefined): ExportValue | undefined {
  if (value === null || isFlowSkipped(value)) return undefined;
  if (isRoleList(value)) {
    if (value.roles.length === 0) return undefined;
    return { kind: "roles", roles: value.roles, patch: value.patch ?? "add" };
  }
  const rendered = render(value);
  if (rendered === null) return undefined;
  if (Array.isArray(rendered)) return rendered.length === 0 ? undefined : { kind: "list", value: rendered };
  if (type === "Boolean" && /^(true|false)$/i.test(rendered))
    return { kind: "boolean", value: rendered.toLowerCase() === "true" };
  if (type === "Integer" && /^-?\d+$/.test(rendered)) {
    const number = Number(rendered);
    return { kind: "integer", value: Number.isSafeInteger(number) ? number : rendered };
  }
  return { kind: "text", value: rendered };
}

/** How an exported value is shown: role values, a reference's target id, else the value itself. */
export function shownValue(value: ExportValue): unknown {
  switch (value.kind) {
    case "roles":
      return value.roles.map((role) => role.value);
    case "reference":
      return value.id;
    default:
      return value.value;
  }
}

/** SPEC Part 1: IIF evaluates normally on a null/empty condition attribute, but the preview marks it. */
function warnIifOnNull(planned: PlannedMapping, input: UserInput): void {
  for (const name of planned.compiled.iifConditionAttributes) {
    const value = Object.hasOwn(input.attributes, name) ? input.attributes[name] : null;
    if (value === null || value === undefined || value === "") {
      input.warnings.push({
        code: "iif-null-condition",
        target: planned.target,
        message: `The IIF condition reads [${name}], which is null or empty for this user; Entra documents that the condition check fails then. Use Switch with a "" key instead.`,
      });
    }
  }
}
