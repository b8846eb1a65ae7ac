/**
 * ToUpper/ToLower with an optional culture name, as `TextInfo.ToUpper/ToLower` of that culture.
 * .NET maps case per character with Unicode's simple mappings for every culture; only Turkish and
 * Azerbaijani differ (dotted and dotless i). So provex validates the culture name and applies the invariant
 * mapping, plus the Turkic i rules for `tr` and `az`. (The platform's `toLocaleUpperCase` would use full
 * mappings — `ß` → `SS` — which .NET does not.)
 */
import { ProvexError } from "../../diagnostics/index.js";
import { lowerCodePoint, mapCodePoints, upperCodePoint } from "./simple-case.js";

/** Upper-cases `text` with the named culture's rules; invariant when `culture` is absent or empty. */
export function toUpperCulture(text: string, culture?: string | null): string {
  const turkic = isTurkic(culture);
  return mapCodePoints(text, (c) =>
    turkic && c === 0x69 ? 0x130 : turkic && c === 0x131 ? 0x49 : upperCodePoint(c),
  );
}

/** Lower-cases `text` with the named culture's rules; invariant when `culture` is absent or empty. */
export function toLowerCulture(text: string, culture?: string | null): string {
  const turkic = isTurkic(culture);
  return mapCodePoints(text, (c) =>
    turkic && c === 0x49 ? 0x131 : turkic && c === 0x130 ? 0x69 : lowerCodePoint(c),
  );
}

/**
 * Checks a culture name (RFC 4646 / BCP 47, e.g. `en-US`, `tr-TR`, `ja-JP`) and says whether it is Turkish
 * or Azerbaijani. Throws `invalid-culture` for a malformed name.
 */
export function isTurkic(culture: string | null | undefined): boolean {
  if (culture === undefined || culture === null || culture.trim() === "") return false;
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
  return language === "tr" || language === "az";
}
