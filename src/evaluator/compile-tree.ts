import { ProvexError } from "../diagnostics/index.js";
import {
  type ArgumentEvaluator,
  type CallSite,
  compareValues,
  DYNAMIC,
  type EagerImplementation,
  type EntryAttributes,
  type EntryCompiler,
  type EvaluationState,
  type FunctionSpec,
  lookupFunction,
  runtimeContext,
  type Specializer,
  type Value,
} from "../functions/index.js";
import type { Argument, CallExpression, Comparison, Expression } from "../parser/index.js";
import { readReference } from "./attributes.js";
import { constantValue } from "./constants.js";

/**
 * A compiled sub-expression: the closure, its value when it is known at compile time, and the name it
 * reads when it is an attribute reference (`CompiledArgument.attribute`, for fast paths).
 */
interface Compiled {
  readonly run: (state: EvaluationState) => Value | undefined;
  readonly constant?: { readonly value: Value | undefined };
  readonly attribute?: string;
  /** The call's {@link EntryCompiler}, bound to its arguments, for when it is the whole expression. */
  readonly entry?: (general: Evaluate) => Evaluate | undefined;
}

/** An `evaluate` straight from the caller's object (see {@link EntryCompiler}). */
export type Evaluate = (attributes: EntryAttributes) => Value;

/** A compiled expression: its closure, and the whole-expression entry of its root call if it has one. */
export interface CompiledTree {
  readonly run: (state: EvaluationState) => Value;
  readonly entry: ((general: Evaluate) => Evaluate | undefined) | undefined;
}

/** Pure builtins are folded in a context that has no attributes and no outside world. */
const FOLDING_STATE: EvaluationState = { attributes: Object.freeze({}), context: runtimeContext() };

const OMITTED: Compiled = { run: () => undefined, constant: { value: undefined } };

/**
 * Turns a checked tree (no error nodes, every function known) into closures, once. Calls resolve to
 * their registry entry here; pure calls whose arguments are all constant are evaluated now; builtins
 * with a specializer get an implementation tailored to their constant arguments. An expression that
 * is exactly `""` evaluates to null (Cloud Sync's way to clear a target).
 */
export function compileTree(
  ast: Expression,
  lookup: (name: string) => FunctionSpec | undefined = lookupFunction,
): (state: EvaluationState) => Value {
  return compileExpression(ast, lookup).run;
}

/** {@link compileTree}, with the root call's entry (see {@link EntryCompiler}) when it offers one. */
export function compileExpression(
  ast: Expression,
  lookup: (name: string) => FunctionSpec | undefined = lookupFunction,
): CompiledTree {
  if (ast.kind === "string" && ast.value === "") return { run: () => null, entry: undefined };
  const root = compileNode(ast, lookup);
  // Only an omitted argument evaluates to undefined, and the root is never one: no wrapper needed.
  return { run: root.run as (state: EvaluationState) => Value, entry: root.entry };
}

function constant(value: Value | undefined): Compiled {
  return { run: () => value, constant: { value } };
}

/** Resolves a call's builtin: the registry, or (in the property test) a registry with a broken fast path. */
type Lookup = (name: string) => FunctionSpec | undefined;

function compileNode(node: Argument, lookup: Lookup): Compiled {
  switch (node.kind) {
    case "empty":
      return OMITTED;
    case "string":
      return constant(node.value);
    case "number":
      return constant(node.value);
    case "constant":
      return constant(constantValue(node.name));
    case "attribute": {
      const name = node.name;
      const site: CallSite = { name: `[${name}]`, span: node.span };
      return {
        attribute: name,
        run: (state) => readReference(state.attributes, name, site, state.plain),
      };
    }
    case "comparison":
      return compileComparison(node, lookup);
    case "call":
      return compileCall(node, lookup);
    case "error":
      throw new ProvexError(
        "syntax-error",
        "The expression has syntax errors; fix them before evaluating it.",
        {
          span: node.span,
        },
      );
  }
}

function compileComparison(node: Comparison, lookup: Lookup): Compiled {
  const operands = [compileNode(node.left, lookup), compileNode(node.right, lookup)];
  const [left, right] = operands.map((operand) => operand.run) as [Compiled["run"], Compiled["run"]];
  const operator = node.operator;
  const site: CallSite = { name: operator, span: node.span };
  return fold(
    { run: (state) => compareValues(operator, left(state) ?? null, right(state) ?? null, site) },
    operands,
  );
}

function compileCall(node: CallExpression, lookup: Lookup): Compiled {
  const spec = lookup(node.name);
  if (!spec) {
    throw new ProvexError("unknown-function", `Unknown function ${node.name}.`, { span: node.nameSpan });
  }
  const site: CallSite = { name: spec.name, span: node.span };
  const args = node.arguments.map((argument) => compileNode(argument, lookup));
  const fast = spec.implementation.compile
    ? attempt(() => spec.implementation.compile?.(args, site))
    : undefined;
  const general: Compiled = fast
    ? { run: fast }
    : spec.implementation.kind === "lazy"
      ? lazyCall(spec, args, site)
      : eagerCall(spec, args, site);
  const entryCompiler = spec.implementation.compileEntry;
  const compiled: Compiled = entryCompiler
    ? {
        run: general.run,
        entry: (evaluateGenerally) => attempt(() => entryCompiler(args, site, evaluateGenerally)),
      }
    : general;
  // A folded call is a constant: it has no entry.
  return spec.pure ? fold(compiled, args) : compiled;
}

function lazyCall(spec: FunctionSpec, args: readonly Compiled[], site: CallSite): Compiled {
  if (spec.implementation.kind !== "lazy") throw new Error("unreachable");
  const { specialize } = spec.implementation;
  let run = spec.implementation.run;
  if (specialize && args.some((argument) => argument.constant)) {
    const constants = args.map((argument) => (argument.constant ? argument.constant.value : DYNAMIC));
    run = attempt(() => specialize(constants, site)) ?? run;
  }
  const evaluators: (ArgumentEvaluator | undefined)[] = args.map((argument) =>
    argument === OMITTED ? undefined : (state: EvaluationState) => argument.run(state) ?? null,
  );
  return { run: (state) => run(evaluators, state, site) };
}

function eagerCall(spec: FunctionSpec, args: readonly Compiled[], site: CallSite): Compiled {
  if (spec.implementation.kind !== "eager") throw new Error("unreachable");
  const run = specialized(spec.implementation.run, spec.implementation.specialize, args, site);
  const [first, second, third] = args.map((argument) => argument.run);
  // Fixed-arity closures avoid building an argument array through a loop on the hot path.
  switch (args.length) {
    case 0:
      return { run: (state) => run([], site, state.context) };
    case 1:
      if (first) return { run: (state) => run([first(state)], site, state.context) };
      break;
    case 2:
      if (first && second) return { run: (state) => run([first(state), second(state)], site, state.context) };
      break;
    case 3:
      if (first && second && third) {
        return { run: (state) => run([first(state), second(state), third(state)], site, state.context) };
      }
      break;
  }
  const runs = args.map((argument) => argument.run);
  return {
    run: (state) => {
      const values: (Value | undefined)[] = new Array(runs.length);
      for (let index = 0; index < runs.length; index++) values[index] = runs[index]?.(state);
      return run(values, site, state.context);
    },
  };
}

function specialized(
  run: EagerImplementation,
  specialize: Specializer | undefined,
  args: readonly Compiled[],
  site: CallSite,
): EagerImplementation {
  if (!specialize || !args.some((argument) => argument.constant)) return run;
  const constants = args.map((argument) => (argument.constant ? argument.constant.value : DYNAMIC));
  return attempt(() => specialize(constants, site)) ?? run;
}

/**
 * Runs a specializer. A ProvexError means a constant argument is invalid (an unknown culture…): the
 * general implementation then raises it at evaluation, with its span, as it would without constants.
 */
function attempt<T>(specialize: () => T | undefined): T | undefined {
  try {
    return specialize();
  } catch (error) {
    if (error instanceof ProvexError) return undefined;
    throw error;
  }
}

/** Evaluates a pure call now when all its arguments are constant; errors are left for evaluation time. */
function fold(compiled: Compiled, args: readonly Compiled[]): Compiled {
  if (!args.every((argument) => argument.constant)) return compiled;
  try {
    return constant(compiled.run(FOLDING_STATE) ?? null);
  } catch (error) {
    if (error instanceof ProvexError) return compiled;
    throw error;
  }
}
