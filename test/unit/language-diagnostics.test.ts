import { describe, expect, it } from "vitest";
import { applyEdits, codeActions, diagnose } from "../../src/language/index.js";

/** Applies the first quick fix for the text's diagnostics. */
function fixed(text: string, options = {}) {
  const diagnostics = diagnose(text, options);
  const action = codeActions(text, diagnostics, undefined, options)[0];
  return action && { title: action.title, code: action.diagnosticCode, text: applyEdits(text, action.edits) };
}

describe("diagnose", () => {
  it("returns parser and checker diagnostics with codes and spans", () => {
    expect(diagnose('Jion(".", [a]').map(({ code, span }) => ({ code, span }))).toEqual([
      { code: "unknown-function", span: { start: 0, end: 4 } },
      { code: "missing-close-paren", span: { start: 0, end: 5 } },
    ]);
  });

  it("checks attributes against a schema only when one is given", () => {
    expect(diagnose("Trim([mial])")).toEqual([]);
    expect(diagnose("Trim([mial])", { schema: ["mail"] })[0]?.code).toBe("unknown-attribute");
  });
});

describe("codeActions", () => {
  it("fixes a function's case, a constant's case and an unknown function", () => {
    expect(fixed('join(".", [a])')).toEqual({
      title: "Change to Join",
      code: "function-name-case",
      text: 'Join(".", [a])',
    });
    expect(fixed('InStr([a], "b", 1, VBTEXTCOMPARE)')?.text).toBe('InStr([a], "b", 1, vbTextCompare)');
    expect(fixed('Jion(".", [a])')).toMatchObject({ title: "Change to Join", text: 'Join(".", [a])' });
  });

  it("fixes quotes and operators", () => {
    expect(fixed("Trim(\u201Cx\u201D)")?.text).toBe('Trim("x")');
    expect(fixed("Trim('x')")?.text).toBe('Trim("x")');
    expect(fixed('IIF([a] == "1", "y", "n")')?.text).toBe('IIF([a] = "1", "y", "n")');
    expect(fixed('IIF([a] != "1", "y", "n")')?.text).toBe('IIF([a] <> "1", "y", "n")');
  });

  it("fixes attribute names against the schema", () => {
    expect(fixed("Trim([mial])", { schema: ["mail"] })?.text).toBe("Trim([mail])");
    expect(fixed("Trim([Mail])", { schema: ["mail"] })?.text).toBe("Trim([mail])");
  });

  it("offers only the fixes for diagnostics touching the range", () => {
    const text = 'join(".", jion([a]))';
    const diagnostics = diagnose(text);
    expect(
      codeActions(text, diagnostics, { start: 11, end: 11 }).map((action) => action.diagnosticCode),
    ).toEqual(["unknown-function"]);
    expect(codeActions(text, diagnostics)).toHaveLength(2);
  });

  it("offers nothing when there is no sensible fix", () => {
    expect(fixed("Frobnicate([a])")).toBeUndefined();
  });
});
