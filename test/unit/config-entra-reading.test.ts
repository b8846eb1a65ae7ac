import { describe, expect, it } from "vitest";
import { LineIndex, loadConfig, type Span, writeConfig } from "../../src/index.js";

/**
 * Reading Entra's synchronizationSchema export: the diagnostic of each part of the wrong shape or type
 * (code, line, column and message), what the model holds when a property is left out, where each part
 * is, and that what the model does not interpret is kept.
 */

/** Each diagnostic of the export `value` (written 1-space indented) as [code, line, column, message]. */
function problems(value: unknown): [string, number, number, string][] {
  const text = JSON.stringify(value, null, 1);
  const index = new LineIndex(text);
  return loadConfig(text, { format: "entra" }).diagnostics.map((d) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, line, column, d.message];
  });
}

const slice = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);
const withMappings = (attributeMappings: unknown[]) => ({
  synchronizationRules: [{ id: "r", objectMappings: [{ name: "Users", attributeMappings }] }],
});
const withClauses = (clauses: unknown[]) => ({
  synchronizationRules: [{ objectMappings: [{ scope: { groups: [{ name: "g", clauses }] } }] }],
});

describe("the schema and its rules", () => {
  it("the schema must be an object with synchronizationRules, a list; null is no rules", () => {
    expect(problems(5)).toEqual([
      ["config-type", 1, 1, "The synchronization schema must be an object (key: value pairs)."],
    ]);
    const missing =
      "An Entra schema needs synchronizationRules; export it with GET …/synchronization/jobs/{id}/schema.";
    expect(problems({})).toEqual([["config-missing", 1, 1, missing]]);
    expect(problems({ directories: [] })).toEqual([["config-missing", 1, 1, missing]]);
    expect(problems({ synchronizationRules: 5 })).toEqual([
      ["config-type", 2, 26, "synchronizationRules must be a list."],
    ]);
    expect(problems({ synchronizationRules: null })).toEqual([]);
    expect(problems({ synchronizationRules: [] })).toEqual([]);
  });

  it("a schema that is not an object has nothing in it", () => {
    const config = loadConfig("5", { format: "entra" });
    expect([config.rules, config.objects, config.extra, config.directories]).toEqual([[], [], {}, []]);
    expect(config.format).toBe("entra");
    expect(config.dialect).toBe("entra");
    expect(config.assignment).toBeUndefined();
  });

  it("each rule must be an object, and its objectMappings a list; a rule's id is read as text", () => {
    const value = { synchronizationRules: [5, { id: 3, objectMappings: 5 }] };
    expect(problems(value)).toEqual([
      ["config-type", 3, 3, "synchronizationRules[0] must be an object (key: value pairs)."],
      ["config-type", 6, 22, "objectMappings must be a list."],
    ]);
    expect(loadConfig(JSON.stringify(value)).rules.map((rule) => rule.id)).toEqual(["3"]);
    // The number comes back as the number.
    const numbered = { synchronizationRules: [{ id: 3, objectMappings: [] }] };
    const config = loadConfig(JSON.stringify(numbered));
    expect(config.diagnostics).toEqual([]);
    expect(config.rules.map((rule) => rule.id)).toEqual(["3"]);
    expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(numbered);
  });

  it("a rule's other properties, and the schema's, are kept; objects belong to the rule they are in", () => {
    const value = {
      version: "v1",
      synchronizationRules: [
        { id: "a", name: "first", objectMappings: [{ name: "A" }] },
        { id: "b", objectMappings: [{ name: "B1" }, { name: "B2" }] },
      ],
    };
    const config = loadConfig(JSON.stringify(value));
    expect(config.diagnostics).toEqual([]);
    expect(config.extra).toEqual({ version: "v1" });
    expect(config.rules.map((rule) => [rule.id, rule.extra.name])).toEqual([
      ["a", "first"],
      ["b", undefined],
    ]);
    expect(config.objects.map((object) => [object.name, object.rule])).toEqual([
      ["A", 0],
      ["B1", 1],
      ["B2", 1],
    ]);
  });
});

describe("object mappings", () => {
  it("each must be an object; each known property must have its type, and its default is used", () => {
    const value = {
      synchronizationRules: [
        {
          objectMappings: [
            5,
            {
              name: 5,
              enabled: "x",
              sourceObjectName: 1,
              targetObjectName: 2,
              flowTypes: 3,
              scope: 5,
              attributeMappings: 5,
            },
          ],
        },
      ],
    };
    expect(problems(value)).toEqual([
      ["config-type", 5, 5, "objectMappings[0] must be an object (key: value pairs)."],
      ["config-type", 7, 14, "name must be a string."],
      ["config-type", 8, 17, "enabled must be true or false."],
      ["config-type", 9, 26, "sourceObjectName must be a string."],
      ["config-type", 10, 26, "targetObjectName must be a string."],
      ["config-type", 11, 19, "flowTypes must be a string."],
      ["config-type", 12, 15, "objectMappings[1].scope must be an object (key: value pairs)."],
      ["config-type", 13, 27, "objectMappings[1].attributeMappings must be a list."],
    ]);
    const [object, ...others] = loadConfig(JSON.stringify(value)).objects;
    expect(others).toEqual([]);
    expect(object).toMatchObject({
      rule: 0,
      name: "",
      enabled: true,
      sourceObjectName: "User",
      targetObjectName: "",
      flowTypes: "Add, Update, Delete",
      scope: [],
      mappings: [],
    });
  });

  it("an object mapping left empty: the defaults, no scope (null), and nothing written back", () => {
    const value = { synchronizationRules: [{ objectMappings: [{}] }] };
    const text = JSON.stringify(value);
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]).toMatchObject({
      name: "",
      enabled: true,
      sourceObjectName: "User",
      targetObjectName: "",
      flowTypes: "Add, Update, Delete",
      scope: null,
      mappings: [],
    });
    expect(config.objects[0]?.locations).toEqual({});
    expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(value);
  });

  it("scope: null is no scope; a scope object without groups is an empty scope, kept as written", () => {
    const read = (scope: unknown) =>
      loadConfig(JSON.stringify({ synchronizationRules: [{ objectMappings: [{ scope }] }] }));
    expect(read(null).objects[0]?.scope).toBeNull();
    for (const scope of [{}, { groups: null }, { groups: [] }, { groups: [], inputFilterGroups: [] }]) {
      const config = read(scope);
      expect(config.diagnostics, JSON.stringify(scope)).toEqual([]);
      expect(config.objects[0]?.scope, JSON.stringify(scope)).toEqual([]);
      const written = JSON.parse(writeConfig(config, { format: "entra" }));
      expect(written.synchronizationRules[0].objectMappings[0].scope, JSON.stringify(scope)).toEqual(scope);
    }
    expect(problems({ synchronizationRules: [{ objectMappings: [{ scope: { groups: 5 } }] }] })).toEqual([
      ["config-type", 7, 17, "scope.groups must be a list."],
    ]);
  });

  it("locates each object's name, enabled and object names, and spans the object", () => {
    const text = JSON.stringify(
      {
        synchronizationRules: [
          {
            objectMappings: [
              { name: "Users", enabled: false, sourceObjectName: "User", targetObjectName: "T" },
            ],
          },
        ],
      },
      null,
      1,
    );
    const object = loadConfig(text).objects[0];
    expect(slice(text, object?.locations?.name)).toBe('"Users"');
    expect(slice(text, object?.locations?.enabled)).toBe("false");
    expect(slice(text, object?.locations?.sourceObjectName)).toBe('"User"');
    expect(slice(text, object?.locations?.targetObjectName)).toBe('"T"');
    expect(JSON.parse(slice(text, object?.span) ?? "")).toEqual({
      name: "Users",
      enabled: false,
      sourceObjectName: "User",
      targetObjectName: "T",
    });
  });
});

describe("scoping filter groups and clauses", () => {
  it("each part of the wrong shape or type is named, at its value", () => {
    const value = {
      synchronizationRules: [
        {
          objectMappings: [
            {
              scope: {
                groups: [
                  5,
                  { name: [1], clauses: 5 },
                  {
                    clauses: [
                      5,
                      { operatorName: "EQUALS" },
                      { operatorName: "EQUALS", sourceOperandName: "a", targetOperand: 5 },
                      { operatorName: "EQUALS", sourceOperandName: "a", targetOperand: { values: 5 } },
                      { operatorName: "EQUALS", sourceOperandName: "a", targetOperand: { values: [[1], 2] } },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(problems(value)).toEqual([
      ["config-type", 8, 8, "A scoping filter group must be an object (key: value pairs)."],
      ["config-type", 10, 17, "name must be a string."],
      ["config-type", 13, 20, "clauses must be a list."],
      ["config-type", 17, 10, "A scoping clause must be an object (key: value pairs)."],
      ["config-missing", 18, 10, "A clause needs sourceOperandName: the attribute it tests."],
      ["clause-missing-value", 21, 10, "EQUALS needs a value to compare a with."],
      ["config-type", 24, 28, "targetOperand must be an object (key: value pairs)."],
      ["clause-missing-value", 26, 10, "EQUALS needs a value to compare a with."],
      ["config-type", 30, 22, "targetOperand.values must be a list."],
      ["config-type", 38, 13, "A clause value must be a string."],
    ]);
    const filters = loadConfig(JSON.stringify(value)).objects[0]?.scope ?? [];
    expect(filters.map((filter) => filter.name)).toEqual(["", ""]);
    // The clause without an attribute is dropped; the value 2 is read as its text.
    expect(filters[1]?.clauses.map((clause) => [clause.attribute, clause.values])).toEqual([
      ["a", []],
      ["a", []],
      ["a", ["2"]],
    ]);
  });

  it("a clause without an operator, or with null, says so at the clause or the null", () => {
    expect(problems(withClauses([{ sourceOperandName: "a" }]))).toEqual([
      ["config-missing", 11, 10, "A clause needs an operator such as EQUALS or IS_NOT_NULL."],
    ]);
    expect(problems(withClauses([{ sourceOperandName: "a", operatorName: null }]))).toEqual([
      ["config-missing", 13, 27, "A clause needs an operator such as EQUALS or IS_NOT_NULL."],
    ]);
    expect(
      loadConfig(JSON.stringify(withClauses([{ sourceOperandName: "a" }]))).objects[0]?.scope?.[0]?.clauses,
    ).toEqual([]);
  });

  it("values are read as text, numbers and booleans included, and located", () => {
    const text = JSON.stringify(
      withClauses([
        { operatorName: "EQUALS", sourceOperandName: "a", targetOperand: { values: ["x", 5, true] } },
      ]),
    );
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    const clause = config.objects[0]?.scope?.[0]?.clauses[0];
    expect(clause?.values).toEqual(["x", "5", "true"]);
    expect(clause?.locations?.values?.map((location) => location?.style)).toEqual([
      "json",
      "synthesized",
      "synthesized",
    ]);
    const five = text.indexOf("5,");
    expect(clause?.locations?.values?.[1]?.offsets).toEqual([five, five + 1]);
    expect(slice(text, clause?.locations?.operator)).toBe('"EQUALS"');
    expect(JSON.parse(slice(text, clause?.span) ?? "")).toEqual({
      operatorName: "EQUALS",
      sourceOperandName: "a",
      targetOperand: { values: ["x", 5, true] },
    });
  });
});

describe("attribute mappings", () => {
  it("each must be an object with a target; the others are still read", () => {
    expect(
      problems(
        withMappings([5, {}, { targetAttributeName: 7 }, { targetAttributeName: "t", defaultValue: "d" }]),
      ),
    ).toEqual([
      ["config-type", 9, 7, "An attribute mapping must be an object (key: value pairs)."],
      ["config-missing", 10, 7, "An attribute mapping needs targetAttributeName."],
      ["config-missing", 11, 7, "An attribute mapping needs targetAttributeName."],
      ["config-type", 12, 31, "targetAttributeName must be a string."],
    ]);
    const config = loadConfig(
      JSON.stringify(withMappings([5, {}, { targetAttributeName: "t", defaultValue: "d" }])),
    );
    expect(config.objects[0]?.mappings.map((m) => m.target)).toEqual(["t"]);
  });

  it("each known property must have its type; the default is used instead", () => {
    const value = withMappings([
      {
        targetAttributeName: "t",
        flowType: "x",
        matchingPriority: "1",
        defaultValue: [1],
        flowBehavior: 2,
        exportMissingReferences: "no",
      },
    ]);
    expect(problems(value)).toEqual([
      [
        "none-without-default",
        9,
        7,
        "t has no source and no default value, so it never writes anything; give it a default or remove it.",
      ],
      [
        "config-value",
        11,
        20,
        'flowType must be one of Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly, not "x".',
      ],
      ["config-type", 12, 28, "matchingPriority must be a whole number."],
      ["config-type", 13, 24, "defaultValue must be a string."],
      ["config-type", 16, 24, "flowBehavior must be a string."],
      ["config-type", 17, 35, "exportMissingReferences must be true or false."],
    ]);
    expect(loadConfig(JSON.stringify(value)).objects[0]?.mappings[0]).toMatchObject({
      type: "none",
      expression: null,
      defaultValue: null,
      flowType: "Always",
      flowBehavior: "FlowWhenChanged",
      matchingPriority: 0,
      exportMissingReferences: false,
    });
  });

  it("reads each known property as written", () => {
    const value = withMappings([
      {
        targetAttributeName: "t",
        flowType: "ObjectAddOnly",
        matchingPriority: 2,
        defaultValue: "d",
        flowBehavior: "FlowAlways",
        exportMissingReferences: true,
        source: { type: "Attribute", name: "a", expression: "[a]", parameters: [] },
      },
    ]);
    const config = loadConfig(JSON.stringify(value));
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.mappings[0]).toMatchObject({
      target: "t",
      type: "direct",
      expression: "[a]",
      defaultValue: "d",
      flowType: "ObjectAddOnly",
      flowBehavior: "FlowAlways",
      matchingPriority: 2,
      exportMissingReferences: true,
    });
    // Written as the writer writes it: nothing to keep.
    expect(config.objects[0]?.mappings[0]?.extra).toEqual({});
  });

  it("the source's type gives the mapping's type; an unknown or missing type is read as Attribute or a function", () => {
    const typeOf = (source: Record<string, unknown>) =>
      loadConfig(JSON.stringify(withMappings([{ targetAttributeName: "t", source }]))).objects[0]?.mappings[0]
        ?.type;
    expect(typeOf({ type: "Attribute", name: "a", parameters: [] })).toBe("direct");
    expect(typeOf({ type: "Constant", name: "c", parameters: [] })).toBe("constant");
    expect(typeOf({ type: "Function", name: "Trim", expression: "Trim([a])", parameters: [] })).toBe(
      "expression",
    );
    expect(typeOf({ name: "a", expression: "[a]", parameters: [] })).toBe("direct");
    // A name every object inherits is no type either.
    for (const type of ["Lookup", "toString", "constructor", "__proto__"])
      expect(typeOf({ type, name: "a", expression: "[a]", parameters: [] }), type).toBe("expression");
  });

  it("a source that is not an object is an error at the source, kept as written", () => {
    const value = withMappings([{ targetAttributeName: "t", defaultValue: "d", source: 5 }]);
    expect(problems(value).map(([code, line, column]) => [code, line, column])).toEqual([
      ["config-type", 12, 18],
      ["invalid-graph-source", 12, 18],
    ]);
    expect(problems(value)[0]?.[3]).toBe("The source of t must be an object (key: value pairs).");
    expect(loadConfig(JSON.stringify(value)).objects[0]?.mappings[0]?.extra.source).toBe(5);
  });

  it("a source type that is not text is an error at the type", () => {
    const value = withMappings([
      { targetAttributeName: "t", source: { type: 5, name: "a", parameters: [] } },
    ]);
    expect(problems(value).filter(([code]) => code === "config-type")).toEqual([
      ["config-type", 12, 17, "source.type must be a string."],
    ]);
  });

  it("source: null is no source, kept as null", () => {
    const value = withMappings([{ targetAttributeName: "t", defaultValue: "d", source: null }]);
    const config = loadConfig(JSON.stringify(value));
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.mappings[0]).toMatchObject({ type: "none", expression: null });
    expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(value);
  });

  it("a mapping's unknown properties are kept and written back", () => {
    const value = withMappings([{ targetAttributeName: "t", defaultValue: "d", x_future: [1, { a: null }] }]);
    const config = loadConfig(JSON.stringify(value));
    expect(config.objects[0]?.mappings[0]?.extra.x_future).toEqual([1, { a: null }]);
    expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(value);
  });
});

describe("directories", () => {
  it("the export's attribute definitions are read: malformed entries skipped, missing fields defaulted", () => {
    const value = {
      synchronizationRules: [],
      directories: [
        {
          name: "Azure Active Directory",
          objects: [
            {
              name: "User",
              attributes: [
                { name: "mail", type: "String", required: true, multivalued: false, caseExact: true },
                { name: "proxyAddresses", multivalued: true },
                { name: 5, type: 7, required: "yes" },
                5,
              ],
            },
            { name: "Group" },
            null,
          ],
        },
        { objects: 5 },
        7,
      ],
    };
    const config = loadConfig(JSON.stringify(value));
    expect(config.diagnostics).toEqual([]);
    const attribute = (
      name: string,
      type: string,
      required = false,
      multivalued = false,
      caseExact = false,
    ) => ({
      name,
      type,
      required,
      multivalued,
      caseExact,
    });
    expect(config.directories).toEqual([
      {
        directory: "Azure Active Directory",
        object: "User",
        attributes: [
          attribute("mail", "String", true, false, true),
          attribute("proxyAddresses", "String", false, true),
          attribute("", "String"),
          attribute("", "String"),
        ],
      },
      { directory: "Azure Active Directory", object: "Group", attributes: [] },
      { directory: "Azure Active Directory", object: "", attributes: [] },
    ]);
    expect(loadConfig('{"synchronizationRules": [], "directories": 5}').directories).toEqual([]);
  });
});

describe("how the export wrote what the model normalises", () => {
  /** The export `value`, read and written back unchanged, and the config read from it. */
  function roundTrip(value: unknown) {
    const text = JSON.stringify(value);
    const config = loadConfig(text);
    expect(config.diagnostics, text).toEqual([]);
    expect(JSON.parse(writeConfig(config, { format: "entra" })), text).toEqual(value);
    return config;
  }

  it("a rule's id that is not text is an error; the rule's known keys are not kept as properties", () => {
    expect(problems({ synchronizationRules: [{ id: [1], objectMappings: [] }] })).toEqual([
      ["config-type", 4, 10, "id must be a string."],
    ]);
    const config = roundTrip({ synchronizationRules: [{ id: "r", name: "n", objectMappings: [] }] });
    expect(config.rules).toEqual([{ id: "r", extra: { name: "n" } }]);
  });

  it("objectMappings left out or null comes back so", () => {
    expect(roundTrip({ synchronizationRules: [{ id: "r" }] }).rules[0]?.extra).toEqual({
      "provex:absent": ["objectMappings"],
    });
    expect(roundTrip({ synchronizationRules: [{ id: "r", objectMappings: null }] }).rules[0]?.extra).toEqual({
      "provex:original": { objectMappings: { written: null, read: 0 } },
    });
  });

  it("an object written the way the writer writes it keeps nothing but its scope object", () => {
    const config = roundTrip({
      synchronizationRules: [
        {
          id: "r",
          objectMappings: [
            {
              name: "A",
              enabled: true,
              flowTypes: "Add",
              sourceObjectName: "User",
              targetObjectName: "T",
              scope: { groups: [] },
              attributeMappings: [],
            },
          ],
        },
      ],
    });
    expect(config.rules[0]?.extra).toEqual({});
    expect(config.objects[0]?.extra).toEqual({ scope: {} });
  });

  it("an object's left-out properties are listed as absent; a filter's and a clause's too", () => {
    const config = roundTrip({
      synchronizationRules: [
        {
          objectMappings: [
            {
              scope: {
                groups: [
                  {
                    name: "g",
                    clauses: [
                      { operatorName: "EQUALS", sourceOperandName: "a", targetOperand: { values: ["x"] } },
                    ],
                  },
                  { clauses: null },
                  {},
                ],
              },
            },
          ],
        },
      ],
    });
    expect(config.rules[0]?.extra).toEqual({ "provex:absent": ["id"] });
    const object = config.objects[0];
    expect(object?.extra).toEqual({
      scope: {},
      "provex:absent": [
        "attributeMappings",
        "enabled",
        "name",
        "sourceObjectName",
        "targetObjectName",
        "flowTypes",
      ],
    });
    expect(object?.scope?.map((filter) => filter.extra)).toEqual([
      {},
      { "provex:absent": ["name"], "provex:original": { clauses: { written: null, read: 0 } } },
      { "provex:absent": ["name", "clauses"] },
    ]);
    expect(object?.scope?.[0]?.clauses[0]?.extra).toEqual({});
  });

  it("a clause's targetOperand left out, null, empty, or with null values comes back so", () => {
    const clause = (rest: Record<string, unknown>) => ({
      operatorName: "IS_NULL",
      sourceOperandName: "a",
      ...rest,
    });
    const config = roundTrip(
      withClauses([
        clause({}),
        clause({ targetOperand: null }),
        clause({ targetOperand: {} }),
        clause({ targetOperand: { values: null, x: 1 } }),
      ]),
    );
    expect(config.objects[0]?.scope?.[0]?.clauses.map((c) => c.extra)).toEqual([
      { "provex:absent": ["targetOperand"] },
      { "provex:original": { targetOperand: { written: null, read: 0 } } },
      { targetOperand: { "provex:absent": ["values"] } },
      { targetOperand: { x: 1, "provex:original": { values: { written: null, read: [] } } } },
    ]);
  });

  it("an operator written in another spelling keeps that spelling while it is unchanged", () => {
    const config = roundTrip(
      withClauses([{ operatorName: "Not Equals", sourceOperandName: "a", targetOperand: { values: ["x"] } }]),
    );
    const clause = config.objects[0]?.scope?.[0]?.clauses[0];
    expect(clause?.operator).toBe("NOT_EQUALS");
    expect(clause?.extra).toEqual({
      "provex:original": { operatorName: { written: "Not Equals", read: "NOT_EQUALS" } },
    });
  });
});

describe("operator and flow type values", () => {
  it("an unknown operator is matched against the names in capitals, as Entra writes them (ß is SS)", () => {
    const [problem] = problems(
      withClauses([{ operatorName: "equaß", sourceOperandName: "a", targetOperand: { values: ["x"] } }]),
    );
    expect(problem?.[0]).toBe("unknown-operator");
    expect(problem?.[3]).toMatch(
      /^Unknown scoping operator "equaß"; did you mean EQUALS\? Use one of EQUALS, /,
    );
  });

  it("a flowType that is not text is a type error naming flowType", () => {
    expect(problems(withMappings([{ targetAttributeName: "t", defaultValue: "d", flowType: 5 }]))).toEqual([
      ["config-type", 12, 20, "flowType must be a string."],
    ]);
  });
});
