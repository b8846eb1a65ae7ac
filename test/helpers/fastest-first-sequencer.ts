import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The order of a mutation run's test files (vitest.mutation.config.ts): the file that failed last first
 * (it killed the previous mutant, often a neighbour of this one), then the quickest first. Vitest's own
 * order is the slowest first, which suits a parallel run; a mutant's run stops at its first failing test
 * (Stryker's bail), so running the fast unit tests before the slow properties makes a killed mutant cheap.
 * Survivors run every covering test either way: the order changes no result, only the time.
 */
export class FastestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const known = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
      const result = cache.getFileTestResults(key);
      // A file never run yet: its size stands for its time.
      return {
        failed: result?.failed === true,
        cost: result?.duration ?? cache.getFileStats(key)?.size ?? 0,
      };
    };
    const costs = new Map(files.map((spec) => [spec, known(spec)]));
    return [...files].sort((a, b) => {
      const left = costs.get(a);
      const right = costs.get(b);
      if (!left || !right) return 0;
      if (left.failed !== right.failed) return left.failed ? -1 : 1;
      return left.cost - right.cost;
    });
  }
}
