import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.js";
import { formatDiagnostic, visible } from "../../src/cli/report.js";
import { runCli } from "../helpers/cli.js";

const temporaryFile = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "provex-cli-")), "expression.txt");
  writeFileSync(path, content);
  return path;
};

describe("provex", () => {
  it("lists its commands with --help and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    for (const name of ["eval", "fmt", "parse"]) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
  });

  it("exits 2 with the overview for no command or an unknown one", async () => {
    expect((await runCli([])).code).toBe(2);
    const run = await runCli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it("prints each command's help, for every command of the table", async () => {
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(["eval", "fmt", "parse", "convert", "preview"]),
    );
    for (const { name } of commands) {
      const run = await runCli([name, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: provex ${name}`));
    }
  });

  it("exits 2 with one line and a --help hint for an unknown option", async () => {
    const run = await runCli(["fmt", "--wat", "[a]"]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("Usage: provex fmt");
    expect(run.stderr).toMatch(/^provex fmt: .*'--wat'.*\nTry 'provex fmt --help' for more information\.\n$/);
  });
});

describe("provex fmt", () => {
  it("prints the canonical form", async () => {
    const run = await runCli(["fmt", 'Join(".",[a],[b])']);
    expect(run).toEqual({ code: 0, stdout: 'Join(".", [a], [b])\n', stderr: "" });
  });

  it("reports syntax errors with file, line, column and a caret, and exits 1", async () => {
    const path = temporaryFile('Join(".",\n  [a] [b])');
    const run = await runCli(["fmt", "--file", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${path}:2:7 error`);
    expect(run.stderr).toContain("[missing-comma]");
    expect(run.stderr).toContain("2 |   [a] [b])\n  |       ^^^");
  });

  it("--check exits 1 when the text is not formatted and 0 when it is", async () => {
    expect((await runCli(["fmt", "--check", "Left( [a],1)"])).code).toBe(1);
    expect((await runCli(["fmt", "--check", "Left([a], 1)"])).code).toBe(0);
  });

  it("--write rewrites the file in place", async () => {
    const path = temporaryFile("Left( [a],1)\n");
    expect((await runCli(["fmt", "--write", "--file", path])).code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe("Left([a], 1)\n");
  });

  it("--width breaks long calls", async () => {
    const run = await runCli(["fmt", "--width", "20", 'Join(".", [givenName], [surname])']);
    expect(run.stdout).toBe('Join(\n  ".",\n  [givenName],\n  [surname]\n)\n');
  });

  it("rejects a bad --width and --write without a file", async () => {
    expect((await runCli(["fmt", "--width", "wide", "[a]"])).code).toBe(2);
    expect((await runCli(["fmt", "--write", "[a]"])).code).toBe(2);
  });

  it("reports a missing file as a usage error", async () => {
    const run = await runCli(["fmt", "--file", "/nonexistent/x.txt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no such file");
  });
});

describe("provex parse", () => {
  it("prints the tree as JSON with exact numbers", async () => {
    const run = await runCli(["parse", "DateFromNum(129699324000000000)"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: "call",
      name: "DateFromNum",
      arguments: [{ kind: "number", value: "129699324000000000", radix: 10 }],
    });
  });

  it("prints the partial tree and exits 1 on syntax errors", async () => {
    const run = await runCli(["parse", "Left([a]"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: "call", name: "Left" });
    expect(run.stderr).toContain("[missing-close-paren]");
  });

  it("--graph prints Graph's attributeMappingSource with the registry's parameter keys", async () => {
    const run = await runCli(["parse", "--graph", "Mid([upn], 1, 8)"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).parameters.map((p: { key: string }) => p.key)).toEqual([
      "source",
      "start",
      "length",
    ]);
  });
});

describe("provex eval", () => {
  it("evaluates with the given attributes", async () => {
    const run = await runCli([
      "eval",
      'Join(".", [givenName], [surname])',
      "--attributes",
      '{"givenName":"Ada","surname":"Lovelace"}',
    ]);
    expect(run).toEqual({ code: 0, stdout: "Ada.Lovelace\n", stderr: "" });
  });

  it("prints multi-valued results one per line, and says when nothing flows", async () => {
    expect((await runCli(["eval", 'Split("a,b", ",")'])).stdout).toBe("a\nb\n");
    expect((await runCli(["eval", "[missing]"])).stdout).toBe("(null: nothing flows)\n");
    expect((await runCli(["eval", "IgnoreFlowIfNullOrEmpty([missing])"])).stdout).toBe(
      "(flow skipped: the attribute is left out)\n",
    );
  });

  it("--json tells the kind of result", async () => {
    const run = await runCli(["eval", "--json", "IsNull([x])"]);
    expect(JSON.parse(run.stdout)).toEqual({ kind: "boolean", value: "True" });
    expect(JSON.parse((await runCli(["eval", "--json", 'Split("a,b", ",")'])).stdout)).toEqual({
      kind: "multi-valued",
      value: ["a", "b"],
    });
    expect(JSON.parse((await runCli(["eval", "--json", "IgnoreFlowIfNullOrEmpty([x])"])).stdout)).toEqual({
      kind: "flow skipped",
      value: null,
    });
  });

  it("--seed makes RandomString reproducible and --existing feeds SelectUniqueValue", async () => {
    const first = await runCli(["eval", "RandomString(12, 2, 2, 2, 2)", "--seed", "42"]);
    const second = await runCli(["eval", "RandomString(12, 2, 2, 2, 2)", "--seed", "42"]);
    expect(first.stdout).toHaveLength(13);
    expect(second.stdout).toBe(first.stdout);
    const unique = await runCli([
      "eval",
      'SelectUniqueValue("a", "b", "c")',
      "--existing",
      "a",
      "--existing",
      "b",
    ]);
    expect(unique.stdout).toBe("c\n");
  });

  it("reports an evaluation error at the failing call and exits 1", async () => {
    const run = await runCli(["eval", 'Join(",", Item([x], 3))', "--attributes", '{"x":["a"]}']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("<expression>:1:11 error");
    expect(run.stderr).toContain("[item-out-of-range]");
  });

  it("reports checker errors such as an unknown function", async () => {
    const run = await runCli(["eval", 'Jion("a", [b])']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[unknown-function]");
  });

  it("rejects bad attributes, --now and --seed as usage errors", async () => {
    expect((await runCli(["eval", "[a]", "--attributes", "{oops"])).code).toBe(2);
    expect((await runCli(["eval", "[a]", "--attributes", "[1]"])).code).toBe(2);
    expect((await runCli(["eval", "[a]", "--now", "yesterday"])).code).toBe(2);
    expect((await runCli(["eval", "[a]", "--seed", "x"])).code).toBe(2);
  });
});

describe("terminal output of untrusted text", () => {
  it("escapes control characters and bidirectional overrides", () => {
    expect(visible("a\u001b[31mb\u202Ec")).toBe("a\\u001b[31mb\\u202ec");
  });

  it("points the caret at the span, measured in the escaped line", () => {
    const text = "\u0007[a] [b]";
    const shown = formatDiagnostic(
      text,
      { code: "x", severity: "error", message: "m", span: { start: 5, end: 8 } },
      "f",
      {
        red: (s) => s,
        yellow: (s) => s,
        cyan: (s) => s,
        dim: (s) => s,
        bold: (s) => s,
      },
    );
    expect(shown.split("\n")).toEqual(["f:1:6 error m [x]", "1 | \\u0007[a] [b]", "  |           ^^^"]);
  });
});
