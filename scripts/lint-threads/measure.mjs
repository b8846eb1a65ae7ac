#!/usr/bin/env node
// Measures whether worker threads speed up `provex lint` over many files (docs/cli.md, "Many files, one
// thread"). Generates sets of configuration files (half Entra exports, half provex YAML: the shared
// fixtures with renamed attributes, so no two files are equal), bundles lint-job.ts like the CLI, then
// runs one thread and two workers in interleaved child processes and prints medians of wall and CPU time.
//
//   node scripts/lint-threads/measure.mjs [rounds=5] [sizes=50,200,600]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
const rounds = Number(process.argv[2] ?? 5);
const sizes = (process.argv[3] ?? "50,200,600").split(",").map(Number);
const scratch = mkdtempSync(join(tmpdir(), "provex-lint-threads-"));
const job = join(scratch, "lint-job.mjs");
await build({
  entryPoints: [join(root, "scripts/lint-threads/lint-job.ts")],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
  absWorkingDir: root,
  outfile: job,
  logLevel: "warning",
});
const entra = readFileSync(join(root, "test/fixtures/shared/entra-scim-schema.json"), "utf8");
const yaml = readFileSync(join(root, "test/fixtures/shared/provex-config.yaml"), "utf8");
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
console.log(`load average before: ${load()}`);
try {
  for (const size of sizes) {
    const folder = join(scratch, `files-${size}`);
    mkdirSync(folder);
    for (let i = 0; i < size; i++) {
      if (i % 2 === 0)
        writeFileSync(join(folder, `tenant-${i}.json`), entra.replaceAll("employeeId", `employeeId${i}`));
      else
        writeFileSync(join(folder, `app-${i}.provex.yaml`), yaml.replaceAll("employeeId", `employeeId${i}`));
    }
    const runs = { 1: [], 2: [] };
    for (let round = 0; round < rounds; round++)
      for (const threads of [1, 2])
        runs[threads].push(
          JSON.parse(execFileSync(process.execPath, [job, folder, String(threads)], { encoding: "utf8" })),
        );
    if (runs[1][0].findings !== runs[2][0].findings) throw new Error("one thread and two workers disagree");
    for (const threads of [1, 2]) {
      const wall = median(runs[threads].map((run) => run.wall));
      const cpu = median(runs[threads].map((run) => run.cpu));
      console.log(
        `${size} files, ${threads === 1 ? "one thread " : "two workers"}: wall ${(wall / 1000).toFixed(2)} s, CPU ${(cpu / 1000).toFixed(2)} s`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`load average after: ${load()}`);
