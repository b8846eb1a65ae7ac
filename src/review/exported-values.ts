import type { MappingConfig } from "../mapping/model.js";
import { chooseObjectMapping } from "../mapping/object-choice.js";
import type { UserPreview } from "../mapping/preview-types.js";
import { parseTargetPath, readTargetValue, type TargetPath } from "../mapping/target-path.js";

/**
 * What Entra would send for one user, target attribute by target attribute: every attribute of a
 * create's POST body, the attributes a PATCH (update or disable) sets, or, for a target that is not a
 * SCIM app, the attribute changes of the export. Skips and errors send nothing. Values are those of the
 * preview result, so a secret is already `[Redact]` there unless the preview was asked to show it.
 */
export type ExportedValues = ReadonlyMap<string, unknown>;

const NOTHING: ExportedValues = new Map();

/** The target attributes of a configuration's user object mapping, parsed once, in mapping order. */
export class TargetAttributes {
  readonly paths: readonly TargetPath[];

  constructor(config: MappingConfig, objectMapping?: string) {
    const object = chooseObjectMapping(config, objectMapping).object;
    const names = new Set<string>();
    for (const mapping of object?.mappings ?? []) {
      if (typeof mapping.target === "string") names.add(mapping.target);
    }
    this.paths = [...names].map((name) => parseTargetPath(name));
  }

  /** The values `result` sends, keyed by target attribute. */
  exportedValues(result: UserPreview): ExportedValues {
    if (result.action !== "Create" && result.action !== "Update" && result.action !== "Disable")
      return NOTHING;
    const values = new Map<string, unknown>();
    for (const change of result.attributeChanges?.changes ?? []) values.set(change.target, change.newValue);
    for (const request of result.requests) {
      if (request.method === "POST") {
        for (const path of this.paths) {
          const value = readTargetValue(request.body, path);
          if (value !== undefined) values.set(path.name, value);
        }
        continue;
      }
      patchValues(request.body, values);
    }
    return values;
  }
}

/**
 * What `result` sends when its configuration is not at hand: the PATCH operations and attribute changes
 * as they are, and a create's attributes from its Action step (`exported`), so the result must have been
 * previewed with details. With the configuration, {@link TargetAttributes.exportedValues} needs no details.
 */
export function exportedValuesWithoutConfig(result: UserPreview): ExportedValues {
  if (result.action !== "Create" && result.action !== "Update" && result.action !== "Disable") return NOTHING;
  const values = new Map<string, unknown>();
  for (const change of result.attributeChanges?.changes ?? []) values.set(change.target, change.newValue);
  for (const request of result.requests) {
    if (request.method === "POST") {
      const exported = result.steps.find((step) => step.name === "action")?.details.exported;
      for (const entry of Array.isArray(exported) ? exported : []) {
        const { target, value } = (entry ?? {}) as { target?: unknown; value?: unknown };
        if (typeof target === "string") values.set(target, value);
      }
      continue;
    }
    patchValues(request.body, values);
  }
  return values;
}

function patchValues(body: unknown, into: Map<string, unknown>): void {
  const operations = (body as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(operations)) return;
  for (const operation of operations) {
    const { path, value } = (operation ?? {}) as { path?: unknown; value?: unknown };
    if (typeof path === "string") into.set(path, value);
  }
}
