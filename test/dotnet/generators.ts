/**
 * fast-check generators for the differential test: DateTime ticks across years 1–9999 (leap days
 * included), .NET format strings built from valid specifiers, regular expressions built only from
 * constructs RE2 runs, replacement strings, and names. Characters are drawn from alphabets on which Mono's
 * (older) Unicode tables agree with current Unicode — see docs/dotnet-compatibility.md.
 */
import fc from "fast-check";
import {
  isLeapYear,
  MAX_TICKS,
  TICKS_PER_DAY,
  ticksFromParts,
} from "../../src/functions/dotnet/date-time.js";

// The regular-expression generators live in their own file; re-exported so that importers need one path.
export * from "./regex-generators.js";

/** Any instant, with extra weight on leap days, month ends and the range's edges. */
export const ticksArb: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 5, arbitrary: fc.bigInt({ min: 0n, max: MAX_TICKS }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc
          .integer({ min: 1, max: 2499 })
          .map((n) => n * 4)
          .filter(isLeapYear),
        fc.bigInt({ min: 0n, max: TICKS_PER_DAY - 1n }),
      )
      .map(
        ([year, time]) =>
          ticksFromParts({ year, month: 2, day: 29, hour: 0, minute: 0, second: 0, fraction: 0 })! + time,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0n, MAX_TICKS, 504_911_232_000_000_000n, 621_355_968_000_000_000n),
  },
);

/** Instants in 1950–2029, where two-digit years mean the same with .NET's 2029 and 2049 windows. */
export const twoDigitSafeTicksArb = fc.bigInt({
  min: 615_150_720_000_000_000n,
  max: 640_502_207_999_999_999n,
});

const FORMAT_SPECIFIERS = [
  "d",
  "dd",
  "ddd",
  "dddd",
  "f",
  "ff",
  "fff",
  "ffff",
  "fffff",
  "ffffff",
  "fffffff",
  "F",
  "FF",
  "FFF",
  "FFFF",
  "FFFFF",
  "FFFFFF",
  "FFFFFFF",
  "g",
  "gg",
  "h",
  "hh",
  "H",
  "HH",
  "K",
  "m",
  "mm",
  "M",
  "MM",
  "MMM",
  "MMMM",
  "s",
  "ss",
  "t",
  "tt",
  "y",
  "yy",
  "yyy",
  "yyyy",
  "yyyyy",
  "z",
  "zz",
  "zzz",
  ":",
  "/",
  "'lit'",
  '"q t"',
  "'it''s'",
  "\\h",
  "\\\\",
  "%d",
  "%H",
  " ",
  "-",
  ".",
  ",",
  "T",
  "é",
  "Z",
];
const STANDARD_FORMATS = "d D f F g G M m O o R r s t T u U Y y".split(" ");

/** Custom formats of 1–6 pieces, or a standard format letter. */
export const formatArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.constantFrom(...FORMAT_SPECIFIERS), { minLength: 1, maxLength: 6 })
      .map((p) => p.join("")),
  },
  { weight: 1, arbitrary: fc.constantFrom(...STANDARD_FORMATS) },
);

const DATE_SKELETONS = [
  "yyyy-MM-dd",
  "M/d/yyyy",
  "dd MMM yyyy",
  "yyyyMMdd",
  "d MMMM yyyy",
  "dddd, dd MMMM yyyy",
  "ddd d/M/yyyy",
  "yy-M-d",
  "MM/dd/yy",
  "yyyy.MM.dd",
  "yyyyy-MM-dd",
  "%y.M.d",
];
const TIME_PARTS = [
  "",
  "'T'HH:mm:ss",
  " HH:mm",
  " h:mm:ss tt",
  " hh:mm tt",
  "THH:mm:ss.fffffff",
  " HH:mm:ss.FFF",
  "HHmmss",
  "THH:mm:ssK",
  " HH:mm:ss zzz",
  "zzz",
  " H:m:s",
  " HH:mm:ss.fZ",
  " HH:mm:ss 'GMT'",
  " h t",
  " HH:mm zz",
  "K",
];

/** Formats for ParseExact: always a full date (so "today" never matters), then an optional time part. */
export const parseFormatArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...DATE_SKELETONS), fc.constantFrom(...TIME_PARTS))
      .map(([d, t]) => d + t),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("o", "O", "s", "u", "r", "R", "D", "F", "G", "d", "f", "g", "M", "y"),
  },
);

/** DateTimeStyles combinations .NET accepts (numeric values). */
export const stylesArb = fc.constantFrom(0, 1, 2, 3, 4, 7, 8, 15, 16, 23, 32, 48, 64, 80, 71, 128, 131, 135);

// ---- names and text ------------------------------------------------------------------------------------

const NAME_WORDS = [
  "pinto",
  "DE'SILVA",
  "o'neil",
  "O'NEIL",
  "mcdonald",
  "MCDONALD",
  "élodie",
  "ÉLODIE",
  "jean-luc",
  "van",
  "der",
  "łukasz",
  "ŁUKASZ",
  "straße",
  "3rd",
  "x_y",
  "(second)",
  "AÑO",
  "İstanbul",
  "ıi",
  "o’brien",
  "ΣΟΦΙΑ",
  "σοφία",
  "иван",
  "МАРИЯ",
  "usa",
  "USA",
  "ab1cd",
  "d'artagnan",
  "l'été",
  "ǆemal",
  "a\u0301b",
  "日本",
  "x.y",
  "bob&alice",
  "#tag",
  "«quoted»",
];
const NAME_SEPARATORS = [" ", " ", "-", "  ", ", ", "'", "\t", ".", "_", "/", "–", "(", ")"];

/** Names with apostrophes, hyphens, punctuation and non-Latin letters. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...NAME_WORDS), fc.constantFrom(...NAME_SEPARATORS)), {
      minLength: 1,
      maxLength: 4,
    })
    .map((parts) => parts.map(([w, s]) => w + s).join("")),
  fc
    .array(
      fc.constantFrom(
        ..."aBcDeFgZ'’-_ .,;:!?()[]{}«»\"/\\&%$#@+=<>~^`|*0123456789éÉøØñÑçÇœŒäÄλΛжЖ\t\u00a0\u2013\u2014\u200b\u00ad\u0301",
      ),
      {
        maxLength: 16,
      },
    )
    .map((chars) => chars.join("")),
);

/** Text for case mapping: the Turkic i's, ß, accents, Greek and Cyrillic, digits and punctuation. */
export const caseTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(..."iIİıßéÉaZzÀàÿŸσΣдДёЁ1-' çÇğĞşŞöÖüÜ"), { maxLength: 12 })
  .map((chars) => chars.join(""));

export const cultureArb = fc.constantFrom(
  "",
  "en-US",
  "tr-TR",
  "az-Latn-AZ",
  "de-DE",
  "fr-FR",
  "ja-JP",
  "tr",
  "en",
);
