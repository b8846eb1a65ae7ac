// Section 4: the provision-on-demand preview of generated users through the fixture configuration —
// through the library (in this process) and through the CLI (`provex preview --format jsonl`, in a child
// process) — in users per CPU-second, against a JSONL passthrough (parse + stringify per user, the least
// a JSONL tool can do) measured the same way; then 1,000,000 users through the CLI for memory.
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const NOW = "2026-01-15T09:00:00Z";
/** The target directory: every fifth of the first 20,000 users, so previews see updates and skips too. */
const TARGET_USERS = 20_000;

function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Writes `count` users as JSONL, in batches. */
function writeUsers(path, count) {
  const generator = userGenerator();
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify(generator.next()));
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/**
 * The library: createPreviewer once, previewUser per user, in batches of 1,000 generated users (the
 * generation is not timed). Users per CPU-second is the median over the batches, after the first ten.
 */
function libraryPreview(config, target, count) {
  const previewer = createPreviewer(config, { target, context: { now: new Date(NOW) } });
  const generator = userGenerator();
  const batch = new Array(1000);
  let cpu = 0;
  let wall = 0;
  const rates = [];
  const actions = {};
  for (let done = 0; done < count; done += batch.length) {
    for (let i = 0; i < batch.length; i++) batch[i] = generator.next();
    const start = process.cpuUsage();
    const startWall = process.hrtime.bigint();
    for (let i = 0; i < batch.length; i++) {
      const result = previewer.previewUser(batch[i], done + i);
      actions[result.action] = (actions[result.action] ?? 0) + 1;
    }
    wall += Number(process.hrtime.bigint() - startWall) / 1e9;
    const used = cpuSeconds(start);
    cpu += used;
    if (done >= 10 * batch.length) rates.push(batch.length / used);
  }
  return { users: count, cpu, wall, usersPerCpuSecond: median(rates), actions };
}

/** The same JSON round trip per user as the passthrough child, in this process, measured the same way. */
function libraryPassthrough(count) {
  const generator = userGenerator();
  let cpu = 0;
  let out = 0;
  const rates = [];
  const batch = new Array(1000);
  for (let done = 0; done < count; done += batch.length) {
    for (let i = 0; i < batch.length; i++) batch[i] = JSON.stringify(generator.next());
    const start = process.cpuUsage();
    for (let i = 0; i < batch.length; i++) {
      out += JSON.stringify({ action: "Create", user: JSON.parse(batch[i]) }).length;
    }
    const used = cpuSeconds(start);
    cpu += used;
    if (done >= 10 * batch.length) rates.push(batch.length / used);
  }
  if (out === 0) throw new Error("unreachable");
  return { users: count, cpu, usersPerCpuSecond: median(rates) };
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

async function cliRun(usersPath, targetPath, count) {
  const run = await runNode(cliArgs(usersPath, targetPath));
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`provex preview failed (${run.code ?? run.signal}):\n${run.stderr}`);
  }
  if (run.lines !== count) throw new Error(`provex preview wrote ${run.lines} results for ${count} users`);
  return figures(run, count);
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

/** 1,000,000 users streamed through a FIFO (no gigabyte file on disk), for peak RSS. */
async function cliMillion(scratch, targetPath, count) {
  const fifo = join(scratch, "million.jsonl");
  execFileSync("mkfifo", [fifo]);
  const writing = (async () => {
    const out = createWriteStream(fifo);
    const generator = userGenerator();
    for (let done = 0; done < count; ) {
      const lines = [];
      for (let i = 0; i < 2000 && done < count; i++, done++) lines.push(JSON.stringify(generator.next()));
      if (!out.write(`${lines.join("\n")}\n`)) await new Promise((resolve) => out.once("drain", resolve));
    }
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  })();
  const [run] = await Promise.all([cliRun(fifo, targetPath, count), writing]);
  return run;
}

/**
 * Library and its baseline in process; then the CLI child over 100,000 users, the passthrough child, and
 * the CLI over 1,000,000 users. A child run costs seconds to a minute, so each runs once: the users per
 * CPU-second of the two CLI runs are reported side by side as their range.
 */
export async function runPreview({ users = 100_000, million = 1_000_000 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "provex-bench-preview-"));
  try {
    const targetPath = join(scratch, "target.json");
    const target = generateTarget(generateUsers(TARGET_USERS));
    writeFileSync(targetPath, JSON.stringify(target));
    const usersPath = join(scratch, "users.jsonl");
    writeUsers(usersPath, users);
    const config = loadConfig(readFileSync(CONFIG, "utf8"), { format: "entra" });
    const result = {
      users,
      library: libraryPreview(config, target, users),
      libraryBaseline: libraryPassthrough(users),
      cli: await cliRun(usersPath, targetPath, users),
      cliBaseline: await passthroughRun(usersPath, users),
    };
    if (million > 0) result.million = await cliMillion(scratch, targetPath, million);
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
