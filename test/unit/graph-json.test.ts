import { describe, expect, it } from "vitest";
import { fromGraphSource, type GraphParameterKeys, parse, toGraphSource } from "../../src/parser/index.js";
import { withoutSpans } from "../helpers/ast.js";

// A stand-in for the function registry's key table, with the keys SPEC §f documents.
const signatures: Record<string, { keys: string[]; repeatFrom?: number }> = {
  replace: {
    keys: [
      "source",
      "Find",
      "regexPattern",
      "regexGroupName",
      "Replacement",
      "replacementAttributeName",
      "template",
    ],
  },
  mid: { keys: ["source", "start", "length"] },
  not: { keys: ["source"] },
  join: { keys: ["separator", "source"], repeatFrom: 1 },
  switch: { keys: ["source", "defaultValue", "key", "value"], repeatFrom: 2 },
  coalesce: { keys: ["source"], repeatFrom: 0 },
};
const keysOf: GraphParameterKeys = (name) => signatures[name.toLowerCase()];

const graphOf = (text: string) => toGraphSource(parse(text).ast, keysOf);

describe("AST to Graph attributeMappingSource", () => {
  it("matches Graph's parseExpression output for Replace (SPEC §f.2)", () => {
    expect(graphOf('Replace([preferredLanguage], "-", , , "_", ,  )')).toEqual({
      expression: 'Replace([preferredLanguage], "-", , , "_", , )',
      name: "Replace",
      type: "Function",
      parameters: [
        {
          key: "source",
          value: {
            expression: "[preferredLanguage]",
            name: "preferredLanguage",
            parameters: [],
            type: "Attribute",
          },
        },
        { key: "Find", value: { expression: '"-"', name: "-", parameters: [], type: "Constant" } },
        { key: "Replacement", value: { expression: '"_"', name: "_", parameters: [], type: "Constant" } },
      ],
    });
  });

  it("stores numbers as constants named by their digits", () => {
    expect(graphOf("Mid([upn], 1, 8)").parameters?.[1]).toEqual({
      key: "start",
      value: { type: "Constant", name: "1", expression: "1", parameters: [] },
    });
  });

  it("repeats keys for repeating parameters", () => {
    expect(graphOf('Join(" ", [givenName], [surname])').parameters?.map((p) => p.key)).toEqual([
      "separator",
      "source",
      "source",
    ]);
    expect(graphOf('Switch([c], "d", "k1", "v1", "k2", "v2")').parameters?.map((p) => p.key)).toEqual([
      "source",
      "defaultValue",
      "key",
      "value",
      "key",
      "value",
    ]);
  });

  it("writes comparisons as a Function named by the operator with left and right", () => {
    const condition = graphOf('IIF([c] = "USA", "1", "2")').parameters?.[0]?.value;
    expect(condition).toMatchObject({ type: "Function", name: "=", expression: '[c] = "USA"' });
    expect(condition?.parameters?.map((p) => p.key)).toEqual(["left", "right"]);
  });

  it("names the parameters of an unknown function by position", () => {
    expect(graphOf("Mystery([a], , [b])").parameters?.map((p) => p.key)).toEqual(["arg1", "arg3"]);
  });
});

describe("Graph attributeMappingSource to AST", () => {
  const roundTrip = (text: string) => {
    const graph = graphOf(text);
    const back = fromGraphSource(graph, keysOf);
    expect(back.diagnostics).toEqual([]);
    expect(withoutSpans(back.ast)).toEqual(withoutSpans(parse(text).ast));
  };

  it("trusts a node's expression text, so every round trip is exact", () => {
    roundTrip('Replace([x], , "(?<s>@.*)$", "s", "", , )');
    roundTrip("BitAnd(&HF, &HF7)");
    roundTrip('InStr("repEated", "e", 3, vbBinaryCompare)');
  });

  it("rebuilds the text from the tree, putting omitted arguments back by key", () => {
    const graph = graphOf('Replace([preferredLanguage], "-", , , "_", , )');
    const withoutText = JSON.parse(
      JSON.stringify(graph, (key, value) => (key === "expression" ? undefined : value)),
    );
    const back = fromGraphSource(withoutText, keysOf);
    expect(back.text).toBe('Replace([preferredLanguage], "-", , , "_")');
    expect(back.diagnostics).toEqual([]);
  });

  it("rebuilds repeating parameters and comparisons from the tree", () => {
    const source = {
      type: "Function",
      name: "Switch",
      parameters: [
        { key: "source", value: { type: "Attribute", name: "employeeId" } },
        { key: "defaultValue", value: { type: "Attribute", name: "employeeId" } },
        { key: "key", value: { type: "Constant", name: "" } },
        { key: "value", value: { type: "Constant", name: "0000" } },
      ],
    };
    expect(fromGraphSource(source, keysOf).text).toBe('Switch([employeeId], [employeeId], "", "0000")');
    const comparison = {
      type: "Function",
      name: "<>",
      parameters: [
        { key: "left", value: { name: "country" } },
        { key: "right", value: { type: "Constant", name: 'say "x"' } },
      ],
    };
    expect(fromGraphSource(comparison, keysOf).text).toBe('[country] <> "say \\"x\\""');
  });

  describe("Constant nodes without expression text", () => {
    const withoutText = (text: string) =>
      JSON.parse(JSON.stringify(graphOf(text), (key, value) => (key === "expression" ? undefined : value)));
    const rebuilt = (text: string) => fromGraphSource(withoutText(text), keysOf);

    it("reads a Constant named by an integer's digits back as a number", () => {
      const back = rebuilt("Mid([upn], 1, 3)");
      expect(back.text).toBe("Mid([upn], 1, 3)");
      expect(back.ast).toMatchObject({
        arguments: [{ kind: "attribute" }, { kind: "number", value: 1n }, { kind: "number", value: 3n }],
      });
      expect(rebuilt("DateFromNum(129699324000000000)").ast).toMatchObject({
        arguments: [{ kind: "number", value: 129699324000000000n, radix: 10 }],
      });
      expect(rebuilt('DateAdd("d", -10, [x])').ast).toMatchObject({
        arguments: [{ kind: "string", value: "d" }, { kind: "number", value: -10n }, { kind: "attribute" }],
      });
      // Graph names a hex literal by its decimal value.
      expect(rebuilt("BitAnd(&HF, 3)").text).toBe("BitAnd(15, 3)");
    });

    it("keeps digit strings that no number literal prints as text", () => {
      const node = (name: string) => fromGraphSource({ type: "Constant", name }, keysOf).ast;
      expect(node("0000")).toMatchObject({ kind: "string", value: "0000" });
      expect(node("+1")).toMatchObject({ kind: "string", value: "+1" });
      expect(node("99999999999999999999")).toMatchObject({ kind: "string", value: "99999999999999999999" });
      expect(node("-0")).toMatchObject({ kind: "string", value: "-0" });
      expect(node("0")).toMatchObject({ kind: "number", value: 0n });
    });

    it("reads compare modes and encodings back as bare constants", () => {
      const back = rebuilt('InStr("repEated", "e", 3, vbBinaryCompare)');
      expect(back.text).toBe('InStr("repEated", "e", 3, vbBinaryCompare)');
      expect(back.diagnostics).toEqual([]);
      expect(back.ast).toMatchObject({
        arguments: [{}, {}, { kind: "number" }, { kind: "constant", name: "vbBinaryCompare" }],
      });
      for (const name of ["vbTextCompare", "UTF8", "Unicode", "ASCII"]) {
        expect(fromGraphSource({ type: "Constant", name }, keysOf).ast).toEqual({
          kind: "constant",
          name,
          span: { start: 0, end: name.length },
        });
      }
    });

    it("reads True and False as the strings Entra's booleans travel as, and other words as text", () => {
      expect(fromGraphSource({ type: "Constant", name: "True" }, keysOf).ast).toMatchObject({
        kind: "string",
        value: "True",
      });
      expect(fromGraphSource({ type: "Constant", name: "vbbinarycompare" }, keysOf).ast).toMatchObject({
        kind: "string",
        value: "vbbinarycompare",
      });
    });
  });

  it("reads the composed Not example from SPEC §f.3", () => {
    const source = {
      type: "Function",
      name: "Not",
      expression: "Not([IsSoftDeleted])",
      parameters: [
        {
          key: "source",
          value: { type: "Attribute", name: "IsSoftDeleted", expression: "[IsSoftDeleted]", parameters: [] },
        },
      ],
    };
    expect(withoutSpans(fromGraphSource(source, keysOf).ast)).toEqual({
      kind: "call",
      name: "Not",
      arguments: [{ kind: "attribute", name: "IsSoftDeleted" }],
    });
  });

  it("reports malformed sources as diagnostics instead of throwing", () => {
    for (const bad of [
      null,
      42,
      "x",
      [],
      { type: "Lambda" },
      { type: "Function", name: "F", parameters: "no" },
    ]) {
      const result = fromGraphSource(bad, keysOf);
      expect(result.diagnostics.map((d) => d.code)).toContain("invalid-graph-source");
    }
    expect(
      fromGraphSource({ type: "Function", name: "Join", parameters: [null, { key: 1 }] }, keysOf)
        .diagnostics[0]?.code,
    ).toBe("invalid-graph-source");
  });

  it("reports an expression text that does not parse, with its spans", () => {
    const result = fromGraphSource({ type: "Function", name: "Join", expression: 'Join(".", [a]' }, keysOf);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["missing-close-paren"]);
  });
});
