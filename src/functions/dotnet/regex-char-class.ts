/**
 * .NET character classes (`[a-z\d-[aeiou]]`) as RE2 text. A class is read into items (literal ranges and
 * named sets such as `\p{L}`); subtraction is computed on literal ranges, and `\W`/`\S` inside a positive
 * class become an alternation, since RE2 classes cannot hold a complement.
 */
import { GENERAL_CATEGORIES, UNICODE_BLOCKS } from "./unicode-blocks.js";

/** A literal range, or a set RE2 writes inside brackets (`\p{L}`), or a complement set (`\W`). */
export type ClassItem =
  | { readonly kind: "range"; readonly lo: number; readonly hi: number }
  | { readonly kind: "set"; readonly re2: string }
  | { readonly kind: "complement"; readonly re2: string };

/** RE2 class bodies for .NET's Unicode-aware shorthand classes (.NET's definitions, not RE2's ASCII ones). */
export const WORD_SET = "\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}";
export const SPACE_SET = "\\x{9}-\\x{D}\\x{20}\\x{85}\\p{Z}";
export const DIGIT_SET = "\\p{Nd}";

/** `\d \D \w \W \s \S` as class items. */
export function shorthandItem(letter: string): ClassItem | undefined {
  switch (letter) {
    case "d":
      return { kind: "set", re2: DIGIT_SET };
    case "D":
      return { kind: "set", re2: "\\P{Nd}" };
    case "w":
      return { kind: "set", re2: WORD_SET };
    case "W":
      return { kind: "complement", re2: WORD_SET };
    case "s":
      return { kind: "set", re2: SPACE_SET };
    case "S":
      return { kind: "complement", re2: SPACE_SET };
    default:
      return undefined;
  }
}

/**
 * `\p{name}` / `\P{name}` as a class item, or a message saying why not. Blocks become ranges; a negated
 * block becomes a complement.
 */
export function unicodeItem(name: string, negated: boolean): ClassItem | string {
  if (GENERAL_CATEGORIES.has(name)) return { kind: "set", re2: `\\${negated ? "P" : "p"}{${name}}` };
  const block = UNICODE_BLOCKS[name];
  if (block === undefined) {
    return name.startsWith("Is")
      ? `the Unicode block ${name} is not in provex's table of blocks`
      : `${name} is not a Unicode category .NET knows`;
  }
  const range = `${hex(block[0])}-${hex(block[1])}`;
  return negated ? { kind: "complement", re2: range } : { kind: "set", re2: range };
}

export function hex(codePoint: number): string {
  return `\\x{${codePoint.toString(16).toUpperCase()}}`;
}

/** RE2 for a class: `[…]`, `[^…]`, or an alternation when a positive class holds complements. */
export function emitClass(items: readonly ClassItem[], negated: boolean): string | undefined {
  const plain = items
    .filter((item) => item.kind !== "complement")
    .map((item) => (item.kind === "range" ? rangeText(item.lo, item.hi) : item.re2))
    .join("");
  const complements = items.filter((item) => item.kind === "complement");
  if (complements.length === 0) {
    // RE2 rejects an empty class; .NET's `[^]`-like empty sets cannot be written anyway, so this is a subtraction result.
    if (plain === "") return negated ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]";
    return `[${negated ? "^" : ""}${plain}]`;
  }
  if (negated) {
    // [^\W] = word characters; [^\Wx] would need an intersection, which RE2 cannot express.
    if (complements.length === 1 && plain === "") return `[${complements[0]!.re2}]`;
    return undefined;
  }
  const parts = complements.map((item) => `[^${item.re2}]`);
  if (plain !== "") parts.push(`[${plain}]`);
  return `(?:${parts.join("|")})`;
}

function rangeText(lo: number, hi: number): string {
  return lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`;
}

/** Literal ranges of `base` minus those of `remove`; `undefined` when either holds a named set. */
export function subtractRanges(
  base: readonly ClassItem[],
  baseNegated: boolean,
  remove: readonly ClassItem[],
  removeNegated: boolean,
): ClassItem[] | undefined {
  const toRanges = (items: readonly ClassItem[], negated: boolean) => {
    if (items.some((item) => item.kind !== "range")) return undefined;
    const ranges = normalize(
      items.flatMap((item) => (item.kind === "range" ? [{ lo: item.lo, hi: item.hi }] : [])),
    );
    return negated ? complement(ranges) : ranges;
  };
  const a = toRanges(base, baseNegated);
  const b = toRanges(remove, removeNegated);
  if (a === undefined || b === undefined) return undefined;
  const result: ClassItem[] = [];
  for (const r of a) {
    let pieces = [{ lo: r.lo, hi: r.hi }];
    for (const s of b) {
      pieces = pieces.flatMap((p) => {
        if (s.hi < p.lo || s.lo > p.hi) return [p];
        const out: { lo: number; hi: number }[] = [];
        if (s.lo > p.lo) out.push({ lo: p.lo, hi: s.lo - 1 });
        if (s.hi < p.hi) out.push({ lo: s.hi + 1, hi: p.hi });
        return out;
      });
    }
    for (const p of pieces) result.push({ kind: "range", lo: p.lo, hi: p.hi });
  }
  return result;
}

function normalize(ranges: readonly { lo: number; hi: number }[]): { lo: number; hi: number }[] {
  const sorted = [...ranges].sort((x, y) => x.lo - y.lo);
  const out: { lo: number; hi: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ lo: r.lo, hi: r.hi });
  }
  return out;
}

function complement(ranges: readonly { lo: number; hi: number }[]): { lo: number; hi: number }[] {
  const out: { lo: number; hi: number }[] = [];
  let next = 0;
  for (const r of ranges) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next <= 0x10ffff) out.push({ lo: next, hi: 0x10ffff });
  return out;
}
