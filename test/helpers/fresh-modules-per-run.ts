/**
 * A setup file of the mutation runs (vitest.mutation.config.ts): at the start of each run, every project
 * module the worker has evaluated is marked unevaluated, so that the run imports the sources afresh, as a
 * new worker would.
 *
 * The worker stays alive from one mutant to the next (test/helpers/warm-forks-pool.ts), and the sources
 * keep state that a mutant's code can fill: the compiled-expression cache, the lazily built parser, a
 * one-entry memo. A cache filled while one mutant was active would answer for the next mutant, turning
 * its result into the first one's. Re-evaluating keeps the code Vite already fetched (no transform, no
 * round trip for the text), so it costs little; only the dependencies in node_modules, which hold no
 * mutant, stay as they are.
 */
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

interface ModuleNode {
  file?: string | null;
  evaluated: boolean;
  promise?: Promise<unknown>;
  exports?: unknown;
  imports: Set<string>;
}
interface WorkerState {
  evaluatedModules: { idToModuleMap: Map<string, ModuleNode> };
}

const RUN = Symbol.for("provex.mutation.run");
const global = globalThis as typeof globalThis & { __vitest_worker__?: WorkerState; [RUN]?: WorkerState };
// Vitest makes a new worker state for every run; this file runs again before every test file.
const state = global.__vitest_worker__;
if (state && global[RUN] !== state) {
  global[RUN] = state;
  const self = fileURLToPath(import.meta.url);
  for (const node of state.evaluatedModules.idToModuleMap.values()) {
    if (!node.file || node.file === self || node.file.includes("/node_modules/")) continue;
    node.evaluated = false;
    node.promise = undefined;
    node.exports = undefined;
    node.imports.clear();
  }
  forgetLastMutant();
}

/**
 * The warm worker serves "static" and "runtime" mutant runs in turn. Stryker's setup file sets a static
 * mutant's id while the file loads (so it is active while the sources are evaluated), but a runtime
 * mutant's only in its beforeAll hook, after the sources are evaluated: the id left from the previous run
 * would still be the active one while they are evaluated afresh. For a runtime run, none is.
 */
function forgetLastMutant(): void {
  const provided = inject as unknown as (key: string) => unknown;
  if (provided("mode") !== "mutant" || provided("mutantActivation") !== "runtime") return;
  const namespace = (globalThis as unknown as Record<string, { activeMutant?: string } | undefined>)[
    String(provided("globalNamespace"))
  ];
  if (namespace) namespace.activeMutant = undefined;
}
