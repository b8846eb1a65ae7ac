import { describe, expect, it } from "vitest";
import { stepAt, type TraceStep, traceEvaluate } from "../../src/evaluator/trace.js";
import { parse } from "../../src/parser/index.js";

const trace = (text: string, attributes: Record<string, unknown> = {}) =>
  traceEvaluate(parse(text).ast, attributes);
const brief = (step: TraceStep) => ({
  name: step.name,

  depth: step.depth,
  arguments: step.arguments.map((argument) => (argument.state === "value" ? argument.value : argument.state)),
  result: step.outcome.ok ? step.outcome.value : `error ${step.outcome.code}`,
});

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
