import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileDotnetRegex,
  dotnetRegexIsMatch,
  dotnetRegexReplace,
  dotnetRegexReplaceOnRe2,
} from "../../src/functions/dotnet/dotnet-regex.js";
import { takesNativePath } from "../../src/functions/dotnet/native-regex.js";
import { nativePatternArb } from "../dotnet/generators.js";

describe("the native RegExp path", () => {
  it.each([
    "[()\\s-]+",
    "@fabrikam\\.com$",
    "\\s+",
    "^\\s+",
    "\\A\\d",
    "[^0-9]",
    "@.*",
    "\\d",
    "abc",
    "a+?",
    "ab*",
    "ab??",
    "\\p{L}+",
    "\\P{Lu}",
    "\\p{IsGreek}",
    "[a-z-[aeiou]]+",
    "\\.\\x41\\u00e9\\t",
    "x\\z",
    "x\\Z",
    "[\\w.]+",
    // One code point, as re2js reads it too (docs/regex.md: surrogate pairs are one character).
    "😀+",
  ])("takes %s: single-character items, only the last quantified, no empty match", (pattern) => {
    expect(takesNativePath(pattern)).toBe(true);
  });

  it.each([
    ["a*", "can match empty"],
    ["x?", "can match empty"],
    ["\\s*", "can match empty"],
    ["\\s+$", "a quantified item before an end anchor backtracks over every run"],
    ["a+b", "a quantified item that is not the last"],
    ["a*b*", "two quantified items"],
    ["(a)", "a group"],
    ["(?:a)+", "a group"],
    ["a|b", "alternation"],
    ["a{2}", "counted repetition"],
    ["a{2,}", "counted repetition"],
    ["\\bfoo", "a word boundary"],
    ["(?i)a", "an inline option"],
    ["^$", "nothing to match"],
    ["(a)\\1", "a backreference"],
    ["a$b", "an anchor in the middle"],
    ["a^", "an anchor in the middle"],
    ["\\uD83D", "a lone surrogate"],
    ["a]", "a bare ]"],
  ])("leaves %s to re2js (%s)", (pattern) => {
    expect(takesNativePath(pattern)).toBe(false);
  });

  it("keeps every error of the translation: invalid and unsupported patterns fail as before", () => {
    expect(() => compileDotnetRegex("[a")).toThrow(expect.objectContaining({ code: "invalid-regex" }));
    expect(() => compileDotnetRegex("\\q")).toThrow(expect.objectContaining({ code: "invalid-regex" }));
    expect(() => compileDotnetRegex("(?=a)b")).toThrow(
      expect.objectContaining({ code: "regex-unsupported" }),
    );
  });

  it("runs the fixture's mobile-number pattern natively, with .NET's \\s (no-break space, NEL)", () => {
    expect(dotnetRegexReplace("+46 (70) 123-45 67", "[()\\s-]+", "")).toBe("+46701234567");
    expect(dotnetRegexReplace("1\u00a02\u00853\ufeff4", "\\s", "")).toBe("123\ufeff4");
    expect(dotnetRegexIsMatch("ethan.brooks@fabrikam.com", "@fabrikam\\.com$")).toBe(true);
    expect(dotnetRegexIsMatch("a@fabrikam.com.evil", "@fabrikam\\.com$")).toBe(false);
  });

  it("reads $ in the replacement as .NET does, not as JavaScript does", () => {
    expect(dotnetRegexReplace("a-b", "-", "$$")).toBe("a$b");
    expect(dotnetRegexReplace("a-b", "-", "[$&]")).toBe("a[-]b");
    expect(dotnetRegexReplace("a-b", "-", "$1")).toBe("a$1b");
    expect(dotnetRegexReplace("a-b", "-", "<$`|$'>")).toBe("a<a|b>b");
    expect(dotnetRegexReplace("a-b", "-", "($_)")).toBe("a(a-b)b");
    expect(dotnetRegexReplace("a-b", "-", "$+")).toBe("a-b");
  });

  it("agrees with re2js on every native pattern, input and replacement (astral and lone surrogates included)", () => {
    const input = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.string({ unit: "binary", maxLength: 12 }),
      {
        weight: 4,
        arbitrary: fc
          .array(
            fc.constantFrom(
              "a",
              "b",
              "-",
              " ",
              "(",
              "\n",
              "\r",
              "\u2028",
              "\u0085",
              "é",
              "1",
              "٣",
              "\u00a0",
              "😀",
              "\ud800",
              ".",
            ),
            {
              maxLength: 12,
            },
          )
          .map((parts) => parts.join("")),
      },
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a .NET named-group substitution, not a template
    const replacement = fc.constantFrom("", "-", "$&", "$$", "$1", "${g}", "$`", "$'", "$_", "$+", "<$0>");
    fc.assert(
      fc.property(nativePatternArb, input, replacement, (pattern, text, by) => {
        expect(takesNativePath(pattern)).toBe(true);
        expect(dotnetRegexReplace(text, pattern, by)).toBe(dotnetRegexReplaceOnRe2(text, pattern, by));
        expect(dotnetRegexIsMatch(text, pattern)).toBe(compileDotnetRegex(pattern).re2.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});
