import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";

/**
 * The schema checks (docs/lint-rules.md, unknown-attribute and attribute-name-case): attribute names are
 * case-sensitive, so a name that differs from the schema's only in case reads nothing and is reported
 * with the schema's spelling; another unknown name gets the closest one, or the advice to check it.
 */
function findings(text: string, schema: readonly (string | { name: string })[]) {
  return check(text, { schema }).map(({ code, severity, message, span }) => ({
    code,
    severity,
    message,
    span,
  }));
}

const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};

describe("attribute-name-case", () => {
  it("gives the schema's spelling", () => {
    const text = "ToLower([GivenName])";
    expect(findings(text, ["givenName", "surname"])).toEqual([
      {
        code: "attribute-name-case",
        severity: "warning",
        message:
          "The source schema spells this attribute [givenName]; attribute names are case-sensitive, so [GivenName] reads nothing.",
        span: at(text, "[GivenName]"),
      },
    ]);
  });

  it("names the first of several spellings the schema holds, and accepts each of them as written", () => {
    const schema = ["mailNickname", "MailNickname", "MAILNICKNAME"];
    const text = "ToLower([mailnickname])";
    expect(findings(text, schema).map((d) => d.message)).toEqual([
      "The source schema spells this attribute [mailNickname]; attribute names are case-sensitive, so [mailnickname] reads nothing.",
    ]);
    expect(findings(text, [...schema].reverse()).map((d) => d.message)).toEqual([
      "The source schema spells this attribute [MAILNICKNAME]; attribute names are case-sensitive, so [mailnickname] reads nothing.",
    ]);
    for (const name of schema) expect(findings(`ToLower([${name}])`, schema)).toEqual([]);
  });

  it("matches letters outside ASCII case-insensitively too", () => {
    expect(findings("[ÉCOLE]", ["école"]).map((d) => d.code)).toEqual(["attribute-name-case"]);
  });
});

describe("unknown-attribute", () => {
  it("suggests the closest name", () => {
    const text = "ToLower([surnmae])";
    expect(findings(text, ["givenName", { name: "surname" }])).toEqual([
      {
        code: "unknown-attribute",
        severity: "warning",
        message: "The source schema has no attribute [surnmae]; did you mean [surname]?",
        span: at(text, "[surnmae]"),
      },
    ]);
  });

  it("says it always reads null when no name is near", () => {
    const text = "ToLower([department])";
    expect(findings(text, ["givenName", "surname"])).toEqual([
      {
        code: "unknown-attribute",
        severity: "warning",
        message:
          "The source schema has no attribute [department]; it will always read as null. Check the name or add it to the schema.",
        span: at(text, "[department]"),
      },
    ]);
  });

  it("checks attributes on both sides of a comparison", () => {
    const text = 'IIF([dept] = [cuntry], "y", "n")';
    expect(findings(text, ["dept", "country"]).map(({ code, span }) => ({ code, span }))).toEqual([
      { code: "unknown-attribute", span: at(text, "[cuntry]") },
    ]);
  });
});
