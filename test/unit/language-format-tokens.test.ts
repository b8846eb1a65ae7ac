import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluator/index.js";
import { describeValue, formatDocument, semanticTokens } from "../../src/language/index.js";

describe("formatDocument", () => {
  it("returns one whole-text edit with the canonical form, none when already canonical", () => {
    const text = 'Join(".",[a],[b])';
    expect(formatDocument(text)).toEqual({
      ok: true,
      edits: [{ span: { start: 0, end: text.length }, newText: 'Join(".", [a], [b])' }],
    });
    expect(formatDocument('Join(".", [a], [b])')).toEqual({ ok: true, edits: [] });
  });

  it("refuses text with syntax errors", () => {
    const result = formatDocument('Join(".", [a]');
    expect(result.ok).toBe(false);
  });
});

describe("semanticTokens", () => {
  it("classifies builtins, unknown functions, constants, attributes, strings, numbers and operators", () => {
    const text = 'IIF(Frob([a]) = "x", 1, vbTextCompare)';
    const tokens = semanticTokens(text).map((token) => ({
      text: text.slice(token.start, token.start + token.length),
      type: token.type,
      modifiers: token.modifiers,
    }));
    expect(tokens).toEqual([
      { text: "IIF", type: "function", modifiers: ["defaultLibrary"] },
      { text: "Frob", type: "function", modifiers: ["unknown"] },
      { text: "[a]", type: "variable", modifiers: [] },
      { text: "=", type: "operator", modifiers: [] },
      { text: '"x"', type: "string", modifiers: [] },
      { text: "1", type: "number", modifiers: [] },
      { text: "vbTextCompare", type: "keyword", modifiers: [] },
    ]);
  });
});

describe("describeValue", () => {
  it("names the kind of each result", () => {
    expect(describeValue(evaluate('Join(".", [a], [b])', { a: "x", b: "y" }))).toEqual({
      kind: "string",
      rendered: "x.y",
    });
    expect(describeValue(evaluate('Split([a], ",")', { a: "x,y" }))).toEqual({
      kind: "multi-valued",
      rendered: ["x", "y"],
    });
    expect(describeValue(evaluate("IsNull([a])", {}))).toEqual({ kind: "boolean", rendered: "True" });
    expect(describeValue(evaluate("IgnoreFlowIfNullOrEmpty([a])", {}))).toEqual({
      kind: "flow skipped",
      rendered: null,
    });
    expect(describeValue(evaluate("[a]", {}))).toEqual({ kind: "null", rendered: null });
  });
});
