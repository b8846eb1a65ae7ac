import type { Diagnostic } from "../diagnostics/index.js";
import { graphParameterKeys } from "../functions/index.js";
import { type Expression, toGraphSource } from "../parser/index.js";

/**
 * True when writing the tree back with {@link toGraphSource} gives exactly the exported `source`, so the
 * model need not keep the original. Otherwise (unusual parameter keys, spacing in `expression`) the
 * loader keeps the original tree and the writer sends it back unchanged.
 */
export function graphSourceIsRegenerated(
  original: unknown,
  ast: Expression,
  diagnostics: readonly Diagnostic[],
): boolean {
  if (diagnostics.some((d) => d.severity === "error")) return false;
  try {
    return deepEqual(toGraphSource(ast, graphParameterKeys), original);
  } catch {
    return false;
  }
}

/** Structural equality of plain JSON data (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]))
  );
}
