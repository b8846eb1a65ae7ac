import { parseTargetPath, readTargetValue } from "./target-path.js";

/** What `find` returns when nothing has the value: one shared empty list rather than one per lookup. */
const NOTHING: readonly unknown[] = Object.freeze([]);

/**
 * The target app's directory before the run: SCIM resources (a JSON array), indexed lazily per target
 * attribute for matching and for SelectUniqueValue's "does this value exist" question.
 */
export class TargetDirectory {
  private readonly indexes = new Map<string, Map<string, unknown[]>>();
  readonly resources: readonly unknown[];

  constructor(resources: unknown) {
    this.resources = Array.isArray(resources)
      ? resources.filter((r) => typeof r === "object" && r !== null)
      : [];
  }

  /**
   * The resources whose `targetAttribute` equals `value`. Case-insensitive unless the attribute is
   * caseExact, as SCIM servers filter (`userName eq "…"` ignores case).
   */
  find(targetAttribute: string, value: string, caseExact: boolean): readonly unknown[] {
    const index = this.index(targetAttribute);
    const found = index.get(value.toLowerCase()) ?? NOTHING;
    return caseExact
      ? found.filter((resource) => valuesAt(resource, targetAttribute).includes(value))
      : found;
  }

  exists(targetAttribute: string, value: string): boolean {
    return this.find(targetAttribute, value, false).length > 0;
  }

  /** The `id` of a resource (SCIM's server-assigned identifier); "" when it has none. */
  static idOf(resource: unknown): string {
    return TargetDirectory.knownIdOf(resource) ?? "";
  }

  /** The `id` of a resource as text, or undefined when it has none (absent, empty, not a string or number). */
  static knownIdOf(resource: unknown): string | undefined {
    const id = (resource as { id?: unknown } | null)?.id;
    if (typeof id === "string") return id.trim() === "" ? undefined : id;
    if (typeof id === "number" && Number.isFinite(id)) return String(id);
    return undefined;
  }

  private index(targetAttribute: string): Map<string, unknown[]> {
    let index = this.indexes.get(targetAttribute);
    if (index) return index;
    index = new Map();
    for (const resource of this.resources) {
      for (const value of valuesAt(resource, targetAttribute)) {
        const key = value.toLowerCase();
        const list = index.get(key);
        if (list) {
          if (!list.includes(resource)) list.push(resource);
        } else index.set(key, [resource]);
      }
    }
    this.indexes.set(targetAttribute, index);
    return index;
  }
}

/** The texts a resource holds at a path: one for a single value, each for a list. */
function valuesAt(resource: unknown, targetAttribute: string): string[] {
  const value = readTargetValue(resource, parseTargetPath(targetAttribute));
  const items = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item === "string") texts.push(item);
    else if (typeof item === "number" || typeof item === "boolean") texts.push(String(item));
    else if (
      typeof item === "object" &&
      item !== null &&
      typeof (item as { value?: unknown }).value === "string"
    )
      texts.push((item as { value: string }).value);
  }
  return texts;
}
