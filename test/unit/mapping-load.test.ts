import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertConfig, type Diagnostic, LineIndex, loadConfig, writeConfig } from "../../src/index.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraText = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");
const provexText = readFileSync(join(FIXTURES, "provex-config.yaml"), "utf8");

/** Each diagnostic as [code, line, column] of its start, for assertions that ignore message text. */
function located(text: string, diagnostics: readonly Diagnostic[]): [string, number, number][] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, line, column];
  });
}

describe("loadConfig on the fixtures", () => {
  it("reads the Entra export: two object mappings, 21 + 3 attribute mappings, two filters, no problems", () => {
    const config = loadConfig(entraText);
    expect(config.format).toBe("entra");
    expect(config.diagnostics).toEqual([]);
    expect(config.objects.map((o) => [o.name, o.enabled, o.mappings.length])).toEqual([
      ["Provision Microsoft Entra ID Users", true, 21],
      ["Provision Microsoft Entra ID Groups", false, 3],
    ]);
    const users = config.objects[0];
    expect(
      users?.scope?.map((f) => f.clauses.map((c) => `${c.attribute} ${c.operator} ${c.values.join(",")}`)),
    ).toEqual([
      ["department EQUALS Sales", "jobTitle IS_NOT_NULL "],
      ["userPrincipalName REGEX_MATCH @fabrikam\\.com$"],
    ]);
    const byTarget = new Map(users?.mappings.map((m) => [m.target, m]));
    expect(byTarget.get("userName")).toMatchObject({
      type: "direct",
      expression: "[userPrincipalName]",
      matchingPriority: 1,
    });
    expect(byTarget.get("locale")).toMatchObject({ type: "none", expression: null, defaultValue: "en-US" });
    expect(
      byTarget.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization"),
    ).toMatchObject({
      type: "constant",
      expression: '"Contoso Ltd"',
    });
    expect(
      byTarget.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter"),
    ).toMatchObject({
      flowType: "ObjectAddOnly",
      defaultValue: "CC-0000",
    });
    expect(byTarget.get('phoneNumbers[type eq "mobile"].value')?.expression).toBe(
      'Replace([mobile], , "[()\\\\s-]+", , "", , )',
    );
  });

  it("reads the provex YAML into the same user mappings as the Entra export", () => {
    const fromYaml = loadConfig(provexText);
    const fromJson = loadConfig(entraText);
    expect(fromYaml.format).toBe("provex");
    expect(fromYaml.diagnostics).toEqual([]);
    const shape = (c: typeof fromYaml) =>
      c.objects[0]?.mappings.map((m) => [
        m.target,
        m.type,
        m.expression,
        m.defaultValue,
        m.flowType,
        m.matchingPriority,
      ]);
    expect(shape(fromYaml)).toEqual(shape(fromJson));
    const scope = (c: typeof fromYaml) =>
      c.objects[0]?.scope?.map((f) => [f.name, f.clauses.map((k) => [k.attribute, k.operator, k.values])]);
    expect(scope(fromYaml)).toEqual(scope(fromJson));
  });

  it("uses the format it is told, and tells the two apart by synchronizationRules otherwise", () => {
    expect(loadConfig(entraText, { format: "auto" }).format).toBe("entra");
    expect(loadConfig('{"mappings": []}').format).toBe("provex");
    expect(loadConfig(provexText, { format: "entra" }).diagnostics.map((d) => d.code)).toContain(
      "config-missing",
    );
  });
});

describe("malformed configurations: every problem at once, with its line and column", () => {
  it("truncated JSON", () => {
    const text = entraText.slice(0, 2000);
    const config = loadConfig(text);
    const end = new LineIndex(text).locate(text.length);
    // Still recognised as an Entra export; one error where the text stops, no knock-on complaints.
    expect(config.format).toBe("entra");
    expect(located(text, config.diagnostics)).toEqual([["config-syntax", end.line, end.column]]);
  });

  it("truncated YAML", () => {
    const text = "mappings:\n  - { target: userName, attribute: userPrincipalName\n";
    expect(located(text, loadConfig(text).diagnostics).map(([code]) => code)).toContain("config-syntax");
  });

  it("wrong types, an unknown operator and expression syntax errors in one Entra file", () => {
    const text = `{
  "synchronizationRules": [{
    "id": "r",
    "objectMappings": [{
      "name": "Users",
      "enabled": "yes",
      "scope": { "groups": [{ "name": "g", "clauses": [
        { "operatorName": "EQAULS", "sourceOperandName": "department", "targetOperand": { "values": ["Sales"] } }
      ] }] },
      "attributeMappings": [
        { "targetAttributeName": "displayName", "matchingPriority": "high",
          "source": { "type": "Function", "expression": "Join(\\" \\", [givenName]" } },
        { "targetAttributeName": 42 }
      ]
    }]
  }]
}`;
    expect(located(text, loadConfig(text).diagnostics)).toEqual([
      ["config-type", 6, 18],
      ["unknown-operator", 8, 27],
      ["config-type", 11, 69],
      ["missing-close-paren", 12, 58],
      ["config-missing", 13, 9],
      ["config-type", 13, 34],
    ]);
  });

  it("provex format: unknown keys, a missing source, two sources, a bad operator and an unknown function", () => {
    const text = `dialect: entra
scope:
  filters:
    - name: f
      clauses:
        - { attribute: department, operator: LIKE, value: Sales }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: first
  - target: title
  - target: displayName
    attribute: displayName
    constant: x
  - target: nickName
    expression: 'Jion([a], "b")'
    defualt: n
`;
    expect(located(text, loadConfig(text).diagnostics)).toEqual([
      ["unknown-operator", 6, 46],
      ["config-type", 10, 12],
      ["config-missing", 11, 5],
      ["none-without-default", 11, 5],
      ["config-conflict", 12, 5],
      ["unknown-function", 16, 18],
      ["unknown-property", 17, 5],
    ]);
  });

  it("checks clauses: a regex .NET would reject or RE2 cannot run, a non-integer for GREATER_THAN, a missing value", () => {
    const text = `mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
scope:
  filters:
    - name: f
      clauses:
        - { attribute: upn, operator: REGEX_MATCH, value: '(a' }
        - { attribute: upn, operator: REGEX_MATCH, value: '(\\w)\\1' }
        - { attribute: level, operator: GREATER_THAN, value: high }
        - { attribute: department, operator: EQUALS }
`;
    expect(located(text, loadConfig(text).diagnostics)).toEqual([
      ["invalid-regex", 7, 11],
      ["regex-unsupported", 8, 11],
      ["clause-not-integer", 9, 11],
      ["clause-missing-value", 10, 11],
    ]);
  });

  it("refuses alias bombs in kept-as-is properties instead of expanding them", () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g"];
    const lines = levels.map((name, i) => {
      const items = i === 0 ? Array(9).fill('"x"') : Array(9).fill(`*${levels[i - 1]}`);
      return `  ${name}: &${name} [${items.join(", ")}]`;
    });
    const config = loadConfig(`entra:\n${lines.join("\n")}\nmappings: []\n`);
    expect(config.diagnostics.map((d) => d.code)).toContain("config-unsupported");
    // Fully expanded, g alone would hold 9^7 strings (about 19 MB of JSON).
    expect(JSON.stringify(config.extra).length).toBeLessThan(100_000);
  });

  it("rejects SelectUniqueValue on a matching attribute (SPEC §c.3)", () => {
    const text = "mappings:\n  - { target: userName, expression: 'SelectUniqueValue([a], [b])', match: 1 }\n";
    expect(located(text, loadConfig(text).diagnostics)).toEqual([["unique-value-matching", 2, 5]]);
  });

  it("never throws, whatever the text", () => {
    for (const text of [
      "",
      "null",
      "[]",
      "42",
      "{",
      "- a\n- b",
      "synchronizationRules: 7",
      "\u0000",
      "&a [*a]",
    ]) {
      expect(() => loadConfig(text)).not.toThrow();
      expect(() => loadConfig(text, { format: "entra" })).not.toThrow();
    }
  });
});

describe("writing and converting", () => {
  it("Entra → provex → Entra gives back the same JSON, unknown properties included", () => {
    const yaml = convertConfig(entraText, { format: "provex" });
    expect(yaml.diagnostics).toEqual([]);
    const back = convertConfig(yaml.text ?? "", { format: "entra" });
    expect(back.diagnostics).toEqual([]);
    expect(JSON.parse(back.text ?? "")).toEqual(JSON.parse(entraText));
  });

  it("is byte-for-byte stable after the first normalisation", () => {
    const once = convertConfig(entraText, { format: "entra" }).text ?? "";
    expect(convertConfig(once, { format: "entra" }).text).toBe(once);
    const yaml = convertConfig(entraText, { format: "provex" }).text ?? "";
    expect(convertConfig(yaml, { format: "provex" }).text).toBe(yaml);
  });

  it("keeps unknown properties at every level", () => {
    const doc = JSON.parse(entraText);
    doc.futureFlag = { on: true };
    doc.synchronizationRules[0].objectMappings[0].x_object = 1;
    doc.synchronizationRules[0].objectMappings[0].scope.groups[0].x_group = "g";
    doc.synchronizationRules[0].objectMappings[0].scope.groups[0].clauses[0].x_clause = [1];
    doc.synchronizationRules[0].objectMappings[0].attributeMappings[0].x_mapping = null;
    const text = JSON.stringify(doc);
    const yaml = convertConfig(text, { format: "provex" }).text ?? "";
    expect(JSON.parse(convertConfig(yaml, { format: "entra" }).text ?? "")).toEqual(doc);
  });

  it("keeps an exported source tree the writer would not produce (other parameter keys)", () => {
    const doc = JSON.parse(entraText);
    const mapping = doc.synchronizationRules[0].objectMappings[0].attributeMappings[2];
    mapping.source.parameters[0].key = "Source";
    const yaml = convertConfig(JSON.stringify(doc), { format: "provex" }).text ?? "";
    expect(JSON.parse(convertConfig(yaml, { format: "entra" }).text ?? "")).toEqual(doc);
  });

  it("the provex fixture written as Entra JSON reads back to the same mappings", () => {
    const config = loadConfig(provexText);
    const again = loadConfig(writeConfig(config, { format: "entra" }));
    expect(again.diagnostics).toEqual([]);
    expect(
      again.objects[0]?.mappings.map((m) => [m.target, m.expression, m.defaultValue, m.flowType]),
    ).toEqual(config.objects[0]?.mappings.map((m) => [m.target, m.expression, m.defaultValue, m.flowType]));
    expect(writeConfig(config, { format: "provex", json: true })).toMatch(/^\{\n {2}"dialect": "entra"/);
  });

  it("refuses to convert a configuration with errors and says why", () => {
    const result = convertConfig("mappings: [ { target: 3 } ]", { format: "entra" });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("config-type");
  });

  it("warns that 'assigned users only' cannot be written into Entra's schema", () => {
    const result = convertConfig("assignment: assigned\nmappings: []\n", { format: "entra" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["not-representable"]);
  });
});
