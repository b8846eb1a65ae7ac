/**
 * Tokenizer for .NET custom date and time format strings, shared by formatting and exact parsing so that
 * both read `'quoted'` literals, `\` escapes, `%` and repeated specifier letters the same way.
 */
import { ProvexError } from "../../diagnostics/index.js";
import { STANDARD_FORMATS } from "./invariant-culture.js";

/** A specifier letter repeated `count` times (`yyyy` → `{ letter: "y", count: 4 }`), or literal text. */
export type FormatToken =
  | { readonly kind: "specifier"; readonly letter: string; readonly count: number }
  | { readonly kind: "literal"; readonly text: string; readonly source: LiteralSource };

/**
 * Where a literal came from. Exact parsing treats them differently: a bare space may match nothing under
 * AllowInnerWhite, a quoted space skips white space, and a bare `GMT` marks the input as UTC.
 */
export type LiteralSource = "bare" | "quoted" | "escaped" | "gmt";

/** Letters with a meaning in a custom format; every other character is copied literally. */
const SPECIFIER_LETTERS = new Set(["d", "f", "F", "g", "h", "H", "K", "m", "M", "s", "t", "y", "z"]);

export function invalidFormat(format: string, reason: string): ProvexError {
  return new ProvexError(
    "invalid-format",
    `The date/time format "${format}" is not valid: ${reason}. See .NET's custom date and time format strings.`,
  );
}

/**
 * Expands a standard format (one character, e.g. `o`) to its invariant pattern and leaves a custom one as
 * is; `""` means `G`, as in `DateTime.ToString("")`.
 */
export function expandStandardFormat(format: string): string {
  if (format === "") return STANDARD_FORMATS.G!;
  if (format.length !== 1) return format;
  const pattern = STANDARD_FORMATS[format];
  if (pattern === undefined) throw invalidFormat(format, `"${format}" is not a standard format specifier`);
  return pattern;
}

/**
 * Splits a custom format into tokens; `:` and `/` are the invariant separators, i.e. literals. With
 * `forParsing`, a bare `GMT` (any case) is one token, as `DateTime.ParseExact` reads it.
 */
export function tokenizeFormat(format: string, forParsing = false): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (forParsing && ch !== "g" && format.slice(i, i + 3).toUpperCase() === "GMT") {
      tokens.push({ kind: "literal", text: "GMT", source: "gmt" });
      i += 3;
    } else if (SPECIFIER_LETTERS.has(ch)) {
      // K is never repeated as one token: each K prints the kind once.
      let count = 1;
      if (ch !== "K") while (format[i + count] === ch) count++;
      tokens.push({ kind: "specifier", letter: ch, count });
      i += count;
    } else if (ch === "'" || ch === '"') {
      let text = "";
      let j = i + 1;
      for (; j < format.length && format[j] !== ch; j++) {
        if (format[j] === "\\") {
          j++;
          if (j >= format.length) break;
        }
        text += format[j];
      }
      if (j >= format.length) throw invalidFormat(format, `the quote at position ${i} is never closed`);
      tokens.push({ kind: "literal", text, source: "quoted" });
      i = j + 1;
    } else if (ch === "%") {
      // `%d` is the custom specifier d on its own (a one-letter format would otherwise be standard).
      const next = format[i + 1];
      if (next === undefined || next === "%")
        throw invalidFormat(format, `"%" at position ${i} must precede a specifier`);
      const inner = tokenizeFormat(next, forParsing);
      tokens.push(...inner);
      i += 2;
    } else if (ch === "\\") {
      const next = format[i + 1];
      if (next === undefined) throw invalidFormat(format, "it ends with a lone backslash");
      tokens.push({ kind: "literal", text: next, source: "escaped" });
      i += 2;
    } else {
      tokens.push({ kind: "literal", text: ch, source: "bare" });
      i++;
    }
  }
  return tokens;
}
