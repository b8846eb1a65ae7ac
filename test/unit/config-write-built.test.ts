import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, writeConfig } from "../../src/index.js";

/**
 * Writing a configuration a program built or edited (not read from a file): what the writers do with
 * parts a file would never have, and YAML keys that are not text.
 */

function built(): MappingConfig {
  return loadConfig("mappings:\n  - { target: t, expression: 'Trim([a])' }\n");
}

describe("writing an edited configuration", () => {
  it("an expression that does not parse travels as its text, in either format", () => {
    const config = built();
    const object = config.objects[0];
    const mapping = object?.mappings[0];
    if (!object || !mapping) throw new Error("no mapping");
    const edited = { ...config, objects: [{ ...object, mappings: [{ ...mapping, expression: "Join(" }] }] };
    const entra = JSON.parse(writeConfig(edited, { format: "entra" }));
    expect(entra.synchronizationRules[0].objectMappings[0].attributeMappings[0].source).toEqual({
      type: "Function",
      name: "",
      expression: "Join(",
      parameters: [],
    });
    expect(writeConfig(edited, { format: "provex" })).toContain("  - target: t\n    expression: Join(\n");
  });

  it("objects without a rule to hold them get one, with an empty id", () => {
    const config = { ...built(), rules: [] };
    const written = JSON.parse(writeConfig(config, { format: "entra" }));
    expect(written.synchronizationRules).toHaveLength(1);
    expect(written.synchronizationRules[0].id).toBe("");
    expect(written.synchronizationRules[0].objectMappings[0].attributeMappings[0].targetAttributeName).toBe(
      "t",
    );
    // No objects and no rules: nothing to hold.
    expect(
      JSON.parse(writeConfig({ ...config, objects: [] }, { format: "entra" })).synchronizationRules,
    ).toEqual([]);
  });
});

describe("YAML keys that are not text", () => {
  it("numbers, booleans and null as keys are read as their text (null as the empty key)", () => {
    const config = loadConfig("entra:\n  1: a\n  true: b\n  ~: c\n  0x10: d\n  1.5: e\nmappings: []\n");
    expect(config.diagnostics).toEqual([]);
    expect(config.extra).toEqual({ "1": "a", true: "b", "": "c", "16": "d", "1.5": "e" });
  });

  it("an empty key and an empty list item are read as the empty key and null", () => {
    expect(loadConfig("entra:\n  ? \n  : v\nmappings: []\n").extra).toEqual({ "": "v" });
    expect(loadConfig("entra:\n  list:\n    -\n    - x\nmappings: []\n").extra).toEqual({
      list: [null, "x"],
    });
  });
});

describe("an exported source tree the writer would not produce", () => {
  it("parameters written as an object, not a list, comes back as written", () => {
    const text =
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"targetAttributeName": "t", "source": {"type": "Attribute", "name": "a", "expression": "[a]", "parameters": {}}}]}]}]}';
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.mappings[0]?.expression).toBe("[a]");
    expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(JSON.parse(text));
  });
});
