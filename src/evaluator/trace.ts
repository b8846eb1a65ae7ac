import { ProvexError, type Span } from "../diagnostics/index.js";
import {
  type CallSite,
  compareValues,
  type EvaluationContext,
  type EvaluationState,
  lookupFunction,
  runtimeContext,
  type Value,
} from "../functions/index.js";
import type { Argument, Expression } from "../parser/index.js";
import { readAttribute } from "./attributes.js";
import { constantValue } from "./constants.js";

/** One argument of a traced call as the call received it. */
export type TracedArgument =
  | { readonly state: "value"; readonly value: Value }
  /** Left empty between commas, or past the last one given. */
  | { readonly state: "omitted" }
  /** A lazy builtin (IIF, Switch, Coalesce, …) did not need it. */
  | { readonly state: "not-evaluated" };

/** How a traced node ended: its value, or the error that stopped the evaluation there. */
export type TracedOutcome =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly span: Span | undefined };

/** One evaluated node: a call, a comparison or an attribute read, with what it received and gave. */
export interface TraceStep {
  readonly kind: "call" | "comparison" | "attribute";
  /** The function's canonical name, the operator, or `[name]`. */
  readonly name: string;
  readonly span: Span;
  /** How many traced nodes enclose this one (0 for the whole expression). */
  readonly depth: number;
  /** For calls and comparisons, each argument in order; empty for an attribute. */
  readonly arguments: readonly TracedArgument[];
  /** Undefined only while the node is still being evaluated (never in a returned trace). */
  readonly outcome: TracedOutcome;
}

/** The whole evaluation: its result and every step, in the order the nodes were entered. */
export interface Trace {
  readonly outcome: TracedOutcome;
  readonly steps: readonly TraceStep[];
}

interface MutableStep {
  kind: TraceStep["kind"];
  name: string;
  span: Span;
  depth: number;
  arguments: TracedArgument[];
  outcome: TracedOutcome | undefined;
}

/**
 * Evaluates like the tree-walking oracle (`tree-walk.ts`) and records every call, comparison and
 * attribute read with its arguments and result — what the playground's step-through shows. A node
 * that a lazy builtin never evaluates has no step. Never throws for a ProvexError: the error becomes
 * the outcome of the step that raised it and of each step around it.
 */
export function traceEvaluate(
  ast: Expression,
  attributes: Readonly<Record<string, unknown>>,
  context?: EvaluationContext,
): Trace {
  const steps: MutableStep[] = [];
  let outcome: TracedOutcome;
  if (ast.kind === "string" && ast.value === "") outcome = { ok: true, value: null };
  else {
    try {
      const value = walk(ast, { attributes, context: runtimeContext(context) }, steps, 0) ?? null;
      outcome = { ok: true, value };
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      outcome = failure(error);
    }
  }
  return { outcome, steps: steps.map((step) => ({ ...step, outcome: step.outcome ?? outcome })) };
}

function failure(error: ProvexError): TracedOutcome {
  return { ok: false, code: error.code, message: error.message, span: error.span };
}

/** Runs `body` as one step: records it on entry, fills in its outcome on exit. */
function traced(
  steps: MutableStep[],
  step: Omit<MutableStep, "outcome">,
  body: (step: MutableStep) => Value | undefined,
): Value | undefined {
  const entry: MutableStep = { ...step, outcome: undefined };
  steps.push(entry);
  try {
    const value = body(entry) ?? null;
    entry.outcome = { ok: true, value };
    return value;
  } catch (error) {
    if (error instanceof ProvexError) entry.outcome = failure(error);
    throw error;
  }
}

function walk(
  node: Argument,
  state: EvaluationState,
  steps: MutableStep[],
  depth: number,
): Value | undefined {
  switch (node.kind) {
    case "empty":
      return undefined;
    case "string":
    case "number":
      return node.value;
    case "constant":
      return constantValue(node.name);
    case "attribute":
      return traced(
        steps,
        { kind: "attribute", name: `[${node.name}]`, span: node.span, depth, arguments: [] },
        () => readAttribute(state.attributes, node.name, { name: `[${node.name}]`, span: node.span }),
      );
    case "comparison":
      return traced(
        steps,
        { kind: "comparison", name: node.operator, span: node.span, depth, arguments: [] },
        (step) => {
          const left = walk(node.left, state, steps, depth + 1) ?? null;
          step.arguments.push({ state: "value", value: left });
          const right = walk(node.right, state, steps, depth + 1) ?? null;
          step.arguments.push({ state: "value", value: right });
          return compareValues(node.operator, left, right, { name: node.operator, span: node.span });
        },
      );
    case "call": {
      const spec = lookupFunction(node.name);
      return traced(
        steps,
        { kind: "call", name: spec?.name ?? node.name, span: node.span, depth, arguments: [] },
        (step) => {
          if (!spec)
            throw new ProvexError("unknown-function", `Unknown function ${node.name}.`, {
              span: node.nameSpan,
            });
          const site: CallSite = { name: spec.name, span: node.span };
          const implementation = spec.implementation;
          if (implementation.kind === "lazy") {
            node.arguments.forEach((argument, index) => {
              step.arguments[index] =
                argument.kind === "empty" ? { state: "omitted" } : { state: "not-evaluated" };
            });
            const evaluators = node.arguments.map((argument, index) =>
              argument.kind === "empty"
                ? undefined
                : (inner: EvaluationState) => {
                    const value = walk(argument, inner, steps, depth + 1) ?? null;
                    step.arguments[index] = { state: "value", value };
                    return value;
                  },
            );
            return implementation.run(evaluators, state, site);
          }
          const values = node.arguments.map((argument) => {
            const value = walk(argument, state, steps, depth + 1);
            step.arguments.push(value === undefined ? { state: "omitted" } : { state: "value", value });
            return value;
          });
          return implementation.run(values, site, state.context);
        },
      );
    }
    case "error":
      throw new ProvexError("syntax-error", "The expression has syntax errors.", { span: node.span });
  }
}

export { stepAt } from "./step-at.js";
