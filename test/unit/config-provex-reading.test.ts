import { describe, expect, it } from "vitest";
import { convertConfig, type Diagnostic, LineIndex, loadConfig, type Span } from "../../src/index.js";

/**
 * What the provex format reads when a key is left out (the defaults), where each part was written (the
 * spans and locations the linter and the preview point at), each way to give a mapping's source, and the
 * diagnostic of each value of the wrong type (code, line, column and message).
 */

/** Each diagnostic as [code, severity, line, column, message]. */
function problems(text: string): [string, string, number, number, string][] {
  const index = new LineIndex(text);
  return loadConfig(text).diagnostics.map((d: Diagnostic) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, d.severity, line, column, d.message];
  });
}

const slice = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe("defaults of the provex format", () => {
  it("an object mapping with no header: no name, enabled, User to SCIM's User, every flow type, rule 0", () => {
    const config = loadConfig("mappings:\n  - { target: t, attribute: a }\n");
    expect(config.diagnostics).toEqual([]);
    expect(config.format).toBe("provex");
    expect(config.dialect).toBe("entra");
    expect(config.assignment).toBeUndefined();
    expect(config.extra).toEqual({});
    expect(config.directories).toEqual([]);
    const [object, ...others] = config.objects;
    expect(others).toEqual([]);
    expect(object).toMatchObject({
      rule: 0,
      name: "",
      enabled: true,
      sourceObjectName: "User",
      targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
      flowTypes: "Add, Update, Delete",
      scope: [],
    });
    // (toMatchObject takes {} as "any object": these are checked whole.)
    expect(object?.extra).toEqual({});
    expect(object?.locations).toEqual({});
  });

  it("an attribute mapping with only a target and a source: always, when changed, no default, no match", () => {
    const mapping = loadConfig("mappings:\n  - { target: t, attribute: a }\n").objects[0]?.mappings[0];
    expect(mapping).toMatchObject({
      target: "t",
      type: "direct",
      expression: "[a]",
      defaultValue: null,
      flowType: "Always",
      flowBehavior: "FlowWhenChanged",
      matchingPriority: 0,
      exportMissingReferences: false,
    });
    expect(mapping?.extra).toEqual({});
    expect(mapping?.locations).toEqual({
      target: { offsets: [24, 25], style: "plain" },
      // [a] from the name a: both brackets sit on its one character.
      expression: { offsets: [38, 38, 38, 39], style: "synthesized" },
      source: { start: 38, end: 39 },
    });
  });

  it("a header's values are read as written", () => {
    const text =
      "object:\n  name: Users\n  enabled: false\n  source: Person\n  target: Account\n  flowTypes: Add\nmappings:\n  - { target: t, attribute: a, flowBehavior: FlowAlways, exportMissingReferences: true }\n";
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]).toMatchObject({
      name: "Users",
      enabled: false,
      sourceObjectName: "Person",
      targetObjectName: "Account",
      flowTypes: "Add",
    });
    expect(config.objects[0]?.mappings[0]).toMatchObject({
      flowBehavior: "FlowAlways",
      exportMissingReferences: true,
    });
  });

  it("a name written as a number is its text", () => {
    const config = loadConfig("object: { name: 5 }\nscope:\n  filters:\n    - { name: 7 }\nmappings: []\n");
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.name).toBe("5");
    expect(config.objects[0]?.scope?.[0]?.name).toBe("7");
  });

  it("entra: { scope: null } on the header keeps Entra's null scope, unless the file gives a scope", () => {
    const none = loadConfig("object: { entra: { scope: null } }\nmappings: []\n");
    expect(none.diagnostics).toEqual([]);
    expect(none.objects[0]?.scope).toBeNull();
    expect(none.objects[0]?.extra).toEqual({ scope: null });
    expect(
      loadConfig("object: { entra: { scope: null } }\nscope: null\nmappings: []\n").objects[0]?.scope,
    ).toBeNull();
    const given = loadConfig("object: { entra: { scope: null } }\nscope: { filters: [] }\nmappings: []\n");
    expect(given.objects[0]?.scope).toEqual([]);
    // Any other kept scope leaves the scope empty, not null.
    expect(loadConfig("object: { entra: { scope: {} } }\nmappings: []\n").objects[0]?.scope).toEqual([]);
    expect(loadConfig("object: { entra: { other: null } }\nmappings: []\n").objects[0]?.scope).toEqual([]);
  });
});

describe("applyOn", () => {
  const applyOn = (written: string) => {
    const text = `mappings:\n  - { target: t, attribute: a, applyOn: ${written} }\n`;
    return { config: loadConfig(text), problems: problems(text) };
  };
  /** Each written applyOn loads without a problem, as the flow type it names. */
  const expectFlowTypes = (cases: [written: string, flow: string][]) => {
    for (const [written, flow] of cases) {
      const { config, problems } = applyOn(written);
      expect(problems, written).toEqual([]);
      expect(config.objects[0]?.mappings[0]?.flowType, written).toBe(flow);
    }
  };

  it("always and create are the short names of Always and ObjectAddOnly", () => {
    expectFlowTypes([
      ["always", "Always"],
      ["create", "ObjectAddOnly"],
    ]);
  });

  it("Graph's flow types are accepted too, in any case", () => {
    expectFlowTypes([
      ["ValueAddOnly", "ValueAddOnly"],
      ["attributeaddonly", "AttributeAddOnly"],
      ["MULTIVALUEADDONLY", "MultiValueAddOnly"],
      ["ObjectAddOnly", "ObjectAddOnly"],
    ]);
  });

  it("anything else is an error at the value, and the mapping applies always", () => {
    const { config, problems } = applyOn("sometimes");
    expect(problems).toEqual([
      [
        "config-value",
        "error",
        2,
        41,
        'flowType must be one of Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly, not "sometimes".',
      ],
    ]);
    expect(config.objects[0]?.mappings[0]?.flowType).toBe("Always");
  });

  it("a name an object inherits (constructor, toString) is no short name: an error, and the mapping applies always", () => {
    for (const written of ["constructor", "toString", "__proto__"]) {
      const { config, problems } = applyOn(written);
      expect(
        problems.map(([code, , line, column]) => [code, line, column]),
        written,
      ).toEqual([["config-value", 2, 41]]);
      expect(config.objects[0]?.mappings[0]?.flowType, written).toBe("Always");
      // Converting it says why it cannot, instead of crashing on a function in the model.
      const converted = convertConfig(`mappings:\n  - { target: t, attribute: a, applyOn: ${written} }\n`, {
        format: "provex",
      });
      expect([converted.text, converted.diagnostics.map((d) => d.code)], written).toEqual([
        undefined,
        ["config-value"],
      ]);
    }
  });

  it("null is left out; a number is a type error", () => {
    expect(applyOn("null").problems).toEqual([]);
    expect(applyOn("null").config.objects[0]?.mappings[0]?.flowType).toBe("Always");
    expect(applyOn("3").problems).toEqual([["config-type", "error", 2, 41, "applyOn must be a string."]]);
  });
});

describe("the source of a mapping", () => {
  const only = (source: string) =>
    loadConfig(`mappings:\n  - { target: t, ${source} }\n`).objects[0]?.mappings[0];

  it("attribute, constant, expression and none give the four types", () => {
    expect(only("attribute: mail")).toMatchObject({ type: "direct", expression: "[mail]" });
    expect(only("constant: Contoso")).toMatchObject({ type: "constant", expression: '"Contoso"' });
    expect(only("constant: 5")).toMatchObject({ type: "constant", expression: '"5"' });
    expect(only("expression: 'Trim([a])'")).toMatchObject({ type: "expression", expression: "Trim([a])" });
    expect(only("none: true, default: d")).toMatchObject({
      type: "none",
      expression: null,
      defaultValue: "d",
    });
  });

  it("a source of the wrong type is an error at the value, and the mapping has no expression", () => {
    const cases: [string, string, number, string][] = [
      ["attribute: 5", "direct", 29, "attribute must be a string."],
      ["expression: 5", "expression", 30, "expression must be a string."],
      ["constant: [1]", "constant", 28, "constant must be a string."],
      ["none: 1", "none", 24, "none must be true or false."],
    ];
    for (const [source, type, column, message] of cases) {
      const text = `mappings:\n  - { target: t, ${source}, default: d }\n`;
      expect(problems(text), source).toEqual([["config-type", "error", 2, column, message]]);
      const mapping = loadConfig(text).objects[0]?.mappings[0];
      expect(mapping?.type, source).toBe(type);
      expect(mapping?.expression, source).toBeNull();
      expect(mapping?.expressionOffsets, source).toBeUndefined();
      expect(mapping?.locations?.expression, source).toBeUndefined();
    }
  });

  it("a mapping without a target is an error at the mapping, and is dropped", () => {
    const text = "mappings:\n  - { attribute: a }\n  - { target: u, attribute: b }\n";
    expect(problems(text)).toEqual([
      ["config-missing", "error", 2, 5, "A mapping needs target: the target attribute it writes."],
    ]);
    expect(loadConfig(text).objects[0]?.mappings.map((m) => m.target)).toEqual(["u"]);
    expect(problems("mappings:\n  - { target: 5, attribute: a }\n")).toEqual([
      ["config-missing", "error", 2, 5, "A mapping needs target: the target attribute it writes."],
      ["config-type", "error", 2, 15, "target must be a string."],
    ]);
  });

  it("no source, or two, says exactly which keys are meant", () => {
    expect(problems("mappings:\n  - { target: t, default: d }\n")).toEqual([
      [
        "config-missing",
        "error",
        2,
        5,
        "The mapping of t needs exactly one of attribute, expression, constant or none: true.",
      ],
    ]);
    const two = "mappings:\n  - { target: t, attribute: a, constant: c, none: true }\n";
    expect(problems(two)).toEqual([
      [
        "config-conflict",
        "error",
        2,
        5,
        "The mapping of t needs exactly one of attribute, expression, constant or none: true (it has attribute and constant and none).",
      ],
    ]);
    // The first source given is read.
    expect(loadConfig(two).objects[0]?.mappings[0]).toMatchObject({ type: "direct", expression: "[a]" });
    const none = loadConfig("mappings:\n  - { target: t, default: d }\n").objects[0]?.mappings[0];
    expect(none).toMatchObject({ type: "none", expression: null });
  });

  it("the other values of a mapping must have their types", () => {
    const text =
      "mappings:\n  - { target: t, attribute: a, flowBehavior: 3, exportMissingReferences: yes, default: [x] }\n";
    expect(problems(text)).toEqual([
      ["config-type", "error", 2, 46, "flowBehavior must be a string."],
      ["config-type", "error", 2, 74, "exportMissingReferences must be true or false."],
      ["config-type", "error", 2, 88, "default must be a string."],
    ]);
    expect(loadConfig(text).objects[0]?.mappings[0]).toMatchObject({
      flowBehavior: "FlowWhenChanged",
      exportMissingReferences: false,
      defaultValue: null,
    });
  });

  it("a default written as a number or boolean is its text; null is no default", () => {
    expect(only("attribute: a, default: 5")?.defaultValue).toBe("5");
    expect(only("attribute: a, default: false")?.defaultValue).toBe("false");
    expect(only("attribute: a, default: null")?.defaultValue).toBeNull();
    expect(only("attribute: a, default: null")?.locations?.defaultValue).toBeUndefined();
  });
});

describe("the header's values must have their types", () => {
  it("each wrong value is an error at the value, named as the file names it, and the default is used", () => {
    const text =
      "object: { name: [n], enabled: 1, source: 2, target: 3, flowTypes: 4, rule: x }\nmappings: []\n";
    expect(problems(text)).toEqual([
      ["config-type", "error", 1, 17, "object.name must be a string."],
      ["config-type", "error", 1, 31, "enabled must be true or false."],
      ["config-type", "error", 1, 42, "object.source must be a string."],
      ["config-type", "error", 1, 53, "object.target must be a string."],
      ["config-type", "error", 1, 67, "flowTypes must be a string."],
      ["config-type", "error", 1, 76, "rule must be a whole number."],
    ]);
    expect(loadConfig(text).objects[0]).toMatchObject({
      rule: 0,
      name: "",
      enabled: true,
      sourceObjectName: "User",
      targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
      flowTypes: "Add, Update, Delete",
    });
  });
});

describe("where the parts of a provex file are", () => {
  const text = [
    "object:",
    "  name: Users",
    "  enabled: false",
    "  source: Person",
    "  target: Account",
    "mappings:",
    "  - target: t",
    "    constant: 5",
    "    default: 7",
    "    applyOn: create",
    "    match: 2",
    "  - target: u",
    "    expression: Trim([a])",
    "",
  ].join("\n");
  // Loaded inside each test, not while the file is collected, so that the mutation run's per-test
  // coverage sees which tests read it.
  const loaded = () => {
    const config = loadConfig(text);
    return { config, object: config.objects[0] };
  };

  it("an object mapping spans its header, and locates each header value", () => {
    const { config, object } = loaded();
    expect(config.diagnostics).toEqual([]);
    expect(slice(text, object?.span)).toBe(
      "name: Users\n  enabled: false\n  source: Person\n  target: Account\n",
    );
    expect(slice(text, object?.locations?.name)).toBe("Users");
    expect(slice(text, object?.locations?.enabled)).toBe("false");
    expect(slice(text, object?.locations?.sourceObjectName)).toBe("Person");
    expect(slice(text, object?.locations?.targetObjectName)).toBe("Account");
  });

  it("without a header, the object spans the whole file", () => {
    const bare = "mappings:\n  - { target: t, attribute: a }\n";
    const bareObject = loadConfig(bare).objects[0];
    expect(bareObject?.span).toEqual({ start: 0, end: bare.length });
  });

  it("a mapping spans its entry, and locates its target, source, default, applyOn and match", () => {
    const { object } = loaded();
    const [constant, expression] = object?.mappings ?? [];
    expect(slice(text, constant?.span)).toBe(
      "target: t\n    constant: 5\n    default: 7\n    applyOn: create\n    match: 2\n",
    );
    const at = text.indexOf("5\n");
    // The quoted literal "5": both quotes sit on the digit.
    expect(constant?.expressionOffsets).toEqual([at, at, at + 1, at + 1]);
    expect(constant?.locations?.expression).toEqual({
      offsets: [at, at, at + 1, at + 1],
      style: "synthesized",
    });
    const defaultAt = text.indexOf("7\n");
    expect(constant?.locations?.defaultValue).toEqual({
      offsets: [defaultAt, defaultAt + 1],
      style: "plain",
    });
    expect(constant?.locations?.target).toMatchObject({ style: "plain" });
    expect(constant?.locations?.target?.offsets[0]).toBe(text.indexOf("t\n    constant"));
    expect(slice(text, constant?.locations?.source)).toBe("5");
    expect(slice(text, constant?.locations?.flowType)).toBe("create");
    expect(slice(text, constant?.locations?.matchingPriority)).toBe("2");
    const trim = text.indexOf("Trim");
    expect(expression?.locations?.expression?.offsets[0]).toBe(trim);
    expect(expression?.expressionOffsets?.[0]).toBe(trim);
    expect(slice(text, expression?.locations?.source)).toBe("Trim([a])");
    expect(expression?.locations?.defaultValue).toBeUndefined();
    expect(expression?.locations?.flowType).toBeUndefined();
    expect(expression?.locations?.matchingPriority).toBeUndefined();
  });

  it("a filter and a clause span their entries", () => {
    const scoped =
      "scope:\n  filters:\n    - name: f\n      clauses:\n        - { attribute: a, operator: IS_NULL }\nmappings: []\n";
    const filter = loadConfig(scoped).objects[0]?.scope?.[0];
    expect(slice(scoped, filter?.span)).toBe(
      "name: f\n      clauses:\n        - { attribute: a, operator: IS_NULL }\n",
    );
    expect(slice(scoped, filter?.clauses[0]?.span)).toBe("{ attribute: a, operator: IS_NULL }");
    expect(slice(scoped, filter?.clauses[0]?.locations?.operator)).toBe("IS_NULL");
    expect(filter?.clauses[0]?.locations?.values).toEqual([]);
  });
});

describe("unknown keys", () => {
  it("are errors at the key, with the closest allowed key, or the whole list when none is close", () => {
    expect(
      problems("mappings:\n  - { target: t, atribute: a }\n").filter(([code]) => code === "unknown-property"),
    ).toEqual([
      ["unknown-property", "error", 2, 18, 'Unknown key "atribute" in a mapping; did you mean attribute?'],
    ]);
    expect(problems("mappings:\n  - { target: t, attribute: a, zzzzzzzzzz: 1 }\n")).toEqual([
      [
        "unknown-property",
        "error",
        2,
        32,
        'Unknown key "zzzzzzzzzz" in a mapping; allowed: attribute, expression, constant, none, target, default, applyOn, match, flowBehavior, exportMissingReferences, entra.',
      ],
    ]);
  });

  it("each part names itself and lists its own keys", () => {
    const cases: [string, string][] = [
      [
        "zzzzzzzzzz: 1\nmappings: []\n",
        "the configuration; allowed: dialect, assignment, object, scope, mappings, objects, entra.",
      ],
      [
        "object: { zzzzzzzzzz: 1 }\nmappings: []\n",
        "object; allowed: name, source, target, enabled, flowTypes, rule, entra.",
      ],
      [
        "objects:\n  - { zzzzzzzzzz: 1, mappings: [] }\n",
        "an object mapping; allowed: name, source, target, enabled, flowTypes, rule, entra, scope, mappings.",
      ],
      ["scope: { zzzzzzzzzz: 1 }\nmappings: []\n", "scope; allowed: filters."],
      [
        "scope:\n  filters:\n    - { zzzzzzzzzz: 1 }\nmappings: []\n",
        "a scoping filter; allowed: name, clauses, entra.",
      ],
      [
        "scope:\n  filters:\n    - clauses:\n        - { attribute: a, operator: IS_NULL, zzzzzzzzzz: 1 }\nmappings: []\n",
        "a clause; allowed: attribute, operator, value, values, entra.",
      ],
    ];
    for (const [text, tail] of cases) {
      const unknown = loadConfig(text).diagnostics.filter((d) => d.code === "unknown-property");
      expect(
        unknown.map((d) => d.message),
        text,
      ).toEqual([`Unknown key "zzzzzzzzzz" in ${tail}`]);
      expect(
        unknown.map((d) => slice(text, d.span)),
        text,
      ).toEqual(["zzzzzzzzzz"]);
    }
  });

  it("a very long unknown key is shortened in the message", () => {
    const key = "k".repeat(300);
    const [message] = loadConfig(`${key}: 1\nmappings: []\n`).diagnostics.map((d) => d.message);
    expect(message?.length).toBeLessThan(300);
    expect(message).toMatch(/^Unknown key "k+…" in the configuration/);
  });
});

describe("the shape of a scope, a filter and a clause", () => {
  it("each part of the wrong shape is an error at it, named as the format names it; the rest is read", () => {
    const cases: [string, number, string][] = [
      ["scope: 5", 8, "scope must be an object (key: value pairs)."],
      ["scope: { filters: 5 }", 19, "scope.filters must be a list."],
      ["scope: { filters: [5] }", 20, "A scoping filter must be an object (key: value pairs)."],
      ["scope: { filters: [{ clauses: 5 }] }", 31, "clauses must be a list."],
      ["scope: { filters: [{ clauses: [5] }] }", 32, "A clause must be an object (key: value pairs)."],
      ["mappings: 5", 11, "mappings must be a list."],
      ["mappings: [5]", 12, "A mapping must be an object (key: value pairs)."],
    ];
    for (const [line, column, message] of cases) {
      const text = line.startsWith("mappings") ? `${line}\n` : `${line}\nmappings: []\n`;
      expect(problems(text), line).toEqual([["config-type", "error", 1, column, message]]);
      const object = loadConfig(text).objects[0];
      expect(object?.mappings, line).toEqual([]);
    }
    // A filter whose clauses are unreadable is still a filter, with no clauses.
    expect(loadConfig("scope: { filters: [{ clauses: 5 }] }\nmappings: []\n").objects[0]?.scope).toEqual([
      { name: "", clauses: [], extra: {}, span: { start: 19, end: 33 } },
    ]);
    expect(loadConfig("scope: 5\nmappings: []\n").objects[0]?.scope).toEqual([]);
    expect(loadConfig("mappings: null\n").diagnostics).toEqual([]);
  });

  it("values must be a list; a clause's attribute must be text", () => {
    const values =
      "scope: { filters: [{ clauses: [{ attribute: a, operator: EQUALS, values: 5 }] }] }\nmappings: []\n";
    expect(problems(values)).toEqual([
      ["clause-missing-value", "error", 1, 32, "EQUALS needs a value to compare a with."],
      ["config-type", "error", 1, 74, "values must be a list."],
    ]);
    const attribute =
      "scope: { filters: [{ clauses: [{ attribute: 5, operator: IS_NULL }] }] }\nmappings: []\n";
    expect(problems(attribute)).toEqual([
      ["config-missing", "error", 1, 32, "A clause needs attribute: the source attribute it tests."],
      ["config-type", "error", 1, 45, "attribute must be a string."],
    ]);
    expect(loadConfig(attribute).objects[0]?.scope?.[0]?.clauses).toEqual([]);
  });

  it("entra: on a filter or a clause must be an object; it is kept on that filter or clause", () => {
    const wrong =
      "scope: { filters: [{ entra: 5, clauses: [{ attribute: a, operator: IS_NULL, entra: [1] }] }] }\nmappings: []\n";
    const message = "entra must be an object of Entra properties kept as they are.";
    expect(problems(wrong)).toEqual([
      ["config-type", "error", 1, 29, message],
      ["config-type", "error", 1, 84, message],
    ]);
    const kept = loadConfig(
      "scope: { filters: [{ entra: { f: 1 }, clauses: [{ attribute: a, operator: IS_NULL, entra: { c: 2 } }] }] }\nmappings: []\n",
    );
    expect(kept.diagnostics).toEqual([]);
    expect(kept.objects[0]?.scope?.[0]?.extra).toEqual({ f: 1 });
    expect(kept.objects[0]?.scope?.[0]?.clauses[0]?.extra).toEqual({ c: 2 });
    expect(problems("object: { entra: 5 }\nmappings: []\n")).toEqual([
      ["config-type", "error", 1, 18, message],
    ]);
  });
});

describe("the top of a provex file", () => {
  it("objects: with object: or scope: at the top is a conflict too; the objects list is read", () => {
    for (const top of ["object: { name: x }", "scope: { filters: [] }"]) {
      const text = `objects: []\n${top}\n`;
      expect(problems(text), top).toEqual([
        [
          "config-conflict",
          "error",
          1,
          10,
          "Use either objects: [...] or object/scope/mappings at the top, not both.",
        ],
      ]);
      expect(loadConfig(text).objects, top).toEqual([]);
    }
  });

  it("entra: holds the schema's properties; its rules are the rules, not a property", () => {
    const config = loadConfig("entra: { version: 2, rules: [{ id: r, x: 1 }] }\nmappings: []\n");
    expect(config.diagnostics).toEqual([]);
    expect(config.extra).toEqual({ version: 2 });
    expect(config.rules).toEqual([{ id: "r", extra: { x: 1 } }]);
  });

  it("dialect and assignment must be text", () => {
    expect(problems("dialect: 5\nassignment: true\nmappings: []\n")).toEqual([
      ["config-type", "error", 1, 10, "dialect must be a string."],
      ["config-type", "error", 2, 13, "assignment must be a string."],
    ]);
  });

  it("a rule index below 0 is read as the first rule", () => {
    expect(loadConfig("object: { rule: -1 }\nmappings: []\n").objects[0]?.rule).toBe(0);
  });

  it("match must be a whole number written in digits, and small enough to be exact", () => {
    expect(problems("mappings:\n  - { target: t, attribute: a, match: 1.5 }\n")).toEqual([
      [
        "config-type",
        "error",
        2,
        39,
        "match must be a whole number written in decimal digits, such as 1 or 2 (not 1.5).",
      ],
    ]);
    expect(problems("mappings:\n  - { target: t, attribute: a, match: 99999999999999999999 }\n")).toEqual([
      ["config-value", "error", 2, 39, "match is too large: at most 9007199254740991."],
    ]);
  });

  it("none: true is located as the mapping's source", () => {
    const text = "mappings:\n  - { target: t, none: true, default: d }\n";
    expect(slice(text, loadConfig(text).objects[0]?.mappings[0]?.locations?.source)).toBe("true");
  });
});

describe("what each clause, rule and top-level value reads", () => {
  it("dialect provex and each assignment are read without a complaint", () => {
    for (const top of ["dialect: provex", "dialect: entra", "assignment: all", "assignment: assigned"])
      expect(problems(`${top}\nmappings: []\n`), top).toEqual([]);
  });

  it("a file that is not an object is the empty configuration in every part", () => {
    expect(loadConfig("5\n")).toMatchObject({
      format: "provex",
      dialect: "entra",
      assignment: undefined,
      rules: [],
      objects: [],
      extra: {},
      directories: [],
    });
  });

  it("null and lists in entra.rules are not rules either", () => {
    const text = "entra:\n  rules: [null, [1], { id: r }]\nmappings: []\n";
    expect(problems(text)).toEqual([
      ["config-type", "error", 2, 11, "Each entry of entra.rules must be an object."],
      ["config-type", "error", 2, 17, "Each entry of entra.rules must be an object."],
    ]);
    expect(loadConfig(text).rules).toEqual([{ id: "r", extra: {} }]);
  });

  it("a filter that is not an object is dropped; one whose name is not text is named ''", () => {
    expect(loadConfig("scope: { filters: [5] }\nmappings: []\n").objects[0]?.scope).toEqual([]);
    const text =
      "scope:\n  filters:\n    - { name: [n], clauses: [{ attribute: a, operator: EQUALS, value: v }] }\nmappings: []\n";
    expect(problems(text)).toEqual([["config-type", "error", 3, 15, "name must be a string."]]);
    expect(loadConfig(text).objects[0]?.scope?.map((filter) => filter.name)).toEqual([""]);
  });

  it("value and values are read in that order, each located; one not text is an error and left out", () => {
    const text =
      "scope:\n  filters:\n    - { clauses: [{ attribute: a, operator: EQUALS, value: v, values: [w, 5] }] }\nmappings: []\n";
    const clause = loadConfig(text).objects[0]?.scope?.[0]?.clauses[0];
    expect(clause?.values).toEqual(["v", "w", "5"]);
    const v = text.indexOf("value: v") + 7;
    const w = text.indexOf("[w") + 1;
    const five = text.indexOf(", 5]") + 2;
    expect(clause?.locations?.values).toEqual([
      { offsets: [v, v + 1], style: "plain" },
      { offsets: [w, w + 1], style: "plain" },
      { offsets: [five, five + 1], style: "plain" },
    ]);
    const single =
      "scope:\n  filters:\n    - { clauses: [{ attribute: a, operator: EQUALS, value: [x] }] }\nmappings: []\n";
    expect(problems(single)).toEqual([
      ["clause-missing-value", "error", 3, 19, "EQUALS needs a value to compare a with."],
      ["config-type", "error", 3, 60, "value must be a string."],
    ]);
    expect(loadConfig(single).objects[0]?.scope?.[0]?.clauses[0]?.values).toEqual([]);
    const listed = loadConfig(
      "scope:\n  filters:\n    - { clauses: [{ attribute: a, operator: EQUALS, values: [x, [y]] }] }\nmappings: []\n",
    );
    expect(listed.objects[0]?.scope?.[0]?.clauses[0]?.values).toEqual(["x"]);
    expect(listed.objects[0]?.scope?.[0]?.clauses[0]?.locations?.values).toHaveLength(1);
  });

  it("entra.directories are the attribute definitions, as in an export", () => {
    const text =
      "entra:\n  directories: [{ name: D, objects: [{ name: User, attributes: [{ name: tags, multivalued: true }] }] }]\nscope:\n  filters:\n    - { clauses: [{ attribute: tags, operator: IS_NULL }] }\nmappings: []\n";
    const config = loadConfig(text);
    expect(config.directories).toEqual([
      {
        directory: "D",
        object: "User",
        attributes: [{ name: "tags", type: "String", required: false, multivalued: true, caseExact: false }],
      },
    ]);
    expect(problems(text)).toEqual([
      [
        "multivalued-scope-attribute",
        "error",
        5,
        19,
        "tags is multi-valued; Entra does not support scoping on multi-valued attributes.",
      ],
    ]);
  });
});

describe("a mapping's keys and locations, exactly", () => {
  it("an empty key is only an unknown key, never read as a source", () => {
    const text = 'mappings:\n  - { target: t, "": false }\n';
    expect(problems(text).map(([code, severity]) => [code, severity])).toEqual([
      ["config-missing", "error"],
      ["none-without-default", "warning"],
      ["unknown-property", "error"],
    ]);
    expect(loadConfig(text).objects[0]?.mappings[0]?.locations).toStrictEqual({
      target: { offsets: [24, 25], style: "plain" },
    });
  });

  it("a default left out or null has no location key at all", () => {
    for (const rest of ["", ", default: null"]) {
      const locations = loadConfig(`mappings:\n  - { target: t, attribute: a${rest} }\n`).objects[0]
        ?.mappings[0]?.locations;
      expect(Object.keys(locations ?? {}), rest).toEqual(["target", "expression", "source"]);
    }
  });
});
