import { ProvexError } from "../../src/diagnostics/index.js";
import type { TracedArgument, TracedOutcome, TraceStep } from "../../src/evaluator/trace.js";
import { traceEvaluate } from "../../src/evaluator/trace.js";
import { compile } from "../../src/index.js";
import { describeValue } from "../../src/language/index.js";
import { parseJsonText } from "../../src/mapping/json-text.js";
import type {
  ExpressionRequest,
  ExpressionResponse,
  Failure,
  TracedValueView,
  TraceStepView,
} from "./evaluation-protocol.js";
import { lineColumnAt } from "./json-error.js";

/** The most steps sent to the page: an expression over a long list could otherwise trace thousands. */
export const MAX_STEPS = 2000;

/** One expression against one user: its value, and the trace of every call for the step-through. */
export function runExpression(request: ExpressionRequest): ExpressionResponse {
  const { id } = request;
  const attributes = readAttributes(id, request.attributesJson);
  if ("ok" in attributes) return attributes;
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(request.expression);
  } catch (error) {
    return failureFrom(id, "compile", error);
  }
  const started = performance.now();
  let value: ReturnType<typeof compiled.evaluate>;
  try {
    value = compiled.evaluate(attributes.value);
  } catch (error) {
    const failure = failureFrom(id, "evaluate", error);
    return { ...failure, steps: traceSteps(compiled, attributes.value) };
  }
  const workerMs = performance.now() - started;
  return {
    id,
    ok: true,
    value: describeValue(value),
    workerMs,
    steps: traceSteps(compiled, attributes.value),
  };
}

/** The trace, evaluated again by the tracing walker (a separate pass: the compiled run stays fast). */
function traceSteps(
  compiled: ReturnType<typeof compile>,
  attributes: Record<string, unknown>,
): TraceStepView[] {
  try {
    return traceEvaluate(compiled.ast, attributes).steps.slice(0, MAX_STEPS).map(stepView);
  } catch {
    return [];
  }
}

export function stepView(step: TraceStep): TraceStepView {
  return {
    kind: step.kind,
    name: step.name,
    span: { start: step.span.start, end: step.span.end },
    depth: step.depth,
    arguments: step.arguments.map(argumentView),
    result: outcomeView(step.outcome),
  };
}

function argumentView(argument: TracedArgument): TracedValueView {
  return argument.state === "value" ? { state: "value", value: describeValue(argument.value) } : argument;
}

export function outcomeView(outcome: TracedOutcome): TracedValueView {
  return outcome.ok
    ? { state: "value", value: describeValue(outcome.value) }
    : { state: "error", code: outcome.code, message: outcome.message };
}

function readAttributes(id: number, text: string): { value: Record<string, unknown> } | Failure {
  let parsed: unknown;
  try {
    // The library's reader of JSON data files: a byte order mark is fine, and an error says what is
    // wrong and where (the banner shows the line:column, so the message leaves it out).
    parsed = text.trim() === "" ? {} : parseJsonText(text, "attributes-json", "The attributes JSON");
  } catch (error) {
    const problem = error as ProvexError;
    const detail = problem.message.replace(/^[^:]*, line \d+, column \d+: /, "");
    return {
      ...failure(id, "attributes", "attributes-json", `The attributes are not valid JSON: ${detail}`),
      ...(problem.span ? lineColumnAt(text, problem.span.start) : {}),
    };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return failure(
      id,
      "attributes",
      "attributes-not-object",
      'The attributes must be one JSON object: { "name": value, … }.',
    );
  }
  return { value: parsed as Record<string, unknown> };
}

function failureFrom(id: number, stage: "compile" | "evaluate", error: unknown): Failure {
  if (error instanceof ProvexError) return failure(id, stage, error.code, error.message, error.span);
  return failure(id, stage, "internal-error", String(error));
}

export function failure(
  id: number,
  stage: Failure["stage"],
  code: string,
  message: string,
  span?: { start: number; end: number },
): Failure {
  return {
    id,
    ok: false,
    stage,
    code,
    message,
    span: span ? { start: span.start, end: span.end } : undefined,
  };
}
