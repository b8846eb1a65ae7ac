import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";

// The repository's documents stand alone: they link only to files that ship in the npm package
// (package.json "files"), never to the team's working notes, and docs/cli.md matches `--help`.
const root = resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[] };
const documents = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map(([, heading]) => slug(heading!)));
}

/** The text of `## <title>` up to the next heading of the same level. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start === -1) return "";
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe("the documents stand alone", () => {
  it.each(documents)("%s links only to files that ship, and to anchors that exist", (document) => {
    const text = read(document).replace(/```[\s\S]*?```/g, "");
    expect(text).not.toMatch(/\.\.\/shared|SPEC\.md|DESIGN\.md|STACK\.md|STYLE\.md/);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target!)) continue;
      const [file, anchor] = target!.split("#");
      const path = file === "" ? document : relative(root, resolve(root, dirname(document), file!));
      expect(existsSync(join(root, path)), `${document} → ${target}`).toBe(true);
      const shipped = manifest.files.some((entry) => path === entry || path.startsWith(`${entry}/`));
      expect(shipped, `${document} → ${target}: ${path} is not in package.json "files"`).toBe(true);
      if (anchor !== undefined && path.endsWith(".md"))
        expect(anchorsOf(read(path)).has(anchor), `${document} → ${target}: no such heading`).toBe(true);
    }
  });

  it("has the language reference and the architecture page", () => {
    const language = read("docs/language.md");
    for (const topic of [
      "## Grammar",
      "### Attribute references",
      "SCIM paths",
      "## Values",
      "### Rendering",
      "## Null, empty and multi-valued",
      "Laziness",
      "## Functions: decisions",
    ])
      expect(language, topic).toContain(topic);
    const architecture = read("docs/architecture.md");
    for (const topic of ["## Layers", "### The purity rule", "### Diagnostics", "## Public API"])
      expect(architecture, topic).toContain(topic);
  });
});

describe("docs/cli.md matches --help", () => {
  const cli = read("docs/cli.md");

  it.each(commands.map((c) => c.name))("documents every option of provex %s", async (name) => {
    const help = (await runCli([name, "--help"])).stdout.split("\nOptions of every command:")[0]!;
    const documented = section(cli, `provex ${name}`);
    expect(documented, `docs/cli.md has no "## provex ${name}"`).not.toBe("");
    const options = new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map(([option]) => option));
    expect(options.size).toBeGreaterThan(0);
    for (const option of options) expect(documented, `${name} ${option}`).toContain(option);
  });

  it("documents the options of every command, the exit codes and the environment", async () => {
    const overview = (await runCli(["--help"])).stdout;
    for (const option of ["--color", "--no-color", "--max-diagnostics"]) {
      expect(overview).toContain(option);
      expect(cli).toContain(option);
    }
    for (const code of ["| 0 |", "| 1 |", "| 2 |", "| 70 |", "| 141 |"]) expect(cli).toContain(code);
    for (const variable of ["NO_COLOR", "FORCE_COLOR", "TERM", "GITHUB_ACTIONS"]) {
      expect(cli).toContain(`\`${variable}\``);
      expect(overview).toContain(variable);
    }
  });
});
