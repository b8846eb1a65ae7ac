import type { EvaluationContext } from "../functions/index.js";
import { UsageError } from "./usage-error.js";

/**
 * The clock and randomness of `--now` and `--seed`, so that Now, Guid and RandomString give the same
 * answer on every run (for tests, reviews and diffs).
 */
export function reproducibleContext(now: string | undefined, seed: string | undefined): EvaluationContext {
  const context: { now?: Date; random?: () => number } = {};
  if (now !== undefined) {
    const instant = new Date(now);
    if (Number.isNaN(instant.getTime())) {
      throw new UsageError(
        `--now takes an ISO 8601 instant such as 2025-01-31T09:00:00Z, not ${JSON.stringify(now)}.`,
      );
    }
    context.now = instant;
  }
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed))
      throw new UsageError(`--seed takes a whole number, not ${JSON.stringify(seed)}.`);
    context.random = seededRandom(Number(BigInt.asUintN(32, BigInt(seed))));
  }
  return context;
}

/**
 * mulberry32: a small, well-distributed 32-bit generator. Not cryptographic, which is the point: the
 * same seed gives the same passwords and GUIDs. Only used when the user asks for --seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
