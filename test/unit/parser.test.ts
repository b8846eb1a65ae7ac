import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, parse } from "../../src/parser/index.js";
import { withoutSpans } from "../helpers/ast.js";

const tree = (text: string) => {
  const result = parse(text);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return withoutSpans(result.ast);
};
const codes = (text: string) =>
  parse(text).diagnostics.map((d) => ({ code: d.code, start: d.span.start, end: d.span.end }));
const attribute = (name: string) => ({ kind: "attribute", name });
const string = (value: string) => ({ kind: "string", value });
const number = (value: bigint, radix: 10 | 16 = 10) => ({ kind: "number", value, radix });
const empty = { kind: "empty" };

describe("grammar", () => {
  it("parses a call with attribute and string arguments", () => {
    expect(tree('Join(".", [givenName], [surname])')).toEqual({
      kind: "call",
      name: "Join",
      arguments: [string("."), attribute("givenName"), attribute("surname")],
    });
  });

  it("parses a zero-argument call", () => {
    expect(tree("Guid()")).toEqual({ kind: "call", name: "Guid", arguments: [] });
    expect(tree("Now( )")).toEqual({ kind: "call", name: "Now", arguments: [] });
  });

  it("keeps empty positional arguments, trailing ones included", () => {
    expect(tree('Replace([x], , "re", , "", , )')).toEqual({
      kind: "call",
      name: "Replace",
      arguments: [attribute("x"), empty, string("re"), empty, string(""), empty, empty],
    });
    expect(tree('Replace([mail], "@contoso.com", , ,"", ,)')).toMatchObject({ arguments: { length: 7 } });
    expect(tree("F(,)")).toEqual({ kind: "call", name: "F", arguments: [empty, empty] });
    expect(tree("F(, [a])")).toEqual({ kind: "call", name: "F", arguments: [empty, attribute("a")] });
  });

  it("gives empty arguments an empty span where they stand", () => {
    const ast = parse("F([a], , )").ast;
    if (ast.kind !== "call") throw new Error("expected a call");
    expect(ast.arguments.map((a) => a.span)).toEqual([
      { start: 2, end: 5 },
      { start: 7, end: 7 },
      { start: 9, end: 9 },
    ]);
  });

  it('resolves string escapes: \\\\ and \\" only', () => {
    expect(tree('"Company name: \\"Contoso\\""')).toEqual(string('Company name: "Contoso"'));
    expect(tree('"a\\\\b"')).toEqual(string("a\\b"));
    expect(tree('"\\d+"')).toEqual(string("\\d+"));
  });

  it("keeps 64-bit numbers exact, decimal and hex", () => {
    expect(tree("129699324000000000")).toEqual(number(129699324000000000n));
    expect(tree("-9223372036854775808")).toEqual(number(-(2n ** 63n)));
    expect(tree("&HFFFFFFFFFFFFFFFF")).toEqual(number(2n ** 64n - 1n, 16));
    expect(tree("-10")).toEqual(number(-10n));
  });

  it("reads bare constants in their canonical spelling", () => {
    expect(tree('InStr([a], "e", 3, vbBinaryCompare)')).toMatchObject({
      arguments: [attribute("a"), string("e"), number(3n), { kind: "constant", name: "vbBinaryCompare" }],
    });
    expect(withoutSpans(parse("true").ast)).toEqual({ kind: "constant", name: "True" });
  });

  it("parses each comparison operator between operands", () => {
    for (const operator of ["=", "<>", "<", "<=", ">", ">="]) {
      expect(tree(`[a] ${operator} "x"`)).toEqual({
        kind: "comparison",
        operator,
        left: attribute("a"),
        right: string("x"),
      });
    }
  });

  it("parses comparisons as arguments and around calls", () => {
    expect(tree('IIF(DateDiff("d", Now(), CDate([d])) > 5, "False", "True")')).toMatchObject({
      name: "IIF",
      arguments: [
        { kind: "comparison", operator: ">", left: { name: "DateDiff" }, right: number(5n) },
        {},
        {},
      ],
    });
  });

  it("accepts whitespace and newlines between any tokens", () => {
    expect(tree('Switch(\n  [Active],\n  ,\n  "1", "x"\n)')).toEqual(tree('Switch([Active], , "1", "x")'));
  });

  it("gives every node its span", () => {
    const ast = parse('IIF([a] = "x", Left([b], 1), "")').ast;
    if (ast.kind !== "call") throw new Error("expected a call");
    expect(ast.span).toEqual({ start: 0, end: 32 });
    expect(ast.nameSpan).toEqual({ start: 0, end: 3 });
    const [condition, left] = ast.arguments;
    expect(condition?.span).toEqual({ start: 4, end: 13 });
    if (condition?.kind !== "comparison") throw new Error("expected a comparison");
    expect(condition.operatorSpan).toEqual({ start: 8, end: 9 });
    expect(left?.span).toEqual({ start: 15, end: 27 });
  });

  it("parses every function name, whatever its case (resolution is the checker's job)", () => {
    expect(tree('switch([c], "x", "a", "b")')).toMatchObject({ kind: "call", name: "switch" });
  });
});

describe("syntax diagnostics", () => {
  it("empty-expression for empty or blank text", () => {
    expect(codes("")).toEqual([{ code: "empty-expression", start: 0, end: 0 }]);
    expect(codes(" \n ")).toEqual([{ code: "empty-expression", start: 0, end: 3 }]);
  });

  it("missing-close-paren at the unclosed call, keeping its arguments", () => {
    const result = parse('Join(".", [a]');
    expect(codes('Join(".", [a]')).toEqual([{ code: "missing-close-paren", start: 0, end: 5 }]);
    expect(withoutSpans(result.ast)).toEqual({
      kind: "call",
      name: "Join",
      arguments: [string("."), attribute("a")],
    });
  });

  it("missing-close-paren keeps a trailing empty argument", () => {
    expect(withoutSpans(parse('Join(".", [a],').ast)).toMatchObject({
      arguments: [string("."), attribute("a"), empty],
    });
  });

  it("missing-comma between two arguments", () => {
    expect(codes('Join(".", [a] [b])')).toEqual([{ code: "missing-comma", start: 14, end: 17 }]);
    expect(withoutSpans(parse('Join(".", [a] [b])').ast)).toMatchObject({ arguments: { length: 3 } });
  });

  it("unexpected-token for input after a complete expression", () => {
    expect(codes('Join(".", [a]))')).toEqual([{ code: "unexpected-token", start: 14, end: 15 }]);
    expect(codes('[a] "b"')).toEqual([{ code: "unexpected-token", start: 4, end: 7 }]);
  });

  it("unexpected-token for a stray token inside the arguments", () => {
    expect(codes("F(= [a])")).toEqual([{ code: "unexpected-token", start: 2, end: 3 }]);
    expect(codes("F(([a]))")).toEqual([
      { code: "unexpected-token", start: 2, end: 3 },
      { code: "unexpected-token", start: 7, end: 8 },
    ]);
    expect(codes("F([a]])")).toEqual([{ code: "unexpected-token", start: 5, end: 6 }]);
  });

  it("unknown-constant for a bare word that is no constant", () => {
    expect(codes("Left(givenName, 1)")).toEqual([{ code: "unknown-constant", start: 5, end: 14 }]);
  });

  it("constant-name-case warns for a constant spelled in another case", () => {
    const [problem] = parse('InStr([a], "b", 1, VBTEXTCOMPARE)').diagnostics;
    expect(problem).toMatchObject({
      code: "constant-name-case",
      severity: "warning",
      span: { start: 19, end: 32 },
    });
  });

  it("expected-operand after a comparison operator with nothing to compare", () => {
    expect(codes('IIF([a] = , "x", "y")')).toEqual([{ code: "expected-operand", start: 8, end: 9 }]);
    expect(withoutSpans(parse('IIF([a] = , "x", "y")').ast)).toMatchObject({
      arguments: [{ kind: "comparison", right: { kind: "error" } }, string("x"), string("y")],
    });
  });

  it("chained-comparison for a second operator", () => {
    expect(codes("[a] = [b] = [c]")).toEqual([{ code: "chained-comparison", start: 10, end: 11 }]);
  });

  it("unsupported-operator for Connect Sync operators and AND/OR words", () => {
    expect(codes('[a] & "x"')).toEqual([{ code: "unsupported-operator", start: 4, end: 5 }]);
    expect(codes('Join("", [a] + [b])')).toEqual([{ code: "unsupported-operator", start: 13, end: 14 }]);
    expect(codes('IIF([a] = "x" AND [b] = "y", "1", "2")')).toEqual([
      { code: "unsupported-operator", start: 14, end: 17 },
    ]);
    expect(codes('IIF([a] = "x" or [b] = "y", "1", "2")')).toEqual([
      { code: "unsupported-operator", start: 14, end: 16 },
    ]);
  });

  it("empty-attribute for []", () => {
    expect(codes("Trim([])")).toEqual([{ code: "empty-attribute", start: 5, end: 7 }]);
  });

  it("number-out-of-range beyond 64 bits", () => {
    expect(codes("9223372036854775808")).toEqual([{ code: "number-out-of-range", start: 0, end: 19 }]);
    expect(codes("&H10000000000000000")).toEqual([{ code: "number-out-of-range", start: 0, end: 19 }]);
  });

  it("lexer diagnostics come through parse, with the tree still built", () => {
    const result = parse('Replace([x], "a');
    expect(result.diagnostics.map((d) => d.code)).toEqual(["missing-close-paren", "unterminated-string"]);
    expect(withoutSpans(result.ast)).toEqual({
      kind: "call",
      name: "Replace",
      arguments: [attribute("x"), string("a")],
    });
    expect(codes("Left('x', 1)")).toEqual([{ code: "single-quoted-string", start: 5, end: 8 }]);
  });

  it("several problems in one expression are all reported, in source order", () => {
    expect(codes('Join("a" [b], Left([c, 1)').map((d) => d.code)).toEqual([
      "missing-close-paren",
      "missing-comma",
      "missing-close-paren",
      "unterminated-attribute",
    ]);
  });

  it("expression-too-long warns past Entra's 10,000 characters but still parses", () => {
    const text = `"${"x".repeat(10_000)}"`;
    const result = parse(text);
    expect(result.diagnostics).toMatchObject([
      { code: "expression-too-long", severity: "warning", span: { start: 10_000, end: 10_002 } },
    ]);
    expect(result.ast.kind).toBe("string");
  });

  it("nesting-too-deep beyond the limit, without overflowing the stack", () => {
    const ok = `${"Trim(".repeat(MAX_NESTING_DEPTH)}[a]${")".repeat(MAX_NESTING_DEPTH)}`;
    expect(parse(ok).diagnostics).toEqual([]);
    const deep = `${"Trim(".repeat(MAX_NESTING_DEPTH + 1)}[a]${")".repeat(MAX_NESTING_DEPTH + 1)}`;
    const offset = MAX_NESTING_DEPTH * 5 + 4;
    expect(codes(deep)).toEqual([{ code: "nesting-too-deep", start: offset, end: offset + 1 }]);
    expect(codes("F(".repeat(100_000)).map((d) => d.code)).toEqual([
      "nesting-too-deep",
      "expression-too-long",
    ]);
  });

  it("parses a megabyte of input without failing", () => {
    const text = `Join(",", ${Array.from({ length: 40_000 }, (_, i) => `Left([a${i}], 1)`).join(", ")})`;
    const result = parse(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["expression-too-long"]);
    expect(result.ast.kind === "call" && result.ast.arguments.length).toBe(40_001);
  });
});
