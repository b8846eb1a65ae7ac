import type { CompiledMapping } from "./compile-mapping.js";
import type { AttributeTable } from "./directories.js";
import type { FlowInput } from "./flow.js";
import { matchInTarget, matchingValues } from "./matching.js";
import { sourceAttributes } from "./source-user.js";
import { TargetDirectory } from "./target-directory.js";

/**
 * Resolves references (manager) to target ids: the referenced source user is matched against the target
 * directory. Users already previewed are remembered by objectId (only their target id, so memory stays
 * bounded by the target directory when users stream).
 */
export function referenceResolver(
  population: readonly unknown[] | undefined,
  matchers: readonly CompiledMapping[],
  directory: TargetDirectory,
  targetTable: AttributeTable,
  inputFor: (attributes: Readonly<Record<string, unknown>>) => FlowInput,
) {
  const known = new Map<string, string | undefined>();
  let byObjectId: Map<string, unknown> | undefined;
  const objectIdOf = (attributes: Readonly<Record<string, unknown>>) => {
    const id = attributes.objectId;
    return typeof id === "string" ? id : undefined;
  };
  return {
    record(attributes: Readonly<Record<string, unknown>>, targetId: string | undefined): void {
      const id = objectIdOf(attributes);
      if (id !== undefined && targetId !== undefined) known.set(id, targetId);
    },
    resolve(sourceId: string): string | undefined {
      if (known.has(sourceId)) return known.get(sourceId);
      if (!byObjectId) {
        byObjectId = new Map();
        for (const user of population ?? []) {
          const attributes = sourceAttributes(user);
          const id = attributes && objectIdOf(attributes);
          if (id !== undefined && attributes) byObjectId.set(id, user);
        }
      }
      const user = byObjectId.get(sourceId);
      const attributes = sourceAttributes(user);
      let targetId: string | undefined;
      if (attributes) {
        try {
          const outcome = matchInTarget(
            matchingValues(matchers, inputFor(attributes)),
            directory,
            targetTable,
          );
          targetId = outcome.found.length === 1 ? TargetDirectory.idOf(outcome.found[0]) : undefined;
        } catch {
          targetId = undefined;
        }
      }
      known.set(sourceId, targetId);
      return targetId;
    },
  };
}
