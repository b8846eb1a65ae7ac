import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commands, EXIT_BROKEN_PIPE } from "../../src/cli/main.js";

// The real process (the bundle package.json's bin names): pipes, signals, the time zone and
// standard input behave there as users meet them. npm test builds before running Vitest.
const root = resolve(import.meta.dirname, "../..");
const bin = resolve(root, "dist/bin/provex.js");
const FIXTURES = join(root, "test/fixtures/shared");
const directory = mkdtempSync(join(tmpdir(), "provex-process-"));
const file = (name: string, content: string) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  if (!existsSync(bin))
    throw new Error("dist/bin/provex.js is missing: run `npm run build` (npm test does).");
});

/**
 * Runs `provex … | head -c 1` in bash with pipefail, as a user would: a real pipe (Node's own child
 * pipes are socket pairs, whose large buffers can swallow the whole output), closed after one byte.
 */
function runIntoHead(argv: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      "bash",
      ["-c", 'set -o pipefail; "$@" | head -c 1 >/dev/null', "bash", process.execPath, bin, ...argv],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, stderr }));
  });
}

/** For every command, arguments that make it print megabytes to stdout. */
function bigOutputArguments(): Record<string, string[]> {
  const values = Array.from({ length: 200_000 }, (_, i) => `value${i}`).join(",");
  const attributes = file("attributes.json", JSON.stringify({ a: values }));
  const expression = file(
    "long.txt",
    `Join(",", ${Array.from({ length: 20_000 }, (_, i) => `[a${i}]`).join(", ")})`,
  );
  const users = file(
    "users.json",
    JSON.stringify(
      Array.from({ length: 3_000 }, (_, i) => ({
        userPrincipalName: `u${i}@contoso.com`,
        displayName: `U ${i}`,
      })),
    ),
  );
  const mappings = Array.from(
    { length: 3_000 },
    (_, i) => `  - { target: "a${i}", expression: 'Left( [b${i}],1)' }`,
  );
  const config = file("many.provex.yaml", `mappings:\n${mappings.join("\n")}\n`);
  return {
    eval: ["eval", 'Split([a], ",")', "--attributes-file", attributes],
    fmt: ["fmt", "--width", "20", "--file", expression],
    parse: ["parse", "--spans", "--file", expression],
    convert: ["convert", "--to", "entra", config],
    lint: ["lint", "--format", "json", config],
    preview: [
      "preview",
      "--config",
      join(FIXTURES, "provex-config.yaml"),
      "--users",
      users,
      "--format",
      "json",
    ],
    test: [
      "test",
      file(
        "many.provex-test.yaml",
        `config: ${JSON.stringify(join(FIXTURES, "provex-config.yaml"))}\ncases:\n${Array.from(
          { length: 5_000 },
          (_, i) =>
            `  - { name: "case ${i}", user: { userPrincipalName: "u${i}@c.com" }, expect: { action: Create } }`,
        ).join("\n")}\n`,
      ),
      "--format",
      "json",
    ],
    // The changed copy's widened scope takes in every one of these contoso.com users.
    diff: [
      "diff",
      join(FIXTURES, "provex-config.yaml"),
      join(FIXTURES, "../review/provex-config-changed.yaml"),
      "--users",
      users,
    ],
  };
}

describe("a closed pipe (provex … | head -1)", () => {
  const cases = bigOutputArguments();

  it("has a big-output case for every command of the table", () => {
    expect(Object.keys(cases).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it.each(Object.entries(cases))(
    "%s stops quietly with 141, as a process SIGPIPE ended",
    async (_, argv) => {
      const run = await runIntoHead(argv);
      // Diagnostics of the input may be on stderr (a long expression's warning); nothing about the pipe.
      expect(run.stderr).not.toMatch(/EPIPE|internal error|\n\s+at /);
      expect(run.code).toBe(EXIT_BROKEN_PIPE);
    },
    60_000,
  );
});

describe("the real process", () => {
  it("reads '-' from a real standard input", () => {
    const run = spawnSync(process.execPath, [bin, "fmt", "-"], { input: "Left( [a],1)\n", encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("Left([a], 1)\n");
    const convert = spawnSync(process.execPath, [bin, "convert", "--to", "entra", "-"], {
      input: readFileSync(join(FIXTURES, "provex-config.yaml")),
      encoding: "utf8",
    });
    expect(convert.status).toBe(0);
    expect(JSON.parse(convert.stdout).synchronizationRules).toBeDefined();
  });

  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu"])(
    "gives Now() the same instant under TZ=%s",
    (zone) => {
      const run = spawnSync(process.execPath, [bin, "eval", "Now()", "--now", "2024-02-29T10:00"], {
        env: { ...process.env, TZ: zone },
        encoding: "utf8",
      });
      expect(run.stdout).toBe("2/29/2024 10:00:00 AM\n");
    },
  );

  it("colours nothing written to a file or pipe, even with stderr on a terminal-less run", () => {
    const run = spawnSync(process.execPath, [bin, "fmt", "Left("], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("\u001b[");
    const forced = spawnSync(process.execPath, [bin, "fmt", "Left("], {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "1" },
    });
    expect(forced.stderr).toContain("\u001b[");
  });
});
