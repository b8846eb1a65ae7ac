import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { parse as parseYaml } from "yaml";
import { loadConfig, runTests } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";

const ROOT = join(import.meta.dirname, "../..");
const SHARED = join(ROOT, "test/fixtures/shared");
const example = join(ROOT, "examples/shared.provex-test.yaml");
const xsd = readFileSync(join(ROOT, "test/fixtures/junit/junit.xsd"), "utf8");

/** A suite in a fresh folder, its paths pointing at the shared fixtures. */
function suite(body: string, name = "app.provex-test.yaml"): string {
  const folder = mkdtempSync(join(tmpdir(), "provex-test-"));
  const path = join(folder, name);
  writeFileSync(
    path,
    `config: ${join(SHARED, "provex-config.yaml")}\ntarget: ${join(SHARED, "target-users.json")}\nusers: ${join(SHARED, "users.json")}\nnow: 2026-03-01T09:00:00Z\n${body}`,
  );
  return path;
}

const failing = `cases:
  - name: Zoë is updated
    user: zoe.angstrom@contoso.com
    expect:
      action: Update
      attributes:
        title: Account Manager
        locale: { absent: true }
        userName: { pattern: '@fabrikam\\.com$' }
        displayName: Zoë Ångström
  - name: José is matched
    user: jose.garcia@contoso.com
    expect: { match: 9e3c991c-cab0-451c-a463-fb209b9ca034, scope: in, warnings: [] }
`;

async function junitValid(text: string) {
  return validateXML({
    xml: [{ fileName: "report.xml", contents: text }],
    schema: [{ fileName: "junit.xsd", contents: xsd }],
  });
}

describe("provex test", () => {
  it("runs the example suite for the shared fixtures: every case passes", async () => {
    const run = await runCli(["test", example]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^examples\/shared\.provex-test\.yaml\n/);
    expect(run.stdout).toContain("  11:5    ✓ Zoë is created with her two roles and José as manager\n");
    expect(run.stdout).toMatch(/\n12 passed, 0 failed\n$/);
  });

  it("the example suite follows schemas/provex-test.schema.json, which refuses a broken one", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas/provex-test.schema.json"), "utf8"));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const document = parseYaml(readFileSync(example, "utf8"));
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...document, extra: 1 })).toBe(false);
    expect(validate({ config: "x", cases: [{ name: "n", user: "u" }] })).toBe(false);
    expect(validate({ config: "x", cases: [{ name: "n", user: "u", expect: { action: "Created" } }] })).toBe(
      false,
    );
    expect(
      validate({
        config: "x",
        cases: [{ name: "n", user: "u", expect: { attributes: { a: { absent: false } } } }],
      }),
    ).toBe(false);
  });

  it("reports each failure with the expected and the actual value at its line and column, exit 1", async () => {
    const path = suite(failing);
    const run = await runCli(["test", path]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines).toContain("  6:5     ✗ Zoë is updated");
    expect(lines).toContain("    9:15    action: expected Update, actual Create");
    expect(lines).toContain('    11:16   title: expected "Account Manager", actual "Account Executive"');
    expect(lines).toContain('    12:17   locale: expected not sent, actual "en-US"');
    expect(lines).toContain(
      '    13:19   userName: expected matching @fabrikam\\.com$, actual "zoe.angstrom@contoso.com"',
    );
    expect(run.stdout).not.toContain("displayName:");
    expect(lines).toContain("  15:5    ✓ José is matched");
    expect(run.stdout).toMatch(/\n1 passed, 1 failed\n$/);
  });

  it("writes JSON with every case, its failures and its actual result", async () => {
    const run = await runCli(["test", suite(failing), "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ suites: 1, cases: 2, passed: 1, failed: 1 });
    const [zoe] = report.suites[0].cases;
    expect(zoe).toMatchObject({ name: "Zoë is updated", line: 6, column: 5, status: "failed" });
    expect(zoe.failures.map((f: { field: string }) => f.field)).toEqual([
      "action",
      "attributes.title",
      "attributes.locale",
      "attributes.userName",
    ]);
    expect(zoe.failures[1]).toMatchObject({
      expected: '"Account Manager"',
      actual: '"Account Executive"',
      line: 11,
      column: 16,
    });
    expect(zoe.actual).toMatchObject({ action: "Create", scope: "in", match: null, error: null });
  });

  it("writes JUnit XML that validates against the common JUnit schema, escaped", async () => {
    const hostile = `cases:
  - name: "<b>&amp; \\"quoted\\" 'x' \\u0001 ]]>"
    user: zoe.angstrom@contoso.com
    expect: { action: Skip }
  - name: passes
    user: zoe.angstrom@contoso.com
    expect: { action: Create }
`;
    const run = await runCli(["test", suite(hostile, "x&y.provex-test.yaml"), "-f", "junit"]);
    expect(run.code).toBe(1);
    const result = await junitValid(run.stdout);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(run.stdout).toContain('<testsuites name="provex test" tests="2" failures="1" errors="0"');
    expect(run.stdout).toContain('name="&lt;b&gt;&amp;amp; &quot;quoted&quot; &apos;x&apos; \\u0001 ]]&gt;"');
    expect(run.stdout).toMatch(
      /<failure message="action: expected Skip, actual Create" type="action">[^<]*x&amp;y\.provex-test\.yaml:8:23/,
    );
    // The schema is not a formality: a report missing what CI systems need is refused.
    expect((await junitValid(run.stdout.replace(/(<testsuite name[^>]*?) failures="\d+"/, "$1"))).valid).toBe(
      false,
    );
    expect((await junitValid(run.stdout.replace(' type="action"', ""))).valid).toBe(false);
    expect((await junitValid(run.stdout.replace("<properties/>", ""))).valid).toBe(false);
    // The example suite's report too.
    expect((await junitValid((await runCli(["test", example, "-f", "junit"])).stdout)).valid).toBe(true);
  });

  it("annotates a pull request with GitHub workflow commands (the default on GitHub Actions)", async () => {
    const path = suite(failing);
    const run = await runCli(["test", path, "-f", "github"]);
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(annotations).toHaveLength(4);
    expect(annotations[0]).toMatch(
      /^::error file=[^,]*app\.provex-test\.yaml,line=9,col=15,title=provex test%3A Zoë is updated::action: expected Update, actual Create$/,
    );
    const previous = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = "true";
    try {
      expect((await runCli(["test", path])).stdout).toContain("::error file=");
    } finally {
      if (previous === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = previous;
    }
  });

  it("--update writes the actual result into snapshot cases only, keeping the rest as written", async () => {
    const body = `# the team's suite
cases:
  - name: Ethan   # new hire
    user: ethan.brooks@fabrikam.com
    snapshot: true   # written by --update
  - name: José, stale snapshot
    user: jose.garcia@contoso.com
    snapshot: true
    expect:
      action: Create   # wrong, replaced
  - name: Björn, checked by hand
    user: bjorn.ostergaard@contoso.com
    expect: { action: Skip }   # kept
`;
    const path = suite(body);
    const before = readFileSync(path, "utf8");
    expect((await runCli(["test", path])).code).toBe(1);
    const run = await runCli(["test", path, "--update"]);
    expect(run.stderr).toMatch(/wrote 2 snapshots/);
    expect(run.code).toBe(0);
    const after = readFileSync(path, "utf8");
    // Everything outside the two expect: blocks is unchanged, comments included.
    expect(
      after.startsWith(before.slice(0, before.indexOf("    snapshot: true   # written by --update"))),
    ).toBe(true);
    expect(after).toContain(
      "    snapshot: true   # written by --update\n    expect:\n      action: Create\n      scope: in\n      match: none\n      error: none\n      warnings: []\n      attributes:\n        userName: ethan.brooks@fabrikam.com\n",
    );
    expect(after).toContain('        phoneNumbers[type eq "mobile"].value: "4255550187"\n');
    expect(after).toContain(
      "    snapshot: true\n    expect:\n      action: Update\n      scope: in\n      match: 9e3c991c-cab0-451c-a463-fb209b9ca034\n",
    );
    expect(after).not.toContain("# wrong, replaced");
    expect(
      after.endsWith(
        "  - name: Björn, checked by hand\n    user: bjorn.ostergaard@contoso.com\n    expect: { action: Skip }   # kept\n",
      ),
    ).toBe(true);
    // Idempotent: a second update changes nothing.
    await runCli(["test", path, "--update"]);
    expect(readFileSync(path, "utf8")).toBe(after);
  });

  it("exits 2 with positioned errors for a broken expectation file, and for usage errors", async () => {
    const typo = suite(
      "cases:\n  - name: x\n    user: zoe.angstrom@contoso.com\n    expect: { acton: Create }\n",
    );
    const run = await runCli(["test", typo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /app\.provex-test\.yaml:8:15 error expect: takes action, skipReason, scope, match, error, warnings, attributes; not "acton"\. \[test-file\]/,
    );
    const unknown = await runCli([
      "test",
      suite("cases:\n  - name: x\n    user: nobody@contoso.com\n    expect: { action: Create }\n"),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /:6:5 error No user of the users file has objectId, userPrincipalName or mailNickname "nobody@contoso\.com"/,
    );
    const cases: [string[], RegExp][] = [
      [
        ["test", join(tmpdir(), "no-such.provex-test.yaml")],
        /cannot read .*no-such\.provex-test\.yaml: no such file/,
      ],
      [["test", mkdtempSync(join(tmpdir(), "provex-empty-"))], /Nothing to test in/],
      [["test", example, "--format", "tap"], /--format is stylish, json, junit, github/],
      [["test", example, "--updat"], /did you mean '--update'/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr, argv.join(" ")).toMatch(message);
    }
    const noConfig = suite("cases: []\n").replace(/$/, "");
    writeFileSync(noConfig, "cases: []\n");
    expect((await runCli(["test", noConfig])).stderr).toMatch(/:1:1 error The file needs config:/);
  });
});

describe("runTests (library)", () => {
  it("runs a suite built in code, with an inline user", () => {
    const config = loadConfig(readFileSync(join(SHARED, "provex-config.yaml"), "utf8"));
    const position = { line: 1, column: 1 };
    const results = runTests({
      name: "inline",
      config,
      cases: [
        {
          name: "a Sales user is created",
          user: {
            userPrincipalName: "a@contoso.com",
            department: "Sales",
            jobTitle: "Rep",
            IsSoftDeleted: "False",
          },
          expect: { action: "Create", scope: "in", attributes: { title: { kind: "equals", value: "Rep" } } },
          snapshot: false,
          position,
          positions: {},
        },
        {
          name: "Marketing is out of scope",
          user: { userPrincipalName: "b@contoso.com", department: "Marketing" },
          expect: { scope: "in" },
          snapshot: false,
          position,
          positions: {},
        },
      ],
    });
    expect(results.passed).toBe(1);
    expect(results.failed).toBe(1);
    expect(results.cases[1]?.failures).toEqual([
      { field: "scope", expected: "in", actual: "out", message: "scope: expected in, actual out", position },
    ]);
  });
});
