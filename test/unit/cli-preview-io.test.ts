import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeResult } from "../../src/cli/preview-output.js";
import { palette } from "../../src/cli/report.js";
import { MAX_LINE_LENGTH } from "../../src/cli/users-input.js";
import type { UserPreview } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

/** provex preview's inputs and outputs: standard input, --users-format, lean records, limits, the bar. */

const directory = mkdtempSync(join(tmpdir(), "provex-preview-io-"));
const file = (name: string, content: string) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};
const plain = palette(false);

const config = file(
  "config.yaml",
  `mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: displayName, attribute: displayName }
  - { target: title, expression: 'Replace([a], , "x", , [a], , )' }
`,
);
const people = [
  { userPrincipalName: "ada@contoso.com", displayName: "Ada" },
  { userPrincipalName: "bob@contoso.com", displayName: "Bob" },
];
const asJsonl = (users: unknown[]) => `${users.map((u) => JSON.stringify(u)).join("\n")}\n`;
const asCsv = "userPrincipalName,displayName\nada@contoso.com,Ada\nbob@contoso.com,Bob\n";

/** Runs provex in process with standard input and terminal flags of our choosing. */
function runWith(argv: string[], options: { stdin?: string; stdoutTTY?: boolean; stderrTTY?: boolean } = {}) {
  return runCli(argv, {
    stdin: options.stdin,
    tty: { stdout: options.stdoutTTY, stderr: options.stderrTTY },
  });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
const preview = (...rest: string[]) => ["preview", "--config", config, ...rest];

describe("--users - and --users-format", () => {
  it("reads JSON Lines, a JSON array and CSV from standard input, recognised by the first character", async () => {
    const expected = ["ada@contoso.com", "bob@contoso.com"];
    for (const stdin of [asJsonl(people), JSON.stringify(people), asCsv, `\uFEFF${asJsonl(people)}`]) {
      const run = await runWith(preview("--users", "-", "--format", "jsonl"), { stdin });
      expect(run.code).toBe(0);
      expect(lines(run.stdout).map((r) => r.id)).toEqual(expected);
    }
  });

  it("--users-format says how to read a file whatever its name, and standard input", async () => {
    const jsonlNamedTxt = file("users.txt", asJsonl(people));
    const streamed = await runCli([
      ...preview("--users", jsonlNamedTxt, "--users-format", "jsonl"),
      "--format",
      "jsonl",
    ]);
    expect(lines(streamed.stdout).map((r) => r.action)).toEqual(["Create", "Create"]);
    const csvNamedData = file("users.data", asCsv);
    const csv = await runCli([
      ...preview("--users", csvNamedData, "--users-format", "csv"),
      "--format",
      "jsonl",
    ]);
    expect(lines(csv.stdout)).toHaveLength(2);
    const pretty = JSON.stringify(people[0], null, 2);
    const one = await runWith(preview("--users", "-", "--users-format", "json", "--format", "jsonl"), {
      stdin: pretty,
    });
    expect(lines(one.stdout).map((r) => r.id)).toEqual(["ada@contoso.com"]);
    // JSON Lines on standard input whose first line would be sniffed as a JSON document: the flag decides.
    const jsonlStdin = `[1]\n${asJsonl(people)}`;
    const told = await runWith(preview("--users", "-", "--users-format", "jsonl", "--format", "jsonl"), {
      stdin: jsonlStdin,
    });
    expect(lines(told.stdout).map((r) => [r.action, r.error?.code])).toEqual([
      ["Error", "invalid-user"],
      ["Create", undefined],
      ["Create", undefined],
    ]);
    const guessed = await runWith(preview("--users", "-", "--format", "jsonl"), { stdin: jsonlStdin });
    expect(guessed.code).not.toBe(0);
    // Sniffed as JSON Lines, a pretty-printed document fails line by line, with a hint.
    const sniffed = await runWith(preview("--users", "-", "--format", "jsonl"), { stdin: pretty });
    expect(sniffed.code).toBe(1);
    expect(lines(sniffed.stdout)[0].error.message).toContain("--users-format json");
  });

  it("rejects an unknown --users-format with exit 2", async () => {
    const run = await runCli(preview("--users", file("u.json", "[]"), "--users-format", "xml"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--users-format is json, jsonl or csv");
  });

  it("streams CRLF lines, skips blank ones, and names the line and column of a broken one", async () => {
    const users = file(
      "crlf.jsonl",
      `${JSON.stringify(people[0])}\r\n\r\n{"userPrincipalName": x}\r\n${JSON.stringify(people[1])}`,
    );
    const run = await runCli([...preview("--users", users), "--format", "jsonl"]);
    const results = lines(run.stdout);
    expect(results.map((r) => r.action)).toEqual(["Create", "Error", "Create"]);
    expect(results[1].error.code).toBe("invalid-user");
    expect(results[1].error.message).toMatch(/crlf\.jsonl: line 3\b.* is not a JSON object/);
  });
});

describe("records", () => {
  it("a JSONL record is lean by default (no steps); --details adds the steps; text always shows them", async () => {
    const users = file("two.json", JSON.stringify(people));
    const lean = lines((await runCli([...preview("--users", users), "--format", "jsonl"])).stdout);
    expect(Object.keys(lean[0])).toEqual([
      "index",
      "id",
      "displayName",
      "action",
      "summary",
      "match",
      "requests",
      "warnings",
    ]);
    const full = lines(
      (await runCli([...preview("--users", users), "--format", "jsonl", "--details"])).stdout,
    );
    expect(full[0].steps.map((s: { name: string }) => s.name)).toEqual([
      "import",
      "scope",
      "match",
      "action",
    ]);
    expect({ ...full[0], steps: undefined }).toEqual({ ...lean[0], steps: undefined });
    const json = JSON.parse((await runCli([...preview("--users", users), "--format", "json"])).stdout);
    expect(json[0]).not.toHaveProperty("steps");
    const text = (await runCli(preview("--users", users))).stdout;
    expect(text).toMatch(/^ {3}import ok/m);
  });

  it("--show-redacted reveals what every format otherwise shows as [Redact]", async () => {
    const redacting = file(
      "redact.yaml",
      "mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n  - { target: password, expression: 'Redact([pw])' }\n",
    );
    const users = file("pw.json", JSON.stringify([{ userPrincipalName: "a@x", pw: "hunter2" }]));
    for (const format of ["text", "json", "jsonl"]) {
      const hidden = await runCli(["preview", "--config", redacting, "--users", users, "--format", format]);
      expect(hidden.stdout).toContain("[Redact]");
      expect(hidden.stdout).not.toContain("hunter2");
      const shown = await runCli([
        "preview",
        "--config",
        redacting,
        "--users",
        users,
        "--format",
        format,
        "--show-redacted",
      ]);
      expect(shown.stdout).toContain("hunter2");
    }
  });

  it("a configuration with only a Group mapping says so once and exits 1, previewing nobody", async () => {
    const groups = file(
      "groups.yaml",
      "object: { name: Groups, source: Group, target: Group }\nmappings:\n  - { target: displayName, attribute: displayName, match: 1 }\n",
    );
    const run = await runCli([
      "preview",
      "--config",
      groups,
      "--users",
      file("g.json", JSON.stringify(people)),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("no object mapping for users (source object User)");
    expect(run.stderr).toContain('"Groups" (Group → Group)');
  });

  it("a target that is not SCIM is labelled in the text report, with its attribute changes and no POST", async () => {
    const salesforce = file(
      "salesforce.yaml",
      "entra:\n  rules:\n    - { id: R, targetDirectoryName: salesforce.com }\nobject: { source: User, target: User }\nmappings:\n  - { target: Username, attribute: userPrincipalName, match: 1 }\n",
    );
    const run = await runCli([
      "preview",
      "--config",
      salesforce,
      "--users",
      file("s.json", JSON.stringify(people)),
    ]);
    expect(run.stdout).toContain("Attribute changes exported to salesforce.com (not a SCIM app)");
    expect(run.stdout).toContain('Username: (none) → "ada@contoso.com"');
    expect(run.stdout).not.toContain("POST");
    const forced = await runCli([
      "preview",
      "--config",
      salesforce,
      "--users",
      file("s2.json", JSON.stringify(people)),
      "--target-kind",
      "scim",
      "--format",
      "jsonl",
    ]);
    expect(lines(forced.stdout)[0].attributeChanges).toBeUndefined();
  });
});

describe("resource limits end one user, never the run", () => {
  const big = { userPrincipalName: "big@x", a: "x".repeat(30_000) };

  it("Replace past the string limit is value-too-large in every format, and the next user is previewed", async () => {
    const users = file("big.jsonl", asJsonl([big, people[0]]));
    for (const format of ["jsonl", "json", "text"]) {
      const run = await runCli([...preview("--users", users), "--format", format]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain("internal error");
      expect(run.stdout).toContain("value-too-large");
      expect(run.stdout).toContain("ada@contoso.com");
    }
  });

  it("a JSON Lines line longer than the limit is that user's value-too-large; the lines after it go on", async () => {
    const long = `{"userPrincipalName":"long@x","a":"${"y".repeat(MAX_LINE_LENGTH)}"}`;
    const users = file("long.jsonl", `${long}\n${JSON.stringify(people[1])}\n`);
    const run = await runCli([...preview("--users", users), "--format", "jsonl"]);
    const results = lines(run.stdout);
    expect(results.map((r) => [r.action, r.error?.code])).toEqual([
      ["Error", "value-too-large"],
      ["Create", undefined],
    ]);
    expect(results[0].error.message).toContain("line 1 is longer than 16,777,216 bytes");
  });

  it("a user whose --details would nest past the stack is value-too-large, in json and jsonl", async () => {
    const deep = `{"userPrincipalName":"deep@x","deep":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const users = file("deep.jsonl", `${deep}\n${JSON.stringify(people[0])}\n`);
    for (const format of ["jsonl", "json"]) {
      const run = await runCli([...preview("--users", users), "--format", format, "--details"]);
      expect(run.stderr).not.toContain("internal error");
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("value-too-large");
      expect(run.stdout).toContain("ada@contoso.com");
    }
  });

  it("a result that cannot be serialised is written as that user's value-too-large in every format", () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const result = {
      index: 4,
      id: "u5",
      displayName: "Deep",
      action: "Create",
      summary: "Create",
      match: null,
      steps: [{ name: "action", title: "", status: "success", description: "", details: { deep } }],
      requests: [{ method: "POST", path: "/Users", body: { deep } }],
      warnings: [],
    } as unknown as UserPreview;
    for (const format of ["jsonl", "json", "text"] as const) {
      const { text, written } = serializeResult(result, format, true, plain, false);
      expect(written.error?.code).toBe("value-too-large");
      expect(written.index).toBe(4);
      expect(text).toContain("value-too-large");
    }
  });
});

describe("the progress bar", () => {
  const many = file(
    "many.json",
    JSON.stringify(Array.from({ length: 600 }, (_, i) => ({ userPrincipalName: `u${i}@x` }))),
  );

  it("is drawn on a terminal's stderr while stdout goes to a file or pipe", async () => {
    const run = await runWith(preview("--users", many, "--format", "jsonl"), {
      stderrTTY: true,
      stdoutTTY: false,
    });
    expect(run.stderr).toMatch(/\r\[#{30}\] 100% 600 users/);
    expect(run.stdout.trim().split("\n")).toHaveLength(600);
  });

  it("is not drawn when stdout and stderr share the terminal, so it never runs into the results", async () => {
    const run = await runWith(preview("--users", many, "--format", "jsonl"), {
      stderrTTY: true,
      stdoutTTY: true,
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toContain("\r");
  });
});
