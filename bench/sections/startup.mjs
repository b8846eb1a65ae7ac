// Section 5: CLI start-up. `provex eval` on one expression and `provex lint` on one file, against
// `node -e 0` (the floor: starting Node itself), interleaved, wall-clock medians of several runs.
// `provex lint` is measured once `provex lint --help` works (the CLI is package.json's `bin`, today
// dist/bin/provex.js); until then it is "not available".
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runNode } from "../lib/child.mjs";
import { CLI } from "../lib/cli-path.mjs";
import { median } from "../lib/timing.mjs";

const CONFIG = fileURLToPath(new URL("../../test/fixtures/shared/entra-scim-schema.json", import.meta.url));

/** True when the built CLI has a working `lint` command. */
export function cliLintAvailable() {
  const run = spawnSync(process.execPath, [CLI, "lint", "--help"], { encoding: "utf8" });
  return run.status === 0;
}

export async function runStartup({ runs = 11 } = {}) {
  const commands = {
    node: ["-e", "0"],
    eval: [CLI, "eval", 'Join(".", [a], [b])', "--attributes", '{"a":"Ada","b":"Lovelace"}'],
  };
  const lint = cliLintAvailable();
  if (lint) commands.lint = [CLI, "lint", CONFIG];
  const names = Object.keys(commands);
  const walls = Object.fromEntries(names.map((name) => [name, []]));
  const cpus = Object.fromEntries(names.map((name) => [name, []]));
  // One unmeasured run of each warms the file-system cache. Every run, node -e 0 included, preloads
  // the small resource-usage hook, so that CPU time is known too (a steadier figure on a loaded machine).
  for (const name of names) await runNode(commands[name], { measure: false });
  for (let r = 0; r < runs; r++) {
    for (const name of names) {
      const run = await runNode(commands[name]);
      if (name === "eval" && (run.code !== 0 || run.lines !== 1)) {
        throw new Error(`provex eval failed (${run.code}):\n${run.stderr}`);
      }
      // lint exits 1 when it reports findings; anything else is a crash.
      if (name === "lint" && run.code !== 0 && run.code !== 1) {
        throw new Error(`provex lint failed (${run.code}):\n${run.stderr}`);
      }
      walls[name].push(run.wall);
      cpus[name].push(run.cpu);
    }
  }
  const result = { runs, node: median(walls.node), eval: median(walls.eval) };
  result.cpu = Object.fromEntries(names.map((name) => [name, median(cpus[name])]));
  result.evalRatio = result.eval / result.node;
  result.evalCpuRatio = result.cpu.eval / result.cpu.node;
  result.evalRange = [Math.min(...walls.eval), Math.max(...walls.eval)];
  result.nodeRange = [Math.min(...walls.node), Math.max(...walls.node)];
  if (lint) {
    result.lint = median(walls.lint);
    result.lintRatio = result.lint / result.node;
    result.lintCpuRatio = result.cpu.lint / result.cpu.node;
  }
  return result;
}
