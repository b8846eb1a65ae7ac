// The two ways of linting many files that scripts/lint-threads/measure.mjs compares (docs/cli.md,
// "Many files, one thread"): in this thread, or dealt out alternately to N worker threads, each of which
// loads the linter itself. Bundled by measure.mjs the way the CLI is bundled. Prints one JSON line:
// { threads, files, findings, wall, cpu } (milliseconds; CPU of the whole process, workers included).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { lintReport } from "../../src/lint/lint.js";

function lintFiles(paths: readonly string[]): number {
  let findings = 0;
  for (const path of paths) findings += lintReport(readFileSync(path, "utf8")).findings.length;
  return findings;
}

function inWorker(paths: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { paths } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

if (!isMainThread) {
  parentPort?.postMessage(lintFiles((workerData as { paths: string[] }).paths));
} else {
  const [folder = ".", threadsText = "1"] = process.argv.slice(2);
  const threads = Number(threadsText);
  const paths = readdirSync(folder)
    .sort()
    .map((name) => join(folder, name));
  const start = performance.now();
  const findings =
    threads <= 1
      ? lintFiles(paths)
      : (
          await Promise.all(
            Array.from({ length: threads }, (_, i) => inWorker(paths.filter((_, j) => j % threads === i))),
          )
        ).reduce((a, b) => a + b, 0);
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage();
  console.log(JSON.stringify({ threads, files: paths.length, findings, wall, cpu: (user + system) / 1000 }));
}
