import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileAccessError, readTextFile, writeTextFile } from "../../src/cli/files.js";
import { reportFailure } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const directory = mkdtempSync(join(tmpdir(), "provex-files-"));
const file = (name: string, content: string) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};
const expression = file("upn.txt", "Left( [a],1)\n");
const config = join(FIXTURES, "provex-config.yaml");
const users = join(FIXTURES, "users.json");
const missing = join(directory, "missing.txt");
const folder = mkdtempSync(join(directory, "folder-"));

/** One line, naming the file and what is wrong with it; no stack trace, no help text. */
function expectFileError(
  run: { code: number; stdout: string; stderr: string },
  command: string,
  text: string,
) {
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`provex ${command}: ${text}\n`);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe("file-system errors: one line, exit 2", () => {
  it.each([
    ["eval", ["eval", "--file", folder]],
    ["eval", ["eval", "[a]", "--attributes-file", folder]],
    ["fmt", ["fmt", "--file", folder]],
    ["parse", ["parse", "--file", folder]],
    ["convert", ["convert", "--to", "entra", folder]],
    ["preview", ["preview", "--config", folder, "--users", users]],
    ["preview", ["preview", "--config", config, "--users", users, "--target", folder]],
  ])("%s: a directory given as a file", async (command, argv) => {
    expectFileError(await runCli(argv), command, `cannot read ${folder}: is a directory`);
  });

  it.each([
    ["eval", ["eval", "--file", missing]],
    ["eval", ["eval", "[a]", "--attributes-file", missing]],
    ["fmt", ["fmt", "--file", missing]],
    ["parse", ["parse", "--file", missing]],
    ["convert", ["convert", "--to", "entra", missing]],
    ["preview", ["preview", "--config", missing, "--users", users]],
  ])("%s: a missing file", async (command, argv) => {
    expectFileError(await runCli(argv), command, `cannot read ${missing}: no such file or directory`);
  });

  it("names a path through a file as not a directory", async () => {
    const through = join(expression, "x.txt");
    expectFileError(
      await runCli(["fmt", "--file", through]),
      "fmt",
      `cannot read ${through}: a part of the path is not a directory`,
    );
  });

  it("convert --output in a missing folder, or onto a directory", async () => {
    const output = join(directory, "no-such-folder", "out.json");
    expectFileError(
      await runCli(["convert", "--to", "entra", config, "--output", output]),
      "convert",
      `cannot write ${output}: no such directory ${join(directory, "no-such-folder")}`,
    );
    expectFileError(
      await runCli(["convert", "--to", "entra", config, "--output", folder]),
      "convert",
      `cannot write ${folder}: is a directory`,
    );
  });

  it("says permission denied for EACCES, from any call (root ignores modes, so the error is built)", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/etc/x'"), {
      code: "EACCES",
      errno: -13,
      syscall: "open",
      path: "/etc/x",
    });
    expect(fileAccessError("read", "/etc/x", denied).message).toBe("cannot read /etc/x: permission denied");
    let stderr = "";
    const code = reportFailure("fmt", denied, { stderr: { write: (text: string) => (stderr += text) } });
    expect(code).toBe(2);
    expect(stderr).toBe("provex fmt: cannot read /etc/x: permission denied\n");
    const write = Object.assign(new Error("EROFS: read-only file system, rename 'a' -> 'b'"), {
      code: "EROFS",
      syscall: "rename",
      path: "b",
    });
    stderr = "";
    expect(reportFailure("convert", write, { stderr: { write: (text: string) => (stderr += text) } })).toBe(
      2,
    );
    expect(stderr).toBe("provex convert: cannot write b: read-only file system\n");
  });
});

describe("writing files: whole or not at all", () => {
  it("fmt --write rewrites the file, keeping its permissions", async () => {
    const path = file("write.txt", "Left( [a],1)\n");
    chmodSync(path, 0o640);
    expect((await runCli(["fmt", "--write", "--file", path])).code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe("Left([a], 1)\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("writes through a symbolic link to its target, and leaves no temporary file", () => {
    const target = file("target.txt", "old\n");
    const link = join(directory, "link.txt");
    symlinkSync(target, link);
    writeTextFile(link, "new\n");
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(statSync(link).isFile()).toBe(true);
    expect(readdirSync(directory).filter((name) => name.includes(".provex-"))).toEqual([]);
  });

  it("fmt --write needs a file, not standard input", async () => {
    const run = await runCli(["fmt", "--write", "--file", "-"], { stdin: "[a]" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^provex fmt: --write needs --file <path>/);
  });
});

describe("reading files", () => {
  it("drops a UTF-8 byte-order mark", async () => {
    const path = file("bom.json", '\uFEFF{"a": "x"}');
    expect(readTextFile(path)).toBe('{"a": "x"}');
    expect((await runCli(["eval", "[a]", "--attributes-file", path])).stdout).toBe("x\n");
  });

  it("refuses a device that never ends instead of filling the memory", () => {
    // /dev/zero is endless: the read stops at the size limit with a one-line error.
    expect(() => readTextFile("/dev/zero")).toThrow("cannot read /dev/zero: larger than 256 MiB");
  }, 30_000);
});

describe("'-' is standard input wherever a file is taken", () => {
  it("fmt - and fmt --file -", async () => {
    for (const argv of [["fmt", "-"], ["fmt", "--file", "-"], ["fmt"]]) {
      const run = await runCli(argv, { stdin: "Left( [a],1)\n" });
      expect(run, argv.join(" ")).toEqual({ code: 0, stdout: "Left([a], 1)\n", stderr: "" });
    }
  });

  it("reports a diagnostic of standard input as <stdin>", async () => {
    const run = await runCli(["parse", "-"], { stdin: "Left(" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^<stdin>:1:/);
  });

  it("eval - and eval --attributes-file -", async () => {
    expect((await runCli(["eval", "-", "--attributes", '{"a":"x"}'], { stdin: "[a]" })).stdout).toBe("x\n");
    expect(
      (await runCli(["eval", "[a]", "--attributes-file", "-"], { stdin: '\uFEFF{"a":"y"}' })).stdout,
    ).toBe("y\n");
  });

  it("convert - reads the configuration from standard input", async () => {
    const run = await runCli(["convert", "--to", "entra", "-"], { stdin: readFileSync(config, "utf8") });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).synchronizationRules).toBeDefined();
  });

  it("preview --config - and --target -", async () => {
    const viaStdin = await runCli(
      ["preview", "--config", "-", "--users", users, "--now", "2025-01-01T00:00:00Z"],
      {
        stdin: readFileSync(config, "utf8"),
      },
    );
    const viaFile = await runCli([
      "preview",
      "--config",
      config,
      "--users",
      users,
      "--now",
      "2025-01-01T00:00:00Z",
    ]);
    expect(viaStdin.code).toBe(viaFile.code);
    expect(viaStdin.stdout.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "")).toBe(
      viaFile.stdout.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ""),
    );
    const target = await runCli(["preview", "--config", config, "--users", users, "--target", "-"], {
      stdin: readFileSync(join(FIXTURES, "target-users.json"), "utf8"),
    });
    expect(target.stderr).not.toMatch(/cannot read|internal error/);
  });

  it("reads standard input once: a second '-' is a usage error", async () => {
    const run = await runCli(["eval", "-", "--attributes-file", "-"], { stdin: "[a]" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^provex eval: standard input \('-'\) can be read only once, but the expression and --attributes-file both ask for it/,
    );
    const preview = await runCli(["preview", "--config", "-", "--users", "-"], { stdin: "[]" });
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/but --config and --users both ask for it/);
  });

  it("preview --config - with standard input holding an invalid configuration reports <stdin>", async () => {
    const run = await runCli(["preview", "--config", "-", "--users", users], {
      stdin: "mappings:\n  - { target: x, expression: 'Join(\"a\", [b]' }\n",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^<stdin>:2:\d+ error/);
  });
});
