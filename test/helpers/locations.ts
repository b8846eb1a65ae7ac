import { expect } from "vitest";
import type { TextLocation } from "../../src/index.js";

/**
 * Checks a traced value against the file independently of the loader: each offset must point at a
 * literal character of the value, an escape that decodes to it, a line break that folds into it, or
 * the first quote of a YAML `''`; offsets never go backwards.
 */
/** What the file writes at `offset`, decoded: the characters it stands for, or a fold. */
function decodeAt(text: string, offset: number, style: TextLocation["style"]): string[] {
  const c = text[offset] ?? "";
  if (c === "\\" && (style === "json" || style === "double-quoted")) {
    const e = text[offset + 1] ?? "";
    const hex = (n: number) => Number.parseInt(text.slice(offset + 2, offset + 2 + n), 16);
    if (e === "u") return [String.fromCharCode(hex(4))];
    if (e === "x") return [String.fromCharCode(hex(2))];
    if (e === "U") return [...String.fromCodePoint(hex(8))].flatMap((ch) => ch.split(""));
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      b: "\b",
      f: "\f",
      "0": "\0",
      a: "\x07",
      e: "\x1b",
      v: "\v",
      N: "\u0085",
      _: "\u00a0",
      L: "\u2028",
      P: "\u2029",
      "\t": "\t",
    };
    return [simple[e] ?? e];
  }
  if ((c === "\n" || c === "\r") && style !== "json") return [" ", "\n"];
  return [c];
}

export function checkLocation(text: string, value: string, location: TextLocation | undefined): void {
  expect(location).toBeDefined();
  const { offsets, style } = location as TextLocation;
  expect(offsets).toHaveLength(value.length + 1);
  for (let i = 0; i < value.length; i++) {
    const offset = offsets[i] ?? -1;
    // Code units written by one escape share its offset; `k` is this unit's place among them.
    let k = 0;
    while (i - k - 1 >= 0 && offsets[i - k - 1] === offset) k++;
    const decoded = decodeAt(text, offset, style);
    const expected = value[i] ?? "";
    const ok =
      decoded.includes(expected) ||
      decoded[k] === expected ||
      (style === "single-quoted" && expected === "'" && text[offset] === "'") ||
      (text[offset] === "\r" && expected === "\r");
    if (!ok)
      throw new Error(
        `character ${i} ${JSON.stringify(expected)} of ${JSON.stringify(value)} points at offset ${offset} (${JSON.stringify(text.slice(offset, offset + 6))}) in ${style}:\n${text}`,
      );
    if (i > 0) expect(offset).toBeGreaterThanOrEqual(offsets[i - 1] ?? 0);
  }
  expect(offsets[value.length] ?? -1).toBeGreaterThanOrEqual(offsets[value.length - 1] ?? 0);
}
