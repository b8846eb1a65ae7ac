import { describe, expect, it } from "vitest";
import { type Diagnostic, LineIndex, loadConfig } from "../../src/index.js";

/**
 * The provex format (YAML or JSON) checks each value it reads: a wrong one is a diagnostic with its
 * code, severity, the line and column of the value and a message that says what to write instead; the
 * rest of the file is still read.
 */

/** Each diagnostic as [code, severity, line, column, message]. */
function problems(text: string): [string, string, number, number, string][] {
  const index = new LineIndex(text);
  return loadConfig(text).diagnostics.map((d: Diagnostic) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, d.severity, line, column, d.message];
  });
}

const direct = "mappings:\n  - { target: userName, attribute: userPrincipalName }\n";

describe("top-level values of the provex format", () => {
  it("dialect is entra or provex; anything else is named in the message, and entra is used", () => {
    const text = `dialect: vbscript\n${direct}`;
    expect(problems(text)).toEqual([
      ["config-value", "error", 1, 10, 'dialect must be entra or provex, not "vbscript".'],
    ]);
    expect(loadConfig(text).dialect).toBe("entra");
    expect(loadConfig(`dialect: provex\n${direct}`).dialect).toBe("provex");
    expect(problems(`dialect: entra\n${direct}`)).toEqual([]);
  });

  it("assignment is assigned or all", () => {
    const text = `assignment: everyone\n${direct}`;
    expect(problems(text)).toEqual([
      ["config-value", "error", 1, 13, "assignment must be assigned (sync only assigned users) or all."],
    ]);
    expect(loadConfig(text).assignment).toBeUndefined();
    expect(loadConfig(`assignment: all\n${direct}`).assignment).toBe("all");
    expect(loadConfig(`assignment: assigned\n${direct}`).assignment).toBe("assigned");
  });

  it("each entry of entra.rules is an object; the others are still read, and a rule's id is text", () => {
    const text = `entra:\n  rules:\n    - 5\n    - { id: 7, name: second }\n    - { id: r3 }\n${direct}`;
    expect(problems(text)).toEqual([
      ["config-type", "error", 3, 7, "Each entry of entra.rules must be an object."],
    ]);
    const config = loadConfig(text);
    expect(config.rules.map((rule) => rule.id)).toEqual(["", "r3"]);
    expect(config.rules[0]?.extra).toEqual({ name: "second" });
  });

  it("objects: [...] and top-level mappings together are a conflict, at the objects list", () => {
    const text = `objects:\n  - { mappings: [] }\n${direct}`;
    expect(problems(text)).toEqual([
      [
        "config-conflict",
        "error",
        2,
        3,
        "Use either objects: [...] or object/scope/mappings at the top, not both.",
      ],
    ]);
  });

  it("entra: holds an object of Entra properties; a scalar there is an error, null is nothing", () => {
    const text = "mappings:\n  - { target: t, attribute: a, entra: 5 }\n";
    expect(problems(text)).toEqual([
      ["config-type", "error", 2, 39, "entra must be an object of Entra properties kept as they are."],
    ]);
    expect(loadConfig(text).objects[0]?.mappings[0]?.extra).toEqual({});
    const nothing = loadConfig("mappings:\n  - { target: t, attribute: a, entra: null }\n");
    expect(nothing.diagnostics).toEqual([]);
    expect(nothing.objects[0]?.mappings[0]?.extra).toEqual({});
  });
});

describe("object mappings in the provex format", () => {
  it("objects: lists object mappings with their header keys, scope and mappings, and no complaint", () => {
    const text = [
      "objects:",
      "  - name: Users",
      "    source: User",
      "    target: urn:ietf:params:scim:schemas:core:2.0:User",
      "    enabled: false",
      "    flowTypes: Add, Update",
      "    scope: { filters: [{ name: f, clauses: [{ attribute: a, operator: IS_NOT_NULL }] }] }",
      "    mappings:",
      "      - { target: userName, attribute: userPrincipalName }",
      "  - name: Groups",
      "    source: Group",
      "    mappings: []",
      "",
    ].join("\n");
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.objects.map((o) => [o.name, o.sourceObjectName, o.enabled, o.flowTypes])).toEqual([
      ["Users", "User", false, "Add, Update"],
      ["Groups", "Group", true, "Add, Update, Delete"],
    ]);
    expect(config.objects[0]?.scope?.[0]?.clauses[0]?.operator).toBe("IS_NOT_NULL");
    expect(config.objects[0]?.mappings.map((m) => m.target)).toEqual(["userName"]);
  });

  it("objects: null and scope without filters are empty, and say nothing", () => {
    const none = loadConfig("objects:\n");
    expect(none.diagnostics).toEqual([]);
    expect(none.objects).toEqual([]);
    for (const scope of ["{}", "{ filters: null }", "{ filters: [] }"]) {
      const config = loadConfig(`scope: ${scope}\n${direct}`);
      expect(config.diagnostics, scope).toEqual([]);
      expect(config.objects[0]?.scope, scope).toEqual([]);
    }
  });

  it("rule is the index of an entry in entra.rules, and the message gives the range", () => {
    const rules = "entra:\n  rules: [{ id: a }, { id: b }]\n";
    const text = `${rules}object: { rule: 2 }\n${direct}`;
    expect(problems(text)).toEqual([
      ["config-value", "error", 3, 17, "rule must be the index of an entry in entra.rules (0 to 1)."],
    ]);
    // Read as the last rule, so that the object still belongs somewhere.
    expect(loadConfig(text).objects[0]?.rule).toBe(1);
    expect(loadConfig(`${rules}object: { rule: 1 }\n${direct}`).objects[0]?.rule).toBe(1);
    expect(problems(`object: { rule: 1 }\n${direct}`)[0]?.[4]).toBe(
      "rule must be the index of an entry in entra.rules (0 to 0).",
    );
    expect(problems(`object: { rule: -1 }\n${direct}`)[0]?.slice(0, 4)).toEqual([
      "config-value",
      "error",
      1,
      17,
    ]);
  });

  it("a filter without a name is named with the empty text", () => {
    const config = loadConfig(
      `scope:\n  filters:\n    - clauses: [{ attribute: a, operator: IS_NULL }]\n${direct}`,
    );
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.scope?.[0]?.name).toBe("");
  });
});

describe("clauses in the provex format", () => {
  const clause = (body: string) =>
    `scope:\n  filters:\n    - name: f\n      clauses:\n        - ${body}\n${direct}`;

  it("a clause without attribute or operator says which is missing, at the clause", () => {
    expect(problems(clause("{ operator: IS_NULL }"))).toEqual([
      ["config-missing", "error", 5, 11, "A clause needs attribute: the source attribute it tests."],
    ]);
    expect(problems(clause("{ attribute: a }"))).toEqual([
      ["config-missing", "error", 5, 11, "A clause needs operator: EQUALS, IS_NOT_NULL, REGEX_MATCH, …."],
    ]);
  });

  it("each of values is text, a number or a boolean; a list there is named as a value", () => {
    expect(problems(clause("{ attribute: a, operator: EQUALS, values: [x, [y]] }"))).toEqual([
      ["config-type", "error", 5, 57, "A value must be a string."],
    ]);
    const config = loadConfig(clause("{ attribute: a, operator: EQUALS, value: 1, values: [true, x] }"));
    expect(config.objects[0]?.scope?.[0]?.clauses[0]?.values).toEqual(["1", "true", "x"]);
  });
});

describe("attribute mappings in the provex format", () => {
  it("none takes true; none: false is an error that says what to give instead", () => {
    const text = "mappings:\n  - { target: t, none: false, default: d }\n";
    expect(problems(text)).toEqual([
      ["config-value", "error", 2, 24, "none takes true; give attribute, expression or constant instead."],
    ]);
    expect(problems("mappings:\n  - { target: t, none: true, default: d }\n")).toEqual([]);
  });

  it("match is a priority from 1; 0 or less is an error and matches on nothing", () => {
    for (const written of ["0", "-2"]) {
      const text = `mappings:\n  - { target: t, attribute: a, match: ${written} }\n`;
      expect(problems(text), written).toEqual([
        [
          "config-value",
          "error",
          2,
          39,
          "match is a matching priority: 1 is tried first; leave it out for other attributes.",
        ],
      ]);
      expect(loadConfig(text).objects[0]?.mappings[0]?.matchingPriority).toBe(0);
    }
    const first = loadConfig("mappings:\n  - { target: t, attribute: a, match: 1 }\n");
    expect(first.diagnostics).toEqual([]);
    expect(first.objects[0]?.mappings[0]?.matchingPriority).toBe(1);
  });
});

describe("the shape of a provex file", () => {
  /** Each diagnostic of `text` as [code, start, end, message]. */
  const shape = (text: string) =>
    loadConfig(text).diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]);

  it("each part must have its shape: the message names the part", () => {
    const cases: [string, string, number, number, string][] = [
      ["5\n", "config-type", 0, 1, "The configuration must be an object (key: value pairs)."],
      ["entra: 5\nmappings: []\n", "config-type", 7, 8, "entra must be an object (key: value pairs)."],
      ["entra:\n  rules: 5\nmappings: []\n", "config-type", 16, 17, "entra.rules must be a list."],
      ["objects: 5\n", "config-type", 9, 10, "objects must be a list."],
      ["objects:\n  - 5\n", "config-type", 13, 14, "An object mapping must be an object (key: value pairs)."],
      ["object: 5\nmappings: []\n", "config-type", 8, 9, "object must be an object (key: value pairs)."],
      [
        "object: { name: x }\n",
        "config-missing",
        0,
        20,
        "The configuration needs mappings: a list of { target, attribute | expression | constant | none }.",
      ],
      [
        "objects:\n  - { nmae: x, mappings: [] }\n",
        "unknown-property",
        15,
        19,
        'Unknown key "nmae" in an object mapping; did you mean name?',
      ],
      [
        "scope: { filter: [] }\nmappings: []\n",
        "unknown-property",
        9,
        15,
        'Unknown key "filter" in scope; did you mean filters?',
      ],
    ];
    for (const [text, ...expected] of cases) expect(shape(text), text).toEqual([expected]);
  });

  it("a file that is not an object has no rules and no objects", () => {
    const config = loadConfig("5\n");
    expect(config.rules).toEqual([]);
    expect(config.objects).toEqual([]);
    expect(config.extra).toEqual({});
  });

  it("one rule holds the objects, unless entra.rules says there are none and there are no objects", () => {
    const none = loadConfig("entra:\n  rules: []\nobjects: []\n");
    expect(none.diagnostics).toEqual([]);
    expect(none.rules).toEqual([]);
    for (const text of ["entra:\n  rules: []\nmappings: []\n", "objects: []\n", "mappings: []\n"]) {
      const config = loadConfig(text);
      expect(config.diagnostics, text).toEqual([]);
      expect(config.rules, text).toEqual([{ id: "", extra: {} }]);
    }
  });
});
