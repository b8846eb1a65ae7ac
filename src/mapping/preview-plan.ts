import type { EvaluationContext } from "../functions/index.js";
import { compileMapping } from "./compile-mapping.js";
import { type AttributeTable, attributeTable } from "./directories.js";
import { type EvaluationBatch, evaluationBatch, exportValue, type PlannedMapping } from "./flow.js";
import type { MappingConfig, ObjectMapping } from "./model.js";
import type { PreviewOptions, PreviewStepName } from "./preview-types.js";
import { readsSecret, secretAttributesOf } from "./redaction.js";
import { type CompiledScope, compileScope } from "./scoping.js";
import { TargetDirectory } from "./target-directory.js";
import { describeTarget, type TargetDescription } from "./target-kind.js";
import { parseTargetPath, targetWriter } from "./target-path.js";

/**
 * Everything about a configuration that does not depend on the user, built once per previewer: the
 * compiled mappings with their target paths, types, flow flags and contexts (the export plan), the
 * matching attributes in priority order, the compiled scope, the kind of target, the secrets.
 */
export interface PreviewPlan {
  readonly config: MappingConfig;
  readonly object: ObjectMapping;
  /** What is previewed, for the step texts: "user", "group" (from the source object). */
  readonly noun: string;
  readonly titles: Readonly<Record<PreviewStepName, string>>;
  readonly sourceTable: AttributeTable;
  readonly targetTable: AttributeTable;
  readonly mappings: readonly PlannedMapping[];
  /** The matching mappings (priority > 0), lowest priority first (SPEC §c.1, §c.3). */
  readonly matchers: readonly PlannedMapping[];
  /** The matching mappings, evaluated together for the Import step. */
  readonly matcherBatch: EvaluationBatch;
  /** The other mappings a create evaluates, and those an update does (no create-only ones). */
  readonly createBatch: EvaluationBatch;
  readonly updateBatch: EvaluationBatch;
  readonly scope: CompiledScope;
  readonly target: TargetDescription;
  /** `/Users` or `/Groups`, for SCIM targets. */
  readonly endpoint: string;
  /** The attributes a create must write (`required: true`; SCIM's userName when nothing is defined). */
  readonly required: readonly string[];
  readonly directory: TargetDirectory;
  /** Source attributes that flow through Redact somewhere in the configuration. */
  readonly secretAttributes: ReadonlySet<string>;
  /** Secrets are hidden (the configuration has some, and revealing them was not asked for). */
  readonly hidesSecrets: boolean;
  /** Build each step's details (the playground and `--details`); off, results carry no steps. */
  readonly details: boolean;
}

export function buildPlan(
  config: MappingConfig,
  object: ObjectMapping,
  options: PreviewOptions,
): PreviewPlan {
  const sourceTable = attributeTable(config, object, "source");
  const targetTable = attributeTable(config, object, "target");
  const directory = new TargetDirectory(options.target ?? []);
  // One instant for the whole run, so that Now() agrees across users and steps.
  const base: EvaluationContext = { ...options.context, now: options.context?.now ?? new Date() };
  const exists = (attribute: string, value: string) => directory.exists(attribute, value);
  const secretAttributes = secretAttributesOf(config);
  const mappings = object.mappings.map((mapping, slot): PlannedMapping => {
    const compiled = compileMapping(mapping, config.dialect, sourceTable);
    const type = targetTable.get(mapping.target)?.type;
    const path = parseTargetPath(mapping.target);
    return {
      slot,
      compiled,
      mapping,
      target: mapping.target,
      path,
      write: targetWriter(path),
      type,
      createOnly: mapping.flowType === "ObjectAddOnly" || mapping.type === "none",
      flowType: mapping.flowType,
      flowAlways: mapping.flowBehavior === "FlowAlways",
      defaultExport: mapping.defaultValue === null ? undefined : exportValue(mapping.defaultValue, type),
      secret: compiled.redacted || readsSecret(compiled.expression?.ast, secretAttributes),
      context: {
        ...base,
        ...(options.randomFor ? { random: options.randomFor(mapping.target) } : {}),
        targetAttribute: mapping.target,
        exists,
      },
    };
  });
  const matchers = mappings
    .filter((planned) => planned.mapping.matchingPriority > 0)
    .sort((a, b) => a.mapping.matchingPriority - b.mapping.matchingPriority);
  const target = describeTarget(config, object, options.targetKind);
  const others = mappings.filter((planned) => planned.mapping.matchingPriority <= 0);
  return {
    matcherBatch: evaluationBatch(matchers),
    createBatch: evaluationBatch(others),
    updateBatch: evaluationBatch(others.filter((planned) => !planned.createOnly)),
    config,
    object,
    noun: nounOf(object.sourceObjectName),
    titles: stepTitles(nounOf(object.sourceObjectName)),
    sourceTable,
    targetTable,
    mappings,
    matchers,
    scope: compileScope(object.scope),
    target,
    endpoint: /group/i.test(object.targetObjectName) ? "/Groups" : "/Users",
    required: requiredAttributes(targetTable, target, object),
    directory,
    secretAttributes,
    hidesSecrets:
      options.showRedacted !== true && (secretAttributes.size > 0 || mappings.some((m) => m.secret)),
    details: options.details !== false,
  };
}

/**
 * The attributes a create must write: `required: true` in the directory definitions; without them, what
 * SCIM requires (userName for a user, displayName for a group), and nothing for another kind of app.
 */
function requiredAttributes(
  table: AttributeTable,
  target: TargetDescription,
  object: ObjectMapping,
): readonly string[] {
  if (table.defined) return table.required;
  if (target.kind !== "scim") return [];
  return /group/i.test(object.targetObjectName) ? ["displayName"] : table.required;
}

function nounOf(sourceObjectName: string): string {
  const lower = typeof sourceObjectName === "string" ? sourceObjectName.toLowerCase() : "";
  return /^[a-z]+$/.test(lower) ? lower : "object";
}

/** Entra's step titles, for the kind of object previewed ("Import user", "Import group"). */
function stepTitles(noun: string): Record<PreviewStepName, string> {
  return {
    import: `Import ${noun}`,
    scope: `Determine if ${noun} is in scope`,
    match: `Match ${noun} between source and target system`,
    action: "Perform action",
  };
}
