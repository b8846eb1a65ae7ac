import { type CheckOptions, check } from "../checker/index.js";
import { type Diagnostic, ProvexError } from "../diagnostics/index.js";
import { type EvaluationContext, hasPlainPrototype, lookupFunction, type Value } from "../functions/index.js";
import { type Argument, type Expression, parse } from "../parser/index.js";
import { readReference } from "./attributes.js";
import { compileExpression, type Evaluate as EntryEvaluate } from "./compile-tree.js";
import {
  type AttributeReference,
  type CompiledInternals,
  INTERNALS,
  type InternalCompiledExpression,
} from "./internals.js";
import { attributesOf, depthError, EMPTY_ATTRIBUTES, NO_CONTEXT, Runtime, State } from "./runtime.js";

/** An expression compiled once, to be evaluated against many users. */
export interface CompiledExpression {
  /** The tree it was compiled from. */
  readonly ast: Expression;
  /** The warnings the checker found (errors prevent compilation). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Evaluates the expression for one object's attributes: a plain object with a string, number or
   * boolean per single-valued attribute, an array of strings per multi-valued one, role objects for
   * `appRoleAssignments`; missing keys and `null` are absent. Throws {@link ProvexError} with a stable
   * `code` and the span of the failing call when evaluation fails (`item-out-of-range`, `user-error`…).
   */
  evaluate(attributes?: Readonly<Record<string, unknown>> | null, context?: EvaluationContext): Value;
}

/**
 * Parses, checks and compiles an expression into closures (no `eval`, so it runs under a strict CSP).
 * Throws {@link ProvexError} with code `invalid-expression` and every diagnostic in `.diagnostics`
 * when the text has syntax errors or the checker finds errors (unknown function, wrong arity…).
 *
 * @example
 * const upn = compile('Join("@", ToLower([mailNickname]), "contoso.com")');
 * upn.evaluate({ mailNickname: "JSmith" }) // "jsmith@contoso.com"
 */
export function compile(input: string | Expression, options: CheckOptions = {}): CompiledExpression {
  // Parse once: the checker gets the tree, and the parse diagnostics join its own.
  const parsed = typeof input === "string" ? parse(input) : { ast: input, diagnostics: [] };
  const ast = parsed.ast;
  const diagnostics = guardDepth(() => [...parsed.diagnostics, ...check(ast, options)]).sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new ProvexError("invalid-expression", `${first.message}${more}`, { span: first.span, diagnostics });
  }
  const tree = guardDepth(() => compileExpression(ast));
  const run = tree.run;
  const literal = ast.kind === "string" || ast.kind === "number" || ast.kind === "constant";
  const internals: CompiledInternals = {
    run,
    readsContext: guardDepth(() => readsContext(ast)),
    attribute:
      ast.kind === "attribute"
        ? { name: ast.name, site: { name: `[${ast.name}]`, span: ast.span } }
        : undefined,
    literal: literal ? { value: run(new State()) } : undefined,
  };
  const compiled: InternalCompiledExpression = {
    ast,
    diagnostics,
    evaluate: evaluator(internals, tree.entry),
    [INTERNALS]: internals,
  };
  return compiled;
}

type Evaluate = CompiledExpression["evaluate"];

/**
 * The `evaluate` of one compiled expression, chosen once so that a call does only its own kind of work:
 * a literal returns its value; a direct mapping (`[mail]`) reads the attribute without any state; a
 * pure expression reuses one state; an expression that reads the context gets a state and a runtime of
 * its own per call.
 */
function evaluator(
  internals: CompiledInternals,
  entry: ((general: EntryEvaluate) => EntryEvaluate | undefined) | undefined,
): Evaluate {
  const { run, literal } = internals;
  if (literal) {
    const value = literal.value;
    return () => value;
  }
  if (internals.attribute) return attributeEvaluator(internals.attribute);
  if (internals.readsContext) {
    return (attributes, context) => evaluateAlone(run, attributes, context, true);
  }
  const general = pureEvaluator(run);
  // The root call's own entry, when it has one (`Join(".", [a], [b])`), with the state-based
  // evaluation behind it for what the entry does not decide.
  return entry?.(general) ?? general;
}

/** The `evaluate` of a pure expression, through its closures. */
function pureEvaluator(run: (state: State) => Value): Evaluate {
  // One state serves every evaluation of this expression. A re-entrant evaluation (an attribute getter
  // or a value's toString evaluating the same expression) finds it busy and builds its own. A catch,
  // not a finally, puts the state back on failure: the path that succeeds then runs no extra code.
  const state = new State();
  let busy = false;
  return (attributes) => {
    if (busy) return evaluateAlone(run, attributes, undefined, false);
    const object = attributes ?? EMPTY_ATTRIBUTES;
    state.attributes = object;
    // Asked on every evaluation, not remembered for the last object: an object whose prototype was
    // replaced in between would have read an inherited string as an attribute.
    state.plain = hasPlainPrototype(object);
    busy = true;
    let value: Value;
    try {
      value = run(state);
    } catch (error) {
      state.attributes = EMPTY_ATTRIBUTES;
      busy = false;
      throw depthError(error);
    }
    state.attributes = EMPTY_ATTRIBUTES;
    busy = false;
    return value;
  };
}

/** `[name]` alone, as the compiled attribute closure reads it, without a state or a guard. */
function attributeEvaluator({ name, site }: AttributeReference): Evaluate {
  return (attributes) => readReference(attributesOf(attributes), name, site);
}

/** One evaluation with its own state: re-entrant calls, and expressions that read the context. */
function evaluateAlone(
  run: (state: State) => Value,
  attributes: Readonly<Record<string, unknown>> | null | undefined,
  context: EvaluationContext | undefined,
  readsContext: boolean,
): Value {
  const state = new State();
  state.bind(
    attributesOf(attributes),
    readsContext ? new Runtime(context ?? {}, { instant: undefined }) : NO_CONTEXT,
  );
  try {
    return run(state);
  } catch (error) {
    throw depthError(error);
  }
}

function guardDepth<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw depthError(error);
  }
}

/** True when some call reads the context (Now, Guid, RandomString, SelectUniqueValue…): not pure. */
function readsContext(node: Argument): boolean {
  switch (node.kind) {
    case "call":
      return lookupFunction(node.name)?.pure === false || node.arguments.some(readsContext);
    case "comparison":
      return readsContext(node.left) || readsContext(node.right);
    default:
      return false;
  }
}

const cache = new Map<string, CompiledExpression>();
const CACHE_LIMIT = 256;

/**
 * Compiles (with a small cache of recent texts) and evaluates an expression in one step.
 *
 * @example
 * evaluate('Join(".", [givenName], [surname])', { givenName: "Ada", surname: "Lovelace" }) // "Ada.Lovelace"
 */
export function evaluate(
  text: string,
  attributes?: Readonly<Record<string, unknown>> | null,
  context?: EvaluationContext,
): Value {
  let compiled = cache.get(text);
  if (!compiled) {
    compiled = compile(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, compiled);
  }
  return compiled.evaluate(attributes, context);
}
