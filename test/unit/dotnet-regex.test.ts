// biome-ignore-all lint/suspicious/noTemplateCurlyInString: .NET replacement strings such as "${name}" are data here
import { describe, expect, it } from "vitest";
import {
  compileDotnetRegex,
  dotnetRegexGroupValue,
  dotnetRegexIsMatch,
  dotnetRegexReplace,
  dotnetRegexReplaceGroup,
} from "../../src/functions/dotnet/dotnet-regex.js";
import { translateDotnetRegex } from "../../src/functions/dotnet/dotnet-regex-translate.js";
import { errorCode } from "./dotnet-helpers.js";

const replace = dotnetRegexReplace;

describe(".NET pattern translation", () => {
  it("named groups (?<n>…) and (?'n'…) are numbered after the unnamed ones, as .NET does", () => {
    const t = translateDotnetRegex("(?<first>a)(b)(?'second'c)(d)");
    expect(t.numberOfName.get("first")).toBe(3);
    expect(t.numberOfName.get("second")).toBe(4);
    expect(t.dotnetNumberOfRe2Group).toEqual([0, 3, 1, 4, 2]);
    expect(replace("abcd", "(?<first>a)(b)(?'second'c)(d)", "$1$2$3$4|${first}${second}")).toBe("bdac|ac");
  });

  it("explicitly numbered groups keep their number", () => {
    expect(replace("ab", "(?<5>a)(b)", "$5-$1")).toBe("a-b");
  });

  it("inline options (?i) (?m) (?s) (?n) (?x), scoped and unscoped", () => {
    expect(replace("aXb", "(?i)x", "_")).toBe("a_b");
    expect(replace("aXbx", "(?i:x)|B", "_")).toBe("a_b_");
    // (?i) reaches the end of the enclosing group, so the second alternative ignores case too.
    expect(replace("AA", "a(?i)a|A", "_")).toBe("__");
    expect(replace("x\ny", "(?m)^", ">")).toBe(">x\n>y");
    expect(replace("a\nb", "(?s)a.b", "_")).toBe("_");
    expect(replace("a\nb", "a.b", "_")).toBe("a\nb");
    expect(replace("ab", "(?n)(a)(?<k>b)", "[$1][${k}]")).toBe("[b][b]");
    expect(replace("ab", "(?x) a  b  # comment", "_")).toBe("_");
    expect(replace("a b", "(?x) a \\  b", "_")).toBe("_");
    expect(replace("aA", "(?i-i)a", "_")).toBe("_A");
  });

  it("\\A, \\z, \\Z, ^, $ and \\b anchor", () => {
    expect(replace("aa", "\\Aa", "_")).toBe("_a");
    expect(replace("aa", "a\\z", "_")).toBe("a_");
    expect(replace("aa", "a\\Z", "_")).toBe("a_");
    expect(replace("a-a", "\\ba", "_")).toBe("_-_");
    expect(replace("ab", "^*a", "_")).toBe("_b");
  });

  it("\\d \\w \\s are Unicode-aware like .NET's", () => {
    expect(replace("1٣", "\\d", "D")).toBe("DD");
    expect(replace("é_ß-", "\\w", "W")).toBe("WWW-");
    expect(replace("a\u00a0b\u2003c", "\\s", "S")).toBe("aSbSc");
    expect(replace("a1 ", "\\D\\d\\S?", "_")).toBe("_ ");
    expect(replace("é!", "\\W", "_")).toBe("é_");
  });

  it("Unicode categories and blocks", () => {
    expect(replace("aÉ1", "\\p{Lu}", "U")).toBe("aU1");
    expect(replace("aÉ1", "\\P{L}", "_")).toBe("aÉ_");
    expect(replace("aλ", "\\p{IsGreek}", "G")).toBe("aG");
    expect(replace("aλ", "[\\p{IsBasicLatin}]", "B")).toBe("Bλ");
  });

  it("character classes: ranges, negation, escapes, shorthands, subtraction", () => {
    expect(replace("a-z]", "[]a]", "_")).toBe("_-z_");
    expect(replace("hello", "[a-z-[aeiou]]", "*")).toBe("*e**o");
    expect(replace("abc", "[^b]", "_")).toBe("_b_");
    expect(replace("a1_ b", "[\\W\\d]", "_")).toBe("a___b");
    expect(replace("a1b", "[^\\W]", "w")).toBe("www");
    expect(replace("a\tb", "[\\t]", "T")).toBe("aTb");
    expect(replace("a-b", "[a\\-]", "_")).toBe("__b");
    expect(replace("a\bb", "[\\b]", "B")).toBe("aBb");
  });

  it("escapes: \\x, \\u, \\0, \\c, \\e, literal punctuation", () => {
    expect(replace("AbC", "\\x41\\u0062", "_")).toBe("_C");
    expect(replace("a\u0000b", "\\0", "0")).toBe("a0b");
    expect(replace("a\u0001b", "\\cA", "1")).toBe("a1b");
    expect(replace("a\u001bb", "\\e", "E")).toBe("aEb");
    expect(replace("a.b(c)", "\\.|\\(|\\)", "_")).toBe("a_b_c_");
    expect(replace("a{b", "a{b", "_")).toBe("_");
  });

  it("quantifiers, lazy ones and counted repetition", () => {
    expect(replace("aaaa", "a{2}", "_")).toBe("__");
    expect(replace("aaaa", "a{1,3}", "_")).toBe("__");
    expect(replace("aaaa", "a+?", "_")).toBe("____");
    expect(replace("<a><b>", "<.*?>", "_")).toBe("__");
    expect(replace("aaa", "a{2,}", "_")).toBe("_");
  });
});

describe("replacement syntax", () => {
  it.each([
    ["ab", "(a)(b)", "$2$1", "ba"],
    ["ab", "(a)(b)", "${1}", "a"],
    ["ab", "(?<name>a)b", "${name}", "a"],
    ["ab", "ab", "$$", "$"],
    ["ab", "ab", "[$&]", "[ab]"],
    ["ab", "ab", "$0$0", "abab"],
    ["xabcx", "b", "$`", "xaxacx"],
    ["xabcx", "b", "$'", "xacxcx"],
    ["xabcx", "b", "$_", "xaxabcxcx"],
    ["ab", "(a)b", "$+", "a"],
    ["ab", "(a)(b)", "$3", "$3"],
    ["ab", "(a)(b)", "$12", "$12"],
    ["ab", "(a)b", "${nope}", "${nope}"],
    ["ab", "ab", "$", "$"],
    ["ab", "ab", "${", "${"],
    ["ab", "ab", "$x", "$x"],
  ])("%s ~ %s → %s", (input, pattern, replacement, expected) => {
    expect(replace(input, pattern, replacement)).toBe(expected);
  });

  it("$+ is the highest-numbered group, empty when it took no part", () => {
    expect(replace("ab", "(a)|(b)", "[$+]")).toBe("[][b]");
  });

  it("scans like .NET after empty matches", () => {
    expect(replace("abc", "a*", "-")).toBe("--b-c-");
    expect(replace("baaa", "a*", "<$&>")).toBe("<>b<aaa><>");
  });
});

describe("Replace modes 4 and 5: named groups", () => {
  it("mode 4 replaces only the named group's text in each match", () => {
    expect(
      dotnetRegexReplaceGroup("545 Tremont Street", "(?<streetNumber>^\\d*)", "streetNumber", "888"),
    ).toBe("888 Tremont Street");
    expect(dotnetRegexReplaceGroup("a1b2", "(?<l>[a-z])(?<d>\\d)", "d", "#")).toBe("a#b#");
    expect(dotnetRegexReplaceGroup("a1b", "(?<l>[a-z])(?<d>\\d)?", "d", "#")).toBe("a#b");
  });

  it("mode 5 returns the named group's capture in the first match, or null", () => {
    expect(dotnetRegexGroupValue("+91 8887779999", "\\+(?<isd>\\d* )(?<phone>\\d{10})", "phone")).toBe(
      "8887779999",
    );
    expect(dotnetRegexGroupValue("none", "(?<d>\\d+)", "d")).toBeNull();
    expect(dotnetRegexGroupValue("a", "a(?<d>\\d)?", "d")).toBeNull();
  });

  it("an unknown group name is unknown-group", () => {
    expect(errorCode(() => dotnetRegexReplaceGroup("a", "(?<x>a)", "y", ""))).toBe("unknown-group");
    expect(errorCode(() => dotnetRegexGroupValue("a", "(a)", "x"))).toBe("unknown-group");
  });

  it("a name shared by several groups takes the capture .NET keeps (the last to close)", () => {
    expect(replace("ab", "(?<x>a)|(?<x>b)", "[${x}]")).toBe("[a][b]");
    expect(replace("$", "(?<n>.(?<n>))", "[${n}]")).toBe("[$]");
    expect(replace("ba", "(?:(?<x>a)|(?<x>b))+", "[${x}]")).toBe("[a]");
  });
});

describe("IsMatch (scoping filters)", () => {
  it("is unanchored", () => {
    expect(dotnetRegexIsMatch("john.doe@contoso.com", "@contoso\\.com$")).toBe(true);
    expect(dotnetRegexIsMatch("john", "^\\d+$")).toBe(false);
    expect(dotnetRegexIsMatch("Sales", "(?i)^sales")).toBe(true);
  });
});

describe("linear time", () => {
  it("runs (a+)+$ on 10,000 a's and a '!' in milliseconds", () => {
    const input = `${"a".repeat(10_000)}!`;
    const start = performance.now();
    expect(dotnetRegexIsMatch(input, "(a+)+$")).toBe(false);
    expect(replace(input, "(a+)+$", "x")).toBe(input);
    expect(replace(input, "(a|aa)*b", "x")).toBe(input);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it("caches compiled patterns", () => {
    expect(compileDotnetRegex("(?<c>x)+")).toBe(compileDotnetRegex("(?<c>x)+"));
  });
});

describe("errors", () => {
  it.each([
    ["(a)\\1", 3],
    ["(?<n>a)\\k<n>", 7],
    ["a(?=b)", 1],
    ["a(?!b)", 1],
    ["(?<=a)b", 0],
    ["(?<!a)b", 0],
    ["(?>a+)b", 0],
    ["a*+", 2],
    ["a++", 2],
    ["(?<o>a)(?<c-o>b)", 7],
    ["(?(a)b|c)", 0],
    ["\\Ga", 0],
    ["a{1001}", 1],
    ["[^\\Wx]", 0],
    ["[\\p{L}-[a]]", 6],
    ["\\p{IsTifinagh}", 0],
  ])("%s is regex-unsupported at offset %i", (pattern, offset) => {
    let caught: unknown;
    try {
      compileDotnetRegex(pattern);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "regex-unsupported", span: { start: offset } });
  });

  it.each([
    ["(a"],
    ["a)"],
    ["*a"],
    ["a**"],
    ["a{3,2}"],
    ["\\q"],
    ["[a"],
    ["[z-a]"],
    ["\\p{Nope}"],
    ["(?<1a>x)"],
    ["(?)"],
    ["\\"],
    ["\\x4"],
  ])("%s is invalid-regex", (pattern) => {
    expect(errorCode(() => compileDotnetRegex(pattern))).toBe("invalid-regex");
  });
});
