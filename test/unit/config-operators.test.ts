import { describe, expect, it } from "vitest";
import { loadConfig, writeConfig } from "../../src/index.js";

/** Scoping operators and flow types as written in either format: spellings, typos, missing and null. */

const OPERATORS =
  "EQUALS, NOT_EQUALS, IS_TRUE, IS_FALSE, IS_NULL, IS_NOT_NULL, REGEX_MATCH, NOT_REGEX_MATCH, GREATER_THAN, GREATER_THAN_OR_EQUALS, INCLUDES, ENDS_WITH";

/** An Entra export with one clause whose operatorName property is `operator` ("" leaves it out). */
const entra = (operator: string) =>
  `{"synchronizationRules": [{"objectMappings": [{"scope": {"groups": [{"clauses": [{"sourceOperandName": "a", ${operator} "targetOperand": {"values": ["1"]}}]}]}, "attributeMappings": []}]}]}`;

function problems(text: string): [string, string, string][] {
  return loadConfig(text).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.message]);
}

describe("scoping operators", () => {
  it("the portal's spellings are read: any case, spaces or hyphens for underscores, blanks around", () => {
    for (const [written, operator] of [
      ['" not  equals "', "NOT_EQUALS"],
      ['"greater-than"', "GREATER_THAN"],
      ['"Greater_Than_Or_Equals"', "GREATER_THAN_OR_EQUALS"],
      ['"is not null"', "IS_NOT_NULL"],
    ]) {
      const config = loadConfig(entra(`"operatorName": ${written},`));
      expect(config.diagnostics, written).toEqual([]);
      expect(config.objects[0]?.scope?.[0]?.clauses[0]?.operator, written).toBe(operator);
    }
  });

  it("an unknown operator lists the operators, and suggests the closest when there is one", () => {
    expect(problems(entra('"operatorName": "EQUAL",'))).toEqual([
      [
        "unknown-operator",
        '"EQUAL"',
        `Unknown scoping operator "EQUAL"; did you mean EQUALS? Use one of ${OPERATORS}.`,
      ],
    ]);
    expect(problems(entra('"operatorName": "XYZZY",'))).toEqual([
      ["unknown-operator", '"XYZZY"', `Unknown scoping operator "XYZZY". Use one of ${OPERATORS}.`],
    ]);
  });

  it("a clause without an operator is an error at the clause", () => {
    const text = entra("");
    const [[code, where, message] = []] = problems(text);
    expect([code, message]).toEqual([
      "config-missing",
      "A clause needs an operator such as EQUALS or IS_NOT_NULL.",
    ]);
    expect(where).toBe('{"sourceOperandName": "a",  "targetOperand": {"values": ["1"]}}');
  });

  it("a null operator is an error at the null, not a clause dropped without a word (which widened the filter)", () => {
    const text = entra('"operatorName": null,');
    expect(problems(text)).toEqual([
      ["config-missing", "null", "A clause needs an operator such as EQUALS or IS_NOT_NULL."],
    ]);
    // Writing it back would lose the clause, so it is refused.
    expect(() => writeConfig(loadConfig(text), { format: "entra" })).toThrow(/config-missing/);
    const provex =
      "scope:\n  filters:\n    - clauses: [{ attribute: a, operator: null, value: x }]\nmappings: []\n";
    expect(problems(provex)).toEqual([
      ["config-missing", "null", "A clause needs an operator such as EQUALS or IS_NOT_NULL."],
    ]);
  });

  it("an operator already refused (an unsupported YAML tag) is not reported again", () => {
    const text =
      "scope:\n  filters:\n    - clauses: [{ attribute: a, operator: !!binary eA==, value: x }]\nmappings: []\n";
    expect(problems(text).map(([code, where]) => [code, where])).toEqual([
      ["config-unsupported", "!!binary eA=="],
    ]);
  });

  it("operatorName must be text", () => {
    expect(problems(entra('"operatorName": 5,'))).toEqual([
      ["config-type", "5", "operatorName must be a string."],
    ]);
  });
});

describe("flow types", () => {
  const FLOW_TYPES = "Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly";

  it("Graph's flowType is read in any case; another value is an error naming the allowed ones", () => {
    const mapping = (flowType: string) =>
      `{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"targetAttributeName": "t", "defaultValue": "d", "flowType": ${flowType}}]}]}]}`;
    expect(problems(mapping('"sometimes"'))).toEqual([
      ["config-value", '"sometimes"', `flowType must be one of ${FLOW_TYPES}, not "sometimes".`],
    ]);
    const config = loadConfig(mapping('"sometimes"'));
    expect(config.objects[0]?.mappings[0]?.flowType).toBe("Always");
    expect(loadConfig(mapping('"objectaddonly"')).objects[0]?.mappings[0]?.flowType).toBe("ObjectAddOnly");
  });

  it("the provex applyOn takes always and create, or Graph's names", () => {
    const applyOn = (value: string) =>
      loadConfig(`mappings:\n  - { target: t, attribute: a, applyOn: ${value} }\n`).objects[0]?.mappings[0]
        ?.flowType;
    expect(applyOn("create")).toBe("ObjectAddOnly");
    expect(applyOn("always")).toBe("Always");
    expect(applyOn("ObjectAddOnly")).toBe("ObjectAddOnly");
    expect(problems("mappings:\n  - { target: t, attribute: a, applyOn: Sometimes }\n")).toEqual([
      ["config-value", "Sometimes", `flowType must be one of ${FLOW_TYPES}, not "Sometimes".`],
    ]);
  });
});
