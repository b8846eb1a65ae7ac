import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import json from "@eslint/json";
import { ESLint } from "eslint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as yamlParser from "yaml-eslint-parser";
import plugin from "../../src/lint/eslint-plugin.js";
import { lintRules } from "../../src/lint/index.js";
import { runCli } from "../helpers/cli.js";
import { failures, validate } from "../helpers/sarif.js";

// The whole pipeline — file discovery, settings, every formatter, --fix and the ESLint plugin — over
// the real rules and the deliberately broken configurations of test/fixtures/lint, whose expected.json
// lists every finding (file, rule, line, column).
const FIXTURES = resolve(import.meta.dirname, "../fixtures/lint");
const SHARED = resolve(import.meta.dirname, "../fixtures/shared");
interface Expected {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly column: number;
}
const expected: Expected[] = JSON.parse(readFileSync(join(FIXTURES, "expected.json"), "utf8"));
const key = (f: Expected) => `${f.file} ${f.rule} ${f.line}:${f.column}`;
const expectedKeys = expected.map(key).sort();
const configFiles = readdirSync(FIXTURES).filter(
  (name) => /\.(ya?ml|json)$/.test(name) && name !== "expected.json",
);

/** A copy of the fixtures (so that --fix can write), the current folder while the CLI runs. */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), "provex-pipeline-"));
  for (const name of configFiles) cpSync(join(FIXTURES, name), join(root, name));
  return root;
}

let cwd: string;
let githubActions: string | undefined;
beforeEach(() => {
  cwd = process.cwd();
  githubActions = process.env.GITHUB_ACTIONS;
  delete process.env.GITHUB_ACTIONS;
});
afterEach(() => {
  process.chdir(cwd);
  if (githubActions !== undefined) process.env.GITHUB_ACTIONS = githubActions;
});
const lintIn = (root: string, args: string[]) => {
  process.chdir(root);
  return runCli(["lint", ...args]);
};

describe("provex lint over test/fixtures/lint", () => {
  it("finds every configuration of the folder and reports exactly expected.json (json formatter)", async () => {
    const run = await lintIn(copy(), ["-f", "json"]);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
    }[];
    expect(results.map((r) => r.filePath.split("/").pop()).sort()).toEqual([...configFiles].sort());
    const actual = results.flatMap((r) =>
      r.messages.map((m) =>
        key({ file: r.filePath.split("/").pop()!, rule: m.ruleId, line: m.line, column: m.column }),
      ),
    );
    expect(actual.sort()).toEqual(expectedKeys);
    for (const m of results.flatMap((r) => r.messages))
      expect(m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column)).toBe(true);
  });

  it("prints one GitHub workflow command per finding, in the documented syntax", async () => {
    process.env.GITHUB_ACTIONS = "true";
    const run = await lintIn(copy(), []);
    const lines = run.stdout.trimEnd().split("\n");
    const syntax =
      /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=provex\(([a-z-]+)\)::(.+)$/;
    const actual = lines.map((line) => {
      const match = syntax.exec(line);
      expect(match, line).not.toBeNull();
      const [, , file, row, column, , , rule] = match!;
      return key({ file: file!, rule: rule!, line: Number(row), column: Number(column) });
    });
    expect(actual.sort()).toEqual(expectedKeys);
  });

  it("summarises the stylish report with the number of problems", async () => {
    const run = await lintIn(copy(), ["-f", "stylish"]);
    const errors = expected.filter(
      (f) => lintRules.find((r) => r.meta.id === f.rule)?.meta.defaultSeverity === "error",
    );
    expect(run.stdout).toContain(
      `✖ ${expected.length} problems (${errors.length} errors, ${expected.length - errors.length} warnings)`,
    );
    for (const name of configFiles) expect(`\n${run.stdout}`).toContain(`\n${name}\n`);
  });

  it("--fix rewrites only the lines with fixable findings, after which no fixable rule reports", async () => {
    const root = copy();
    const before = JSON.parse((await lintIn(root, ["-f", "json"])).stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; fix?: unknown }[];
      source: string;
    }[];
    await lintIn(root, ["--fix"]);
    const after = JSON.parse((await lintIn(root, ["-f", "json"])).stdout) as typeof before;
    const fixable = new Set(lintRules.filter((r) => r.meta.fixable).map((r) => r.meta.id));
    let changedFiles = 0;
    for (const result of before) {
      const name = result.filePath.split("/").pop()!;
      const original = readFileSync(join(FIXTURES, name), "utf8").split("\n");
      const now = readFileSync(join(root, name), "utf8").split("\n");
      const fixedLines = new Set(result.messages.filter((m) => m.fix).map((m) => m.line));
      // Every line that differs, or that a fix removed (a default dropped with its line), had a fix.
      let j = 0;
      original.forEach((line, index) => {
        if (line === now[j]) {
          j++;
          return;
        }
        expect(fixedLines.has(index + 1), `${name}:${index + 1}`).toBe(true);
        if (original[index + 1] !== now[j]) j++;
      });
      expect(j, name).toBe(now.length);
      if (now.join("\n") !== original.join("\n")) changedFiles++;
    }
    expect(changedFiles).toBeGreaterThan(0);
    const left = after.flatMap((r) => r.messages.filter((m) => fixable.has(m.ruleId)));
    expect(left).toEqual([]);
  });

  it("writes SARIF whose results are the expected findings", async () => {
    const run = await lintIn(copy(), ["-f", "sarif"]);
    const log = JSON.parse(run.stdout);
    const results = log.runs[0].results as {
      ruleId: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
    const actual = results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return key({
        file: artifactLocation.uri,
        rule: r.ruleId,
        line: region.startLine,
        column: region.startColumn,
      });
    });
    expect(actual.sort()).toEqual(expectedKeys);
    expect(failures(validate(log))).toEqual([]);
  }, 120_000);

  it("gives no error on the shared fixtures (exit 0)", async () => {
    process.chdir(SHARED);
    const run = await runCli(["lint", "--quiet"]);
    expect([run.code, run.stdout]).toEqual([0, ""]);
  });
});

describe("the ESLint plugin over test/fixtures/lint", () => {
  it("reports exactly expected.json, as provex/<rule>", async () => {
    const eslint = new ESLint({
      cwd: FIXTURES,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ["**/*.json"], plugins: { json }, language: "json/json" },
        { files: ["**/*.yaml", "**/*.yml"], languageOptions: { parser: yamlParser } },
        { files: ["**/*.json", "**/*.yaml", "**/*.yml"], ...plugin.configs.recommended },
      ] as never,
    });
    const results = await eslint.lintFiles(["*.json", "*.yaml"]);
    const actual = results.flatMap((r) =>
      r.messages.map((m) => {
        expect(m.ruleId ?? m.message).toMatch(/^provex\//);
        return key({
          file: r.filePath.split("/").pop()!,
          rule: m.ruleId!.slice(7),
          line: m.line,
          column: m.column,
        });
      }),
    );
    expect(actual.sort()).toEqual(expectedKeys);
  });
});
