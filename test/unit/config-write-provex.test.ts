import { describe, expect, it } from "vitest";
import { type AttributeMapping, loadConfig, type MappingConfig, writeConfig } from "../../src/index.js";

/**
 * What the provex writer produces, key by key: a value at its default is left out, a value that differs
 * is written under the provex key, one object mapping is written at the top and several as objects:,
 * and the source of a mapping takes the shortest form that reads back the same.
 */

const provex = (text: string) => writeConfig(loadConfig(text), { format: "provex" });

/** The one-mapping configuration `mapping: {…}` written back as provex YAML, its mappings only. */
function mappingsOf(config: MappingConfig): string {
  const yaml = writeConfig(config, { format: "provex" });
  return yaml.slice(yaml.indexOf("mappings:"));
}

/** A loaded configuration with its first mapping replaced by `changes`. */
function edited(changes: Partial<AttributeMapping>): MappingConfig {
  const config = loadConfig("mappings:\n  - { target: t, attribute: a }\n");
  const object = config.objects[0];
  const mapping = object?.mappings[0];
  if (!object || !mapping) throw new Error("no mapping");
  return { ...config, objects: [{ ...object, mappings: [{ ...mapping, ...changes }] }] };
}

describe("writing the provex format", () => {
  it("every key that differs from its default is written, in the format's order", () => {
    const text = `dialect: provex
assignment: all
object:
  name: Users
  source: Person
  target: Account
  enabled: false
  flowTypes: Add, Update
  entra: { x: 1 }
scope:
  filters:
    - name: f
      clauses:
        - { attribute: a, operator: IS_NULL }
        - { attribute: b, operator: EQUALS, value: x, entra: { y: 2 } }
        - { attribute: c, operator: EQUALS, values: [x, y] }
      entra: { z: 3 }
mappings:
  - { target: t1, attribute: a }
  - { target: t2, constant: c }
  - { target: t3, expression: "Trim([a])" }
  - { target: t4, none: true, default: d }
  - { target: t5, attribute: a, applyOn: create, match: 2, flowBehavior: FlowAlways, exportMissingReferences: true, entra: { w: 4 } }
  - { target: t6, attribute: a, applyOn: ValueAddOnly }
`;
    expect(loadConfig(text).diagnostics).toEqual([]);
    expect(provex(text)).toBe(`dialect: provex
assignment: all
object:
  name: Users
  source: Person
  target: Account
  enabled: false
  flowTypes: Add, Update
  entra:
    x: 1
scope:
  filters:
    - name: f
      clauses:
        - attribute: a
          operator: IS_NULL
        - attribute: b
          operator: EQUALS
          value: x
          entra:
            y: 2
        - attribute: c
          operator: EQUALS
          values:
            - x
            - y
      entra:
        z: 3
mappings:
  - target: t1
    attribute: a
  - target: t2
    constant: c
  - target: t3
    expression: Trim([a])
  - target: t4
    none: true
    default: d
  - target: t5
    attribute: a
    applyOn: create
    match: 2
    flowBehavior: FlowAlways
    exportMissingReferences: true
    entra:
      w: 4
  - target: t6
    attribute: a
    applyOn: ValueAddOnly
`);
  });

  it("values at their defaults are left out: always, no match, when changed, no default, enabled, every flow", () => {
    const text =
      "object: { enabled: true, flowTypes: 'Add, Update, Delete', rule: 0 }\nscope: { filters: [] }\nmappings:\n  - { target: t, attribute: a, applyOn: always, match: null, flowBehavior: FlowWhenChanged, exportMissingReferences: false, default: null }\n";
    expect(loadConfig(text).diagnostics).toEqual([]);
    expect(provex(text)).toBe(
      'dialect: entra\nobject:\n  name: ""\n  source: User\n  target: urn:ietf:params:scim:schemas:core:2.0:User\nmappings:\n  - target: t\n    attribute: a\n',
    );
  });

  it("JSON on request: the same data, 2-space indented, with a final newline", () => {
    const config = loadConfig("mappings:\n  - { target: t, attribute: a }\n");
    expect(writeConfig(config, { format: "provex", json: true })).toBe(
      `${JSON.stringify(
        {
          dialect: "entra",
          object: { name: "", source: "User", target: "urn:ietf:params:scim:schemas:core:2.0:User" },
          mappings: [{ target: "t", attribute: "a" }],
        },
        null,
        2,
      )}\n`,
    );
  });
});

describe("object mappings and rules", () => {
  it("several object mappings are written as objects:, each with its header and body", () => {
    const text =
      "objects:\n  - { name: A, mappings: [] }\n  - name: B\n    scope: { filters: [{ name: f, clauses: [{ attribute: a, operator: IS_NULL }] }] }\n    mappings: [{ target: t, attribute: a }]\n";
    expect(provex(text)).toBe(`dialect: entra
objects:
  - name: A
    source: User
    target: urn:ietf:params:scim:schemas:core:2.0:User
    mappings: []
  - name: B
    source: User
    target: urn:ietf:params:scim:schemas:core:2.0:User
    scope:
      filters:
        - name: f
          clauses:
            - attribute: a
              operator: IS_NULL
    mappings:
      - target: t
        attribute: a
`);
  });

  it("no object mappings is an empty objects: list", () => {
    expect(provex("objects: []\n")).toBe("dialect: entra\nobjects: []\n");
  });

  it("the rules are written when there are several, none, or one with an id or properties", () => {
    expect(provex("entra:\n  rules: [{ id: a }, { id: b }]\nobjects:\n  - { rule: 1, mappings: [] }\n")).toBe(
      'dialect: entra\nobject:\n  name: ""\n  source: User\n  target: urn:ietf:params:scim:schemas:core:2.0:User\n  rule: 1\nmappings: []\nentra:\n  rules:\n    - id: a\n    - id: b\n',
    );
    expect(provex("entra:\n  rules: []\nobjects: []\n")).toBe(
      "dialect: entra\nobjects: []\nentra:\n  rules: []\n",
    );
    expect(provex("entra:\n  rules: [{ name: n }]\nmappings: []\n")).toContain(
      'entra:\n  rules:\n    - id: ""\n      name: n\n',
    );
    expect(provex("entra:\n  rules: [{ id: r }]\nmappings: []\n")).toContain(
      "entra:\n  rules:\n    - id: r\n",
    );
    // One rule without an id or properties is the rule every provex file has: not written.
    expect(provex("entra:\n  rules: [{ id: '' }]\nmappings: []\n")).not.toContain("entra:");
    expect(provex("entra:\n  rules: [{}]\nmappings: []\n")).not.toContain("entra:");
  });

  it("the schema's kept properties are written under entra:, with the rules", () => {
    expect(provex("entra:\n  version: 2\n  rules: [{ id: r }]\nmappings: []\n")).toContain(
      "entra:\n  version: 2\n  rules:\n    - id: r\n",
    );
    expect(provex("entra:\n  version: 2\nmappings: []\n")).toContain("entra:\n  version: 2\n");
  });

  it("a scope without filters is left out; Entra's null scope travels under the header's entra:", () => {
    expect(provex("scope: { filters: [] }\nmappings: []\n")).not.toContain("scope");
    const nullScope = provex("object: { entra: { scope: null } }\nmappings: []\n");
    expect(nullScope).toContain("  entra:\n    scope: null\n");
    expect(loadConfig(nullScope).objects[0]?.scope).toBeNull();
  });
});

describe("the source of a mapping", () => {
  it("a direct mapping is attribute: only when its expression is exactly [name]", () => {
    expect(mappingsOf(edited({ type: "direct", expression: "[a]" }))).toBe(
      "mappings:\n  - target: t\n    attribute: a\n",
    );
    // Spaces inside the brackets are part of the name; around them, they are not.
    expect(mappingsOf(edited({ type: "direct", expression: "[ a ]" }))).toBe(
      'mappings:\n  - target: t\n    attribute: " a "\n',
    );
    expect(mappingsOf(edited({ type: "direct", expression: " [a]" }))).toBe(
      'mappings:\n  - target: t\n    expression: " [a]"\n',
    );
    expect(mappingsOf(edited({ type: "direct", expression: "Trim([a])" }))).toBe(
      "mappings:\n  - target: t\n    expression: Trim([a])\n",
    );
    expect(mappingsOf(edited({ type: "direct", expression: "[a" }))).toBe(
      'mappings:\n  - target: t\n    expression: "[a"\n',
    );
  });

  it("a constant mapping is constant: only when its expression is a string literal", () => {
    expect(mappingsOf(edited({ type: "constant", expression: '"x y"' }))).toBe(
      "mappings:\n  - target: t\n    constant: x y\n",
    );
    expect(mappingsOf(edited({ type: "constant", expression: "5" }))).toBe(
      'mappings:\n  - target: t\n    expression: "5"\n',
    );
    expect(mappingsOf(edited({ type: "constant", expression: '"x' }))).toBe(
      "mappings:\n  - target: t\n    expression: '\"x'\n",
    );
  });

  it("an expression mapping stays an expression, even when it is a bare attribute or string", () => {
    expect(mappingsOf(edited({ type: "expression", expression: "[a]" }))).toBe(
      'mappings:\n  - target: t\n    expression: "[a]"\n',
    );
    expect(mappingsOf(edited({ type: "expression", expression: '"c"' }))).toBe(
      "mappings:\n  - target: t\n    expression: '\"c\"'\n",
    );
  });

  it("no source, or a mapping of a type with no expression, is none: true", () => {
    expect(mappingsOf(edited({ type: "none", expression: "[a]" }))).toBe(
      "mappings:\n  - target: t\n    none: true\n",
    );
    expect(mappingsOf(edited({ type: "direct", expression: null }))).toBe(
      "mappings:\n  - target: t\n    none: true\n",
    );
  });

  it("a flow type other than ObjectAddOnly keeps Graph's name as applyOn", () => {
    for (const flow of ["MultiValueAddOnly", "AttributeAddOnly"] as const)
      expect(mappingsOf(edited({ flowType: flow })), flow).toBe(
        `mappings:\n  - target: t\n    attribute: a\n    applyOn: ${flow}\n`,
      );
  });
});
