import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { evaluate, render } from "../../src/evaluator/index.js";
import { DIACRITICS_TABLE, normalizeDiacritics } from "../../src/functions/index.js";

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
  it.each(DIACRITICS_TABLE.map(([entries, plain]) => [entries, plain] as const))(
    "maps %s to %s",
    (entries, plain) => {
      for (const entry of entries.split(" ")) {
        expect(normalizeDiacritics(entry)).toBe(plain);
        expect(normalizeDiacritics(entry.normalize("NFD"))).toBe(plain);
      }
    },
  );
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
