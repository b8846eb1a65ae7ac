#!/usr/bin/env node
// Start-up time of the built `provex` command against `node -e 0`, measured in the same run (the
// machine's load changes from one minute to the next, so only the ratio means anything).
// Interleaves the commands, runs each `--runs` times (default 20) and prints the median wall time, the
// mean CPU time (user + system, steadier on a loaded machine) and both ratios.
// Usage: npm run build && node scripts/startup.mjs [--runs 20]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 20;
const bin = "dist/bin/provex.js";
const directory = mkdtempSync(join(tmpdir(), "provex-startup-"));
const expressionFile = join(directory, "upn.txt");
writeFileSync(expressionFile, 'Join("@", NormalizeDiacritics(ToLower([givenName])), "contoso.com")\n');

const cases = [
  ["node -e 0", ["-e", "0"]],
  ["provex --version", [bin, "--version"]],
  [
    "provex eval --file upn.txt",
    [bin, "eval", "--file", expressionFile, "--attributes", '{"givenName":"Zoë"}'],
  ],
  ["provex fmt --file upn.txt", [bin, "fmt", "--file", expressionFile]],
];

/** Wall and CPU milliseconds of one run, CPU from /proc of this process's reaped children. */
function once(args) {
  const before = childCpu();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return { wall, cpu: childCpu() - before };
}

/**
 * User + system CPU of reaped children in milliseconds (fields 16 and 17 of /proc/self/stat, in clock
 * ticks of 10 ms: only their mean over many runs is precise enough).
 */
function childCpu() {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

const samples = cases.map(() => ({ wall: [], cpu: [] }));
for (let round = 0; round < runs + 2; round++) {
  cases.forEach(([, args], i) => {
    const { wall, cpu } = once(args);
    if (round >= 2) {
      samples[i].wall.push(wall);
      samples[i].cpu.push(cpu);
    }
  });
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const base = { wall: median(samples[0].wall), cpu: mean(samples[0].cpu) };
console.log(`${runs} interleaved runs each (node ${process.version}): median wall time, mean CPU time`);
console.log("command                         wall ms  ratio   cpu ms  ratio");
cases.forEach(([name], i) => {
  const wall = median(samples[i].wall);
  const cpu = mean(samples[i].cpu);
  console.log(
    `${name.padEnd(30)} ${wall.toFixed(0).padStart(7)} ${(wall / base.wall).toFixed(2).padStart(6)} ${cpu.toFixed(0).padStart(8)} ${(cpu / base.cpu).toFixed(2).padStart(6)}`,
  );
});
