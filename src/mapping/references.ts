import { sourceAttributes } from "./source-user.js";

/**
 * Resolves references (manager) to target ids: the referenced source user is matched against the target
 * directory by `matchTargetId`. Users already previewed are remembered by objectId (only their target
 * id, so memory stays bounded by the target directory when users stream). Without the population (users
 * streamed), a reference to a user not previewed, or not matched, is not remembered: its answer is
 * undefined until `record` gives one, and keeping each such id would grow with the input (about one
 * entry per distinct manager, ~25 MiB over a million users).
 */
export function referenceResolver(
  population: readonly unknown[] | undefined,
  matchTargetId: (attributes: Readonly<Record<string, unknown>>) => string | undefined,
) {
  const known = new Map<string, string | undefined>();
  let byObjectId: Map<string, unknown> | undefined;
  const objectIdOf = (attributes: Readonly<Record<string, unknown>>) => {
    const id = attributes.objectId;
    return typeof id === "string" ? id : undefined;
  };
  return {
    record(attributes: Readonly<Record<string, unknown>>, targetId: string | undefined): void {
      if (targetId === undefined) return;
      const id = objectIdOf(attributes);
      if (id !== undefined) known.set(id, targetId);
    },
    /** How many source ids it remembers (for the memory tests). */
    get size(): number {
      return known.size;
    },
    resolve(sourceId: string): string | undefined {
      if (known.has(sourceId)) return known.get(sourceId);
      if (population === undefined) return undefined;
      if (!byObjectId) {
        byObjectId = new Map();
        for (const user of population) {
          const attributes = sourceAttributes(user);
          const id = attributes && objectIdOf(attributes);
          if (id !== undefined && attributes) byObjectId.set(id, user);
        }
      }
      const attributes = sourceAttributes(byObjectId.get(sourceId));
      let targetId: string | undefined;
      if (attributes) {
        try {
          targetId = matchTargetId(attributes);
        } catch {
          targetId = undefined;
        }
      }
      known.set(sourceId, targetId);
      return targetId;
    },
  };
}
