import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { parse } from "../../src/parser/index.js";

/**
 * The code and span of every diagnostic, in order. The messages, and each kind of literal argument, are
 * asserted with code and span in checker-calls, checker-arguments and checker-attributes.test.ts.
 */
function codes(text: string, options: Parameters<typeof check>[1] = {}) {
  return check(text, options).map(({ code, severity, span }) => ({ code, severity, span }));
}

/** The span of the `occurrence`-th appearance of `part` in `text`. */
function spanOf(text: string, part: string, occurrence = 1) {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length };
}

describe("check", () => {
  it("accepts well-formed expressions", () => {
    expect(codes('Join(".", [givenName], [surname])')).toEqual([]);
    expect(codes('Replace([x], , "re", , "", , )')).toEqual([]);
    expect(codes('FormatDateTime([x], "yyyyMMdd", "yyyy-MM-dd")')).toEqual([]);
    expect(codes('InStr("a", "b", 1, vbTextCompare)')).toEqual([]);
  });

  it("reports unknown functions at the name, suggesting the closest one", () => {
    const text = 'Jion(".", [a])';
    expect(codes(text)).toEqual([
      { code: "unknown-function", severity: "error", span: spanOf(text, "Jion") },
    ]);
    expect(check(text)[0]?.message).toContain("Join");
    expect(check("Frobnicate([a])")[0]?.message).not.toContain("did you mean");
  });

  it("warns about a function spelled in other than its canonical case", () => {
    const text = 'switch([a], "x", "1", "one")';
    expect(codes(text)).toEqual([
      { code: "function-name-case", severity: "warning", span: spanOf(text, "switch") },
    ]);
  });

  it("reports too few arguments at the call and too many at the extra ones", () => {
    const few = "Left([a])";
    expect(codes(few)).toEqual([{ code: "arity", severity: "error", span: { start: 0, end: few.length } }]);
    const many = 'Left([a], 1, "x", [y])';
    expect(codes(many)).toEqual([{ code: "arity", severity: "error", span: { start: 13, end: 21 } }]);
    expect(codes("Guid(1)")).toEqual([{ code: "arity", severity: "error", span: spanOf("Guid(1)", "1") }]);
    expect(codes('SelectUniqueValue("a")').map((d) => d.code)).toEqual(["arity"]);
  });

  it("reports Switch's odd argument count at the unpaired key", () => {
    const text = 'Switch([a], "d", "k1", "v1", "k2")';
    expect(codes(text)).toEqual([
      { code: "unpaired-argument", severity: "error", span: spanOf(text, '"k2"') },
    ]);
  });

  it("reports an empty argument where a required parameter is", () => {
    const text = "Mid([a], , 3)";
    expect(codes(text)).toEqual([
      { code: "missing-argument", severity: "error", span: { start: 9, end: 9 } },
    ]);
    expect(codes('Switch([a], , "k", "v")')).toEqual([]);
  });

  it("reports literal arguments of the wrong kind", () => {
    const text = 'Left([a], "three")';
    expect(codes(text)).toEqual([
      { code: "argument-kind", severity: "error", span: spanOf(text, '"three"') },
    ]);
    const mode = 'InStr([a], "b", 1, UTF8)';
    expect(codes(mode)).toEqual([{ code: "argument-kind", severity: "error", span: spanOf(mode, "UTF8") }]);
    const constant = "Join(vbTextCompare, [a])";
    expect(codes(constant)).toEqual([
      { code: "argument-kind", severity: "error", span: spanOf(constant, "vbTextCompare") },
    ]);
  });

  it("requires SelectUniqueValue at the top level", () => {
    expect(codes("SelectUniqueValue([a], [b])")).toEqual([]);
    const text = "ToLower(SelectUniqueValue([a], [b]))";
    expect(codes(text)).toEqual([
      { code: "not-top-level", severity: "error", span: spanOf(text, "SelectUniqueValue") },
    ]);
  });

  it("warns about provex-only functions in the entra dialect, naming the Entra equivalent", () => {
    const text = 'Extract([userPrincipalName], , "@", )';
    expect(codes(text)).toEqual([
      { code: "provex-only", severity: "warning", span: spanOf(text, "Extract") },
    ]);
    expect(check(text)[0]?.message).toContain('Replace([userPrincipalName], , "(?<s>@.*)$", "s", "", , )');
    expect(codes(text, { dialect: "provex" })).toEqual([]);
  });

  it("checks attributes against a source schema, with the case-insensitive near miss", () => {
    const schema = ["givenName", "surname", { name: "userPrincipalName" }];
    const text = 'Join(".", [givenname], [surnmae], [department], [userPrincipalName])';
    expect(codes(text, { schema })).toEqual([
      { code: "attribute-name-case", severity: "warning", span: spanOf(text, "[givenname]") },
      { code: "unknown-attribute", severity: "warning", span: spanOf(text, "[surnmae]") },
      { code: "unknown-attribute", severity: "warning", span: spanOf(text, "[department]") },
    ]);
    const [, typo, unknown] = check(text, { schema });
    expect(typo?.message).toContain("[surname]");
    expect(unknown?.message).not.toContain("did you mean");
    expect(codes(text)).toEqual([]);
  });

  it("includes the parse diagnostics when given text, and checks a tree when given one", () => {
    const text = 'Join(".", [a]';
    const parsed = parse(text);
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(
      codes(text)
        .slice(0, parsed.diagnostics.length)
        .map((d) => d.code),
    ).toEqual(parsed.diagnostics.map((d) => d.code));
    expect(codes("Jion([a])")).toEqual(
      check(parse("Jion([a])").ast).map(({ code, severity, span }) => ({ code, severity, span })),
    );
  });

  it("checks calls nested in comparisons and arguments", () => {
    const text = 'IIF(Lenn([a]) = "1", Left([b]), "x")';
    expect(codes(text).map((d) => d.code)).toEqual(["unknown-function", "arity"]);
  });
});

describe("check: several values where one is expected", () => {
  it("reports a list-returning call passed to a single-valued parameter", () => {
    const text = 'Left(Split([a], ","), 1)';
    expect(codes(text)).toEqual([
      { code: "argument-kind", severity: "error", span: spanOf(text, 'Split([a], ",")') },
    ]);
  });
  it("accepts it where the function applies to each value, or takes a list", () => {
    expect(codes('ToLower(Split([a], ","))')).toEqual([]);
    expect(codes('Join(";", RemoveDuplicates(Split([a], ",")))')).toEqual([]);
    expect(codes('Item(Split([a], ","), 1)')).toEqual([]);
  });
});
