// Section 4: the provision-on-demand preview of generated users through the fixture configuration —
// through the library (in this process) and through the CLI (`provex preview --format jsonl`, in a child
// process) — in users per CPU-second, against a JSONL passthrough (parse + stringify per user, the least
// a JSONL tool can do) measured the same way; then 1,000,000 users through the CLI for memory.
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPreviewer, loadConfig } from "../../dist/index.js";
import { runNode } from "../lib/child.mjs";
import { CLI } from "../lib/cli-path.mjs";
import { median } from "../lib/timing.mjs";
import { generateTarget, generateUsers, userGenerator } from "../lib/users.mjs";

const CONFIG = fileURLToPath(new URL("../../test/fixtures/shared/entra-scim-schema.json", import.meta.url));
const PASSTHROUGH = fileURLToPath(new URL("../lib/jsonl-passthrough.mjs", import.meta.url));
const WRITE_USERS = fileURLToPath(new URL("../lib/write-users.mjs", import.meta.url));
const NOW = "2026-01-15T09:00:00Z";
/** The target directory: every fifth of the first 20,000 users, so previews see updates and skips too. */
const TARGET_USERS = 20_000;

function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/**
 * The library and its baseline over the same `count` generated users, in batches of 1,000: each batch is
 * generated and written as JSON Lines to `usersPath` (for the CLI runs; not timed), then previewed
 * (`createPreviewer` once, `previewUser` per user), then put through the JSON round trip of the
 * passthrough baseline. One pass of generation serves all three, and the two timed parts see the same
 * moments of a shared machine. Users per CPU-second is the median over the batches, after the first ten.
 */
function libraryRuns(config, target, count, usersPath) {
  const previewer = createPreviewer(config, { target, context: { now: new Date(NOW) } });
  const generator = userGenerator();
  const file = openSync(usersPath, "w");
  const batch = new Array(1000);
  const lines = new Array(1000);
  const library = { cpu: 0, wall: 0, rates: [], actions: {} };
  const baseline = { cpu: 0, rates: [] };
  let out = 0;
  try {
    for (let done = 0; done < count; done += batch.length) {
      for (let i = 0; i < batch.length; i++) {
        batch[i] = generator.next();
        lines[i] = JSON.stringify(batch[i]);
      }
      writeSync(file, `${lines.join("\n")}\n`);
      const start = process.cpuUsage();
      const startWall = process.hrtime.bigint();
      for (let i = 0; i < batch.length; i++) {
        const result = previewer.previewUser(batch[i], done + i);
        library.actions[result.action] = (library.actions[result.action] ?? 0) + 1;
      }
      library.wall += Number(process.hrtime.bigint() - startWall) / 1e9;
      const used = cpuSeconds(start);
      const startBaseline = process.cpuUsage();
      for (let i = 0; i < lines.length; i++) {
        out += JSON.stringify({ action: "Create", user: JSON.parse(lines[i]) }).length;
      }
      const usedBaseline = cpuSeconds(startBaseline);
      library.cpu += used;
      baseline.cpu += usedBaseline;
      if (done >= 10 * batch.length) {
        library.rates.push(batch.length / used);
        baseline.rates.push(batch.length / usedBaseline);
      }
    }
  } finally {
    closeSync(file);
  }
  if (out === 0) throw new Error("unreachable");
  const { cpu, wall, rates, actions } = library;
  return {
    library: { users: count, cpu, wall, usersPerCpuSecond: median(rates), actions },
    libraryBaseline: { users: count, cpu: baseline.cpu, usersPerCpuSecond: median(baseline.rates) },
  };
}

function cliArgs(usersPath, targetPath) {
  return [
    CLI,
    "preview",
    "--config",
    CONFIG,
    "--users",
    usersPath,
    "--target",
    targetPath,
    "--format",
    "jsonl",
    "--now",
    NOW,
  ];
}

async function cliRun(usersPath, targetPath, count, { memory = false } = {}) {
  const run = await runNode(cliArgs(usersPath, targetPath), memory ? { rssLines: count } : {});
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`provex preview failed (${run.code ?? run.signal}):\n${run.stderr}`);
  }
  if (run.lines !== count) throw new Error(`provex preview wrote ${run.lines} results for ${count} users`);
  return memory ? { ...figures(run, count), memory: flatness(run.rss) } : figures(run, count);
}

/** Where the memory check reads the RSS samples, as fractions of the users previewed. */
const MEMORY_POINTS = [0.1, 0.25, 0.5, 0.75, 1];

/**
 * Whether memory stays flat as users stream through: the highest RSS sampled after the first quarter of
 * the users, against the highest within the first quarter (by then the heap has grown to its working
 * size). Comparing with another, shorter run's peak instead measured how far that run's heap had
 * settled when it ended, not growth. Undefined when no samples could be taken (no /proc).
 */
function flatness(samples) {
  // The first quarter ends with the sample taken as the output passed 25% (the report's 25% point).
  const quarter = samples.findIndex((s) => s.fraction >= 0.25);
  if (quarter < 0 || quarter === samples.length - 1) return undefined;
  const first = samples.slice(0, quarter + 1);
  const rest = samples.slice(quarter + 1);
  const firstQuarterMiB = Math.max(...first.map((s) => s.mib));
  const restMiB = Math.max(...rest.map((s) => s.mib));
  return {
    firstQuarterMiB,
    restMiB,
    growth: restMiB / firstQuarterMiB,
    // The sample taken at (or just after) each point.
    points: MEMORY_POINTS.map((fraction) => ({
      fraction,
      mib: samples.find((s) => s.fraction >= fraction)?.mib,
    })),
    sampleCount: samples.length,
  };
}

async function passthroughRun(usersPath, count) {
  const run = await runNode([PASSTHROUGH, usersPath]);
  if (run.code !== 0 || run.lines !== count) throw new Error(`the passthrough failed:\n${run.stderr}`);
  return figures(run, count);
}

function figures(run, count) {
  const { cpu, wall, maxRssMiB } = run;
  return { users: count, cpu, wall, maxRssMiB, usersPerCpuSecond: count / cpu };
}

/** The target directory every preview reads, written once into `scratch`. */
function writeTarget(scratch) {
  const targetPath = join(scratch, "target.json");
  writeFileSync(targetPath, JSON.stringify(generateTarget(generateUsers(TARGET_USERS))));
  return targetPath;
}

/**
 * Starts the CLI over `count` users (1,000,000 by default) in the background, for memory: a child
 * (lib/write-users.mjs) generates the users into a FIFO (no gigabyte file on disk) that the CLI child
 * reads. Nothing of it runs in this process, so sections measured meanwhile in this process keep their
 * CPU time to themselves. Resolves with the CLI run's figures.
 */
export function startMillion(count = 1_000_000) {
  const scratch = mkdtempSync(join(tmpdir(), "provex-bench-million-"));
  const targetPath = writeTarget(scratch);
  const fifo = join(scratch, "million.jsonl");
  execFileSync("mkfifo", [fifo]);
  // If the CLI fails before it opens the FIFO, the writer would wait for a reader forever: stop it.
  const stop = new AbortController();
  const writer = runNode([WRITE_USERS, String(count), fifo], { measure: false, signal: stop.signal });
  const run = cliRun(fifo, targetPath, count, { memory: true }).catch((error) => {
    stop.abort();
    throw error;
  });
  return Promise.all([run, writer.catch(() => ({ code: "aborted" }))])
    .then(([figures, written]) => {
      if (written.code !== 0) throw new Error(`generating the users failed:\n${written.stderr}`);
      return figures;
    })
    .finally(() => rmSync(scratch, { recursive: true, force: true }));
}

/**
 * The library and its baseline in process; then the CLI child over 100,000 users and the passthrough
 * child; and the CLI over 1,000,000 users. That one is either started earlier by the caller with
 * {@link startMillion} (pass its promise as `millionRun`), so that it runs beside sections that time
 * only their own process, and then awaited first, so that nothing else runs beside the 100,000-user
 * runs; or run here, last. A child run costs seconds to a minute, so each runs once: the users per
 * CPU-second of the two CLI runs are reported side by side as their range.
 */
export async function runPreview({ users = 100_000, million = 1_000_000, millionRun } = {}) {
  const early = millionRun ? await millionRun : undefined;
  const scratch = mkdtempSync(join(tmpdir(), "provex-bench-preview-"));
  try {
    const targetPath = writeTarget(scratch);
    const target = JSON.parse(readFileSync(targetPath, "utf8"));
    const usersPath = join(scratch, "users.jsonl");
    const config = loadConfig(readFileSync(CONFIG, "utf8"), { format: "entra" });
    const result = {
      users,
      ...libraryRuns(config, target, users, usersPath),
      cli: await cliRun(usersPath, targetPath, users),
      cliBaseline: await passthroughRun(usersPath, users),
    };
    if (early) result.million = { ...early, overlapped: true };
    else if (million > 0) result.million = await startMillion(million);
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
