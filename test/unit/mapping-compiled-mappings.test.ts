import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig } from "../../src/index.js";
import { compileMapping, spanInConfig } from "../../src/mapping/compile-mapping.js";
import { attributeTable } from "../../src/mapping/directories.js";
import type { AttributeMapping } from "../../src/mapping/model.js";

/**
 * An attribute mapping compiled once per configuration: its diagnostics (spans into the expression), the
 * secrets it reads, the attributes an IIF's condition reads, the warnings that hold for every user, the
 * attribute a direct mapping copies, and where a diagnostic sits in the configuration text.
 */
function provex(mappings: string, header = ""): MappingConfig {
  return loadConfig(
    `${header}mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n${mappings}`,
  );
}
function compiledOf(config: MappingConfig, target: string) {
  const object = config.objects[0];
  if (!object) throw new Error("no object mapping");
  const mapping = object.mappings.find((m) => m.target === target);
  if (!mapping) throw new Error(`no mapping of ${target}`);
  return compileMapping(mapping, config.dialect, attributeTable(config, object, "source"));
}
const compiled = (line: string, header = "") => compiledOf(provex(`  - ${line}\n`, header), "t");
const codes = (line: string) =>
  compiled(line).diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end]);

describe("compiling a mapping", () => {
  it("a direct mapping compiles and names the attribute it copies; an expression copies none", () => {
    const direct = compiled("{ target: t, attribute: mail }");
    expect(direct.expression?.evaluate({ mail: "a@x.com" })).toBe("a@x.com");
    expect(direct.error).toBeUndefined();
    expect(direct.diagnostics).toStrictEqual([]);
    expect(direct.directAttribute).toBe("mail");
    expect(compiled("{ target: t, expression: 'Trim([mail])' }").directAttribute).toBeUndefined();
    expect(compiled("{ target: t, constant: x }").directAttribute).toBeUndefined();
  });

  it("a None mapping has no expression, no error and no diagnostic", () => {
    const none = compiled("{ target: t, none: true, default: x }");
    expect(none.expression).toBeUndefined();
    expect(none.error).toBeUndefined();
    expect(none.diagnostics).toStrictEqual([]);
    expect(none.directAttribute).toBeUndefined();
  });

  it("an expression that does not compile keeps its error and every diagnostic, spans in the expression", () => {
    const broken = compiled("{ target: t, expression: 'Join(' }");
    expect(broken.expression).toBeUndefined();
    expect(broken.error?.code).toBe("invalid-expression");
    expect(broken.error?.message).toBe(
      "The call to Join is missing its closing ')': add ')' after its last argument. (and 1 more)",
    );
    expect(codes("{ target: t, expression: 'Join(' }")).toStrictEqual([
      ["missing-close-paren", "error", 0, 5],
      ["arity", "error", 0, 5],
    ]);
    expect(codes("{ target: t, expression: 'Foo([x])' }")).toStrictEqual([
      ["unknown-function", "error", 0, 3],
    ]);
  });

  it("is compiled once per mapping object", () => {
    const config = provex("  - { target: t, expression: 'Trim([mail])' }\n");
    expect(compiledOf(config, "t")).toBe(compiledOf(config, "t"));
  });

  it("with source definitions, an attribute they do not define is a warning; without, it is not", () => {
    const entra = JSON.parse(
      readFileSync(join(import.meta.dirname, "../fixtures/shared/entra-scim-schema.json"), "utf8"),
    );
    entra.synchronizationRules[0].objectMappings[0].attributeMappings[3].source = {
      expression: "[displayNme]",
      name: "displayNme",
      type: "Attribute",
      parameters: [],
    };
    const defined = compiledOf(loadConfig(JSON.stringify(entra)), "displayName");
    expect(defined.diagnostics.map((d) => [d.code, d.severity])).toStrictEqual([
      ["unknown-attribute", "warning"],
    ]);
    expect(defined.expression).toBeDefined();
    expect(compiled("{ target: t, attribute: displayNme }").diagnostics).toStrictEqual([]);
  });
});

describe("what the preview learns from the expression", () => {
  it("Redact in any case marks the mapping and the attributes read inside it, each once", () => {
    const redact = compiled(
      `{ target: t, expression: 'Join("-", REDACT(Join("", [pin], [pin], [salt])), [mail])' }`,
    );
    expect(redact.redacted).toBe(true);
    expect(redact.redactedAttributes).toStrictEqual(["pin", "salt"]);
    const plain = compiled(`{ target: t, expression: 'Join("-", [pin], [mail])' }`);
    expect(plain.redacted).toBe(false);
    expect(plain.redactedAttributes).toStrictEqual([]);
  });

  it("an IIF's condition attributes are collected, both sides of a comparison, nested calls included; not its branches", () => {
    const iif = compiled(`{ target: t, expression: 'IIF([a] = Trim([b]), [c], iif([d] = "x", [e], [a]))' }`);
    expect(iif.iifConditionAttributes).toStrictEqual(["a", "b", "d"]);
    expect(
      compiled(`{ target: t, expression: 'Switch([a], "x", "1", [b])' }`).iifConditionAttributes,
    ).toStrictEqual([]);
  });

  it("Switch on a Reference attribute is a warning for every user, naming the attribute and the target", () => {
    expect(
      compiled(`{ target: t, expression: 'switch([manager], "none", "x", "y")' }`).staticWarnings,
    ).toStrictEqual([
      {
        code: "switch-on-reference",
        target: "t",
        message:
          "Switch on the reference attribute [manager]: Entra documents that Switch should not be used on referential attributes; map the reference directly.",
      },
    ]);
    // Over another attribute, or over a call that reads the reference, it is not.
    expect(
      compiled(`{ target: t, expression: 'Switch([department], "none", "x", "y")' }`).staticWarnings,
    ).toStrictEqual([]);
    expect(
      compiled(`{ target: t, expression: 'Switch(Trim([manager]), "none", "x", "y")' }`).staticWarnings,
    ).toStrictEqual([]);
    expect(
      compiled(`{ target: t, expression: 'IIF([manager] = "x", "a", "b")' }`).staticWarnings,
    ).toStrictEqual([]);
  });

  it("a provex-only function in the entra dialect is a warning carrying the diagnostic's message", () => {
    const extract = compiled(`{ target: t, expression: 'Extract([mail], , "@", )' }`);
    expect(extract.staticWarnings).toStrictEqual([
      { code: "provex-only", target: "t", message: extract.diagnostics[0]?.message },
    ]);
    expect(extract.diagnostics[0]?.message).toMatch(
      /^Extract is a provex extension that Entra does not accept/,
    );
    expect(
      compiled(`{ target: t, expression: 'Extract([mail], , "@", )' }`, "dialect: provex\n").staticWarnings,
    ).toStrictEqual([]);
  });
});

describe("a diagnostic's place in the configuration text", () => {
  const base = {
    target: "t",
    type: "expression",
    expression: "Trim([x])",
    defaultValue: null,
    flowType: "Always",
    flowBehavior: "FlowWhenChanged",
    matchingPriority: 0,
    exportMissingReferences: false,
    extra: {},
    span: { start: 100, end: 140 },
  } as const;
  const mapping = (extra: Partial<AttributeMapping>): AttributeMapping => ({
    ...base,
    expressionOffsets: undefined,
    ...extra,
  });
  // The expression "abc" written at offsets 10, 11, 12, with 13 just past its end.
  const offsets = [10, 11, 12, 13];

  it("maps each end of the span through the text's offsets, clamped to the text", () => {
    const m = mapping({ expressionOffsets: offsets });
    expect(spanInConfig({ start: 1, end: 3 }, m)).toStrictEqual({ start: 11, end: 13 });
    expect(spanInConfig({ start: -4, end: 0 }, m)).toStrictEqual({ start: 10, end: 10 });
    expect(spanInConfig({ start: 2, end: 99 }, m)).toStrictEqual({ start: 12, end: 13 });
    expect(spanInConfig({ start: 9, end: 12 }, m)).toStrictEqual({ start: 13, end: 13 });
  });

  it("an end before the start is moved to the start", () => {
    expect(spanInConfig({ start: 3, end: 1 }, mapping({ expressionOffsets: offsets }))).toStrictEqual({
      start: 13,
      end: 13,
    });
  });

  it("the location's offsets win over the mapping's expression offsets", () => {
    const m = mapping({
      expressionOffsets: offsets,
      locations: { expression: { offsets: [50, 51, 52], style: "plain" } },
    });
    expect(spanInConfig({ start: 1, end: 2 }, m)).toStrictEqual({ start: 51, end: 52 });
  });

  it("untraceable text falls back to the source value, else the whole mapping", () => {
    const source = { start: 120, end: 130 };
    expect(spanInConfig({ start: 1, end: 2 }, mapping({ locations: { source } }))).toStrictEqual(source);
    expect(spanInConfig({ start: 1, end: 2 }, mapping({}))).toStrictEqual(base.span);
    expect(spanInConfig({ start: 1, end: 2 }, mapping({ expressionOffsets: [] }))).toStrictEqual(base.span);
    expect(
      spanInConfig(
        { start: 1, end: 2 },
        mapping({ locations: { expression: { offsets: [], style: "json" } } }),
      ),
    ).toStrictEqual(base.span);
  });
});
