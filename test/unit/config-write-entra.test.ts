import { describe, expect, it } from "vitest";
import { loadConfig, writeConfig } from "../../src/index.js";

/**
 * What the Entra writer produces from a configuration that was not read from an export (a provex file):
 * every known property, in the order Graph exports them (attribute mappings' keys alphabetical), the
 * source trees Graph expects, and the scope object Entra's portal writes.
 */

const entra = (text: string) => writeConfig(loadConfig(text), { format: "entra" });
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("writing a provex file as Entra's schema", () => {
  it("writes every property of each object, filter, clause and mapping, in Graph's order", () => {
    const text = `object:
  name: Users
  target: Account
  flowTypes: Add
scope:
  filters:
    - name: f
      clauses:
        - { attribute: a, operator: IS_NULL }
        - { attribute: b, operator: EQUALS, values: [x, y] }
mappings:
  - { target: t1, attribute: a, match: 1 }
  - { target: t2, constant: c }
  - { target: t3, expression: "Trim([a])", applyOn: create }
  - { target: t4, none: true, default: d, flowBehavior: FlowAlways, exportMissingReferences: true }
`;
    const mapping = (target: string, source: unknown, changes: Record<string, unknown> = {}) => ({
      defaultValue: null,
      exportMissingReferences: false,
      flowBehavior: "FlowWhenChanged",
      flowType: "Always",
      matchingPriority: 0,
      ...changes,
      source,
      targetAttributeName: target,
    });
    const attribute = { type: "Attribute", name: "a", expression: "[a]", parameters: [] };
    expect(entra(text)).toBe(
      json({
        synchronizationRules: [
          {
            id: "",
            objectMappings: [
              {
                name: "Users",
                enabled: true,
                flowTypes: "Add",
                sourceObjectName: "User",
                targetObjectName: "Account",
                scope: {
                  groups: [
                    {
                      name: "f",
                      clauses: [
                        { operatorName: "IS_NULL", sourceOperandName: "a", targetOperand: { values: [] } },
                        {
                          operatorName: "EQUALS",
                          sourceOperandName: "b",
                          targetOperand: { values: ["x", "y"] },
                        },
                      ],
                    },
                  ],
                  inputFilterGroups: [],
                  categoryFilterGroups: [],
                },
                attributeMappings: [
                  mapping("t1", attribute, { matchingPriority: 1 }),
                  mapping("t2", { type: "Constant", name: "c", expression: '"c"', parameters: [] }),
                  mapping(
                    "t3",
                    {
                      type: "Function",
                      name: "Trim",
                      expression: "Trim([a])",
                      parameters: [{ key: "source", value: attribute }],
                    },
                    { flowType: "ObjectAddOnly" },
                  ),
                  mapping("t4", null, {
                    defaultValue: "d",
                    exportMissingReferences: true,
                    flowBehavior: "FlowAlways",
                  }),
                ],
              },
            ],
          },
        ],
      }),
    );
  });

  it("no scope is scope: null; no object mappings is an empty list in the one rule", () => {
    expect(entra("scope: { filters: [] }\nmappings: []\n")).toBe(
      json({
        synchronizationRules: [
          {
            id: "",
            objectMappings: [
              {
                name: "",
                enabled: true,
                flowTypes: "Add, Update, Delete",
                sourceObjectName: "User",
                targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
                scope: null,
                attributeMappings: [],
              },
            ],
          },
        ],
      }),
    );
    expect(entra("objects: []\n")).toBe(json({ synchronizationRules: [{ id: "", objectMappings: [] }] }));
    expect(entra("entra:\n  rules: []\nobjects: []\n")).toBe(json({ synchronizationRules: [] }));
  });

  it("the schema's and the rules' kept properties come first and with each rule, objects in their rule", () => {
    const text =
      "entra:\n  version: 2\n  rules: [{ id: a, sourceDirectoryName: AAD }, { id: b }]\nobjects:\n  - { name: B, rule: 1, mappings: [] }\n  - { name: A, mappings: [] }\n";
    const written = JSON.parse(entra(text));
    expect(Object.keys(written)).toEqual(["version", "synchronizationRules"]);
    expect(written.synchronizationRules.map((rule: Record<string, unknown>) => Object.keys(rule))).toEqual([
      ["id", "sourceDirectoryName", "objectMappings"],
      ["id", "objectMappings"],
    ]);
    expect(
      written.synchronizationRules.map((rule: { objectMappings: { name: string }[] }) =>
        rule.objectMappings.map((object) => object.name),
      ),
    ).toEqual([["A"], ["B"]]);
  });

  it("kept properties of an object, a filter, a clause and a mapping are written with it", () => {
    const text = `object: { entra: { x_object: 1 } }
scope:
  filters:
    - name: f
      entra: { x_filter: 2 }
      clauses:
        - { attribute: a, operator: IS_NULL, entra: { x_clause: 3 } }
mappings:
  - { target: t, attribute: a, entra: { x_mapping: 4 } }
`;
    const object = JSON.parse(entra(text)).synchronizationRules[0].objectMappings[0];
    expect(object.x_object).toBe(1);
    expect(object.scope.groups[0].x_filter).toBe(2);
    expect(object.scope.groups[0].clauses[0].x_clause).toBe(3);
    expect(object.attributeMappings[0].x_mapping).toBe(4);
    expect(Object.keys(object.attributeMappings[0]).at(-1)).toBe("x_mapping");
  });
});
