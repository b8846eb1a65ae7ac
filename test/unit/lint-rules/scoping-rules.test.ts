import { describe, expect, it } from "vitest";
import { applyAllFixes, lintText, positionsOf, rule } from "./helpers.js";

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
const config = (clauses: string, schema = head) =>
  `${schema}scope:\n  filters:\n    - clauses:\n${clauses}mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n`;

// With the schema head the clauses start on line 13.

describe("scope-unknown-attribute", () => {
  it("reports an attribute the source schema lacks, and one that differs only in case", () => {
    const text = config(
      "        - { attribute: departmnt, operator: EQUALS, value: Sales }\n        - { attribute: Department, operator: EQUALS, value: Sales }\n",
    );
    expect(positionsOf("scope-unknown-attribute", text)).toEqual([
      [13, 24],
      [14, 24],
    ]);
    const messages = lintText(text, { rules: [rule("scope-unknown-attribute")] }).map((f) => f.message);
    expect(messages[0]).toContain("did you mean department?");
    expect(messages[1]).toContain("spells this attribute department");
  });

  it("is silent on known attributes, and without a source schema", () => {
    expect(
      positionsOf(
        "scope-unknown-attribute",
        config("        - { attribute: department, operator: IS_NOT_NULL }\n"),
      ),
    ).toEqual([]);
    const noSchema = config("        - { attribute: anything, operator: IS_NOT_NULL }\n", "");
    expect(positionsOf("scope-unknown-attribute", noSchema)).toEqual([]);
  });
});

describe("scope-multivalued-attribute", () => {
  it("reports a multi-valued attribute from the schema, and proxyAddresses without one", () => {
    const text = config("        - { attribute: otherMails, operator: INCLUDES, value: x }\n");
    expect(positionsOf("scope-multivalued-attribute", text)).toEqual([[13, 24]]);
    const known = config("        - { attribute: proxyAddresses, operator: INCLUDES, value: x }\n", "");
    expect(positionsOf("scope-multivalued-attribute", known)).toEqual([[4, 24]]);
  });

  it("is silent on single-valued attributes", () => {
    const text = config("        - { attribute: department, operator: INCLUDES, value: x }\n");
    expect(positionsOf("scope-multivalued-attribute", text)).toEqual([]);
  });
});

describe("scope-operator-value", () => {
  it("reports each operator and value that do not fit", () => {
    const text = config(
      [
        "        - { attribute: department, operator: GREATER_THAN, value: ten }",
        "        - { attribute: department, operator: REGEX_MATCH, value: '(a)\\1' }",
        "        - { attribute: department, operator: IS_TRUE, value: 'yes' }",
        "        - { attribute: department, operator: EQUALS }",
        "        - { attribute: department, operator: EQUAL, value: x }",
        "",
      ].join("\n"),
    );
    const findings = lintText(text, { rules: [rule("scope-operator-value")] });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("integers only"),
      expect.stringContaining("a backreference \\1"),
      expect.stringContaining("takes no value"),
      expect.stringContaining("needs a value"),
      expect.stringContaining("did you mean EQUALS"),
    ]);
    expect(positionsOf("scope-operator-value", text)).toEqual([
      // the value, the backreference inside the pattern, the value, the operator, the operator
      [13, 67],
      [14, 70],
      [15, 63],
      [16, 46],
      [17, 46],
    ]);
  });

  it("is silent on fitting values", () => {
    const text = config(
      [
        "        - { attribute: department, operator: GREATER_THAN_OR_EQUALS, value: '10' }",
        "        - { attribute: department, operator: NOT_REGEX_MATCH, value: '@fabrikam\\.com$' }",
        "        - { attribute: department, operator: IS_NULL }",
        "",
      ].join("\n"),
    );
    expect(positionsOf("scope-operator-value", text)).toEqual([]);
  });
});

describe("scope-unknown-attribute's fix", () => {
  it("writes the schema's spelling, or the closest name", () => {
    const text = config(
      "        - { attribute: departmnt, operator: EQUALS, value: Sales }\n        - { attribute: 'Department', operator: IS_NOT_NULL }\n",
    );
    const fixed = applyAllFixes(text, lintText(text, { rules: [rule("scope-unknown-attribute")] }));
    expect(fixed).toBe(text.replace("departmnt", "department").replace("'Department'", "'department'"));
  });
});
