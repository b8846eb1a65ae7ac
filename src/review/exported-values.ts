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
      const operations = (request.body as { Operations?: unknown }).Operations;
      if (!Array.isArray(operations)) continue;
      for (const operation of operations) {
        const { path, value } = (operation ?? {}) as { path?: unknown; value?: unknown };
        if (typeof path === "string") values.set(path, value);
      }
    }
    return values;
  }
}
