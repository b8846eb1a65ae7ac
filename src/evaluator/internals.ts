import type { CallSite, EvaluationState, Value } from "../functions/index.js";
import type { CompiledExpression } from "./compile.js";

/** What `evaluateAll` needs from a compiled expression beyond its public face. */
export interface CompiledInternals {
  readonly run: (state: EvaluationState) => Value;
  /** False for pure expressions, which get no runtime context at all. */
  readonly readsContext: boolean;
  /** The attribute a direct mapping (`[name]` alone) reads, which evaluateAll reads inline. */
  readonly attribute: AttributeReference | undefined;
  /** The value of a literal (`"Contoso Ltd"`, `True`, `42`), which evaluateAll copies inline. */
  readonly literal: { readonly value: Value } | undefined;
}

/** An attribute reference: the name it reads, and the call site its errors name (`[name]` and its span). */
export interface AttributeReference {
  readonly name: string;
  readonly site: CallSite;
}

/** A symbol, not a property name, so that the public shape of CompiledExpression stays as documented. */
export const INTERNALS: unique symbol = Symbol("provex.compiled");

export interface InternalCompiledExpression extends CompiledExpression {
  readonly [INTERNALS]: CompiledInternals;
}

/** The internals of an expression compiled by {@link compile}; undefined for any other object. */
export function internalsOf(expression: CompiledExpression): CompiledInternals | undefined {
  return (expression as Partial<InternalCompiledExpression>)[INTERNALS];
}
