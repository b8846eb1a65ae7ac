import { describe, expect, it } from "vitest";
import { LineIndex, loadConfig } from "../../src/index.js";
import { attributeTable } from "../../src/mapping/directories.js";

/**
 * What loadConfig adds to the loaders' own diagnostics: a loader failure reported instead of thrown, the
 * knock-on complaints it drops after a value it could not read, and the checks that use the export's
 * attribute definitions (the attribute table of each side of an object mapping).
 */

/** Each diagnostic as [code, severity, line, column]. */
function located(text: string): [string, string, number, number][] {
  const index = new LineIndex(text);
  return loadConfig(text).diagnostics.map((d) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, d.severity, line, column];
  });
}

describe("a loader failure", () => {
  it("is an internal-error diagnostic at the start, with an empty provex configuration", () => {
    const text = {
      toString() {
        throw new Error("boom");
      },
    } as unknown as string;
    expect(loadConfig(text)).toEqual({
      format: "provex",
      dialect: "entra",
      assignment: undefined,
      rules: [],
      objects: [],
      directories: [],
      extra: {},
      diagnostics: [
        {
          code: "internal-error",
          severity: "error",
          message: "provex could not read this configuration: Error: boom",
          span: { start: 0, end: 0 },
        },
      ],
    });
  });
});

describe("knock-on complaints", () => {
  it("after a value dropped as unsupported, a mapping's missing parts are not reported again", () => {
    // The tag is refused; the mapping's missing source is not reported, the warning still is.
    expect(located("entra: !!binary aGk=\nmappings:\n  - { target: t }\n")).toEqual([
      ["config-unsupported", "error", 1, 8],
      ["none-without-default", "warning", 3, 5],
    ]);
    expect(located("mappings:\n  - { target: t }\n")).toEqual([
      ["config-missing", "error", 2, 5],
      ["none-without-default", "warning", 2, 5],
    ]);
  });

  it("after a syntax error too; other errors do not hide a missing part", () => {
    expect(
      located("mappings:\n  - { target: t }\n  - target: u\n    attribute: [b\n").map(([code]) => code),
    ).toEqual(["none-without-default", "config-type", "config-syntax"]);
    expect(located("dialect: x\nmappings:\n  - { target: t }\n").map(([code]) => code)).toEqual([
      "config-value",
      "config-missing",
      "none-without-default",
    ]);
  });

  it("a warning does not hide a missing part: the %YAML 1.1 directive is only a warning", () => {
    expect(located("%YAML 1.1\n---\nmappings:\n  - { target: t }\n")).toEqual([
      ["config-unsupported", "warning", 1, 1],
      ["config-missing", "error", 4, 5],
      ["none-without-default", "warning", 4, 5],
    ]);
  });

  it("of several syntax errors at one place, the first is kept", () => {
    const text = "a: b\n\t- c\n";
    const syntax = loadConfig(text).diagnostics.filter((d) => d.code === "config-syntax");
    expect(syntax.map((d) => [d.span.start, d.span.end])).toEqual([
      [5, 6],
      [6, 7],
    ]);
  });

  it("after nesting too deep to read", () => {
    const deep = `{"mappings": [{"target": "t"}], "entra": ${"[".repeat(401)}${"]".repeat(401)}}`;
    const codes = loadConfig(deep).diagnostics.map((d) => d.code);
    expect(codes).toContain("config-too-deep");
    expect(codes).not.toContain("config-missing");
  });
});

describe("telling the formats apart", () => {
  it("unreadable JSON may have blanks inside the opening brace", () => {
    expect(loadConfig('{ "id": "x", ').format).toBe("entra");
    expect(loadConfig('{\n  "synchronizationRules": [').format).toBe("entra");
  });

  it("readable JSON that is not an object is provex, whatever keys its items have", () => {
    const config = loadConfig('[{"synchronizationRules": []}]');
    expect(config.format).toBe("provex");
    expect(config.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["config-type", "The configuration must be an object (key: value pairs)."],
    ]);
  });
});

describe("the attribute definitions of an export", () => {
  const schema = (sourceDirectoryName: string | undefined, clauseAttribute: string) =>
    JSON.stringify({
      synchronizationRules: [
        {
          id: "r",
          ...(sourceDirectoryName === undefined ? {} : { sourceDirectoryName }),
          targetDirectoryName: "App",
          objectMappings: [
            {
              sourceObjectName: "User",
              targetObjectName: "Account",
              scope: {
                groups: [
                  {
                    clauses: [
                      {
                        operatorName: "IS_NOT_NULL",
                        sourceOperandName: clauseAttribute,
                        targetOperand: null,
                      },
                    ],
                  },
                ],
              },
              attributeMappings: [{ targetAttributeName: "login", defaultValue: "x" }],
            },
          ],
        },
      ],
      directories: [
        {
          name: "AAD",
          objects: [
            {
              name: "User",
              attributes: [
                { name: "memberOf", type: "String", multivalued: true },
                { name: "proxyAddresses", type: "String", multivalued: false },
              ],
            },
          ],
        },
        {
          name: "Other",
          objects: [{ name: "User", attributes: [{ name: "tags", multivalued: true }] }],
        },
        {
          name: "App",
          objects: [
            {
              name: "Account",
              attributes: [
                { name: "login", type: "String", required: true },
                { name: "mail", type: "String" },
              ],
            },
          ],
        },
      ],
    });

  it("a clause on an attribute the source directory defines as multi-valued is an error", () => {
    const config = loadConfig(schema("AAD", "memberOf"));
    expect(config.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "multivalued-scope-attribute",
        "memberOf is multi-valued; Entra does not support scoping on multi-valued attributes.",
      ],
    ]);
  });

  it("the directory's definition replaces the well-known one", () => {
    // proxyAddresses is multi-valued in Entra ID, but this export defines it single-valued.
    expect(loadConfig(schema("AAD", "proxyAddresses")).diagnostics).toEqual([]);
  });

  it("the rule's sourceDirectoryName chooses the directory; without one, the first with the object", () => {
    expect(loadConfig(schema("Other", "memberOf")).diagnostics).toEqual([]);
    expect(loadConfig(schema("Other", "tags")).diagnostics.map((d) => d.code)).toEqual([
      "multivalued-scope-attribute",
    ]);
    expect(loadConfig(schema(undefined, "memberOf")).diagnostics.map((d) => d.code)).toEqual([
      "multivalued-scope-attribute",
    ]);
    // A directory the export does not describe: only the well-known attributes are known.
    expect(loadConfig(schema("Nowhere", "memberOf")).diagnostics).toEqual([]);
    expect(loadConfig(schema("Nowhere", "proxyAddresses")).diagnostics.map((d) => d.code)).toEqual([
      "multivalued-scope-attribute",
    ]);
  });

  it("each side's table: defined names, required attributes, and the well-known ones behind them", () => {
    const config = loadConfig(schema("AAD", "mail"));
    const object = config.objects[0];
    if (!object) throw new Error("no object");
    const source = attributeTable(config, object, "source");
    expect(source.defined).toBe(true);
    expect(source.names).toEqual(["memberOf", "proxyAddresses"]);
    expect(source.required).toEqual([]);
    expect(source.get("memberOf")?.multivalued).toBe(true);
    expect(source.get("proxyAddresses")?.multivalued).toBe(false);
    // Not defined by the export: the well-known definition.
    expect(source.get("manager")).toEqual({
      name: "manager",
      type: "Reference",
      required: false,
      multivalued: false,
      caseExact: true,
    });
    expect(source.get("userName")).toBeUndefined();
    const target = attributeTable(config, object, "target");
    expect(target.defined).toBe(true);
    expect(target.names).toEqual(["login", "mail"]);
    expect(target.required).toEqual(["login"]);
    expect(target.get("login")?.required).toBe(true);
    expect(target.get("active")?.type).toBe("Boolean");
  });

  it("without definitions: no names; SCIM's userName is required on the target, nothing on the source", () => {
    const config = loadConfig("mappings:\n  - { target: userName, attribute: a }\n");
    const object = config.objects[0];
    if (!object) throw new Error("no object");
    const source = attributeTable(config, object, "source");
    expect([source.defined, source.names, source.required]).toEqual([false, [], []]);
    expect(source.get("accountEnabled")?.type).toBe("Boolean");
    expect(source.get("objectId")?.caseExact).toBe(true);
    const target = attributeTable(config, object, "target");
    expect([target.defined, target.names, target.required]).toEqual([false, [], ["userName"]]);
    expect(target.get("externalId")).toEqual({
      name: "externalId",
      type: "String",
      required: false,
      multivalued: false,
      caseExact: true,
    });
    expect(target.get("roles")?.multivalued).toBe(true);
    expect(target.get("manager")).toBeUndefined();
  });
});
