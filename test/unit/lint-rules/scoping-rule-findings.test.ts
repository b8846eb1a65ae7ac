import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";

// What the scoping rules tell the user, word for word, and where each finding points: at the clause's
// attribute, its operator or the value at fault.

const head = `entra:
  directories:
    - name: AAD
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: department }
            - { name: otherMails, multivalued: true }
`;
/** A configuration with one scoping filter of `clauses`; with the schema head they start on line 13. */
const config = (clauses: readonly string[]) =>
  `${head}scope:\n  filters:\n    - clauses:\n${clauses.map((c) => `        - ${c}\n`).join("")}mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n`;

describe("scope-unknown-attribute's messages", () => {
  it("suggest the closest name, point out a difference in case, or say to check the name", () => {
    const text = config([
      "{ attribute: departmnt, operator: EQUALS, value: Sales }",
      "{ attribute: Department, operator: EQUALS, value: Sales }",
      "{ attribute: zzzzzzzzzz, operator: EQUALS, value: Sales }",
    ]);
    expect(findingsOf("scope-unknown-attribute", text)).toEqual([
      {
        at: [13, 24],
        covers: "departmnt",
        message:
          "The source schema has no attribute departmnt, so the clause never holds; did you mean department?",
        fix: {
          description: "Write departmnt as department",
          edits: [{ covers: "departmnt", text: "department" }],
        },
      },
      {
        at: [14, 24],
        covers: "Department",
        message:
          "The source schema spells this attribute department; attribute names are case-sensitive, so Department is always null and the clause never holds.",
        fix: {
          description: "Write Department as department",
          edits: [{ covers: "Department", text: "department" }],
        },
      },
      {
        at: [15, 24],
        covers: "zzzzzzzzzz",
        message:
          "The source schema has no attribute zzzzzzzzzz, so the clause never holds. Check the name or add it to the schema.",
      },
    ]);
  });
});

describe("scope-multivalued-attribute's message", () => {
  it("names the attribute, at the attribute", () => {
    const text = config(["{ attribute: otherMails, operator: INCLUDES, value: x }"]);
    expect(findingsOf("scope-multivalued-attribute", text)).toEqual([
      {
        at: [13, 24],
        covers: "otherMails",
        message:
          "otherMails is multi-valued; Entra does not support scoping on multi-valued attributes. Test a single-valued attribute instead.",
      },
    ]);
  });
});

describe("scope-operator-value's messages", () => {
  it("say what the operator needs, at the value at fault or at the operator", () => {
    const text = config([
      "{ attribute: department, operator: GREATER_THAN, value: ten }",
      "{ attribute: department, operator: NOT_REGEX_MATCH, value: '(' }",
      "{ attribute: department, operator: IS_TRUE, value: 'yes' }",
      "{ attribute: department, operator: EQUALS }",
      "{ attribute: department, operator: EQUAL, value: x }",
    ]);
    expect(findingsOf("scope-operator-value", text)).toEqual([
      {
        at: [13, 67],
        covers: "ten",
        message:
          "GREATER_THAN compares integers only, and this value is not one; Entra rejects the clause. Write a whole number.",
      },
      {
        at: [14, 72],
        covers: "",
        message: "NOT_REGEX_MATCH: The regular expression is not valid: a ( is never closed at offset 1.",
      },
      {
        at: [15, 63],
        covers: "yes",
        message:
          "IS_TRUE tests department alone and takes no value; remove the value, or use EQUALS to compare with it.",
      },
      {
        at: [16, 46],
        covers: "EQUALS",
        message: "EQUALS needs a value to compare department with; add one.",
      },
      {
        at: [17, 46],
        covers: "EQUAL",
        message:
          'Unknown scoping operator "EQUAL"; did you mean EQUALS? Use one of EQUALS, NOT_EQUALS, IS_TRUE, IS_FALSE, IS_NULL, IS_NOT_NULL, REGEX_MATCH, NOT_REGEX_MATCH, GREATER_THAN, GREATER_THAN_OR_EQUALS, INCLUDES, ENDS_WITH.',
      },
    ]);
  });

  it("accepts a negative whole number with spaces around it, and judges only the operators that compare numbers or patterns", () => {
    const text = config([
      "{ attribute: department, operator: GREATER_THAN_OR_EQUALS, value: ' -12 ' }",
      "{ attribute: department, operator: EQUALS, value: '(' }",
      "{ attribute: department, operator: NOT_EQUALS, value: 'ten' }",
    ]);
    expect(findingsOf("scope-operator-value", text)).toEqual([]);
  });

  it("checks every value of a clause, each at its own place", () => {
    const text = config([
      "attribute: department\n          operator: GREATER_THAN\n          values: ['10', 'x1', '2', 'y']",
    ]);
    expect(findingsOf("scope-operator-value", text).map((f) => [f.at, f.covers])).toEqual([
      [[15, 27], "x1"],
      [[15, 38], "y"],
    ]);
  });
});
