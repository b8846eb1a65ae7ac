import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The test set of the mutation runs (`npm run mutate`, stryker.config.mjs): the whole suite except the
 * tests that cannot see a mutant —
 * - test/e2e: the browser tests drive a Vite build of the playground in Chromium, not the instrumented
 *   sources;
 * - test/dotnet: the Mono differential test guards src/functions/dotnet, which is not mutated;
 * - cli-process and package: they spawn the built CLI (dist/), which holds no mutant;
 * - the other cli-* tests: they drive whole commands, each test file a process of its own under Stryker,
 *   which made one mutant of src/mapping take minutes on the 2-core machine. What they pin down of the
 *   engine, the library's own tests state directly; a mutant only they would kill shows as a survivor
 *   (so the score errs low, never high).
 *
 * Files share one process (isolate: false): per-test coverage runs a mutant's few covering tests spread
 * over many files, and starting a process per file was most of the time.
 */
export default mergeConfig(
  base,
  defineConfig({
    plugins: [
      {
        name: "provex-mutation-forks",
        // Stryker's Vitest runner asks for worker threads, but some tests change the working directory,
        // which only a process of its own may do: back to forks once the options are resolved.
        configureVitest({ project }) {
          (project.config as { pool: string }).pool = "forks";
        },
      },
    ],
    test: {
      // Each property at most 100 cases from a fixed seed: see that file.
      alias: { "fast-check": resolve(import.meta.dirname, "test/helpers/fast-check-capped.ts") },
      isolate: false,
      fileParallelism: false,
      exclude: [
        "**/node_modules/**",
        "test/e2e/**",
        "test/dotnet/**",
        "test/unit/cli-*.test.ts",
        "test/unit/cli.test.ts",
        "test/unit/package.test.ts",
      ],
    },
  }),
);
