import { ProvexError } from "../diagnostics/index.js";
import {
  cryptoRandom,
  type EvaluationContext,
  type EvaluationState,
  hasPlainPrototype,
  type RuntimeContext,
} from "../functions/index.js";

/**
 * What one evaluation threads through the compiled closures, built without closures so that an
 * evaluation allocates nothing it does not need: a pure expression (no Now, Guid, RandomString or
 * SelectUniqueValue) never reads the context, so it gets {@link NO_CONTEXT} and no runtime at all.
 */

/** The instant Now() returns, shared by every expression of one evaluation (or one batch). */
export interface Clock {
  instant: Date | undefined;
}

/** An {@link EvaluationContext} with its defaults filled in, read lazily. */
export class Runtime implements RuntimeContext {
  constructor(
    private readonly source: EvaluationContext,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    const fixed = this.source.now;
    if (fixed !== undefined) return fixed;
    // The real clock is read once, so that one evaluation sees one instant.
    this.clock.instant ??= new Date();
    return this.clock.instant;
  }

  random(): number {
    const random = this.source.random;
    return random === undefined ? cryptoRandom() : random();
  }

  get defaultDomain(): string | undefined {
    return this.source.defaultDomain;
  }

  exists(value: string): boolean {
    const exists = this.source.exists;
    return exists === undefined ? false : exists(this.source.targetAttribute ?? "", value);
  }
}

/** The object of an evaluation without attributes, and of a state at rest. */
export const EMPTY_ATTRIBUTES: Readonly<Record<string, unknown>> = Object.freeze({});
const EMPTY = EMPTY_ATTRIBUTES;

/** The context of expressions that never read it. */
export const NO_CONTEXT: RuntimeContext = new Runtime({}, { instant: undefined });

/** The mutable state behind {@link EvaluationState}; one is reused by every evaluation that can. */
export class State implements EvaluationState {
  attributes: Readonly<Record<string, unknown>> = EMPTY;
  context: RuntimeContext = NO_CONTEXT;
  /**
   * The attributes are a plain object (prototype Object.prototype or null), so a string read from it is
   * its own property: nothing inherited from Object.prototype is a string. Attribute reads then skip the
   * own-property check that other objects (class instances with inherited getters) need.
   */
  plain = true;

  /** Sets the object to evaluate against. */
  bind(attributes: Readonly<Record<string, unknown>>, context: RuntimeContext): void {
    this.attributes = attributes;
    this.context = context;
    this.plain = hasPlainPrototype(attributes);
  }

  /** Forgets the evaluated object, so that a reused state keeps nothing alive. */
  clear(): void {
    this.attributes = EMPTY;
    this.context = NO_CONTEXT;
  }
}

/** The attributes as the closures read them: `null`/`undefined` is an object without attributes. */
export function attributesOf(
  attributes: Readonly<Record<string, unknown>> | null | undefined,
): Readonly<Record<string, unknown>> {
  return attributes ?? EMPTY;
}

/**
 * Text cannot nest deeper than the parser's limit, but a tree built by a program can; recursion over
 * it must end in a clean error, never a stack overflow escaping as a RangeError.
 */
export function depthError(error: unknown): unknown {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new ProvexError(
      "nesting-too-deep",
      "The expression is nested too deeply to compile or evaluate; simplify it.",
    );
  }
  return error;
}
