import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";

/**
 * What loading checks beyond the syntax: scoping clauses Entra would refuse (a missing value, a
 * multi-valued attribute, a non-integer for GREATER_THAN, a regular expression .NET or RE2 cannot run),
 * and a mapping that can never write anything. Each is a diagnostic on the clause or mapping, with its
 * code, severity and a message naming what to change.
 */

const clause = (body: string) =>
  `scope:\n  filters:\n    - name: f\n      clauses:\n        - ${body}\nmappings:\n  - { target: userName, attribute: userPrincipalName }\n`;
/** Where the clause starts in {@link clause}'s text. */
const AT = 57;

function problems(text: string): [string, string, number, number, string][] {
  return loadConfig(text).diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message]);
}

describe("scoping clauses", () => {
  it("an operator that compares needs a value; IS_NOT_NULL does not", () => {
    const body = "{ attribute: a, operator: EQUALS }";
    expect(problems(clause(body))).toEqual([
      ["clause-missing-value", "error", AT, AT + body.length, "EQUALS needs a value to compare a with."],
    ]);
    expect(problems(clause("{ attribute: a, operator: IS_NOT_NULL }"))).toEqual([]);
  });

  it("a multi-valued source attribute cannot be scoped on", () => {
    for (const attribute of ["proxyAddresses", "appRoleAssignments"]) {
      const body = `{ attribute: ${attribute}, operator: IS_NOT_NULL }`;
      expect(problems(clause(body))).toEqual([
        [
          "multivalued-scope-attribute",
          "error",
          AT,
          AT + body.length,
          `${attribute} is multi-valued; Entra does not support scoping on multi-valued attributes.`,
        ],
      ]);
    }
    expect(problems(clause("{ attribute: mail, operator: IS_NOT_NULL }"))).toEqual([]);
  });

  it("GREATER_THAN and GREATER_THAN_OR_EQUALS take whole numbers (blanks around them are fine), one error per value", () => {
    const body = "{ attribute: a, operator: GREATER_THAN_OR_EQUALS, values: ['1x', ' 2 ', '-3', 'x4'] }";
    const end = AT + body.length;
    expect(problems(clause(body))).toEqual([
      [
        "clause-not-integer",
        "error",
        AT,
        end,
        'GREATER_THAN_OR_EQUALS compares integers only; "1x" is not one.',
      ],
      [
        "clause-not-integer",
        "error",
        AT,
        end,
        'GREATER_THAN_OR_EQUALS compares integers only; "x4" is not one.',
      ],
    ]);
    const decimal = "{ attribute: a, operator: GREATER_THAN, value: '1.5' }";
    expect(problems(clause(decimal))).toEqual([
      [
        "clause-not-integer",
        "error",
        AT,
        AT + decimal.length,
        'GREATER_THAN compares integers only; "1.5" is not one.',
      ],
    ]);
    // Other operators take any text.
    expect(problems(clause("{ attribute: a, operator: EQUALS, value: '1.5' }"))).toEqual([]);
  });

  it("REGEX_MATCH and NOT_REGEX_MATCH need a pattern .NET accepts and RE2 can run; EQUALS takes any text", () => {
    const invalid = "{ attribute: a, operator: NOT_REGEX_MATCH, value: '(' }";
    expect(problems(clause(invalid))).toEqual([
      [
        "invalid-regex",
        "error",
        AT,
        AT + invalid.length,
        "a NOT_REGEX_MATCH: The regular expression is not valid: a ( is never closed at offset 1.",
      ],
    ]);
    const lookbehind = "{ attribute: a, operator: REGEX_MATCH, value: '(?<=a)b' }";
    const [problem] = problems(clause(lookbehind));
    expect(problem?.slice(0, 4)).toEqual(["regex-unsupported", "error", AT, AT + lookbehind.length]);
    expect(problem?.[4]).toMatch(/^a REGEX_MATCH: The regular expression uses a lookbehind at offset 0/);
    expect(problems(clause("{ attribute: a, operator: EQUALS, value: '(' }"))).toEqual([]);
  });
});

describe("mappings that never write anything", () => {
  it("none without a default is a warning on the mapping", () => {
    expect(problems("mappings:\n  - { target: t, none: true }\n")).toEqual([
      [
        "none-without-default",
        "warning",
        14,
        39,
        "t has no source and no default value, so it never writes anything; give it a default or remove it.",
      ],
    ]);
    expect(problems("mappings:\n  - { target: t, none: true, default: x }\n")).toEqual([]);
  });
});
