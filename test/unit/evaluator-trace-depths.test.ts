import { describe, expect, it } from "vitest";
import { traceEvaluate } from "../../src/evaluator/trace.js";
import { parse } from "../../src/parser/index.js";
import { brief, trace } from "../helpers/trace-steps.js";

describe("traceEvaluate: the depth of each step", () => {
  it("puts both sides of a comparison one level below it", () => {
    const { steps } = trace('IIF(ToLower([a]) = ToLower([b]), "same", "different")', { a: "X", b: "x" });
    expect(steps.map(brief)).toEqual([
      { name: "IIF", depth: 0, arguments: [true, "same", "not-evaluated"], result: "same" },
      { name: "=", depth: 1, arguments: ["x", "x"], result: true },
      { name: "ToLower", depth: 2, arguments: ["X"], result: "x" },
      { name: "[a]", depth: 3, arguments: [], result: "X" },
      { name: "ToLower", depth: 2, arguments: ["x"], result: "x" },
      { name: "[b]", depth: 3, arguments: [], result: "x" },
    ]);
  });

  it("records the attribute on the right of a comparison one level below it", () => {
    const { steps } = trace('IIF("k" <> [a], 1, 2)', { a: "k" });
    expect(steps.map(brief)).toEqual([
      { name: "IIF", depth: 0, arguments: [false, "not-evaluated", 2n], result: 2n },
      { name: "<>", depth: 1, arguments: ["k", "k"], result: false },
      { name: "[a]", depth: 2, arguments: [], result: "k" },
    ]);
  });
});

describe("traceEvaluate: arguments of a lazy builtin left empty", () => {
  it("keeps an empty default of Switch omitted when no key matches and the default is used", () => {
    const { outcome, steps } = trace('Switch([a], , "k", "v")', { a: "other" });
    expect(outcome).toEqual({ ok: true, value: null });
    expect(steps.map(brief)).toEqual([
      { name: "Switch", depth: 0, arguments: ["other", "omitted", "k", "not-evaluated"], result: null },
      { name: "[a]", depth: 1, arguments: [], result: "other" },
    ]);
    expect(steps[0]?.arguments[1]).toEqual({ state: "omitted" });
  });
});

describe("traceEvaluate: what is not provex's own error", () => {
  it("lets whatever a getter throws through unchanged, even a value that is not an Error", () => {
    for (const thrown of [null, undefined, "text", new TypeError("a getter failed")]) {
      const attributes = {
        get a(): string {
          throw thrown;
        },
      };
      let caught: unknown = "nothing thrown";
      try {
        traceEvaluate(parse("ToUpper(Trim([a]))").ast, attributes);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBe(thrown);
    }
  });
});
