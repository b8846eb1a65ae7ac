import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { parse } from "../../src/parser/index.js";

/** The code and span of every diagnostic, in order (the messages have tests of their own below). */
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

/** The message of the only diagnostic of `text`. */
function message(text: string, options: Parameters<typeof check>[1] = {}) {
  const diagnostics = check(text, options);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]?.message;
}

describe("check: each message names the problem and what to write instead", () => {
  it("arity: the count given, the range taken and the signature, optional parameters in brackets", () => {
    expect(message("Left([a])")).toBe("Left takes 2 arguments, but 1 is given: Left(String, NumChars).");
    expect(message("Mid([a], 1)")).toBe("Mid takes 3 arguments, but 2 are given: Mid(source, start, length).");
    expect(message("ToLower()")).toBe(
      "ToLower takes 1 to 2 arguments, but 0 are given: ToLower(source, [culture]).",
    );
    expect(message("DateFromNum()")).toBe("DateFromNum takes 1 argument, but 0 are given: DateFromNum(value).");
    expect(message("Coalesce()")).toBe("Coalesce takes at least 1 argument, but 0 are given: Coalesce(source…).");
    expect(message('Join(",")')).toBe(
      "Join takes at least 2 arguments, but 1 is given: Join(separator, source…).",
    );
    expect(message("Switch([a])")).toBe(
      "Switch takes at least 4 arguments, but 1 is given: Switch(source, [defaultValue], key…, value…).",
    );
    expect(message('Left([a], 1, "x", [y])')).toBe(
      "Left takes 2 arguments, but 4 are given; remove the extra ones: Left(String, NumChars).",
    );
  });

  it("unpaired-argument: the group the arguments come in, and the partner to add", () => {
    expect(message('Switch([a], "d", "k1", "v1", "k2")')).toBe(
      "Switch's arguments after the first 2 come in groups of key, value; this one has no partner. Add the missing value or remove it.",
    );
  });

  it("missing-argument, argument-kind: the parameter by name, and what it takes", () => {
    expect(message("Mid([a], , 3)")).toBe(
      "Mid's start is required here; give a value (The 1-based position of the first character.)",
    );
    expect(message('Left([a], "three")')).toBe("Left's NumChars must be a number.");
    expect(message("Left([a], vbTextCompare)")).toBe("Left's NumChars must be a number, not vbTextCompare.");
    expect(message('InStr([a], "b", 1, 2)')).toBe(
      "InStr's compareType must be vbBinaryCompare or vbTextCompare.",
    );
    expect(message("ConvertFromBase64([a], vbTextCompare)")).toBe(
      "ConvertFromBase64's encoding must be UTF8, Unicode or ASCII.",
    );
    expect(message('Left([a], Split([b], ","))')).toBe(
      "Left's NumChars takes one value, but Split returns several; pick one with Item(…, n) or combine them with Join.",
    );
  });

  it("function names: where to look up an unknown one, the canonical case, where SelectUniqueValue goes", () => {
    expect(message("Frobnicate([a])")).toBe(
      "Unknown function Frobnicate; see docs/functions.md for the functions Entra provides.",
    );
    expect(message('switch([a], "x", "1", "one")')).toBe(
      "Write Switch, not switch: Entra documents function names as case-sensitive.",
    );
    expect(message("ToLower(SelectUniqueValue([a], [b]))")).toBe(
      "SelectUniqueValue must be the whole expression; Entra does not allow it inside another call. Move it to the top.",
    );
  });

  it("attributes: the schema's spelling, the first of several that differ only in case", () => {
    expect(message("[mail]", { schema: ["Mail", "MAIL"] })).toBe(
      "The source schema spells this attribute [Mail]; attribute names are case-sensitive, so [mail] reads nothing.",
    );
    expect(message("[Mial]", { schema: ["Mail"] })).toBe(
      "The source schema has no attribute [Mial]; did you mean [Mail]?",
    );
    expect(message("[department]", { schema: ["Mail"] })).toBe(
      "The source schema has no attribute [department]; it will always read as null. Check the name or add it to the schema.",
    );
  });
});

describe("check: literal arguments against each kind of parameter", () => {
  it("a number parameter takes a number in text, with a sign and spaces around it, and nothing else", () => {
    for (const good of ['"3"', '" 3 "', '"+3"', '"-3"', '"12"', "3", 'InStr([b], "x")']) {
      expect(codes(`Left([a], ${good})`), good).toEqual([]);
    }
    for (const bad of ['"3x"', '"x3"', '"3 x"', '"3.5"', '""']) {
      const text = `Left([a], ${bad})`;
      expect(codes(text), bad).toEqual([{ code: "argument-kind", severity: "error", span: spanOf(text, bad) }]);
    }
  });

  it("a compare mode takes vbBinaryCompare, vbTextCompare, 0 or 1, or a value computed at run time", () => {
    for (const good of ["vbBinaryCompare", "vbTextCompare", "0", "1", 'InStr([c], "x")', "[c]"]) {
      expect(codes(`InStr([a], "b", 1, ${good})`), good).toEqual([]);
    }
    for (const bad of ["2", '"vbTextCompare"', "UTF8"]) {
      const text = `InStr([a], "b", 1, ${bad})`;
      expect(codes(text), bad).toEqual([{ code: "argument-kind", severity: "error", span: spanOf(text, bad) }]);
    }
  });

  it("an encoding takes UTF8, Unicode or ASCII, or a value computed at run time", () => {
    for (const good of ["UTF8", "Unicode", "ASCII", '"UTF8"', "[c]"]) {
      expect(codes(`ConvertFromBase64([a], ${good})`), good).toEqual([]);
    }
    for (const bad of ["vbTextCompare", "1"]) {
      const text = `ConvertFromBase64([a], ${bad})`;
      expect(codes(text), bad).toEqual([{ code: "argument-kind", severity: "error", span: spanOf(text, bad) }]);
    }
  });

  it("other parameters take True and False, and no other constant", () => {
    expect(codes('IIF(True, "a", "b")')).toEqual([]);
    expect(codes('IIF(False, "a", "b")')).toEqual([]);
    const text = 'IIF(UTF8, "a", "b")';
    expect(codes(text)).toEqual([{ code: "argument-kind", severity: "error", span: spanOf(text, "UTF8") }]);
  });

  it("every single-valued kind of parameter refuses several values; one value from a call is fine", () => {
    const several = 'Split([s], ",")';
    for (const text of [
      `Left([a], ${several})`,
      `IIF(${several}, "x", "y")`,
      `DateAdd("d", 1, ${several})`,
      `InStr([a], "b", 1, ${several})`,
      `ConvertFromBase64([a], ${several})`,
      "Left(AppRoleAssignmentsComplex([appRoleAssignments]), 1)",
    ]) {
      expect(
        codes(text).map((d) => d.code),
        text,
      ).toEqual(["argument-kind"]);
    }
    expect(codes("Left(ToLower([a]), 1)")).toEqual([]);
  });
});

describe("check: SelectUniqueValue inside a comparison is not at the top", () => {
  it("on either side", () => {
    for (const text of ['SelectUniqueValue([a], [b]) = "x"', '"x" = SelectUniqueValue([a], [b])']) {
      expect(codes(text), text).toEqual([
        { code: "not-top-level", severity: "error", span: spanOf(text, "SelectUniqueValue") },
      ]);
    }
  });
});
