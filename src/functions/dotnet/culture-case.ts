/**
 * ToUpper/ToLower with an optional culture name, as `TextInfo.ToUpper/ToLower` of that culture.
 * .NET maps case per character with Unicode's simple mappings for every culture; the cultures differ only
 * on the four i's: the invariant culture leaves `ı` and `İ` alone, named cultures map them to `I` and `i`,
 * and Turkish and Azerbaijani pair `i`/`İ` and `ı`/`I`. So provex validates the culture name and applies
 * the simple mappings with those i rules. (The platform's `toLocaleUpperCase` would use full
 * mappings — `ß` → `SS` — which .NET does not.)
 */
import { ProvexError } from "../../diagnostics/index.js";
import { lowerCodePoint, mapCodePoints, upperCodePoint } from "./simple-case.js";

/**
 * Upper-cases `text` with the named culture's rules; invariant when `culture` is absent or empty. The
 * invariant culture keeps `ı`; every named culture maps it to `I`; Turkic ones also map `i` to `İ`.
 */
export function toUpperCulture(text: string, culture?: string | null): string {
  const kind = cultureKind(culture);
  // Fast path: when no character expands under JavaScript's full mapping, full and simple mappings
  // agree (SpecialCasing lists only expansions and language-conditional rules for upper case). Every
  // culture but the invariant one also maps ı to I, as JavaScript does.
  if (kind !== "turkic") {
    const full = text.toUpperCase();
    if (full.length === text.length && !(kind === "invariant" && text.includes("\u0131"))) return full;
  }
  if (kind === "invariant") return mapCodePoints(text, upperCodePoint);
  return mapCodePoints(text, (c) =>
    c === 0x69 && kind === "turkic" ? 0x130 : c === 0x131 ? 0x49 : upperCodePoint(c),
  );
}

/**
 * Lower-cases `text` with the named culture's rules; invariant when `culture` is absent or empty. The
 * invariant culture keeps `İ`; every named culture maps it to `i`; Turkic ones also map `I` to `ı`.
 */
export function toLowerCulture(text: string, culture?: string | null): string {
  const kind = cultureKind(culture);
  // Fast path: lower-case full and simple mappings differ only on İ (which expands) and on final
  // sigma (context-dependent); without those two characters JavaScript's mapping is .NET's.
  if (kind !== "turkic" && !SIMPLE_LOWER_DIFFERS.test(text)) return text.toLowerCase();
  if (kind === "invariant") return mapCodePoints(text, lowerCodePoint);
  return mapCodePoints(text, (c) =>
    c === 0x49 && kind === "turkic" ? 0x131 : c === 0x130 ? 0x69 : lowerCodePoint(c),
  );
}

const SIMPLE_LOWER_DIFFERS = /[\u0130\u03A3]/;

/**
 * Checks a culture name (RFC 4646 / BCP 47, e.g. `en-US`, `tr-TR`, `ja-JP`) and classifies it: empty is the
 * invariant culture, Turkish and Azerbaijani are Turkic. Throws `invalid-culture` for a malformed name.
 */
export function cultureKind(culture: string | null | undefined): "invariant" | "turkic" | "other" {
  if (culture === undefined || culture === null || culture.trim() === "") return "invariant";
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(culture.trim())[0] ?? "";
  } catch {
    throw new ProvexError(
      "invalid-culture",
      `"${culture}" is not a culture name; use an RFC 4646 name such as en-US, tr-TR or ja-JP, or leave it empty for the invariant culture.`,
    );
  }
  const language = canonical.split("-")[0]!.toLowerCase();
  return language === "tr" || language === "az" ? "turkic" : "other";
}
