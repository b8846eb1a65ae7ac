// Runs a Node child process and reports what it cost: wall time, CPU time (user + system, from the
// child's own process.resourceUsage(), written by rusage-hook.mjs as it exits), peak RSS, and the
// number of lines it wrote to stdout (so a run that silently produced nothing cannot look fast); on
// request, its resident set size sampled as its output progresses (for the memory-flatness check).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HOOK = new URL("./rusage-hook.mjs", import.meta.url).href;

/** Percent points of the output at which {@link runNode} samples the child's RSS when asked. */
const RSS_STEPS = 100;

/** The current resident set size of process `pid` in MiB (Linux: /proc/PID/status), or undefined. */
function residentMiB(pid) {
  try {
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * `node [--import hook] ...args`. `feed(stdinStream)` may write the child's stdin; aborting `signal`
 * kills the child (the promise then rejects). With `rssLines` (the number of lines the child will
 * write), the child's current RSS is read from /proc each time its output passes another 1% of them:
 * `rss` is then a list of { fraction, mib } (empty where /proc is not available). Resolves with
 * { wall, cpu, maxRssMiB, lines, code, stderr, rss }.
 */
export function runNode(args, { measure = true, feed, signal, rssLines } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "provex-bench-"));
  const usageFile = join(scratch, "usage.json");
  const nodeArgs = measure ? ["--import", HOOK, ...args] : args;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, nodeArgs, {
      env: { ...process.env, PROVEX_BENCH_RUSAGE: usageFile, NO_COLOR: "1" },
      stdio: [feed ? "pipe" : "ignore", "pipe", "pipe"],
      signal,
    });
    let lines = 0;
    let stderr = "";
    const rss = rssLines ? [] : undefined;
    let nextStep = 1;
    child.stdout.on("data", (chunk) => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      // The output trails the child's progress by one pipe buffer (a few hundred users): negligible.
      if (rss && lines >= (nextStep * rssLines) / RSS_STEPS) {
        const mib = residentMiB(child.pid);
        if (mib !== undefined) rss.push({ fraction: Math.min(1, lines / rssLines), mib });
        while (nextStep <= RSS_STEPS && lines >= (nextStep * rssLines) / RSS_STEPS) nextStep++;
      }
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    if (feed) feed(child.stdin).catch(reject);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      let usage;
      try {
        usage = measure ? JSON.parse(readFileSync(usageFile, "utf8")) : undefined;
      } catch {
        usage = undefined;
      }
      rmSync(scratch, { recursive: true, force: true });
      if (measure && !usage) {
        reject(
          new Error(
            `node ${args.join(" ")} exited (${code ?? signal}) without its resource usage:\n${stderr}`,
          ),
        );
        return;
      }
      resolve({
        wall,
        cpu: usage ? (usage.userCPUTime + usage.systemCPUTime) / 1e6 : undefined,
        maxRssMiB: usage ? usage.maxRSS / 1024 : undefined,
        lines,
        code,
        signal,
        stderr,
        rss,
      });
    });
  });
}
