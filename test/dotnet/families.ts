/**
 * The case families of the differential test: for each, how to generate a case, what to ask .NET, and what
 * provex answers in the oracle's line format (`ok<TAB>…` or `err`).
 */
import fc from "fast-check";
import { ProvexError } from "../../src/diagnostics/index.js";
import { toLowerCulture, toUpperCulture } from "../../src/functions/dotnet/culture-case.js";
import { formatDateTime } from "../../src/functions/dotnet/dotnet-datetime-format.js";
import { parseDateTime, parseExactDetailed } from "../../src/functions/dotnet/dotnet-datetime-parse.js";
import { dotnetRegexIsMatch, dotnetRegexReplace } from "../../src/functions/dotnet/dotnet-regex.js";
import {
  base64FromBytes,
  bytesFromBase64,
  convertFromBase64,
  convertToBase64,
  convertToUtf8Hex,
  utf8Bytes,
} from "../../src/functions/dotnet/encodings.js";
import { toTitleCase } from "../../src/functions/dotnet/title-case.js";
import { dateAdd, dateDiff } from "../../src/functions/dotnet/vb-date-arithmetic.js";
import {
  caseTextArb,
  cultureArb,
  formatArb,
  nameArb,
  nativePatternArb,
  parseFormatArb,
  patternArb,
  regexInputArb,
  replacementArb,
  stylesArb,
  ticksArb,
  twoDigitSafeTicksArb,
} from "./generators.js";

/** A family of cases. `fields` are the oracle's fields after the operation name. */
export interface Family {
  readonly name: string;
  readonly count: number;
  readonly arbitrary: fc.Arbitrary<readonly string[]>;
  /** The operation and fields sent to the oracle. */
  readonly operation: string;
  /** provex's answer for the same fields. */
  provex(fields: readonly string[]): string;
  /** Indices of fields that may be shortened when looking for a minimal failing case. */
  readonly shrinkable: readonly number[];
}

/** Runs provex; a ProvexError is the oracle's `err` (any other exception is a provex bug and propagates). */
function answer(run: () => string): string {
  try {
    return `ok\t${run()}`;
  } catch (error) {
    if (error instanceof ProvexError) return "err";
    throw error;
  }
}

const kinds = fc.constantFrom("utc", "local", "unspecified") as fc.Arbitrary<"utc" | "local" | "unspecified">;

const format: Family = {
  name: "DateTime.ToString(format, invariant)",
  count: 1500,
  operation: "format",
  arbitrary: fc.tuple(ticksArb, kinds, formatArb).map(([ticks, kind, f]) => [String(ticks), kind, f]),
  provex: ([ticks, kind, f]) => answer(() => formatDateTime(BigInt(ticks!), f!, kind as "utc")),
  shrinkable: [2],
};

/** Text for ParseExact: the date formatted with the format, sometimes disturbed (spaces, case, a lost char). */
const exactText = fc
  .tuple(
    fc.oneof(ticksArb, twoDigitSafeTicksArb),
    parseFormatArb,
    kinds,
    fc.integer({ min: 0, max: 9 }),
    fc.nat(),
  )
  .map(([ticks, f, kind, mutation, at]) => {
    const safeTicks =
      /(^|[^y])yy?([^y]|$)/.test(f) || f === "%y.M.d"
        ? (ticks % 24_000_000_000_000_000n) + 615_150_720_000_000_000n
        : ticks;
    let text = formatDateTime(safeTicks, f, kind);
    if (mutation === 1) text = `  ${text} `;
    if (mutation === 2) text = text.toLowerCase();
    if (mutation === 3 && text.length > 0)
      text = text.slice(0, at % text.length) + text.slice((at % text.length) + 1);
    if (mutation === 4) text = text.replace(" ", "   ");
    if (mutation === 5) text = text.toUpperCase();
    return [text, f] as const;
  });

const exact: Family = {
  name: "DateTime.ParseExact(text, format, invariant, styles)",
  count: 1500,
  operation: "exact",
  arbitrary: fc.tuple(exactText, stylesArb).map(([[text, f], styles]) => [text, f, String(styles)]),
  provex: ([text, f, styles]) =>
    answer(() => {
      const parsed = parseExactDetailed(text!, f!, Number(styles));
      return `${parsed.ticks}\t${parsed.kind}`;
    }),
  shrinkable: [],
};

const CDATE_SHAPES = [
  "yyyy-MM-dd",
  "yyyy-MM-ddTHH:mm:ss",
  "yyyy-MM-ddTHH:mm:ss.fffffff",
  "yyyy-MM-dd HH:mm",
  "yyyy-MM-ddTHH:mm:ssZ",
  "M/d/yyyy h:mm:ss tt",
  "M/d/yyyy",
  "MM/dd/yyyy HH:mm:ss",
  "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
  "d MMM yyyy",
  "MMMM d, yyyy",
  "MMMM d, yyyy h:mm tt",
  "yyyy/MM/dd HH:mm",
  "dd MMMM yyyy HH:mm:ss",
  "yyyy-MM-ddTHH:mm:ss.fff",
  "yyyy-MM-ddTHH:mm",
  "dd-MMM-yyyy",
  "MMM d, yyyy",
  "dddd, MMMM d, yyyy h:mm:ss tt",
  "yyyy.MM.dd",
  "M-d-yyyy",
  "M/d/yy h:mm tt",
  "yyyy-M-d H:mm:ss",
  "d MMMM yyyy",
  "ddd, d MMM yyyy HH:mm 'GMT'",
];
const offsetArb = fc.oneof(
  fc.constant(""),
  fc
    .tuple(
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 14 }),
      fc.constantFrom(0, 15, 30, 45),
      fc.boolean(),
    )
    .map(
      ([sign, h, m, colon]) =>
        `${sign}${String(h).padStart(2, "0")}${colon ? ":" : ""}${String(m).padStart(2, "0")}`,
    ),
);

const cdate: Family = {
  name: "DateTime.Parse(text, invariant, AdjustToUniversal) (CDate)",
  count: 500,
  operation: "parse",
  arbitrary: fc
    .tuple(
      fc.bigInt({ min: 31_622_400_000_000_000n, max: 3_155_000_000_000_000_000n }),
      fc.constantFrom(...CDATE_SHAPES),
      offsetArb,
    )
    .map(([ticks, shape, offset]) => {
      // Two-digit years stay in 1950–2029, where .NET's 2049 window and Mono's 2029 one agree.
      const safe = /\byy\b/.test(shape)
        ? (ticks % 24_000_000_000_000_000n) + 615_150_720_000_000_000n
        : ticks;
      const text = formatDateTime(safe, shape);
      return [shape.endsWith("'GMT'") || shape.endsWith("Z") ? text : text + offset];
    }),
  provex: ([text]) => answer(() => String(parseDateTime(text!))),
  shrinkable: [],
};

const replace: Family = {
  name: "Regex.Replace(input, pattern, replacement)",
  count: 1500,
  operation: "replace",
  arbitrary: fc.tuple(regexInputArb, patternArb, replacementArb).map(([input, pattern, replacement]) => [
    // \b and \B are ASCII-only in RE2 (docs/regex.md): keep such inputs ASCII.
    /\\[bB]/.test(pattern) ? input.replace(/[\u0080-\uffff]/g, "e") : input,
    pattern,
    replacement,
  ]),
  provex: ([input, pattern, replacement]) => answer(() => dotnetRegexReplace(input!, pattern!, replacement!)),
  shrinkable: [0, 1, 2],
};

const isMatch: Family = {
  name: "Regex.IsMatch(input, pattern)",
  count: 300,
  operation: "ismatch",
  arbitrary: fc
    .tuple(regexInputArb, patternArb)
    .map(([input, pattern]) => [
      /\\[bB]/.test(pattern) ? input.replace(/[\u0080-\uffff]/g, "e") : input,
      pattern,
    ]),
  provex: ([input, pattern]) => answer(() => (dotnetRegexIsMatch(input!, pattern!) ? "True" : "False")),
  shrinkable: [0, 1],
};

/**
 * The patterns that run on JavaScript's RegExp instead of re2js (native-regex.ts), every construct of
 * that class, against .NET: the native path must give .NET's answers exactly where it is taken.
 */
const replaceNative: Family = {
  name: "Regex.Replace(input, pattern, replacement), native RegExp path",
  count: 800,
  operation: "replace",
  arbitrary: fc
    .tuple(regexInputArb, nativePatternArb, replacementArb)
    .map(([input, pattern, replacement]) => [input, pattern, replacement]),
  provex: ([input, pattern, replacement]) => answer(() => dotnetRegexReplace(input!, pattern!, replacement!)),
  shrinkable: [0, 2],
};

const isMatchNative: Family = {
  name: "Regex.IsMatch(input, pattern), native RegExp path",
  count: 300,
  operation: "ismatch",
  arbitrary: fc.tuple(regexInputArb, nativePatternArb).map(([input, pattern]) => [input, pattern]),
  provex: ([input, pattern]) => answer(() => (dotnetRegexIsMatch(input!, pattern!) ? "True" : "False")),
  shrinkable: [0],
};

const title: Family = {
  name: "TextInfo.ToTitleCase (invariant)",
  count: 400,
  operation: "title",
  arbitrary: nameArb.map((name) => [name]),
  provex: ([text]) => answer(() => toTitleCase(text!)),
  shrinkable: [0],
};

const upper: Family = {
  name: "String.ToUpper(culture)",
  count: 250,
  operation: "upper",
  arbitrary: fc.tuple(cultureArb, caseTextArb).map(([culture, text]) => [culture, text]),
  provex: ([culture, text]) => answer(() => toUpperCulture(text!, culture)),
  shrinkable: [1],
};

const lower: Family = {
  name: "String.ToLower(culture)",
  count: 250,
  operation: "lower",
  arbitrary: fc.tuple(cultureArb, caseTextArb).map(([culture, text]) => [culture, text]),
  provex: ([culture, text]) => answer(() => toLowerCulture(text!, culture)),
  shrinkable: [1],
};

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

const base64: Family = {
  name: "Convert.ToBase64String(Encoding.Unicode.GetBytes(text))",
  count: 200,
  operation: "base64",
  arbitrary: anyText.map((text) => [text]),
  provex: ([text]) => answer(() => convertToBase64(text!)),
  shrinkable: [0],
};

const utf8hex: Family = {
  name: "Encoding.UTF8 bytes as upper-case hex",
  count: 200,
  operation: "utf8hex",
  arbitrary: anyText.map((text) => [text]),
  provex: ([text]) => answer(() => convertToUtf8Hex(text!)),
  shrinkable: [0],
};

/** Random bytes as base64 (any byte sequence, so invalid UTF-8 and odd UTF-16 lengths too), sometimes damaged. */
const base64Text = fc
  .tuple(fc.uint8Array({ maxLength: 12 }), fc.integer({ min: 0, max: 9 }), fc.nat())
  .map(([bytes, damage, at]) => {
    const text = base64FromBytes(bytes);
    if (damage === 1)
      return ` ${text.slice(0, at % (text.length + 1))}\n${text.slice(at % (text.length + 1))} `;
    if (damage === 2) return text.slice(1);
    if (damage === 3) return `${text}!`.slice(-Math.max(4, text.length));
    return text;
  });

/**
 * UTF-8 input is kept valid: for malformed UTF-8, Mono (like .NET Framework) emits one U+FFFD per bad
 * sequence where .NET Core 3.0+ and provex emit one per maximal subpart (docs/dotnet-compatibility.md).
 */
const validUtf8Base64 = fc
  .string({ unit: "binary", maxLength: 8 })
  .map((text) => base64FromBytes(utf8Bytes(text)));

/** True when the base64 text decodes (if at all) to ASCII bytes only, which every UTF-8 decoder agrees on. */
function isAsciiBase64(text: string): boolean {
  try {
    return [...bytesFromBase64(text)].every((b) => b < 0x80);
  } catch {
    return true; // invalid base64: both sides must reject it
  }
}

const fromBase64: Family = {
  name: "Encoding.X.GetString(Convert.FromBase64String(text))",
  count: 300,
  operation: "frombase64",
  arbitrary: fc
    .oneof(
      fc.tuple(fc.constantFrom("Unicode", "ASCII"), base64Text),
      fc.tuple(
        fc.constant("UTF8"),
        fc.oneof(
          validUtf8Base64,
          base64Text.filter((t) => /^[\sA-Za-z0-9+/=]*$/.test(t) && isAsciiBase64(t)),
        ),
      ),
    )
    .map(([encoding, text]) => [encoding, text]),
  provex: ([encoding, text]) => answer(() => convertFromBase64(text!, encoding)),
  shrinkable: [],
};

const intervals = fc.constantFrom("yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s");

const datediff: Family = {
  name: "VB DateDiff rules",
  count: 500,
  operation: "datediff",
  arbitrary: fc.tuple(intervals, ticksArb, ticksArb).map(([i, a, b]) => [i, String(a), String(b)]),
  provex: ([i, a, b]) => answer(() => String(dateDiff(i!, BigInt(a!), BigInt(b!)))),
  shrinkable: [],
};

const dateadd: Family = {
  name: "VB DateAdd rules",
  count: 300,
  operation: "dateadd",
  arbitrary: fc
    .tuple(
      intervals,
      fc.oneof(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100_000, max: 100_000 })),
      ticksArb,
    )
    .map(([i, n, t]) => [i, String(n), String(t)]),
  provex: ([i, n, t]) => answer(() => String(dateAdd(i!, Number(n), BigInt(t!)))),
  shrinkable: [],
};

export const FAMILIES: readonly Family[] = [
  format,
  exact,
  cdate,
  replace,
  isMatch,
  replaceNative,
  isMatchNative,
  title,
  upper,
  lower,
  base64,
  utf8hex,
  fromBase64,
  datediff,
  dateadd,
];
