/**
 * .NET `DateTimeStyles` as FormatDateTime's second argument names them: a list of value names such as
 * `"AdjustToUniversal, AllowWhiteSpaces"`. Entra does not document the separator, so comma, pipe, plus and
 * white space are all accepted, case-insensitively; an empty argument means Entra's documented default.
 */
import { ProvexError } from "../../diagnostics/index.js";

/** The parsing-relevant members of `System.Globalization.DateTimeStyles`, with .NET's numeric values. */
export const DateTimeStyles = {
  None: 0,
  AllowLeadingWhite: 1,
  AllowTrailingWhite: 2,
  AllowInnerWhite: 4,
  AllowWhiteSpaces: 7,
  NoCurrentDateDefault: 8,
  AdjustToUniversal: 16,
  AssumeLocal: 32,
  AssumeUniversal: 64,
  RoundtripKind: 128,
} as const;

/** Entra's documented default when the argument is empty: `RoundtripKind, AllowLeadingWhite, AllowTrailingWhite`. */
export const DEFAULT_FORMAT_DATETIME_STYLES =
  DateTimeStyles.RoundtripKind | DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite;

const BY_LOWER_NAME = new Map(
  Object.entries(DateTimeStyles).map(([name, value]) => [name.toLowerCase(), value]),
);
const ALL_BITS = 255;

/**
 * Reads a styles argument into .NET's flag value. `undefined`, `null` and blank text give the default.
 * Numbers (as `Enum.Parse` accepts them) are allowed. Throws `invalid-styles` for an unknown name or for a
 * combination .NET rejects (AssumeLocal with AssumeUniversal; RoundtripKind with AdjustToUniversal,
 * AssumeLocal or AssumeUniversal).
 */
export function parseDateTimeStyles(text: string | number | null | undefined): number {
  if (text === undefined || text === null) return DEFAULT_FORMAT_DATETIME_STYLES;
  let styles = 0;
  if (typeof text === "number") {
    styles = text;
  } else {
    const names = text.split(/[\s,|+]+/).filter((name) => name !== "");
    if (names.length === 0) return DEFAULT_FORMAT_DATETIME_STYLES;
    for (const name of names) {
      const value = /^\d+$/.test(name) ? Number(name) : BY_LOWER_NAME.get(name.toLowerCase());
      if (value === undefined) {
        throw new ProvexError(
          "invalid-styles",
          `"${name}" is not a DateTimeStyles value; use names such as ${Object.keys(DateTimeStyles).join(", ")}, separated by commas.`,
        );
      }
      styles |= value;
    }
  }
  return validateDateTimeStyles(styles);
}

/** Applies .NET's own checks on a styles value (`DateTimeFormatInfo.ValidateStyles`). */
export function validateDateTimeStyles(styles: number): number {
  const has = (flag: number) => (styles & flag) !== 0;
  if ((styles & ~ALL_BITS) !== 0 || !Number.isInteger(styles) || styles < 0) {
    throw new ProvexError(
      "invalid-styles",
      `${styles} is not a valid DateTimeStyles value; use the style names.`,
    );
  }
  if (has(DateTimeStyles.AssumeLocal) && has(DateTimeStyles.AssumeUniversal)) {
    throw new ProvexError(
      "invalid-styles",
      "AssumeLocal and AssumeUniversal cannot be combined; keep one of them.",
    );
  }
  if (
    has(DateTimeStyles.RoundtripKind) &&
    has(DateTimeStyles.AssumeLocal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
  ) {
    throw new ProvexError(
      "invalid-styles",
      "RoundtripKind cannot be combined with AssumeLocal, AssumeUniversal or AdjustToUniversal; keep one of them.",
    );
  }
  return styles;
}
