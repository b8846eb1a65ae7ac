import type { ConfigNode } from "./config-tree.js";
import { deepEqual } from "./graph-source.js";
import { setOwn } from "./plain-data.js";

/**
 * Keys, in an `extra` object, under which a loader records how the Entra file wrote a property the
 * model normalises. `provex:absent` lists the properties the file leaves out (the model holds their
 * default, {@link ABSENT_DEFAULTS}); `provex:original` maps a property written differently from what
 * the writer would write for the value read to `{ written, read }` (`"flowType": "always"`,
 * `"defaultValue": 5`, `"enabled": null`). The writer gives back the original writing while the model
 * still holds what was read, so that Entra → provex → Entra returns the same document when nothing was
 * edited, and writes the model's value once it was. Both travel through the provex format under
 * `entra:` like any kept property; a Graph property name never contains a colon.
 */
export const ABSENT_KEY = "provex:absent";
export const ORIGINAL_KEY = "provex:original";

/**
 * What the model holds for each known Entra property the file leaves out (lists: their length). One
 * table for every level: no two levels give one name different defaults.
 */
export const ABSENT_DEFAULTS: Readonly<Record<string, unknown>> = {
  id: "",
  objectMappings: 0,
  name: "",
  enabled: true,
  flowTypes: "Add, Update, Delete",
  sourceObjectName: "User",
  targetObjectName: "",
  scope: null,
  attributeMappings: 0,
  groups: 0,
  clauses: 0,
  targetOperand: 0,
  values: [],
  source: null,
  defaultValue: null,
  exportMissingReferences: false,
  flowBehavior: "FlowWhenChanged",
  flowType: "Always",
  matchingPriority: 0,
};

export interface OriginalWriting {
  readonly absent?: true;
  readonly written?: unknown;
  readonly read: unknown;
}

/**
 * Notes how `key` was written when writing `read` back would not reproduce it. `raw` is the property
 * as plain data (undefined when absent); `fresh` what the writer would write (defaults to `read`).
 */
export function noteOriginal(
  extra: Record<string, unknown>,
  key: string,
  raw: unknown,
  read: unknown,
  fresh: unknown = read,
): void {
  if (raw !== undefined && deepEqual(raw, fresh)) return;
  if (raw === undefined && Object.hasOwn(ABSENT_DEFAULTS, key) && deepEqual(ABSENT_DEFAULTS[key], read)) {
    const absent = Array.isArray(extra[ABSENT_KEY]) ? (extra[ABSENT_KEY] as unknown[]) : [];
    if (!absent.includes(key)) absent.push(key);
    setOwn(extra, ABSENT_KEY, absent);
    return;
  }
  let originals = extra[ORIGINAL_KEY] as Record<string, OriginalWriting> | undefined;
  if (typeof originals !== "object" || originals === null) {
    originals = {};
    setOwn(extra, ORIGINAL_KEY, originals);
  }
  setOwn(originals, key, raw === undefined ? { absent: true, read } : { written: raw, read });
}

/**
 * Writes `key` into `out`: its original writing when the model still holds what was read (nothing, if
 * it was absent), else `fresh`. `current` is the model's value in the form `read` was noted in.
 */
export function writeOriginal(
  out: Record<string, unknown>,
  extra: Readonly<Record<string, unknown>>,
  key: string,
  current: unknown,
  fresh: unknown = current,
): void {
  const absent = extra[ABSENT_KEY];
  if (Array.isArray(absent) && absent.includes(key) && deepEqual(ABSENT_DEFAULTS[key], current)) return;
  const originals = extra[ORIGINAL_KEY];
  const original =
    typeof originals === "object" && originals !== null && Object.hasOwn(originals, key)
      ? ((originals as Record<string, unknown>)[key] as OriginalWriting | undefined)
      : undefined;
  if (original && typeof original === "object" && deepEqual(original.read, current)) {
    if (original.absent) return;
    if ("written" in original) {
      setOwn(out, key, original.written);
      return;
    }
  }
  setOwn(out, key, fresh);
}

/** `extra` without the bookkeeping keys, for spreading into written JSON. */
export function keptProperties(extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra))
    if (key !== ORIGINAL_KEY && key !== ABSENT_KEY) setOwn(rest, key, value);
  return rest;
}

/** A scalar node's value as plain data, without reporting anything (the loader checked its type). */
export function rawScalar(node: ConfigNode | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.kind !== "scalar") return node.kind === "seq" ? [] : {};
  return typeof node.value === "bigint" ? Number(node.value) : node.value;
}
