import { ProvexError } from "../diagnostics/index.js";
import type { EvaluationContext, RuntimeContext, Value } from "../functions/index.js";
import { readReference } from "./attributes.js";
import type { CompiledExpression } from "./compile.js";
import { type AttributeReference, internalsOf } from "./internals.js";
import { attributesOf, type Clock, depthError, NO_CONTEXT, Runtime, State } from "./runtime.js";

/** One result of {@link evaluateAll}: the value, the error the evaluation raised, or undefined (skipped). */
export type EvaluationResult = Value | ProvexError | undefined;

let spare: State | undefined;

/**
 * Evaluates several compiled expressions — typically every mapping of an object mapping — for one
 * object's attributes, sharing one evaluation state: the hot path of a preview over many users. Nothing
 * is allocated per expression for pure expressions (most mappings).
 *
 * - `results[i]` is what `expressions[i].evaluate(attributes, context)` returns, or the
 *   {@link ProvexError} it throws (one failing mapping does not stop the others); `undefined` where
 *   `expressions[i]` is undefined, which is how to skip mappings (for example create-only mappings in
 *   an update).
 * - `context` is one {@link EvaluationContext} for every expression, or an array with one per
 *   expression (each mapping's `targetAttribute`, for SelectUniqueValue's `exists`). Without `now`,
 *   Now() reads the clock once for the whole batch.
 * - `into`, when given, receives the results and is returned (reuse one array across users).
 *
 * Errors other than ProvexError (a context callback that throws) propagate, as from `evaluate`.
 *
 * @example
 * const mappings = ["[mail]", 'Join(" ", [givenName], [surname])'].map((text) => compile(text));
 * evaluateAll(mappings, { givenName: "Ada", surname: "Lovelace" }) // [null, "Ada Lovelace"]
 */
export function evaluateAll(
  expressions: readonly (CompiledExpression | undefined)[],
  attributes?: Readonly<Record<string, unknown>> | null,
  context?: EvaluationContext | readonly (EvaluationContext | undefined)[],
  into?: EvaluationResult[],
): EvaluationResult[] {
  const results = into ?? new Array<EvaluationResult>(expressions.length);
  if (results.length !== expressions.length) results.length = expressions.length;
  const state = spare ?? new State();
  spare = undefined;
  const object = attributesOf(attributes);
  state.bind(object, NO_CONTEXT);
  const perExpression = Array.isArray(context);
  // Built on first use, so that a batch of pure expressions allocates no runtime.
  let clock: Clock | undefined;
  let shared: RuntimeContext | undefined;
  try {
    for (let index = 0; index < expressions.length; index++) {
      const expression = expressions[index];
      if (expression === undefined) {
        results[index] = undefined;
        continue;
      }
      const own = perExpression
        ? (context as readonly (EvaluationContext | undefined)[])[index]
        : (context as EvaluationContext | undefined);
      const internals = internalsOf(expression);
      if (internals === undefined) {
        results[index] = evaluateForeign(expression, object, own);
        continue;
      }
      // Direct mappings and literals, most of a typical object mapping, without a closure call.
      const attribute = internals.attribute;
      if (attribute !== undefined) {
        results[index] = readDirect(object, attribute, state.plain);
        continue;
      }
      if (internals.literal !== undefined) {
        results[index] = internals.literal.value;
        continue;
      }
      let runtime = NO_CONTEXT;
      if (internals.readsContext) {
        clock ??= { instant: undefined };
        if (perExpression) runtime = new Runtime(own ?? {}, clock);
        else {
          shared ??= new Runtime(own ?? {}, clock);
          runtime = shared;
        }
      }
      state.context = runtime;
      try {
        results[index] = internals.run(state);
      } catch (error) {
        const reported = depthError(error);
        if (!(reported instanceof ProvexError)) throw reported;
        results[index] = reported;
      }
    }
  } finally {
    state.clear();
    spare = state;
  }
  return results;
}

/** A direct mapping's value, read as its own `evaluate` reads it, its error in its slot. */
function readDirect(
  object: Readonly<Record<string, unknown>>,
  { name, site }: AttributeReference,
  plain: boolean,
): EvaluationResult {
  try {
    return readReference(object, name, site, plain);
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
}

/** An object that only looks like a CompiledExpression: evaluate it through its own method. */
function evaluateForeign(
  expression: CompiledExpression,
  attributes: Readonly<Record<string, unknown>>,
  context: EvaluationContext | undefined,
): EvaluationResult {
  try {
    return expression.evaluate(attributes, context);
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
}
