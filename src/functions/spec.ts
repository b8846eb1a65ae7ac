import type { ArgumentEvaluator, CallSite, EvaluationState, RuntimeContext } from "./context.js";
import type { Value } from "./value.js";

/** Where Entra documents a builtin: application provisioning, Cloud Sync, or provex only (an extension). */
export type Availability = "provisioning" | "cloudSync" | "provex";

/**
 * What a parameter expects or a function returns. `text` accepts anything that renders as a single
 * string; `list` a multi-valued attribute (a single value counts as a list of one); `roles` app-role
 * assignments; `compareMode` and `encoding` the bare constants of InStr and ConvertFromBase64.
 */
export type ValueKind =
  | "text"
  | "integer"
  | "boolean"
  | "dateTime"
  | "list"
  | "roles"
  | "any"
  | "compareMode"
  | "encoding"
  | "never";

/** Whether an argument must be given, may be left empty, or repeats (see {@link FunctionSpec.repeatFrom}). */
export type Occurrence = "required" | "optional";

/** One parameter of a builtin, as signature help, the checker and the Graph conversion see it. */
export interface ParameterSpec {
  /** The reference documentation's name for the parameter. */
  readonly name: string;
  readonly kind: ValueKind;
  readonly occurrence: Occurrence;
  /** The key Microsoft Graph uses for this argument in `attributeMappingSource.parameters`. */
  readonly graphKey: string;
  /** One line for signature help. */
  readonly doc: string;
  /** The function applies to each value of a multi-valued argument here (Trim, ToLower…). */
  readonly eachValue?: boolean;
}

/**
 * A builtin that receives evaluated arguments. `undefined` marks an omitted argument (empty between
 * commas, or past the last one given); `null` is an argument that evaluated to null.
 */
export type EagerImplementation = (
  args: readonly (Value | undefined)[],
  site: CallSite,
  context: RuntimeContext,
) => Value;

/** A builtin that decides which arguments to evaluate (IIF, Switch, Coalesce, SelectUniqueValue). */
export type LazyImplementation = (
  args: readonly (ArgumentEvaluator | undefined)[],
  state: EvaluationState,
  site: CallSite,
) => Value;

/** Marks an argument whose value is only known at evaluation time, for {@link Specializer}. */
export const DYNAMIC: unique symbol = Symbol("dynamic");

/**
 * Builds a faster implementation for one call from the arguments known at compile time (for example
 * a culture name or a delimiter set). Returns undefined when it has nothing better to offer; a thrown
 * error means "leave it to evaluation", which then raises it with the same code.
 */
export type Specializer = (
  constants: readonly (Value | undefined | typeof DYNAMIC)[],
  site: CallSite,
) => EagerImplementation | undefined;

/** The lazy counterpart of {@link Specializer} (Switch with constant keys, IIF with a constant condition). */
export type LazySpecializer = (
  constants: readonly (Value | undefined | typeof DYNAMIC)[],
  site: CallSite,
) => LazyImplementation | undefined;

/** One argument of a call as the compiled evaluator holds it (see {@link CallCompiler}). */
export interface CompiledArgument {
  /** Evaluates the argument; an omitted argument evaluates to undefined. */
  readonly run: (state: EvaluationState) => Value | undefined;
  /** Present when the value is known at compile time (an omitted argument is the constant undefined). */
  readonly constant?: { readonly value: Value | undefined };
  /**
   * Present when the argument is an attribute reference `[name]`: a fast path may read
   * `state.attributes[name]` itself and use it when it is a string and `state.plain` is true, and must
   * otherwise call `run` (absent, numbers, lists, roles, objects that are not plain).
   */
  readonly attribute?: string;
}

/**
 * Builds the closure of one call directly from its compiled arguments: the fast path of the hottest
 * builtins (fixed arity, constant arguments resolved once, no argument array and no evaluator per
 * argument on every call). It must give exactly what `run` gives, errors and spans included — the
 * property test that compiled and tree-walked evaluation agree checks it, since the tree walker only
 * calls `run`. An eager builtin's closure therefore evaluates every argument that is not constant, left
 * to right, even one its result ignores (it may fail, or draw a random number). Returns undefined to
 * leave the call to the general path.
 */
export type CallCompiler = (
  args: readonly CompiledArgument[],
  site: CallSite,
) => ((state: EvaluationState) => Value) | undefined;

/** What a compiled expression's `evaluate` receives: one object's attributes, or nothing. */
export type EntryAttributes = Readonly<Record<string, unknown>> | null | undefined;

/**
 * Builds the whole `evaluate` of an expression that is exactly this call, reading the caller's object
 * itself: no evaluation state, no re-entrancy guard, no call through a closure shared by every
 * expression (V8 cannot inline those, and their property reads see every name). `general` is the
 * ordinary evaluation of the same expression; the entry must hand it every case it does not decide
 * itself, and give exactly what `general` gives for the rest (the property test compares them). Returns
 * undefined when the arguments offer no such path.
 */
export type EntryCompiler = (
  args: readonly CompiledArgument[],
  site: CallSite,
  general: (attributes: EntryAttributes) => Value,
) => ((attributes: EntryAttributes) => Value) | undefined;

/**
 * How a builtin runs: `eager` builtins get their arguments evaluated (most of them), `lazy` ones get
 * evaluators and decide what to evaluate. Either may offer a specializer for constant arguments, and a
 * {@link CallCompiler} for its fast path.
 */
export type Implementation =
  | {
      readonly kind: "eager";
      readonly run: EagerImplementation;
      readonly specialize?: Specializer;
      readonly compile?: CallCompiler;
      readonly compileEntry?: EntryCompiler;
    }
  | {
      readonly kind: "lazy";
      readonly run: LazyImplementation;
      readonly specialize?: LazySpecializer;
      readonly compile?: CallCompiler;
      readonly compileEntry?: EntryCompiler;
    };

/** A documented example; `result` is what {@link render} shows, or `"<error>"` / `"<nondeterministic>"`. */
export interface FunctionExample {
  readonly expression: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** What the example needs from the evaluation context (DefaultDomain's domain). */
  readonly context?: Readonly<{ defaultDomain?: string }>;
  readonly result: string | readonly string[] | null;
}

/** The single declaration of a builtin, read by the checker, evaluator, Graph conversion and docs. */
export interface FunctionSpec {
  /** The canonical spelling; calls resolve case-insensitively but other spellings get a warning. */
  readonly name: string;
  readonly family: string;
  readonly parameters: readonly ParameterSpec[];
  /**
   * Index of the first parameter of a trailing group that repeats (Join: 1, Switch: 2, Coalesce: 0);
   * a call must give whole groups.
   */
  readonly repeatFrom?: number;
  /** Fewer arguments than the parameters imply (SelectUniqueValue needs 2 rules). */
  readonly minimumArguments?: number;
  readonly returns: ValueKind;
  readonly availability: readonly Availability[];
  readonly summary: string;
  readonly doc: string;
  readonly example: FunctionExample;
  /** Only valid as the whole expression (SelectUniqueValue). */
  readonly topLevelOnly?: boolean;
  /** Same inputs always give the same output and no context is read: safe to fold at compile time. */
  readonly pure: boolean;
  /** For a provex-only function: the Entra expression that does the same, shown by the checker. */
  readonly entraEquivalent?: string;
  /** False for a builtin declared ahead of its implementation (the reference marks it so). */
  readonly implemented: boolean;
  readonly implementation: Implementation;
}
