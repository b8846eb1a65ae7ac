import { ProvexError } from "../diagnostics/index.js";
import type { CompiledExpression } from "../evaluator/index.js";
import type { EvaluationContext, Value } from "../functions/index.js";

/** One mapping's outcome in a batch: its value, the error it raised, or undefined (not evaluated). */
export type BatchResult = Value | ProvexError | undefined;

/**
 * Evaluates several compiled expressions for one user, with one context per expression; an expression's
 * ProvexError is its result (the others go on), any other error propagates. The evaluator's batch API
 * (`evaluateAll`, one evaluation state for all) answers the same way; this is its stand-in until then.
 */
export function evaluateBatch(
  expressions: readonly (CompiledExpression | undefined)[],
  attributes: Readonly<Record<string, unknown>>,
  contexts: readonly EvaluationContext[],
  into: BatchResult[],
): BatchResult[] {
  for (let i = 0; i < expressions.length; i++) {
    const expression = expressions[i];
    if (expression === undefined) {
      into[i] = undefined;
      continue;
    }
    try {
      into[i] = expression.evaluate(attributes, contexts[i]);
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      into[i] = error;
    }
  }
  return into;
}
