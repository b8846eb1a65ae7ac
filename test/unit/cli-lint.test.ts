import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const SHARED = join(import.meta.dirname, "../fixtures/shared");

/** A fresh folder with these files; the CLI runs inside it. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "provex-lint-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const user = "  - target: userName\n    attribute: userPrincipalName\n    match: 1\n";
/** Two findings: config-value at 1:10 and unknown-property at 8:5. */
const broken = `dialect: entr\nmappings:\n${user}  - target: locale\n    constant: en-US\n    defualt: en-US\n`;
const clean = `mappings:\n${user}`;
/** One warning: an unused directive at 2:3. */
const unusedDirective = `mappings:\n  # provex-disable-next-line config-type\n${user}`;

let cwd: string;
let githubActions: string | undefined;
beforeEach(() => {
  cwd = process.cwd();
  githubActions = process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_ACTIONS;
});
afterEach(() => {
  process.chdir(cwd);
  if (githubActions === undefined) delete process.env.GITHUB_ACTIONS;
  else process.env.GITHUB_ACTIONS = githubActions;
});
const lintIn = (root: string, args: string[] = []) => {
  process.chdir(root);
  return runCli(["lint", ...args]);
};

describe("provex lint: which files", () => {
  it("lints the configurations under the current folder, recognised by content and name", async () => {
    const root = project({
      "entra.json": readFileSync(join(SHARED, "entra-scim-schema.json"), "utf8"),
      "mappings.yaml": broken,
      "users.provex.yml": clean,
      "package.json": '{"name": "x", "mappings": []}',
      "workflow.yaml": "on: push\njobs: {}\n",
      "provex.config.yaml": "rules: {}\n",
      "suite.provex-test.yaml": "mappings: []\n",
      "node_modules/dep/broken.provex.yaml": broken,
      "generated/broken.provex.yaml": broken,
      ".gitignore": "generated/\n",
      "nested/deeper/more.provex.json": '{"dialect": "entr", "mappings": []}',
    });
    const run = await lintIn(root, ["-f", "json"]);
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) =>
      r.filePath.slice(root.length + 1),
    );
    expect(files).toEqual([
      "entra.json",
      "mappings.yaml",
      "users.provex.yml",
      "nested/deeper/more.provex.json",
    ]);
    expect(run.code).toBe(1);
  });

  it("always lints a file named on the command line, and takes folders and globs", async () => {
    const root = project({
      "a/plain.json": '{"mappings": []}',
      "b/one.provex.yaml": broken,
      "b/two.yaml": clean,
    });
    const named = await lintIn(root, ["a/plain.json", "-f", "json"]);
    expect(JSON.parse(named.stdout)).toHaveLength(1);
    const globbed = await lintIn(root, ["b/*.yaml", "-f", "json"]);
    expect((JSON.parse(globbed.stdout) as unknown[]).length).toBe(2);
    const folder = await lintIn(root, ["b", "-f", "json"]);
    expect((JSON.parse(folder.stdout) as unknown[]).length).toBe(2);
  });

  it("exits 2 for a missing path, and when there is nothing to lint", async () => {
    const root = project({ "package.json": "{}" });
    const missing = await lintIn(root, ["nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No such file or folder: nope.yaml");
    const nothing = await lintIn(root);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("Nothing to lint");
  });
});

describe("provex lint: findings and exit codes", () => {
  it("prints stylish output grouped by file with a summary, and exits 1 on errors", async () => {
    const root = project({ "m.provex.yaml": broken, "ok.provex.yaml": clean });
    const run = await lintIn(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "m.provex.yaml",
        '  1:10  error    dialect must be entra or provex, not "entr".               config-value',
        '  8:5   error    Unknown key "defualt" in a mapping; did you mean default?  unknown-property',
        "",
        "✖ 2 problems (2 errors, 0 warnings)",
        "",
      ].join("\n"),
    );
  });

  it("colours stylish output only on a terminal", async () => {
    const root = project({ "m.provex.yaml": broken });
    process.chdir(root);
    const plain = await runCli(["lint"]);
    expect(plain.stdout).not.toContain("\u001b[");
    const tty = await runCli(["lint"], { tty: { stdout: true } });
    expect(tty.stdout).toContain("\u001b[31m");
  });

  it("exits 0 with no output on clean files; warnings count against --max-warnings", async () => {
    const root = project({ "ok.provex.yaml": clean, "w.provex.yaml": unusedDirective });
    const okOnly = await lintIn(root, ["ok.provex.yaml"]);
    expect([okOnly.code, okOnly.stdout]).toEqual([0, ""]);
    expect((await lintIn(root)).code).toBe(0);
    const over = await lintIn(root, ["--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("more than --max-warnings 0");
    expect((await lintIn(root, ["--max-warnings", "1"])).code).toBe(0);
    const quiet = await lintIn(root, ["--quiet", "--max-warnings", "0"]);
    expect([quiet.code, quiet.stdout]).toEqual([0, ""]);
  });

  it("reports a file that is not valid JSON or YAML as config-syntax (exit 1), never a crash", async () => {
    const root = project({ "cut.json": '{\n  "synchronizationRules": [\n    {"id": \n' });
    const run = await lintIn(root, ["-f", "json"]);
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.messages[0]).toMatchObject({ ruleId: "config-syntax", fatal: true, severity: 2 });
    expect(result.fatalErrorCount).toBe(1);
    expect(result.messages[0].line).toBeGreaterThanOrEqual(3);
  });

  it("rejects usage mistakes with exit 2 and a suggestion", async () => {
    const root = project({ "m.provex.yaml": clean });
    const badRule = await lintIn(root, ["--rule", "config-valeu:off"]);
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toContain("did you mean config-value?");
    expect((await lintIn(root, ["--rule", "config-value:maybe"])).code).toBe(2);
    expect((await lintIn(root, ["-f", "xml"])).code).toBe(2);
    expect((await lintIn(root, ["--max-warnings", "-1"])).code).toBe(2);
    expect((await lintIn(root, ["--dialect", "vb"])).code).toBe(2);
    expect((await lintIn(root, ["--fix", "--fix-dry-run"])).code).toBe(2);
    const typo = await lintIn(root, ["--quite"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--quiet");
  });

  it("documents every option in --help", async () => {
    const help = (await runCli(["lint", "--help"])).stdout;
    for (const option of [
      "--format",
      "--output-file",
      "--fix",
      "--fix-dry-run",
      "--rule",
      "--dialect",
      "--schema",
      "--quiet",
      "--max-warnings",
      "--no-inline-config",
      "stylish",
      "json",
      "sarif",
      "github",
      "GITHUB_ACTIONS",
      "provex.config",
    ])
      expect(help).toContain(option);
  });
});

describe("provex lint: settings", () => {
  it("reads rules from the nearest provex.config file upward; --rule wins", async () => {
    const root = project({
      "provex.config.yaml": "rules:\n  config-value: warn\n",
      "team/provex.config.json": '{"rules": {"config-value": "off", "unknown-property": "warn"}}',
      "team/m.provex.yaml": broken,
      "m.provex.yaml": broken,
    });
    const run = await lintIn(root, ["-f", "json"]);
    const [top, team] = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: number }[] }[];
    expect(top!.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ["config-value", 1],
      ["unknown-property", 2],
    ]);
    expect(team!.messages.map((m) => [m.ruleId, m.severity])).toEqual([["unknown-property", 1]]);
    const overridden = await lintIn(root, ["-f", "json", "--rule", "unknown-property:off", "m.provex.yaml"]);
    expect(JSON.parse(overridden.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      "config-value",
    ]);
  });

  it("reports a mistake in a provex.config file with its line and column (exit 2)", async () => {
    const root = project({ "provex.config.yaml": "rules:\n  config-valeu: off\n", "m.provex.yaml": clean });
    const run = await lintIn(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("provex.config.yaml:2:3");
    expect(run.stderr).toContain("did you mean config-value?");
  });

  it("--no-inline-config ignores provex-disable comments", async () => {
    const root = project({ "w.provex.yaml": unusedDirective });
    const run = await lintIn(root, ["--no-inline-config", "-f", "json"]);
    expect(JSON.parse(run.stdout)[0].messages).toEqual([]);
  });
});

describe("provex lint --schema", () => {
  const config = `mappings:\n${user}  - target: title\n    attribute: hrTitle\n`;
  const ruleIds = async (root: string, args: string[]) =>
    JSON.parse((await lintIn(root, ["-f", "json", "m.provex.yaml", ...args])).stdout)[0].messages.map(
      (m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`,
    );

  it("takes the source attributes from a name list, a JSON list or an Entra export's directories", async () => {
    const root = project({
      "m.provex.yaml": config,
      "names.txt": "userPrincipalName  # the UPN\n\nhrTitle\n",
      "names.json": '["userPrincipalName", {"name": "hrTitle"}]',
      "without.txt": "userPrincipalName\n",
      "entra.json": readFileSync(join(SHARED, "entra-scim-schema.json"), "utf8"),
    });
    expect(await ruleIds(root, ["--schema", "names.txt"])).toEqual([]);
    expect(await ruleIds(root, ["--schema", "names.json"])).toEqual([]);
    expect(await ruleIds(root, ["--schema", "without.txt"])).toEqual(["unknown-attribute@6"]);
    expect(await ruleIds(root, ["--schema", "entra.json"])).toEqual(["unknown-attribute@6"]);
  });

  it("exits 2 when the schema file cannot be read or used", async () => {
    const root = project({ "m.provex.yaml": config, "bad.json": "[1, 2]", "empty.json": "{}" });
    expect((await lintIn(root, ["--schema", "nope.txt"])).code).toBe(2);
    expect((await lintIn(root, ["--schema", "bad.json"])).code).toBe(2);
    const empty = await lintIn(root, ["--schema", "empty.json"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("directories");
  });
});

describe("provex lint --fix", () => {
  it("rewrites only the fixed characters: comments, CRLF line endings and key order stay", async () => {
    const text =
      "# the team's mappings\r\nmappings:\r\n  # provex-disable-next-line config-type\r\n  - attribute: userPrincipalName   # why\r\n    target: userName\r\n    match: 1\r\n";
    const root = project({ "w.provex.yaml": text });
    const dry = await lintIn(root, ["--fix-dry-run", "-f", "json"]);
    const expected =
      "# the team's mappings\r\nmappings:\r\n  - attribute: userPrincipalName   # why\r\n    target: userName\r\n    match: 1\r\n";
    expect(JSON.parse(dry.stdout)[0].output).toBe(expected);
    expect(readFileSync(join(root, "w.provex.yaml"), "utf8")).toBe(text);
    const fixed = await lintIn(root, ["--fix"]);
    expect([fixed.code, fixed.stdout]).toEqual([0, ""]);
    expect(readFileSync(join(root, "w.provex.yaml"), "utf8")).toBe(expected);
  });

  it("keeps a byte-order mark, which columns do not count", async () => {
    const root = project({ "b.provex.yaml": `\uFEFF${unusedDirective}`, "v.provex.yaml": `\uFEFF${broken}` });
    const [, value] = JSON.parse((await lintIn(root, ["-f", "json"])).stdout);
    expect(value.messages[0]).toMatchObject({ ruleId: "config-value", line: 1, column: 10 });
    await lintIn(root, ["--fix", "b.provex.yaml"]);
    expect(readFileSync(join(root, "b.provex.yaml"), "utf8")).toBe(`\uFEFFmappings:\n${user}`);
  });

  it("leaves files without fixes untouched", async () => {
    const root = project({ "m.provex.yaml": broken });
    await lintIn(root, ["--fix"]);
    expect(readFileSync(join(root, "m.provex.yaml"), "utf8")).toBe(broken);
  });
});

describe("provex lint: output", () => {
  it("writes the report to --output-file (creating its folder), nothing to stdout", async () => {
    const root = project({ "m.provex.yaml": broken });
    const run = await lintIn(root, ["-o", "reports/lint.json", "-f", "json"]);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(join(root, "reports/lint.json"), "utf8"))[0].errorCount).toBe(2);
  });

  it("uses the github format when GITHUB_ACTIONS=true, with the documented syntax", async () => {
    const root = project({ "m,1.provex.yaml": broken });
    process.env.GITHUB_ACTIONS = "true";
    const run = await lintIn(root);
    expect(run.stdout).toBe(
      [
        '::error file=m%2C1.provex.yaml,line=1,col=10,endLine=1,endColumn=14,title=provex(config-value)::dialect must be entra or provex, not "entr".',
        '::error file=m%2C1.provex.yaml,line=8,col=5,endLine=8,endColumn=12,title=provex(unknown-property)::Unknown key "defualt" in a mapping; did you mean default?',
        "",
      ].join("\n"),
    );
  });

  it("prints ESLint's JSON result shape, field for field", async () => {
    const root = project({
      "m.provex.yaml": broken,
      "w.provex.yaml": unusedDirective,
      "ok.provex.yaml": clean,
    });
    const results = JSON.parse((await lintIn(root, ["-f", "json"])).stdout);
    const [m, ok, w] = results;
    expect(Object.keys(m)).toEqual([
      "filePath",
      "messages",
      "suppressedMessages",
      "errorCount",
      "fatalErrorCount",
      "warningCount",
      "fixableErrorCount",
      "fixableWarningCount",
      "source",
      "usedDeprecatedRules",
    ]);
    expect(m.filePath).toBe(join(root, "m.provex.yaml"));
    expect(m.messages[0]).toEqual({
      ruleId: "config-value",
      severity: 2,
      message: 'dialect must be entra or provex, not "entr".',
      line: 1,
      column: 10,
      endLine: 1,
      endColumn: 14,
    });
    expect(m.source).toBe(broken);
    expect(ok).toEqual({
      filePath: join(root, "ok.provex.yaml"),
      messages: [],
      suppressedMessages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
    expect(w.messages[0]).toMatchObject({
      ruleId: "unused-disable-directive",
      severity: 1,
      line: 2,
      column: 3,
    });
    expect(w.messages[0].fix).toEqual({ range: [10, 51], text: "" });
    expect([w.warningCount, w.fixableWarningCount]).toEqual([1, 1]);
  });

  it("lists suppressed findings with ESLint's suppressions", async () => {
    const text = `mappings:\n${user}    # provex-disable-next-line unknown-property -- kept for the next release\n    extra: 1\n`;
    const root = project({ "s.provex.yaml": text });
    const [result] = JSON.parse((await lintIn(root, ["-f", "json"])).stdout);
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages).toEqual([
      expect.objectContaining({
        ruleId: "unknown-property",
        line: 6,
        suppressions: [{ kind: "directive", justification: "kept for the next release" }],
      }),
    ]);
  });
});
