import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { format, parse, printFlat, quoteString } from "../../src/parser/index.js";
import { withoutSpans } from "../helpers/ast.js";

describe("format", () => {
  it("puts one space after each comma and none inside parentheses", () => {
    expect(format('Join(".",[givenName] ,  [surname] )')).toBe('Join(".", [givenName], [surname])');
  });

  it("keeps empty arguments, trailing ones included", () => {
    expect(format('Replace([x],,"[()\\\\s-]+",,"",,)')).toBe('Replace([x], , "[()\\\\s-]+", , "", , )');
    expect(format("F(,)")).toBe("F(, )");
  });

  it("prints comparisons with spaces around the operator", () => {
    expect(format('IIF([a]="x",[b]<>"y",1>=2)')).toBe('IIF([a] = "x", [b] <> "y", 1 >= 2)');
  });

  it("re-escapes strings canonically: every backslash doubled, quotes escaped", () => {
    expect(format('"say \\"hi\\""')).toBe('"say \\"hi\\""');
    expect(format('"\\d"')).toBe('"\\\\d"');
    expect(quoteString('a\\b"c')).toBe('"a\\\\b\\"c"');
  });

  it("prints numbers as written: decimal, or upper-case hex", () => {
    expect(format("BitAnd(&hf7, -10)")).toBe("BitAnd(&HF7, -10)");
  });

  it("prints constants in their canonical spelling and names as written", () => {
    expect(format('inStr([a], "b", 1, VBTEXTCOMPARE)')).toBe('inStr([a], "b", 1, vbTextCompare)');
  });

  it("breaks calls longer than the width (100 by default) over lines, one argument each, indented", () => {
    const text =
      'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", [mailNickname], "contoso.com"))';
    expect(format(text)).toBe(
      [
        "SelectUniqueValue(",
        "  Join(",
        '    "@",',
        '    NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))),',
        '    "contoso.com"',
        "  ),",
        '  Join("@", [mailNickname], "contoso.com")',
        ")",
      ].join("\n"),
    );
  });

  it("keeps a call exactly as long as the width on one line, and breaks it one character over", () => {
    const text = 'Join(".", [givenName], [surname])';
    expect(text.length).toBe(33);
    expect(format(text, { width: 33 })).toBe(text);
    expect(format(text, { width: 32 })).toBe('Join(\n  ".",\n  [givenName],\n  [surname]\n)');
  });

  it("counts the comma after an argument against the width", () => {
    // The inner call sits at column 2 and is followed by a comma: 2 + 14 + 1 = 17 characters.
    const text = 'Join(" ", Mid([a], 1, 2), [b])';
    expect(format(text, { width: 17 }).split("\n")[2]).toBe("  Mid([a], 1, 2),");
    expect(format(text, { width: 16 }).split("\n").slice(2, 7)).toEqual([
      "  Mid(",
      "    [a],",
      "    1,",
      "    2",
      "  ),",
    ]);
  });

  it("keeps empty arguments on the line before them when breaking", () => {
    const text = `Replace([${"a".repeat(40)}], , "${"b".repeat(40)}", , , , )`;
    expect(format(text, { width: 60 })).toBe(
      `Replace(\n  [${"a".repeat(40)}], ,\n  "${"b".repeat(40)}", , , ,\n)`,
    );
  });

  it("breaks a long comparison at its calls", () => {
    const text = `IIF(Left([${"a".repeat(30)}], 1) = Left([${"b".repeat(30)}], 1), "x", "y")`;
    const formatted = format(text, { width: 50, indent: "    " });
    expect(formatted.split("\n")[0]).toBe("IIF(");
    expect(formatted.split("\n")[1]).toMatch(/^ {4}Left\(/);
    expect(withoutSpans(parse(formatted).ast)).toEqual(withoutSpans(parse(text).ast));
  });

  it("never breaks what contains no call, however long", () => {
    const text = `"${"x".repeat(300)}"`;
    expect(format(text)).toBe(text);
  });

  it("is idempotent on a documented example", () => {
    const text =
      'Switch([Active], , \n  "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), \n  "0", "False")';
    const once = format(text, { width: 40 });
    expect(format(once, { width: 40 })).toBe(once);
  });

  it("refuses text with syntax errors, listing them, rather than losing text", () => {
    try {
      format('Join(".", [a]');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProvexError);
      expect((error as ProvexError).code).toBe("syntax-error");
      expect((error as ProvexError).diagnostics.map((d) => d.code)).toEqual(["missing-close-paren"]);
    }
  });

  it("formats text that has only warnings", () => {
    expect(format("IsPresent(true)")).toBe("IsPresent(True)");
  });

  it("printFlat refuses error nodes", () => {
    expect(() => printFlat(parse("IIF([a] = , 1, 2)").ast)).toThrow(ProvexError);
  });
});
