// @ts-check
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/**
 * The folder a run is limited to (`npm run mutate -- --mutate 'src/mapping/**\/*.ts'` → `mapping`), so that
 * each folder keeps its own report and incremental file and running one folder never drops another's.
 * Several patterns in one folder (`src/mapping/scoping.ts,src/mapping/matching.ts`) count as that folder;
 * a run over several folders writes `reports/mutation/all/`.
 */
function reportFolder() {
  const args = process.argv;
  const at = args.findIndex((arg) => arg === "--mutate" || arg === "-m");
  const pattern =
    at >= 0 ? (args[at + 1] ?? "") : (args.find((arg) => arg.startsWith("--mutate="))?.slice(9) ?? "");
  const folders = new Set(pattern.split(",").map((one) => /^src\/([\w-]+)\//.exec(one.trim())?.[1]));
  const [folder] = folders;
  return folders.size === 1 && folder ? folder : "all";
}
const folder = reportFolder();
const reports = `reports/mutation/${folder}`;
// vitest.mutation.config.ts runs only this folder's test files (Stryker's test-runner processes, which load
// that file, inherit the environment).
process.env.PROVEX_MUTATION_FOLDER = folder;

/**
 * Mutation testing of the engine (`npm run mutate`; docs/mutation-testing.md says how to run one folder and
 * how to read the report). The incremental file is committed: a rerun tests only the mutants whose code or
 * covering tests changed since the committed report, so it takes minutes instead of hours.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  // The suite minus the tests that cannot see a mutant (browser, Mono, the built CLI): see that file.
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: "perTest",
  mutate: [
    "src/mapping/**/*.ts",
    "src/evaluator/**/*.ts",
    "src/checker/**/*.ts",
    "src/parser/**/*.ts",
    "src/lint/**/*.ts",
    "src/review/**/*.ts",
  ],
  // Not copied into the sandbox: nothing under these is read by the tests of the mutation run.
  ignorePatterns: ["dist", "dist-playground", "playground", "bench", "coverage", "reports", "test-results"],
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ["json", "progress"],
  jsonReporter: { fileName: `${reports}/mutation.json` },
  // The machine is shared; raise it with --concurrency on an idle one.
  concurrency: 1,
  // Generous: a loaded machine makes honest runs slow, and a false timeout would count as a kill.
  timeoutMS: 30_000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 60,
  // Outside the repository: inside it, the sandbox would sit under a directory .gitignore lists, and
  // `provex lint` (which honours .gitignore from the git root) would find nothing to lint there.
  tempDirName: join(tmpdir(), `provex-stryker-${basename(process.cwd())}`),
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: null },
};
