import { ProvexError } from "../diagnostics/index.js";
import { render } from "../evaluator/index.js";
import {
  type EvaluationContext,
  isFlowSkipped,
  isRoleList,
  type Role,
  type Value,
} from "../functions/index.js";
import type { CompiledMapping } from "./compile-mapping.js";
import type { AttributeTable } from "./directories.js";
import type { FlowType } from "./model.js";
import type { PreviewWarning } from "./preview-types.js";
import { parseTargetPath, type TargetPath } from "./target-path.js";

/** A value ready for the SCIM payload, by the kind of target attribute it goes to. */
export type ExportValue =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly value: number | string }
  | { readonly kind: "list"; readonly value: readonly string[] }
  | { readonly kind: "roles"; readonly roles: readonly Role[]; readonly patch: "add" | "replace" }
  | { readonly kind: "reference"; readonly id: string };

/** One target attribute the export writes. */
export interface AttributeExport {
  readonly target: string;
  readonly path: TargetPath;
  readonly value: ExportValue;
  /** What the step details show: the value, or `[Redact]`. */
  readonly shown: unknown;
  readonly redacted: boolean;
  /** Graph flowType: AttributeAddOnly writes only where the target has no value yet. */
  readonly flowType: FlowType;
  /** FlowAlways exports even an unchanged value; FlowWhenChanged (the default) only a changed one. */
  readonly flowAlways: boolean;
}

/** Why a mapping wrote nothing, for the step details. */
export interface FlowNote {
  readonly target: string;
  readonly outcome: "exported" | "default" | "null" | "flow-skipped" | "create-only" | "reference-pending";
  readonly value?: unknown;
}

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

export interface FlowInput {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly mode: "create" | "update";
  /** The evaluation context of a target attribute (clock, randomness, the target's `exists`). */
  readonly contextFor: (targetAttribute: string) => EvaluationContext;
  readonly targetTable: AttributeTable;
  /** The target id of the source object a reference names, or undefined when it is not in the target yet. */
  readonly resolveReference: (sourceId: string) => string | undefined;
  readonly warnings: PreviewWarning[];
}

/** Evaluates one mapping for one user; undefined when nothing flows. */
export function evaluateMapping(compiled: CompiledMapping, input: FlowInput): Value {
  const { mapping } = compiled;
  if (compiled.error) throw new MappingFailure(compiled.error.code, compiled.error.message, mapping.target);
  if (!compiled.expression) return null;
  try {
    return compiled.expression.evaluate(input.attributes, input.contextFor(mapping.target));
  } catch (error) {
    if (error instanceof ProvexError) throw new MappingFailure(error.code, error.message, mapping.target);
    throw new MappingFailure("evaluation-failed", String(error), mapping.target);
  }
}

/**
 * The attributes a create or an update exports (SPEC §c.1, §c.4, Part 1 "Provision-on-demand preview"):
 * create-only mappings and None mappings write only on create, defaults apply on create only, null does
 * not flow, IgnoreFlowIfNullOrEmpty removes the attribute, references export the target's id.
 */
export function computeExports(
  mappings: readonly CompiledMapping[],
  input: FlowInput,
): { exports: AttributeExport[]; notes: FlowNote[] } {
  const exports: AttributeExport[] = [];
  const notes: FlowNote[] = [];
  for (const compiled of mappings) {
    const { mapping } = compiled;
    const target = mapping.target;
    if (input.mode === "update" && (mapping.flowType === "ObjectAddOnly" || mapping.type === "none")) {
      notes.push({ target, outcome: "create-only" });
      continue;
    }
    const value = evaluateMapping(compiled, input);
    for (const warning of compiled.staticWarnings) input.warnings.push(warning);
    warnIifOnNull(compiled, input);
    if (isFlowSkipped(value)) {
      notes.push({ target, outcome: "flow-skipped" });
      continue;
    }
    const definition = input.targetTable.get(target);
    let exported = exportValue(value, definition?.type);
    let outcome: FlowNote["outcome"] = "exported";
    if (exported === undefined && input.mode === "create" && mapping.defaultValue !== null) {
      exported = exportValue(mapping.defaultValue, definition?.type);
      outcome = "default";
    }
    if (exported === undefined) {
      notes.push({ target, outcome: "null" });
      continue;
    }
    if (definition?.type === "Reference" && exported.kind === "text") {
      const id = input.resolveReference(exported.value);
      if (id === undefined) {
        input.warnings.push({
          code: "reference-not-exported",
          target,
          message: `${target} refers to ${exported.value}, which is not in the target app yet; Entra exports the reference in a later cycle, once that object exists.`,
        });
        notes.push({ target, outcome: "reference-pending", value: exported.value });
        continue;
      }
      exported = { kind: "reference", id };
    }
    const shown = compiled.redacted ? "[Redact]" : shownValue(exported);
    exports.push({
      target,
      path: parseTargetPath(target),
      value: exported,
      shown,
      redacted: compiled.redacted,
      flowType: mapping.flowType,
      flowAlways: mapping.flowBehavior === "FlowAlways",
    });
    notes.push({ target, outcome, value: shown });
  }
  return { exports, notes };
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
function warnIifOnNull(compiled: CompiledMapping, input: FlowInput): void {
  for (const name of compiled.iifConditionAttributes) {
    const value = Object.hasOwn(input.attributes, name) ? input.attributes[name] : null;
    if (value === null || value === undefined || value === "") {
      input.warnings.push({
        code: "iif-null-condition",
        target: compiled.mapping.target,
        message: `The IIF condition reads [${name}], which is null or empty for this user; Entra documents that the condition check fails then. Use Switch with a "" key instead.`,
      });
    }
  }
}
