import { describe, expect, it } from "vitest";
import { stepAt, traceEvaluate } from "../../src/evaluator/trace.js";
import { parse } from "../../src/parser/index.js";
import { brief, trace } from "../helpers/trace-steps.js";

describe("traceEvaluate", () => {
  it("records every call with its arguments and result, outermost first", () => {
    const result = trace('Join(".", Trim([givenName]), ToLower([surname]))', {
      givenName: " Ada ",
      surname: "LOVELACE",
    });
    expect(result.outcome).toEqual({ ok: true, value: "Ada.lovelace" });
    expect(result.steps.map(brief)).toEqual([
      { name: "Join", depth: 0, arguments: [".", "Ada", "lovelace"], result: "Ada.lovelace" },
      { name: "Trim", depth: 1, arguments: [" Ada "], result: "Ada" },
      { name: "[givenName]", depth: 2, arguments: [], result: " Ada " },
      { name: "ToLower", depth: 1, arguments: ["LOVELACE"], result: "lovelace" },
      { name: "[surname]", depth: 2, arguments: [], result: "LOVELACE" },
    ]);
  });

  it("marks what a lazy builtin did not evaluate, and omitted arguments", () => {
    const result = trace('IIF([n] = "1", "one", ToUpper([n]))', { n: "1" });
    const iif = result.steps[0];
    expect(iif?.name).toBe("IIF");
    expect(iif?.arguments.map((argument) => argument.state)).toEqual(["value", "value", "not-evaluated"]);
    expect(result.steps.some((step) => step.name === "ToUpper")).toBe(false);
    const replace = trace('Replace("a-b", , "-", , "+", , )').steps[0];
    expect(replace?.arguments.map((argument) => argument.state)).toEqual([
      "value",
      "omitted",
      "value",
      "omitted",
      "value",
      "omitted",
      "omitted",
    ]);
  });

  it("puts an error on the call that raised it and on the calls around it, with its span", () => {
    const text = 'ToUpper(Error("stop here"))';
    const result = trace(text);
    expect(result.outcome.ok).toBe(false);
    if (result.outcome.ok) return;
    expect(result.outcome.code).toBe("user-error");
    expect(result.outcome.span).toEqual({ start: 8, end: 26 });
    expect(result.steps.map((step) => (step.outcome.ok ? "ok" : step.outcome.code))).toEqual([
      "user-error",
      "user-error",
    ]);
  });

  it("finds the innermost step under a selection or an offset", () => {
    const text = 'Join(".", Trim([givenName]), [surname])';
    const { steps } = trace(text, { givenName: " Ada ", surname: "L" });
    expect(stepAt(steps, text.indexOf("givenName"))?.name).toBe("[givenName]");
    expect(stepAt(steps, text.indexOf("Trim"), text.indexOf(")") + 1)?.name).toBe("Trim");
    expect(stepAt(steps, 0)?.name).toBe("Join");
    expect(stepAt(steps, text.length + 5)).toBeUndefined();
  });
});

describe("traceEvaluate: each kind of step", () => {
  it("records a comparison as a step of its own, with both sides as its arguments, one level down", () => {
    const { steps } = trace('IIF([a] = "x", "y", "z")', { a: "x" });
    const comparison = steps[1];
    expect(comparison?.kind).toBe("comparison");
    expect(comparison?.name).toBe("=");
    expect(comparison?.span).toEqual({ start: 4, end: 13 });
    expect(steps.map(brief)).toEqual([
      { name: "IIF", depth: 0, arguments: [true, "y", "not-evaluated"], result: "y" },
      { name: "=", depth: 1, arguments: ["x", "x"], result: true },
      { name: "[a]", depth: 2, arguments: [], result: "x" },
    ]);
    expect(steps[2]?.kind).toBe("attribute");
    expect(steps[0]?.kind).toBe("call");
  });

  it("marks an omitted argument of a lazy builtin, and puts what it evaluates one level down", () => {
    const { steps } = trace('Switch([a], , "k", ToLower([b]))', { a: "k", b: "X" });
    expect(steps.map(brief)).toEqual([
      { name: "Switch", depth: 0, arguments: ["k", "omitted", "k", "x"], result: "x" },
      { name: "[a]", depth: 1, arguments: [], result: "k" },
      { name: "ToLower", depth: 1, arguments: ["X"], result: "x" },
      { name: "[b]", depth: 2, arguments: [], result: "X" },
    ]);
    expect(steps[0]?.arguments[1]).toEqual({ state: "omitted" });
  });

  it("records an unknown function under the name written, failing at the name", () => {
    const result = trace("Jion([a])");
    const outcome = {
      ok: false,
      code: "unknown-function",
      message: "Unknown function Jion.",
      span: { start: 0, end: 4 },
    };
    expect(result.outcome).toEqual(outcome);
    expect(result.steps).toEqual([
      { kind: "call", name: "Jion", span: { start: 0, end: 9 }, depth: 0, arguments: [], outcome },
    ]);
  });

  it("fails at a syntax error in the tree", () => {
    expect(trace("[a] = ").outcome).toEqual({
      ok: false,
      code: "syntax-error",
      message: "The expression has syntax errors.",
      span: { start: 5, end: 5 },
    });
  });

  it("fails an unusable attribute value at the reference", () => {
    const { outcome } = trace("[a]", { a: {} });
    expect(outcome.ok ? outcome : outcome.span).toEqual({ start: 0, end: 3 });
  });

  it("lets an error that is not provex's own through, rather than recording it", () => {
    const attributes = {
      get a(): string {
        throw new TypeError("a getter failed");
      },
    };
    expect(() => traceEvaluate(parse("[a]").ast, attributes)).toThrow(TypeError);
  });
});

describe("stepAt on steps in any order", () => {
  const step = (name: string, start: number, end: number) => ({ name, span: { start, end } });

  it("finds the narrowest step around the offset, wherever it comes in the list", () => {
    expect(stepAt([step("inner", 0, 2), step("outer", 0, 10)], 1)?.name).toBe("inner");
    expect(stepAt([step("inner", 2, 4), step("outer", 0, 5)], 3)?.name).toBe("inner");
    expect(stepAt([step("outer", 0, 5), step("inner", 2, 4)], 3)?.name).toBe("inner");
  });

  it("prefers the later of two steps of the same span (a node a lazy builtin entered again)", () => {
    expect(stepAt([step("first", 0, 5), step("again", 0, 5)], 1)?.name).toBe("again");
  });
});
