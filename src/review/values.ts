import { setOwn } from "../mapping/plain-data.js";

/**
 * Values as the review commands compare and print them: the JSON of a preview result, where object key
 * order carries no meaning and integers may be bigints.
 */

/** Deep equality of two exported values (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted and bigints as digits: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value)) ?? "null";
}

function sorted(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      setOwn(out, key, sorted((value as Record<string, unknown>)[key]));
    }
    return out;
  }
  return value;
}

/** A value in one line for a report: JSON (strings quoted, so spaces and "" show), cut to `limit`. */
export function valueText(value: unknown, limit = 200): string {
  const text = JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
  const shown = text ?? "null";
  return shown.length > limit ? `${shown.slice(0, limit)}…` : shown;
}
