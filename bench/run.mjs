#!/usr/bin/env node
// provex's benchmark (npm run bench): built JS only (dist/; STACK.md measured tsx making the parser 4×
// slower), deterministic generated inputs, warm-up, interleaved rounds, medians, and every figure a
// ratio against a baseline measured in the same run. See bench/README.md for what each section measures
// and why its baseline is fair. Writes bench/results.md and bench/results.json.
//
//   node bench/run.mjs [--no-write] [--quick] [--only=evaluation,parse,preview,startup,lint]
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { formatReport, targetsOf } from "./report.mjs";
import { runEvaluation } from "./sections/evaluation.mjs";
import { runLint } from "./sections/lint.mjs";
import { runParse } from "./sections/parse.mjs";
import { runPreview } from "./sections/preview.mjs";
import { runStartup } from "./sections/startup.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (name) => !only || only.includes(name);

const SECTIONS = {
  evaluation: () => runEvaluation(quick ? { users: 10_000, rounds: 7, jsonataRounds: 1 } : {}),
  parse: () => runParse(quick ? { rounds: 5 } : {}),
  preview: () => runPreview(quick ? { users: 20_000, million: 50_000 } : {}),
  startup: () => runStartup(quick ? { runs: 3 } : {}),
  lint: () => runLint(quick ? { rounds: 3 } : {}),
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
