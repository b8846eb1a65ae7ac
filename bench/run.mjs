#!/usr/bin/env node
// provex's benchmark (npm run bench): built JS only (dist/; STACK.md measured tsx making the parser 4×
// slower), deterministic generated inputs, warm-up, interleaved rounds, medians, and every figure a
// ratio against a baseline measured in the same run. See bench/README.md for what each section measures
// and why its baseline is fair. Writes bench/results.md and bench/results.json.
//
//   node bench/run.mjs [--no-write] [--quick] [--serial] [--only=evaluation,parse,lint,preview,startup]
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { formatReport, targetsOf } from "./report.mjs";
import { runEvaluation } from "./sections/evaluation.mjs";
import { runLint } from "./sections/lint.mjs";
import { runParse } from "./sections/parse.mjs";
import { runPreview, startMillion } from "./sections/preview.mjs";
import { runStartup } from "./sections/startup.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (name) => !only || only.includes(name);

const MILLION = quick ? 50_000 : 1_000_000;
/**
 * The 1,000,000-user preview (for memory) runs in child processes beside parse and lint, which time
 * only this process's CPU; evaluation (whose per-call ratios are the most sensitive) runs before it,
 * and the preview's 100,000-user runs and start-up (wall clock) after it, with nothing beside them.
 * `--serial` runs it at the end of the preview section instead, with nothing beside it.
 */
const overlap = wanted("preview") && !args.includes("--serial");
let millionRun;
const SECTIONS = {
  evaluation: () => runEvaluation(quick ? { users: 10_000, rounds: 7, jsonataRounds: 1 } : {}),
  parse: () => runParse(quick ? { rounds: 5 } : {}),
  lint: () => runLint(quick ? { rounds: 3 } : {}),
  preview: () => runPreview({ ...(quick ? { users: 20_000 } : {}), million: MILLION, millionRun }),
  startup: () => runStartup(quick ? { runs: 3 } : {}),
};

const started = Date.now();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  loadBefore: loadavg(),
  quick,
  seconds: {},
};
for (const [name, run] of Object.entries(SECTIONS)) {
  if (overlap && !millionRun && (name === "parse" || name === "lint" || name === "preview")) {
    process.stderr.write(`bench: preview of ${MILLION.toLocaleString("en")} users, in the background…\n`);
    millionRun = startMillion(MILLION);
    // Awaited by the preview section; a failure before then must not go unhandled.
    millionRun.catch(() => {});
  }
  if (!wanted(name)) continue;
  const start = Date.now();
  process.stderr.write(`bench: ${name}…\n`);
  results[name] = await run();
  results.seconds[name] = (Date.now() - start) / 1000;
}
results.loadAfter = loadavg();
results.totalSeconds = (Date.now() - started) / 1000;
results.targets = targetsOf(results);

const report = formatReport(results);
console.log(report);
if (!args.includes("--no-write") && !quick && !only) {
  writeFileSync(new URL("./results.md", import.meta.url), report);
  writeFileSync(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify(results, (key, value) => (key === "samples" ? undefined : value), 2)}\n`,
  );
}
