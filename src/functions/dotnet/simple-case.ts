/**
 * .NET's character-by-character case mapping. `TextInfo.ToUpper/ToLower` map each UTF-16 character (or
 * surrogate pair) to exactly one character — Unicode's *simple* case mapping — while JavaScript's
 * `toUpperCase` uses the *full* mapping (`ß` → `SS`, final sigma, `İ` → `i̇`). The tables are
 * JavaScript's (current Unicode), as .NET 5+ takes them from ICU. These helpers map one code
 * point at a time and fall back to the simple mapping where the full one differs.
 */

/** Simple upper-case mappings where JavaScript's full mapping yields several characters. */
function simpleUpperSpecial(codePoint: number): number | undefined {
  // Greek letters with ypogegrammeni: the full mapping expands them, the simple one adds 8 (to the ..8–..F row).
  if (codePoint >= 0x1f80 && codePoint <= 0x1faf) return (codePoint & 0xf) < 8 ? codePoint + 8 : codePoint;
  if (codePoint === 0x1fb3) return 0x1fbc;
  if (codePoint === 0x1fc3) return 0x1fcc;
  if (codePoint === 0x1ff3) return 0x1ffc;
  return undefined;
}

/**
 * Upper-cases one code point with the simple mapping; characters without one stay as they are. Like .NET's
 * invariant culture (and Windows), dotless `ı` stays `ı`: only Turkish and Azerbaijani map it to `I`.
 */
export function upperCodePoint(codePoint: number): number {
  if (codePoint === 0x0131) return codePoint;
  const special = simpleUpperSpecial(codePoint);
  if (special !== undefined) return special;
  const upper = String.fromCodePoint(codePoint).toUpperCase();
  const mapped = upper.codePointAt(0)!;
  return upper.length === String.fromCodePoint(mapped).length ? mapped : codePoint;
}

/**
 * Lower-cases one code point with the simple mapping (`Σ` → `σ` everywhere). Like .NET's invariant culture,
 * dotted `İ` stays `İ`: only Turkish and Azerbaijani map it to `i`.
 */
export function lowerCodePoint(codePoint: number): number {
  if (codePoint === 0x0130) return codePoint;
  const lower = String.fromCodePoint(codePoint).toLowerCase();
  const mapped = lower.codePointAt(0)!;
  return lower.length === String.fromCodePoint(mapped).length ? mapped : codePoint;
}

/** Maps every code point of `text` (lone surrogates pass through). */
export function mapCodePoints(text: string, map: (codePoint: number) => number): string {
  let out = "";
  for (const ch of text) out += String.fromCodePoint(map(ch.codePointAt(0)!));
  return out;
}

/** `CultureInfo.InvariantCulture.TextInfo.ToUpper`. */
export function toUpperInvariant(text: string): string {
  return mapCodePoints(text, upperCodePoint);
}

/** `CultureInfo.InvariantCulture.TextInfo.ToLower`. */
export function toLowerInvariant(text: string): string {
  return mapCodePoints(text, lowerCodePoint);
}
