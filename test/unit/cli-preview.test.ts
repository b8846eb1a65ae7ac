import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const directory = mkdtempSync(join(tmpdir(), "provex-preview-"));
const file = (name: string, content: string) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

/** A configuration that needs no function still being wired into the registry. */
const config = file(
  "config.yaml",
  `scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: displayName, attribute: displayName }
  - { target: active, expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' }
  - { target: externalId, expression: 'Guid()' }
`,
);
const people = [
  { userPrincipalName: "ada@contoso.com", displayName: "Ada", department: "Sales", IsSoftDeleted: "False" },
  {
    userPrincipalName: "bob@contoso.com",
    displayName: "Bob",
    department: "Marketing",
    IsSoftDeleted: "False",
  },
  {
    userPrincipalName: "cy@contoso.com",
    displayName: "Cy (new)",
    department: "Sales",
    IsSoftDeleted: "False",
  },
];
const usersJson = file("users.json", JSON.stringify(people));
const usersJsonl = file("users.jsonl", `${people.map((p) => JSON.stringify(p)).join("\n")}\n`);
const usersCsv = file(
  "users.csv",
  `userPrincipalName,displayName,department,IsSoftDeleted\n${people.map((p) => `${p.userPrincipalName},"${p.displayName}",${p.department},False`).join("\n")}\n`,
);
const target = file(
  "target.json",
  JSON.stringify([{ id: "t-cy", userName: "cy@contoso.com", displayName: "Cy", active: true }]),
);

const jsonl = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("provex preview", () => {
  it("prints one readable block per user and a closing count, exit 0", async () => {
    const run = await runCli([
      "preview",
      "--config",
      config,
      "--users",
      usersJson,
      "--target",
      target,
      "--seed",
      "1",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^#1 Create +Ada/m);
    expect(run.stdout).toMatch(/^#2 Skip +Bob/m);
    expect(run.stdout).toMatch(/^#3 Update +Cy \(new\)/m);
    expect(run.stdout).toContain("POST /Users");
    expect(run.stdout).toContain("PATCH /Users/t-cy");
    expect(run.stdout).toContain('✗ department EQUALS "Sales" (is "Marketing")');
    expect(run.stdout.trim().split("\n").at(-1)).toBe(
      "3 users: 1 create, 1 update, 0 disable, 1 skip, 0 error",
    );
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("reads JSON, JSONL and CSV users to the same results", async () => {
    const results: { action: string }[][] = [];
    for (const users of [usersJson, usersJsonl, usersCsv]) {
      const run = await runCli([
        "preview",
        "--config",
        config,
        "--users",
        users,
        "--target",
        target,
        "--format",
        "jsonl",
        "--seed",
        "7",
      ]);
      expect(run.code).toBe(0);
      results.push(jsonl(run.stdout));
    }
    expect(results[0]?.map((r) => r.action)).toEqual(["Create", "Skip", "Update"]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("--format json writes one array; --seed makes Guid reproducible", async () => {
    const args = ["preview", "--config", config, "--users", usersJson, "--format", "json", "--seed", "42"];
    const first = await runCli(args);
    const second = await runCli(args);
    const parsed = JSON.parse(first.stdout);
    expect(parsed).toHaveLength(3);
    expect(parsed[0].requests[0].body.externalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.stdout).toBe(first.stdout);
    const other = await runCli([...args.slice(0, -1), "43"]);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it("exits 1 when some user fails, and reports a bad JSONL line as that user's error", async () => {
    const users = file("bad.jsonl", `${JSON.stringify(people[0])}\n{not json\n`);
    const run = await runCli(["preview", "--config", config, "--users", users, "--format", "jsonl"]);
    expect(run.code).toBe(1);
    const results = jsonl(run.stdout);
    expect(results.map((r: { action: string }) => r.action)).toEqual(["Create", "Error"]);
    expect(results[1].error.code).toBe("invalid-user");
  });

  it("prints configuration errors with file, line and column and exits 1", async () => {
    const bad = file("bad.yaml", "mappings:\n  - { target: userName, expression: 'Jion([a])', match: 1 }\n");
    const run = await runCli(["preview", "--config", bad, "--users", usersJson]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:2:38 error`);
    expect(run.stderr).toContain("[unknown-function]");
    expect(run.stdout).toBe("");
  });

  it("previews the shared fixtures (the issue's done-means command)", async () => {
    const run = await runCli([
      "preview",
      "--config",
      join(FIXTURES, "entra-scim-schema.json"),
      "--users",
      join(FIXTURES, "users.json"),
      "--target",
      join(FIXTURES, "target-users.json"),
      "--format",
      "jsonl",
    ]);
    const results = jsonl(run.stdout);
    expect(results).toHaveLength(14);
    expect(results[13].error.code).toBe("DuplicateTargetEntries");
    expect(run.code).toBe(1);
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await runCli(["preview", "--users", usersJson])).code).toBe(2);
    expect((await runCli(["preview", "--config", config])).code).toBe(2);
    expect(
      (await runCli(["preview", "--config", config, "--users", usersJson, "--format", "xml"])).code,
    ).toBe(2);
    expect(
      (await runCli(["preview", "--config", config, "--users", usersJson, "--now", "yesterday"])).code,
    ).toBe(2);
    expect(
      (await runCli(["preview", "--config", config, "--users", join(directory, "missing.json")])).code,
    ).toBe(2);
  });

  it("shows a progress bar on a terminal's stderr for long inputs only", async () => {
    const many = file(
      "many.json",
      JSON.stringify(
        Array.from({ length: 600 }, (_, i) => ({ userPrincipalName: `u${i}@x`, department: "Sales" })),
      ),
    );
    const run = async (isTTY: boolean) => {
      let stderr = "";
      let stdout = "";
      const code = await main(["preview", "--config", config, "--users", many, "--format", "jsonl"], {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text), isTTY },
        env: {},
      });
      return { code, stderr, lines: stdout.trim().split("\n").length };
    };
    const tty = await run(true);
    expect(tty.code).toBe(0);
    expect(tty.lines).toBe(600);
    expect(tty.stderr).toMatch(/\r\[#{30}\] 100% 600 users/);
    expect((await run(false)).stderr).toBe("");
  });

  it("colours stdout only when stdout is a terminal, whatever stderr is", async () => {
    const run = async (stdoutIsTTY: boolean, env: NodeJS.ProcessEnv = {}) => {
      let stdout = "";
      await main(["preview", "--config", config, "--users", usersJson], {
        stdout: { write: (text: string) => (stdout += text), isTTY: stdoutIsTTY },
        stderr: { write: () => true, isTTY: !stdoutIsTTY },
        env,
      });
      return stdout;
    };
    expect(await run(true)).toContain("\u001b[");
    expect(await run(false)).not.toContain("\u001b[");
    expect(await run(true, { NO_COLOR: "1" })).not.toContain("\u001b[");
  });
});
