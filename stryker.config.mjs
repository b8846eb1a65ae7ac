// @ts-check
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** The files of `folder` outside `files`: the part that takes the rest, so no file is left out of every part. */
const restOf = (folder, files) => [`src/${folder}/**/*.ts`, ...files.map((pattern) => `!${pattern}`)];
/** A part listed by file names (PROVEX_MUTATION_FILES may then run some of them): `src/<folder>/<name>.ts`. */
const named = (folder, names) => names.map((name) => `src/${folder}/${name}.ts`);

// Reading attributes, evaluating a mapping set, the runtime guards, the trace and stepping.
const EVALUATOR_RUNTIME = named("evaluator", ["attributes", "trace", "evaluate-all", "runtime", "step-at"]);
const LINT_RULES = ["src/lint/rules/**/*.ts"];
// Expectation tests (provex test).
const REVIEW_TESTS = named("review", [
  "run-tests",
  "test-file",
  "test-report",
  "test-suite",
  "test-types",
  "test-update",
]);
// Reading configuration and data files as text: the JSON and YAML trees, their messages and positions.
const MAPPING_READ = named("mapping", [
  "config-tree",
  "expression-location",
  "json-fast-tree",
  "json-messages",
  "json-text",
  "json-tree",
  "plain-data",
  "scalar-offsets",
  "target-text",
  "users-text",
  "yaml-tree",
]);
// Loading, converting and writing configurations (the provex and Entra formats, the model).
const MAPPING_CONFIG = named("mapping", [
  "config-reader",
  "convert",
  "directories",
  "entra-original",
  "graph-source",
  "load-config",
  "load-entra",
  "load-provex",
  "model",
  "model-values",
  "write-entra",
  "write-provex",
]);

/**
 * Folders too big for one run on the 2-core machine are run in parts, each with its own report and
 * incremental file under reports/mutation/<folder>/<part>/; `npm run mutate:report` scores the folder over
 * all its parts. Each folder's last part takes whatever the others do not (restOf), so every file of the
 * folder, a new one included, is in exactly one part. A part is chosen with PROVEX_MUTATION_PART
 * (`PROVEX_MUTATION_PART=mapping/config npm run mutate -- --concurrency 2`), and its mutants run the
 * folder's test files.
 */
export const PARTS = {
  "evaluator/runtime": EVALUATOR_RUNTIME,
  // The compiled evaluator and its tree-walking twin.
  "evaluator/compile": restOf("evaluator", EVALUATOR_RUNTIME),
  "lint/rules": LINT_RULES,
  // The engine and the formatters.
  "lint/engine": restOf("lint", LINT_RULES),
  "review/tests": REVIEW_TESTS,
  // What changes between two configurations (provex diff).
  "review/diff": restOf("review", REVIEW_TESTS),
  "mapping/read": MAPPING_READ,
  "mapping/config": MAPPING_CONFIG,
  // The provisioning engine: scoping, matching, the flow of one user, the requests, the preview.
  "mapping/preview": restOf("mapping", [...MAPPING_READ, ...MAPPING_CONFIG]),
};

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

const part = process.env.PROVEX_MUTATION_PART;
if (part !== undefined && !(part in PARTS)) {
  throw new Error(`PROVEX_MUTATION_PART=${part} is no part; the parts are ${Object.keys(PARTS).join(", ")}`);
}
if (part !== undefined && reportFolder() !== "all") {
  throw new Error(`PROVEX_MUTATION_PART=${part} chooses the files itself: leave out --mutate`);
}
/** A part's file names, or undefined for a part given by globs (which PROVEX_MUTATION_FILES cannot narrow). */
const filesOfPart = (name) =>
  PARTS[name].some((pattern) => /[*!{]/.test(pattern)) ? undefined : PARTS[name];
/**
 * PROVEX_MUTATION_FILES (comma-separated, each file optionally with a line range `:10-80`) runs a part over
 * some of its files only: on the shared machine a
 * part's first run can take longer than a session, and Stryker writes its report only at the end. The
 * incremental file keeps the results of the part's other files (Stryker reuses the mutants of files
 * outside the run), so the report still covers every file run so far.
 */
const only = process.env.PROVEX_MUTATION_FILES?.split(",").map((file) => file.trim());
if (only !== undefined) {
  const files = part === undefined ? undefined : filesOfPart(part);
  // A file may carry a line range (src/mapping/json-messages.ts:1-150), as Stryker's --mutate allows.
  const outside = only.filter((file) => !files?.includes(file.replace(/:\d+-\d+$/, "")));
  if (files === undefined || outside.length > 0)
    throw new Error(
      `PROVEX_MUTATION_FILES must name files of the part given by PROVEX_MUTATION_PART (${files?.join(", ") ?? "a part listing its files"}); not: ${outside.join(", ")}`,
    );
}
const folder = part === undefined ? reportFolder() : part.split("/")[0];
const folderParts = Object.keys(PARTS).filter((name) => name.startsWith(`${folder}/`));
if (part === undefined && folderParts.length > 0) {
  throw new Error(
    `src/${folder} is run in parts (${folderParts.join(", ")}): PROVEX_MUTATION_PART=${folderParts[0]} npm run mutate`,
  );
}
const reports = `reports/mutation/${part ?? folder}`;
/**
 * Parts whose static mutants (code that runs while a module loads) are left out with Stryker's ignoreStatic:
 * lint/rules, whose rules' `meta` objects (ids, texts, examples) are module-level constants. Stryker tests a
 * static mutant with every test of the folder (873 of its 1,935 mutants, 97% of the estimated time: about
 * 12 hours in a fresh worker, still most of an hour warm). The meta is pinned as a whole by fast tests instead
 * (docs/mutation-testing.md says which), and the report counts the ignored mutants per folder. lint/engine's
 * committed report was made the same way (178 static mutants: the configuration rules' meta, the
 * formatters' and plugin's tables), so it is listed too, and a rerun reproduces it.
 */
const IGNORE_STATIC = new Set(["lint/engine", "lint/rules"]);
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
  mutate:
    part !== undefined
      ? (only ?? PARTS[part])
      : [
          "src/mapping/**/*.ts",
          "src/evaluator/**/*.ts",
          "src/checker/**/*.ts",
          "src/parser/**/*.ts",
          "src/lint/**/*.ts",
          "src/review/**/*.ts",
        ],
  // Not copied into the sandbox: nothing under these is read by the tests of the mutation run.
  // (playground/ is copied: test/unit/data-files, in the mapping set, imports its input parsing; without
  // it that file failed to load and its tests of users-text.ts never ran.)
  ignorePatterns: ["dist", "dist-playground", "bench", "coverage", "reports", "test-results"],
  ignoreStatic: part !== undefined && IGNORE_STATIC.has(part),
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
