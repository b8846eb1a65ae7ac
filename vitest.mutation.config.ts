import { resolve } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { FastestFirstSequencer } from "./test/helpers/fastest-first-sequencer.js";
import { fixStrykerSetupFile } from "./test/helpers/stryker-vitest-setup.js";
import { stopWarmWorker, warmForksPool } from "./test/helpers/warm-forks-pool.js";
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
 * over many files, and starting a process per file was most of the time. That process also stays alive
 * from one mutant to the next (test/helpers/warm-forks-pool.ts), re-evaluating the sources each run
 * (test/helpers/fresh-modules-per-run.ts). docs/mutation-testing.md has the measurements.
 */

/**
 * The test files each folder's mutants run (the folder comes from `--mutate`, through stryker.config.mjs):
 * the files that state that folder's behaviour, not every file that happens to execute its code. A mutant
 * that only some other file would kill shows as a survivor, so a folder's score errs low, never high. A run
 * over several folders ("all") runs the whole set.
 *
 * hostile-expressions is in no folder's set: it feeds every entry point inputs at the size limits (a
 * minute and a half of the 2-core machine's time), and every checker or parser mutant that it covers and
 * no quicker file kills would pay for it. It guards against crashes
 * and runaway time, which the other files and the timeouts also see.
 */
const TESTS_BY_FOLDER: Record<string, string[]> = {
  checker: [
    "test/unit/checker*.test.ts",
    "test/unit/edit-distance.test.ts",
    "test/unit/language-diagnostics.test.ts",
    "test/unit/language-totality.test.ts",
    "test/unit/scim-path-attributes.test.ts",
    "test/property/checker.property.test.ts",
  ],
  evaluator: [
    "test/unit/evaluator*.test.ts",
    "test/unit/functions-*.test.ts",
    "test/unit/language-format-tokens.test.ts",
    "test/property/evaluator.property.test.ts",
    "test/property/trace.property.test.ts",
    "test/conformance/doc-examples.test.ts",
  ],
  parser: [
    "test/unit/parser*.test.ts",
    "test/unit/printer.test.ts",
    "test/unit/graph-json.test.ts",
    "test/unit/token-pool.test.ts",
    "test/unit/line-column.test.ts",
    "test/unit/lexer*.test.ts",
    "test/unit/scim-path-attributes.test.ts",
    "test/property/parser.property.test.ts",
    "test/conformance/doc-examples-parse.test.ts",
  ],
  // cli-diff and cli-test (in process, but a 3,000-user diff and whole suites per mutant) are left out for
  // time: review-* state what they check of src/review directly.
  review: ["test/unit/review-*.test.ts", "test/property/review.property.test.ts"],
  // (lint-pipeline and lint-startup are excluded below.)
  lint: ["test/unit/lint*.test.ts", "test/unit/lint-rules/**/*.test.ts", "test/unit/eslint-plugin*.test.ts"],
  mapping: [
    "test/unit/mapping-*.test.ts",
    "test/unit/config-*.test.ts",
    "test/unit/data-files.test.ts",
    "test/unit/scim-path-attributes.test.ts",
    "test/conformance/doc-examples-scoping.test.ts",
    "test/property/mapping-totality.property.test.ts",
    "test/property/config-*.property.test.ts",
    "test/property/json-fast-tree.property.test.ts",
    "test/property/redact.property.test.ts",
  ],
};
const selected = TESTS_BY_FOLDER[process.env.PROVEX_MUTATION_FOLDER ?? "all"];

const config = mergeConfig(
  base,
  defineConfig({
    plugins: [
      {
        name: "provex-mutation-pool",
        // Once the options are resolved: Stryker's runner has copied its setup file, which needs a fix
        // for Vitest 4.1 (see that file), and asks for worker threads, but some tests change the working
        // directory, which only a process of its own may do: a forked worker, kept warm between mutants.
        configureVitest({ project, vitest }) {
          fixStrykerSetupFile();
          Object.assign(project.config, { pool: warmForksPool.name, poolRunner: warmForksPool });
          vitest.onClose(stopWarmWorker);
        },
      },
    ],
    test: {
      // Each property at most 100 cases from a fixed seed: see that file.
      alias: { "fast-check": resolve(import.meta.dirname, "test/helpers/fast-check-capped.ts") },
      // A warm worker re-imports the sources at the start of every run: see that file.
      setupFiles: ["test/helpers/fresh-modules-per-run.ts"],
      isolate: false,
      fileParallelism: false,
      // The quickest files first, so that a killed mutant stops before the slow properties: see that file.
      sequence: { sequencer: FastestFirstSequencer },
      exclude: [
        "**/node_modules/**",
        "test/e2e/**",
        "test/dotnet/**",
        "test/unit/cli-*.test.ts",
        "test/unit/cli.test.ts",
        // lint-pipeline drives the whole CLI, as the cli-* tests do (and ran first for every lint mutant);
        // lint-startup bundles the sources with esbuild and runs none of them.
        "test/unit/lint-pipeline.test.ts",
        "test/unit/lint-startup.test.ts",
        "test/unit/package.test.ts",
      ],
    },
  }),
);
// Set after merging: mergeConfig would append the selection to the base config's include.
if (selected && config.test) config.test.include = selected;
export default config;
