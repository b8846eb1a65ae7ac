import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { evaluate, render } from "../../src/evaluator/index.js";
import { DIACRITICS_TABLE, normalizeDiacritics } from "../../src/functions/index.js";

/**
 * NormalizeDiacritics' documented table, written out here by code point — never read from DIACRITICS_TABLE,
 * the table under test. Each row: the entries separated by spaces, and the text they must become.
 * These rows hold only entries whose Unicode decomposition (NFD) is the plain letter followed by
 * combining marks; the test below checks that fact, so the expectations stand on Unicode, not on provex.
 */
const DECOMPOSING: readonly (readonly [entries: string, plain: string])[] = [
  [
    "\u00e4 \u00e0 \u00e2 \u00e3 \u00e5 \u00e1 \u0105 \u0103 \u0101 \u0101\u0301 \u0101\u0300 \u0101\u0302 \u0101\u0303 \u01df \u0101\u0308 \u01e1 a\u0331 \u00e5\u0304",
    "a a a a a a a a a a a a a a a a a a",
  ], // ä à â ã å á ą ă ā ā́ ā̀ ā̂ ā̃ ǟ ā̈ ǡ a̱ å̄
  [
    "\u00c4 \u00c0 \u00c2 \u00c3 \u00c5 \u00c1 \u0104 \u0102 \u0100 \u0100\u0301 \u0100\u0300 \u0100\u0302 \u0100\u0303 \u01de \u0100\u0308 \u01e0 A\u0331 \u00c5\u0304",
    "A A A A A A A A A A A A A A A A A A",
  ], // Ä À Â Ã Å Á Ą Ă Ā Ā́ Ā̀ Ā̂ Ā̃ Ǟ Ā̈ Ǡ A̱ Å̄
  ["\u00e7 \u010d \u0107 c\u0304 c\u0331", "c c c c c"], // ç č ć c̄ c̱
  ["\u00c7 \u010c \u0106 C\u0304 C\u0331", "C C C C C"], // Ç Č Ć C̄ C̱
  ["\u010f d\u0304 \u1e0f", "d d d"], // ď d̄ ḏ
  ["\u010e D\u0304 \u1e0e", "D D D"], // Ď D̄ Ḏ
  [
    "\u00eb \u00e8 \u00e9 \u00ea \u0119 \u011b \u0117 \u0113 \u1e17 \u1e15 \u0113\u0302 \u0113\u0303 \u00ea\u0304 e\u0331 \u00eb\u0304 e\u030a\u0304",
    "e e e e e e e e e e e e e e e e",
  ], // ë è é ê ę ě ė ē ḗ ḕ ē̂ ē̃ ê̄ e̱ ë̄ e̊̄
  [
    "\u00cb \u00c8 \u00c9 \u00ca \u0118 \u011a \u0116 \u0112 \u1e16 \u1e14 \u0112\u0302 \u0112\u0303 \u00ca\u0304 E\u0331 \u00cb\u0304 E\u030a\u0304",
    "E E E E E E E E E E E E E E E E",
  ], // Ë È É Ê Ę Ě Ė Ē Ḗ Ḕ Ē̂ Ē̃ Ê̄ E̱ Ë̄ E̊̄
  ["\u011f \u1e21 g\u0331", "g g g"], // ğ ḡ g̱
  ["\u011e \u1e20 G\u0331", "G G G"], // Ğ Ḡ G̱
  [
    "\u00ef \u00ee \u00ec \u00ed \u012b \u012b\u0301 \u012b\u0300 \u012b\u0302 \u012b\u0303 i\u0331",
    "i i i i i i i i i i",
  ], // ï î ì í ī ī́ ī̀ ī̂ ī̃ i̱
  [
    "\u00cf \u00ce \u00cc \u00cd \u0130 \u012a \u012a\u0301 \u012a\u0300 \u012a\u0302 \u012a\u0303 I\u0331",
    "I I I I I I I I I I I",
  ], // Ï Î Ì Í İ Ī Ī́ Ī̀ Ī̂ Ī̃ I̱
  ["\u013e l\u0304 \u1e39 \u1e3b", "l l l l"], // ľ l̄ ḹ ḻ
  ["\u013d L\u0304 \u1e38 \u1e3a", "L L L L"], // Ľ L̄ Ḹ Ḻ
  ["\u00f1 \u0144 \u0148 n\u0304 \u1e49", "n n n n n"], // ñ ń ň n̄ ṉ
  ["\u00d1 \u0143 \u0147 N\u0304 \u1e48", "N N N N N"], // Ñ Ń Ň N̄ Ṉ
  [
    "\u00f6 \u00f2 \u0151 \u00f5 \u00f4 \u00f3 \u014d \u1e53 \u1e51 \u014d\u0302 \u014d\u0303 \u022b \u014d\u0308 \u01ed \u022d \u0231 o\u0331",
    "o o o o o o o o o o o o o o o o o",
  ], // ö ò ő õ ô ó ō ṓ ṑ ō̂ ō̃ ȫ ō̈ ǭ ȭ ȱ o̱
  [
    "\u00d6 \u00d2 \u0150 \u00d5 \u00d4 \u00d3 \u014c \u1e52 \u1e50 \u014c\u0302 \u014c\u0303 \u022a \u014c\u0308 \u01ec \u022c \u0230 O\u0331",
    "O O O O O O O O O O O O O O O O O",
  ], // Ö Ò Ő Õ Ô Ó Ō Ṓ Ṑ Ō̂ Ō̃ Ȫ Ō̈ Ǭ Ȭ Ȱ O̱
  ["\u0159 r\u0304 \u1e5f \u1e5d", "r r r r"], // ř r̄ ṟ ṝ
  ["\u0158 R\u0304 \u1e5e \u1e5c", "R R R R"], // Ř R̄ Ṟ Ṝ
  ["\u0161 \u015b \u0219 \u015f s\u0304 s\u0331", "s s s s s s"], // š ś ș ş s̄ s̱
  ["\u0160 \u015a \u0218 \u015e S\u0304 S\u0331", "S S S S S S"], // Š Ś Ș Ş S̄ S̱
  ["\u0165 \u021b t\u0304 \u1e6f", "t t t t"], // ť ț t̄ ṯ
  ["\u0164 \u021a T\u0304 \u1e6e", "T T T T"], // Ť Ț T̄ Ṯ
  [
    "\u00fc \u00f9 \u00fb \u00fa \u016f \u0171 \u016b \u016b\u0301 \u016b\u0300 \u016b\u0302 \u016b\u0303 u\u0307\u0304 \u01d6 \u1e7b \u1e73\u0304 u\u0331",
    "u u u u u u u u u u u u u u u u",
  ], // ü ù û ú ů ű ū ū́ ū̀ ū̂ ū̃ u̇̄ ǖ ṻ ṳ̄ u̱
  [
    "\u00dc \u00d9 \u00db \u00da \u016e \u0170 \u016a \u016a\u0301 \u016a\u0300 \u016a\u0302 \u016a\u0303 U\u0307\u0304 \u01d5 \u1e7a \u1e72\u0304 U\u0331",
    "U U U U U U U U U U U U U U U U",
  ], // Ü Ù Û Ú Ů Ű Ū Ū́ Ū̀ Ū̂ Ū̃ U̇̄ Ǖ Ṻ Ṳ̄ U̱
  ["\u00ff \u00fd \u0233 \u0233\u0301 \u0233\u0300 \u0233\u0303 y\u0331", "y y y y y y y"], // ÿ ý ȳ ȳ́ ȳ̀ ȳ̃ y̱
  ["\u0178 \u00dd \u0232 \u0232\u0301 \u0232\u0300 \u0232\u0303 Y\u0331", "Y Y Y Y Y Y Y"], // Ÿ Ý Ȳ Ȳ́ Ȳ̀ Ȳ̃ Y̱
  ["\u017a \u017e \u017c z\u0304 \u1e95", "z z z z z"], // ź ž ż z̄ ẕ
  ["\u0179 \u017d \u017b Z\u0304 \u1e94", "Z Z Z Z Z"], // Ź Ž Ż Z̄ Ẕ
];

/** The documented entries that no Unicode decomposition gives: ligatures, stroked letters, ß, dotless ı. */
const NOT_DECOMPOSING: readonly (readonly [entry: string, plain: string])[] = [
  ["\u00e6", "ae"], // æ
  ["\u01e3", "ae"], // ǣ
  ["\u00c6", "AE"], // Æ
  ["\u01e2", "AE"], // Ǣ
  ["\u0131", "i"], // ı
  ["\u0142", "l"], // ł
  ["\u0141", "L"], // Ł
  ["\u00f8", "oe"], // ø
  ["\u00f8\u0304", "oe"], // ø̄
  ["\u0153\u0304", "oe"], // œ̄
  ["\u00d8", "OE"], // Ø
  ["\u00d8\u0304", "OE"], // Ø̄
  ["\u0152\u0304", "OE"], // Œ̄
  ["\u00df", "ss"], // ß
];

const show = (text: string, attributes: Record<string, unknown> = {}) => render(evaluate(text, attributes));

function failure(text: string, attributes: Record<string, unknown> = {}): ProvexError {
  try {
    evaluate(text, attributes);
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
}

describe("Append", () => {
  it("appends the suffix", () => expect(show('Append([a], ".test")', { a: "x" })).toBe("x.test"));
  it("gives null for a null source and ignores a null suffix", () => {
    expect(show('Append([a], "s")')).toBeNull();
    expect(show("Append([a], [b])", { a: "x" })).toBe("x");
  });
  it("renders integers and booleans as text", () => expect(show("Append(12, IsNull([x]))")).toBe("12True"));
});

describe("Left", () => {
  it("takes the first characters", () => expect(show('Left("John Doe", 3)')).toBe("Joh"));
  it('gives "" for 0, the whole text for negative or too large counts', () => {
    expect(show('Left("John", 0)')).toBe("");
    expect(show('Left("John", -1)')).toBe("John");
    expect(show('Left("John", 10)')).toBe("John");
  });
  it('gives "" for a null string', () => expect(show("Left([missing], 2)")).toBe(""));
  it("accepts a numeric string count and rejects text", () => {
    expect(show('Left("John", "2")')).toBe("Jo");
    expect(failure("Left([a], [n])", { a: "John", n: "two" }).code).toBe("not-a-number");
    expect(failure("Left([a], [n])", { a: "John" }).code).toBe("null-argument");
  });
});

describe("Mid", () => {
  it("takes length characters from a 1-based start", () => {
    expect(show('Mid("John Doe", 3, 5)')).toBe("hn Do");
    expect(show('Mid("John Doe", 6, 999)')).toBe("Doe");
  });
  it("returns the input for a start below 1 or past the end", () => {
    expect(show('Mid("John", 0, 2)')).toBe("John");
    expect(show('Mid("John", 5, 2)')).toBe("John");
  });
  it("follows Left's rules for length ≤ 0", () => {
    expect(show('Mid("John", 2, 0)')).toBe("");
    expect(show('Mid("John", 2, -1)')).toBe("John");
  });
  it("gives null for a null source", () => expect(show("Mid([x], 1, 2)")).toBeNull());
});

describe("Word", () => {
  it("returns the Nth word", () => {
    expect(show('Word("The quick brown fox", 3, " ")')).toBe("brown");
    expect(show('Word("This,string!has&many separators", 3, ",!&#")')).toBe("has");
  });
  it("skips empty words between consecutive delimiters", () =>
    expect(show('Word("a,,b", 2, ",")')).toBe("b"));
  it('gives "" for numbers below 1, past the last word, or a null string', () => {
    expect(show('Word("a b", 0, " ")')).toBe("");
    expect(show('Word("a b", 3, " ")')).toBe("");
    expect(show('Word([x], 1, " ")')).toBe("");
  });
  it("treats a whole string without delimiters as word 1, also with dynamic delimiters", () => {
    expect(show('Word("abc", 1, "")')).toBe("abc");
    expect(show("Word([s], 2, [d])", { s: "a-b", d: "-" })).toBe("b");
  });
});

describe("InStr", () => {
  it("finds 1-based positions, 0 when absent", () => {
    expect(show('InStr("The quick brown fox", "quick")')).toBe("5");
    expect(show('InStr("abc", "z")')).toBe("0");
  });
  it("honours start and the compare mode", () => {
    expect(show('InStr("repEated", "e", 3, vbBinaryCompare)')).toBe("7");
    expect(show('InStr("repEated", "e", 3, vbTextCompare)')).toBe("4");
    expect(show('InStr("abc", "a", 4)')).toBe("0");
    expect(show('InStr("abc", "", 2)')).toBe("2");
  });
  it("rejects a start below 1 and gives null for null text", () => {
    const error = failure('InStr("abc", "a", 0)');
    expect(error.code).toBe("argument-out-of-range");
    expect(error.span).toEqual({ start: 0, end: 20 });
    expect(show('InStr([x], "a")')).toBeNull();
  });
});

describe("StripSpaces and Trim", () => {
  it("removes only U+0020 spaces", () => expect(show('StripSpaces(" a b\tc ")')).toBe("ab\tc"));
  it("trims whitespace, per value of a list", () => {
    expect(show('Trim(" Test ")')).toBe("Test");
    expect(show("Trim([p])", { p: [" a ", "b "] })).toEqual(["a", "b"]);
    expect(show("Trim([p])")).toBeNull();
  });
});

describe("Extract", () => {
  const upn = { upn: "jsmith@contoso.com" };
  it("takes the text between delimiters", () => {
    expect(show('Extract([upn], , "@", )', upn)).toBe("jsmith");
    expect(show('Extract([upn], "@", ".", )', upn)).toBe("contoso");
    expect(show('Extract([upn], "@")', upn)).toBe("contoso.com");
  });
  it("returns the default, or null, when a delimiter is missing or the source is null", () => {
    expect(show('Extract([upn], "#", , "none")', upn)).toBe("none");
    expect(show('Extract([upn], , "#")', upn)).toBeNull();
    expect(show('Extract([x], , "@", "d")')).toBe("d");
  });
});

describe("ToLower and ToUpper", () => {
  it("use .NET's invariant culture by default: one character at a time, ı and İ kept", () => {
    expect(show('ToUpper("istanbul")')).toBe("ISTANBUL");
    expect(show('ToLower("İI")')).toBe("İi");
    expect(show('ToUpper("straße ı")')).toBe("STRAßE ı");
    expect(show('ToUpper("ı", "en-US")')).toBe("I");
  });
  it("apply Turkish and Azeri dotted/dotless i rules", () => {
    expect(show('ToUpper("istanbul", "tr-TR")')).toBe("İSTANBUL");
    expect(show('ToLower("ISPARTA", "tr-TR")')).toBe("ısparta");
    expect(show('ToLower("I", "az")')).toBe("ı");
  });
  it("treat other cultures as invariant, with culture names in any case", () => {
    expect(show('ToUpper("istanbul", "en-US")')).toBe("ISTANBUL");
    expect(show("ToUpper([s], [c])", { s: "i", c: "TR-tr" })).toBe("İ");
  });
  it("reject a malformed culture name with the call's span", () => {
    const text = 'Left(ToUpper("a", "not a culture!"), 1)';
    const error = failure(text);
    expect(error.code).toBe("invalid-culture");
    expect(error.span).toEqual({ start: 5, end: text.indexOf("), 1") + 1 });
  });
  it("apply per value and keep null", () => {
    expect(show("ToLower([p])", { p: ["A", "B"] })).toEqual(["a", "b"]);
    expect(show("ToLower([x])")).toBeNull();
  });
});

describe("PCase", () => {
  it("without separators lower-cases, then applies .NET ToTitleCase word rules", () => {
    expect(show("PCase([n])", { n: "PABLO GONSALVES (SECOND)" })).toBe("Pablo Gonsalves (Second)");
    expect(show('PCase("pinto-de\'silva o_neil")')).toBe("Pinto-De'silva O_Neil");
    expect(show('PCase(Join(" ", "GREGORY", "JAMES"))')).toBe("Gregory James");
    // Title-case digraphs; a digit is not a letter, so .NET starts a word after it ("1st" → "1St").
    expect(show('PCase("ǆemal 3rd")')).toBe("ǅemal 3Rd");
  });
  it("with separators breaks words only at those characters", () => {
    expect(show('PCase([n], " \'-")', { n: "PINTO-DE'SILVA" })).toBe("Pinto-De'Silva");
    expect(show('PCase("ann-marie smith", "-")')).toBe("Ann-Marie smith");
    expect(show('PCase("ANN MARIE", [s])', { s: "" })).toBe("Ann Marie");
  });
  it("gives null for a null source", () => expect(show('PCase([x], " ")')).toBeNull());
});

describe("NormalizeDiacritics", () => {
  const withoutMarks = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

  it("the expectations of the decomposing rows are Unicode facts: NFD gives the plain letter plus marks", () => {
    for (const [entries, plain] of DECOMPOSING) {
      expect(entries.split(" ").map(withoutMarks).join(" ")).toBe(plain);
    }
    for (const [entry, plain] of NOT_DECOMPOSING) expect(withoutMarks(entry)).not.toBe(plain);
  });

  it.each(DECOMPOSING)("maps %s to %s, composed or decomposed", (entries, plain) => {
    expect(normalizeDiacritics(entries)).toBe(plain);
    expect(normalizeDiacritics(entries.normalize("NFD"))).toBe(plain);
    expect(show("NormalizeDiacritics([n])", { n: entries })).toBe(plain);
  });

  it.each(NOT_DECOMPOSING)("maps %s to %s (documented, not from Unicode)", (entry, plain) => {
    expect(normalizeDiacritics(entry)).toBe(plain);
    expect(normalizeDiacritics(entry.normalize("NFD"))).toBe(plain);
  });

  it("the rows above hold every entry of the table, and nothing else", () => {
    const written = [
      ...DECOMPOSING.flatMap(([entries]) => entries.split(" ")),
      ...NOT_DECOMPOSING.map(([e]) => e),
    ];
    const table = DIACRITICS_TABLE.flatMap(([entries]) => entries.split(" "));
    expect(new Set(written)).toEqual(new Set(table));
    expect(written.length).toBe(table.length);
  });
  it("handles the documented special cases and leaves other characters alone", () => {
    expect(show("NormalizeDiacritics([n])", { n: "Zoë Øster Straße Łukasz" })).toBe(
      "Zoe OEster Strasse Lukasz",
    );
    expect(normalizeDiacritics("œ đ ð þ ĉ 日本")).toBe("œ đ ð þ ĉ 日本");
    expect(normalizeDiacritics("plain ascii")).toBe("plain ascii");
  });
  it("prefers the longest sequence (ā́ is one entry, not ā then a stray accent)", () => {
    expect(normalizeDiacritics("\u0101\u0301x")).toBe("ax");
    expect(normalizeDiacritics("a\u0304\u0301")).toBe("a");
  });
});
