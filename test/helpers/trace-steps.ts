import { type TraceStep, traceEvaluate } from "../../src/evaluator/trace.js";
import { parse } from "../../src/parser/index.js";

/** The trace of an expression text over the given attributes. */
export const trace = (text: string, attributes: Record<string, unknown> = {}) =>
  traceEvaluate(parse(text).ast, attributes);

/** A step as a test compares it: name, depth, each argument's value or state, the result or error code. */
export const brief = (step: TraceStep) => ({
  name: step.name,
  depth: step.depth,
  arguments: step.arguments.map((argument) => (argument.state === "value" ? argument.value : argument.state)),
  result: step.outcome.ok ? step.outcome.value : `error ${step.outcome.code}`,
});
