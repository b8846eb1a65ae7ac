/**
 * fast-check as the mutation runs see it (vitest.mutation.config.ts aliases "fast-check" to this file):
 * every property runs at most MUTATION_RUNS cases, from a fixed seed. A mutant runs its covering tests
 * once each, and thousands of cases per property made one mutant take minutes on the 2-core machine; the
 * fixed seed makes the cases the same in the initial run and in every mutant's run, so a property fails
 * under a mutant only because of the mutant. `npm test` keeps the full counts and random seeds.
 */
// The real module, by its file: the alias covers the bare name only.
import * as real from "../../node_modules/fast-check/lib/fast-check.js";

const MUTATION_RUNS = 100;
const SEED = 20_261_201;

export * from "../../node_modules/fast-check/lib/fast-check.js";

export const assert: typeof real.assert = ((property: never, parameters?: real.Parameters<unknown>) =>
  real.assert(property, {
    ...parameters,
    seed: SEED,
    numRuns: Math.min(parameters?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS),
  })) as typeof real.assert;

export default { ...real.default, assert };
