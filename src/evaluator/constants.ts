import type { Value } from "../functions/index.js";

/**
 * The values of the bare constants. InStr's compare modes keep VBA's numbers (vbBinaryCompare = 0,
 * vbTextCompare = 1); encodings are their names, which ConvertFromBase64 reads.
 */
const CONSTANT_VALUES: Readonly<Record<string, Value>> = {
  True: true,
  False: false,
  vbBinaryCompare: 0n,
  vbTextCompare: 1n,
  UTF8: "UTF8",
  Unicode: "Unicode",
  ASCII: "ASCII",
};

export function constantValue(name: string): Value {
  return Object.hasOwn(CONSTANT_VALUES, name) ? (CONSTANT_VALUES[name] ?? null) : null;
}
