import { describe, expect, it } from "vitest";
import { compileTree } from "../../src/evaluator/compile-tree.js";
import { compile, evaluate } from "../../src/evaluator/index.js";
import { State } from "../../src/evaluator/runtime.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import { runtimeContext } from "../../src/functions/index.js";
import { type Expression, parse } from "../../src/parser/index.js";
import { failure } from "../helpers/errors.js";

/** The errors the compiled evaluator raises itself: their codes, messages and spans. */

const at = (text: string, part: string) => ({
  start: text.indexOf(part),
  end: text.indexOf(part) + part.length,
});

function evaluateTree(ast: Expression, attributes: Record<string, unknown> = {}) {
  const state = new State();
  state.bind(attributes, runtimeContext());
  return compileTree(ast)(state);
}

describe("compiling a tree the checker has not seen", () => {
  it("refuses a syntax error node, at its span, saying to fix the syntax first", () => {
    const root = failure(() => compile({ kind: "error", span: { start: 2, end: 7 } }));
    expect([root.code, root.message, root.span]).toEqual([
      "syntax-error",
      "The expression has syntax errors; fix them before evaluating it.",
      { start: 2, end: 7 },
    ]);
    // Nested in a comparison, where the parser leaves it.
    const nested = failure(() => compileTree(parse("[a] = ").ast));
    expect([nested.code, nested.message, nested.span]).toEqual([
      "syntax-error",
      "The expression has syntax errors; fix them before evaluating it.",
      { start: 5, end: 5 },
    ]);
  });

  it("refuses an unknown function at its name, as the tree walker does", () => {
    const text = 'Join(".", Jion([a]))';
    const compiled = failure(() => compileTree(parse(text).ast));
    const walked = failure(() => walkEvaluate(parse(text).ast, {}));
    expect([compiled.code, compiled.message, compiled.span]).toEqual([
      "unknown-function",
      "Unknown function Jion.",
      at(text, "Jion"),
    ]);
    expect([walked.code, walked.message, walked.span]).toEqual([
      compiled.code,
      compiled.message,
      compiled.span,
    ]);
  });
});

describe("an unusable attribute value is reported at its reference", () => {
  const text = 'Join(".", "a", Left([o], 1))';

  it("nested in a call, through compile, evaluate and the compiled tree alike", () => {
    for (const run of [
      () => compile(text).evaluate({ o: {} }),
      () => evaluate(text, { o: { some: "object" } }),
      () => evaluateTree(parse(text).ast, { o: {} }),
      () => walkEvaluate(parse(text).ast, { o: {} }),
    ]) {
      const error = failure(run);
      expect([error.code, error.span]).toEqual(["invalid-attribute-value", at(text, "[o]")]);
      expect(error.message).toMatch(/^Attribute \[o\] holds a value provex cannot use/);
    }
  });

  it("in a comparison, on either side", () => {
    const comparison = '[name] = "x"';
    const error = failure(() => compile(comparison).evaluate({ name: Symbol("s") }));
    expect([error.code, error.span]).toEqual(["invalid-attribute-value", at(comparison, "[name]")]);
    const right = 'IIF("x" = [name], "y", "n")';
    const other = failure(() => compile(right).evaluate({ name: [{ value: "A" }, 5] }));
    expect([other.code, other.span]).toEqual(["invalid-attribute-value", at(right, "[name]")]);
  });
});

describe("the shape of a compiled expression", () => {
  it("is ast, diagnostics and evaluate; the evaluator's internals sit under a named symbol", () => {
    const compiled = compile('Join(".", [a], [b])');
    expect(Object.keys(compiled)).toEqual(["ast", "diagnostics", "evaluate"]);
    const symbols = Object.getOwnPropertySymbols(compiled);
    expect(symbols.map((symbol) => symbol.description)).toEqual(["provex.compiled"]);
  });
});
