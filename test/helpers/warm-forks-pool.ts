/**
 * A Vitest pool for the mutation runs (vitest.mutation.config.ts) that keeps one forked worker alive from
 * one mutant's run to the next.
 *
 * Stryker's Vitest runner calls `vitest.start(files)` once per mutant, and Vitest 4 stops its worker at the
 * end of every run: each mutant paid for a new process that imported the whole module graph again (20–30 s
 * a mutant on the 2-core machine, against well under a second for the tests themselves). Stryker's
 * instrumented code holds every mutant at once and reads the active one when it runs (Stryker's "runtime"
 * activation), and the files share one module cache (isolate: false), so a worker that stays alive only
 * re-runs the test files, which Vitest re-imports on every run. The worker is kept by answering Vitest's
 * "stop" request here instead of passing it on.
 *
 * A fresh worker, as before, only for the initial (dry) run, which records coverage. The mutants Stryker
 * activates "statically" — ones in code that runs while a module loads (a top-level constant), which it
 * tests with every test of the set — run warm too: test/helpers/fresh-modules-per-run.ts re-evaluates the
 * sources at the start of every run, after Stryker's setup file has made such a mutant active, so the
 * constants are built with it. Fresh, each paid 20–30 s of start-up on top of the tests. The warm worker
 * is replaced every RECYCLE_AFTER runs so that nothing a test leaves behind piles up for long.
 */
import { ForksPoolWorker } from "vitest/node";

type PoolOptions = ConstructorParameters<typeof ForksPoolWorker>[0];
type Listener = (...args: unknown[]) => void;

const RECYCLE_AFTER = 200;

/** The worker kept alive between runs, and how many runs it has served. */
let warm: { worker: ForksPoolWorker; started: Promise<void>; runs: number } | undefined;

/**
 * Whether this run may use the warm worker: a mutant run (static or runtime activation), unless
 * PROVEX_MUTATION_WARM=0 asks for a fresh worker every run (to check that both give the same results).
 */
function mayRunWarm(options: PoolOptions): boolean {
  if (process.env.PROVEX_MUTATION_WARM === "0") return false;
  const provided = options.project.getProvidedContext() as Record<string, unknown>;
  return provided.mode === "mutant";
}

class WarmForksWorker {
  readonly name = "mutation-forks";
  readonly cacheFs = true;
  private readonly isWarm: boolean;
  private readonly inner: ForksPoolWorker;
  private readonly started: Promise<void>;
  private readonly listeners: [string, Listener][] = [];

  constructor(options: PoolOptions) {
    this.isWarm = mayRunWarm(options);
    if (!this.isWarm) {
      this.inner = new ForksPoolWorker(options);
      this.started = Promise.resolve();
      return;
    }
    if (!warm || warm.runs >= RECYCLE_AFTER) {
      const retired = warm?.worker;
      if (retired) void retired.stop();
      const worker = new ForksPoolWorker(options);
      warm = { worker, started: worker.start(), runs: 0 };
      // A worker that dies between runs (killed, out of memory) is not handed out again.
      worker.on("exit", () => {
        if (warm?.worker === worker) warm = undefined;
      });
    }
    warm.runs++;
    this.inner = warm.worker;
    this.started = warm.started;
  }

  start(): Promise<void> {
    return this.isWarm ? this.started : this.inner.start();
  }

  on(event: string, listener: Listener): void {
    this.listeners.push([event, listener]);
    this.inner.on(event, listener);
  }

  off(event: string, listener: Listener): void {
    const at = this.listeners.findIndex(([e, l]) => e === event && l === listener);
    if (at >= 0) this.listeners.splice(at, 1);
    this.inner.off(event, listener);
  }

  send(message: Parameters<ForksPoolWorker["send"]>[0]): void {
    if (this.isWarm && (message as { type?: string } | null)?.type === "stop") {
      // The worker's own "stop" tears it down for good: answer for it, and keep it.
      const stopped = { type: "stopped", __vitest_worker_response__: true };
      for (const [event, listener] of [...this.listeners]) if (event === "message") listener(stopped);
      return;
    }
    this.inner.send(message);
  }

  async stop(): Promise<void> {
    if (!this.isWarm) return this.inner.stop();
    for (const [event, listener] of this.listeners.splice(0)) this.inner.off(event, listener);
  }

  deserialize(data: unknown): unknown {
    return data;
  }
}

/** Stops the warm worker (when Vitest closes: nothing else would). */
export async function stopWarmWorker(): Promise<void> {
  const retired = warm?.worker;
  warm = undefined;
  if (retired) await retired.stop();
}

/** The pool, for `test.pool` (Vitest's custom pool runner). */
export const warmForksPool = {
  name: "mutation-forks",
  createPoolWorker: (options: PoolOptions) => new WarmForksWorker(options),
};
