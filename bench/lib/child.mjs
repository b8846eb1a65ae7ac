// Runs a Node child process and reports what it cost: wall time, CPU time (user + system, from the
// child's own process.resourceUsage(), written by rusage-hook.mjs as it exits), peak RSS, and the
// number of lines it wrote to stdout (so a run that silently produced nothing cannot look fast).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HOOK = new URL("./rusage-hook.mjs", import.meta.url).href;

/**
 * `node [--import hook] ...args`. `feed(stdinStream)` may write the child's stdin; aborting `signal`
 * kills the child (the promise then rejects). Resolves with
 * { wall, cpu, maxRssMiB, lines, code, stderr }.
 */
export function runNode(args, { measure = true, feed, signal } = {}) {
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
    child.stdout.on("data", (chunk) => {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
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
      });
    });
  });
}
