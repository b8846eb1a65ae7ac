import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const SHARED = join(import.meta.dirname, "../fixtures/shared");
const REVIEW = join(import.meta.dirname, "../fixtures/review");
const oldFile = join(SHARED, "provex-config.yaml");
const newFile = join(REVIEW, "provex-config-changed.yaml");
const users = join(SHARED, "users.json");
const target = join(SHARED, "target-users.json");
const fixed = ["--now", "2026-03-01T00:00:00Z"];

describe("provex diff", () => {
  it("prints the changed users and the summary as text, exit 0 (1 with --exit-code)", async () => {
    const run = await runCli(["diff", oldFile, newFile, "--users", users, "--target", target, ...fixed]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Björn Østergaard (ff22a9ae-0c73-4b63-b2a9-e0290554cc2c)  Skip (RedundantExport) → Update\n  title: (not sent) → "Solutions Engineer - Sales"\n',
    );
    expect(run.stdout).toContain('  preferredLanguage: "sv-SE" → (not sent)\n');
    expect(run.stdout).toContain("11 of 14 users change; 3 unchanged.\n");
    expect(run.stdout).not.toContain("Priya");
    const strict = await runCli([
      "diff",
      oldFile,
      newFile,
      "--users",
      users,
      "--target",
      target,
      ...fixed,
      "--exit-code",
    ]);
    expect(strict.code).toBe(1);
    const same = await runCli(["diff", oldFile, oldFile, "--users", users, "--exit-code", ...fixed]);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe("No user changes (14 users compared).\n");
  });

  it("writes the markdown comment stored in test/fixtures/review/expected-diff.md", async () => {
    const inFolder = mkdtempSync(join(tmpdir(), "provex-diff-md-"));
    copyFileSync(oldFile, join(inFolder, "provex-config.yaml"));
    copyFileSync(newFile, join(inFolder, "provex-config-changed.yaml"));
    const markdown = await inDirectory(inFolder, () =>
      runCli([
        "diff",
        "provex-config.yaml",
        "provex-config-changed.yaml",
        "--users",
        users,
        "--target",
        target,
        ...fixed,
        "-f",
        "markdown",
      ]),
    );
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toBe(readFileSync(join(REVIEW, "expected-diff.md"), "utf8"));
  });

  it("writes one JSON document: version, names, users, summary", async () => {
    const run = await runCli([
      "diff",
      oldFile,
      newFile,
      "--users",
      users,
      "--target",
      target,
      ...fixed,
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(Object.keys(document)).toEqual(["version", "old", "new", "users", "summary"]);
    expect(document.version).toBe(1);
    expect(document.users).toHaveLength(11);
    expect(document.summary).toMatchObject({ users: 14, changed: 11, unchanged: 3 });
    const none = JSON.parse(
      (await runCli(["diff", oldFile, oldFile, "--users", users, "-f", "json"])).stdout,
    );
    expect(none.users).toEqual([]);
    // Both documents follow schemas/provex-diff.schema.json, and the schema is strict enough to refuse others.
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../schemas/provex-diff.schema.json"), "utf8"),
    );
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    for (const valid of [document, none]) expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...document, users: [{ ...document.users[0], action: "Create" }] })).toBe(false);
    expect(validate({ ...document, summary: { ...document.summary, changed: -1 } })).toBe(false);
  });

  it("streams JSON Lines users, also from standard input", async () => {
    const lines = (JSON.parse(readFileSync(users, "utf8")) as unknown[])
      .map((u) => JSON.stringify(u))
      .join("\n");
    const run = await runCli(["diff", oldFile, newFile, "--users", "-", "--target", target, ...fixed], {
      stdin: lines,
    });
    expect(run.code).toBe(0);
    // Without the whole population, Zoë's manager (José) resolves once José has been seen: the same 11 change.
    expect(run.stdout).toContain("11 of 14 users change; 3 unchanged.");
  });

  it("reads the old version from git: --base REV FILE and REV:path", async () => {
    const repository = mkdtempSync(join(tmpdir(), "provex-diff-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repository, env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ci@example.com");
    git("config", "user.name", "CI");
    execFileSync("mkdir", ["-p", join(repository, "configs")]);
    copyFileSync(oldFile, join(repository, "configs/app.yaml"));
    git("add", ".");
    git("commit", "-qm", "old");
    copyFileSync(newFile, join(repository, "configs/app.yaml"));
    const base = await inDirectory(join(repository, "configs"), () =>
      runCli(["diff", "--base", "main", "app.yaml", "--users", users, "--target", target, ...fixed]),
    );
    expect(base.stderr).toBe("");
    expect(base.stdout).toContain("11 of 14 users change");
    const revision = await inDirectory(repository, () =>
      runCli([
        "diff",
        "main:configs/app.yaml",
        "configs/app.yaml",
        "--users",
        users,
        "--target",
        target,
        ...fixed,
        "-f",
        "markdown",
      ]),
    );
    expect(revision.stdout).toContain("`main:configs/app.yaml` → `configs/app.yaml`");
    const missing = await inDirectory(repository, () =>
      runCli(["diff", "--base", "no-such-branch", "configs/app.yaml", "--users", users]),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^provex diff: cannot read no-such-branch:configs\/app\.yaml: .+\n$/);
    const shell = await inDirectory(repository, () =>
      runCli(["diff", "--base", "main;touch pwned", "configs/app.yaml", "--users", users]),
    );
    expect(shell.code).toBe(2);
    expect(() => readFileSync(join(repository, "configs/pwned"))).toThrow();
  });

  it("exits 2 with one line for usage and input errors", async () => {
    const cases: [string[], RegExp][] = [
      [["diff", oldFile, "--users", users], /give the old and the new configuration/],
      [["diff", oldFile, newFile], /--users <file> is required/],
      [
        ["diff", oldFile, newFile, "--users", users, "--format", "html"],
        /--format is text, json or markdown/,
      ],
      [["diff", oldFile, newFile, "--users", users, "--exti-code"], /did you mean '--exit-code'/],
      [
        ["diff", oldFile, join(REVIEW, "nope.yaml"), "--users", users],
        /cannot read .*nope\.yaml: no such file/,
      ],
      [["diff", "-", "-", "--users", users], /standard input \('-'\) can be read only once/],
      [["diff", oldFile, newFile, "--users", users, "--now", "yesterday"], /--now takes an ISO 8601/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
    }
    const broken = join(mkdtempSync(join(tmpdir(), "provex-diff-bad-")), "bad.yaml");
    writeFileSync(broken, "mappings:\n  - { target: x, expression: 'Left([a], ' }\n");
    const bad = await runCli(["diff", oldFile, broken, "--users", users]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:2:\d+ error/);
    expect(bad.stderr).toMatch(/has errors; fix them first/);
  });
});

describe("provex diff --format markdown with hostile and many users", () => {
  const folder = mkdtempSync(join(tmpdir(), "provex-diff-hostile-"));
  const config = (expression: string) => {
    const path = join(folder, `${expression.length}-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(
      path,
      `object: { name: U, source: User, target: User }\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n  - { target: displayName, expression: '${expression}' }\n`,
    );
    return path;
  };

  it("shows user-controlled text as code: no HTML, markup, mention or broken table", async () => {
    const evil =
      "</summary></details><script>alert(1)</script> @everyone | ![x](http://e.example) `tick` \n\n# Heading";
    const people = join(folder, "evil.json");
    writeFileSync(
      people,
      JSON.stringify([{ objectId: "<b>id</b>", userPrincipalName: "a@b.c", displayName: evil, v: evil }]),
    );
    const run = await runCli([
      "diff",
      config("[displayName]"),
      config('Join("|", [v], "x")'),
      "--users",
      people,
      "-f",
      "markdown",
    ]);
    expect(run.code).toBe(0);
    // Rendered as GitHub does (GFM, raw HTML allowed): the only elements are the report's own.
    const html = micromark(run.stdout, {
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
      allowDangerousHtml: true,
    });
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)[\s>]/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(
      [
        "code",
        "details",
        "em",
        "h3",
        "li",
        "p",
        "strong",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
      ].filter((t) => tags.has(t)),
    );
    expect(tags).not.toContain("script");
    expect(tags).not.toContain("img");
    expect(tags).not.toContain("a");
    expect(tags).not.toContain("h1");
    expect(html.match(/<details>/g)).toHaveLength(1);
    expect(html.match(/<\/details>/g)).toHaveLength(1);
    // The user's table keeps its three cells, the values whole (pipes included) inside code.
    const row =
      /<tr>\n<td><code>displayName<\/code><\/td>\n<td><code>(.*?)<\/code><\/td>\n<td><code>(.*?)<\/code><\/td>\n<\/tr>/.exec(
        html,
      );
    expect(row?.[2]).toContain("@everyone | ![x](http://e.example)");
    expect(row?.[2]).toContain("&lt;script&gt;");
    // Mentions, links and headings are not made: @everyone only ever stands inside code.
    expect(html.replace(/<code>[\s\S]*?<\/code>/g, "")).not.toContain("@everyone");
  });

  it("stays under GitHub's 65,536-character limit and says how many users it left out", async () => {
    const people = join(folder, "many.json");
    writeFileSync(
      people,
      JSON.stringify(
        Array.from({ length: 3000 }, (_, i) => ({
          objectId: `id-${i}`,
          userPrincipalName: `u${i}@c.com`,
          displayName: `User ${i} ${"x".repeat(150)}`,
        })),
      ),
    );
    const run = await runCli([
      "diff",
      config("[displayName]"),
      config('Join(" ", [displayName], "!")'),
      "--users",
      people,
      "-f",
      "markdown",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeLessThan(65_536);
    expect(run.stdout).toMatch(/^### provex diff: 3,000 of 3,000 users change\n/);
    const shown = run.stdout.split("<details>").length - 1;
    expect(shown).toBeGreaterThan(50);
    expect(run.stdout).toContain(
      `_${(3000 - shown).toLocaleString("en-US")} more changed users are left out to stay within GitHub's comment limit;`,
    );
    // --max-length: a share of the comment, for several diffs in one.
    const short = await runCli([
      "diff",
      config("[displayName]"),
      config('Join(" ", [displayName], "!")'),
      "--users",
      people,
      "-f",
      "markdown",
      "--max-length",
      "10000",
    ]);
    expect(short.code).toBe(0);
    expect(short.stdout.length).toBeLessThanOrEqual(10_000);
    expect(short.stdout.length).toBeGreaterThan(7_000);
    const few = short.stdout.split("<details>").length - 1;
    expect(few).toBeGreaterThan(5);
    expect(few).toBeLessThan(shown / 4);
    expect(short.stdout).toContain(
      `_${(3000 - few).toLocaleString("en-US")} more changed users are left out`,
    );
    const tiny = await runCli(["diff", oldFile, newFile, "--users", users, "--max-length", "100"]);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toMatch(/--max-length takes a number of characters, 2048 or more, not "100"/);
  });
});

async function inDirectory<T>(directory: string, run: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(directory);
  try {
    return await run();
  } finally {
    process.chdir(previous);
  }
}
