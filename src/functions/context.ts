import type { Span } from "../diagnostics/index.js";
import { ProvexError } from "../diagnostics/index.js";
import type { Value } from "./value.js";

/**
 * What an evaluation may take from the outside world (DESIGN.md, public API). Every field is optional;
 * give them to make Guid, RandomString, Now and SelectUniqueValue reproducible.
 */
export interface EvaluationContext {
  /** The current instant for Now(); defaults to the real clock, read once per evaluation. */
  readonly now?: Date;
  /** A source of numbers in [0, 1) for Guid and RandomString; defaults to `crypto.getRandomValues`. */
  readonly random?: () => number;
  /**
   * Whether `value` already exists in the target directory's `targetAttribute`: SelectUniqueValue's
   * uniqueness oracle. Defaults to "nothing exists yet".
   */
  readonly exists?: (targetAttribute: string, value: string) => boolean;
  /** The target attribute being computed, passed to `exists` (default ""). */
  readonly targetAttribute?: string;
  /**
   * The tenant's default verified domain (`contoso.com`), which DefaultDomain() returns. No default:
   * DefaultDomain() without it is the evaluation error `default-domain-missing`.
   */
  readonly defaultDomain?: string;
}

/** The context with every default filled in, as implementations see it. */
export interface RuntimeContext {
  now(): Date;
  random(): number;
  exists(value: string): boolean;
  /** The tenant's default verified domain, when the caller gave one. */
  readonly defaultDomain: string | undefined;
}

/** Where a builtin is being called from: its name as written and the span of the whole call. */
export interface CallSite {
  readonly name: string;
  readonly span: Span;
}

/** Raises the evaluation error of a call: a {@link ProvexError} with a stable code and the call's span. */
export function fail(site: CallSite, code: string, message: string): never {
  throw new ProvexError(code, message, { span: site.span });
}

/** The state one evaluation threads through the compiled closures. */
export interface EvaluationState {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly context: RuntimeContext;
  /**
   * True when `attributes` is a plain object (prototype Object.prototype or null): a string read from
   * it is then its own property, so a fast path may return it without `Object.hasOwn`. Absent or false
   * means the attribute's own closure must read it.
   */
  readonly plain?: boolean;
}

/** Evaluates one argument in the current state; what lazy builtins receive instead of values. */
export type ArgumentEvaluator = (state: EvaluationState) => Value;

const UINT32_RANGE = 4_294_967_296;

/** A cryptographic number in [0, 1): works in Node 20 and browsers alike (no Node import). */
export function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) / UINT32_RANGE;
}

/** Fills in the defaults of an {@link EvaluationContext}. */
export function runtimeContext(context: EvaluationContext = {}): RuntimeContext {
  let fixedNow = context.now;
  const exists = context.exists;
  const target = context.targetAttribute ?? "";
  return {
    // The real clock is read once, so that one evaluation sees one instant.
    now: () => {
      fixedNow ??= new Date();
      return fixedNow;
    },
    random: context.random ?? cryptoRandom,
    exists: exists ? (value) => exists(target, value) : () => false,
    defaultDomain: context.defaultDomain,
  };
}

/** An integer in [0, bound) from the context's random source (bound ≤ 2^32). */
export function randomBelow(context: RuntimeContext, bound: number): number {
  const draw = context.random();
  // Guard against a caller's random() that returns 1 or out-of-range numbers.
  const clamped = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(clamped * bound);
}
