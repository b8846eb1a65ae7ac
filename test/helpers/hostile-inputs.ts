import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.js";
import { runCli } from "./cli.js";
import { randomBytes } from "./random-bytes.js";

// Every command of the command table, over a corpus of hostile inputs: whatever the input, provex
// answers with exit 0, 1 or 2, never "internal error" or a stack trace, and its output stays bounded.
// A new command must add its argument shapes below (the shapes test fails until it does). The
// commands are shared between test/unit/cli-hostile-{1,2}.test.ts, so that both cores work on them.

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const config = join(FIXTURES, "provex-config.yaml");
const users = join(FIXTURES, "users.json");
const directory = mkdtempSync(join(tmpdir(), "provex-hostile-"));

const validYaml = readFileSync(config, "utf8");
const prose = "The quick brown fox jumps over the lazy dog; 'quoted' [bracket \"string\" (paren, 42 &H1F\n";

/** The corpus: name → content. Each is written as <name>.json, <name>.jsonl and <name>.csv. */
const corpus: Record<string, string | Buffer> = {
  empty: "",
  whitespace: " \n\t\r\n ",
  "random bytes": Buffer.from(randomBytes(64 * 1024, 7)),
  "1 MB text": prose.repeat(Math.ceil(1_000_000 / prose.length)),
  "1 MB line": "x".repeat(1_000_000),
  "deep calls": `${"Left(".repeat(10_000)}[a]${", 1)".repeat(10_000)}`,
  "deep brackets": `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
  "deep JSON": `${'{"a":['.repeat(10_000)}${"]}".repeat(10_000)}`,
  "deep YAML": `mappings:\n  - ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
  "NUL bytes": Buffer.from('Join("\u0000", [a\u0000b], "\u0000")\u0000\u0000{"a":"\u0000"}', "utf8"),
  "invalid UTF-8": Buffer.from([
    0x4c, 0x65, 0x66, 0x74, 0x28, 0xc3, 0x28, 0x5b, 0x61, 0x5d, 0xff, 0xfe, 0x2c, 0x31, 0x29, 0xed, 0xa0,
    0x80,
  ]),
  "UTF-8 BOM": `\uFEFF${validYaml}`,
  "UTF-16 BOM": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validYaml, "utf16le")]),
  "huge numbers": `Left([a], 99999999999999999999999999999999999999)\n{"a": 1e400, "b": -0, "match": 340282366920938463463374607431768211457}\nmatch: 0x7fffffffffffffffff\n`,
  CRLF: validYaml.replace(/\n/g, "\r\n"),
  "lone CR": validYaml.replace(/\n/g, "\r"),
  "bidi controls": `Join("\u202E", [a\u202Eb], "\u2066x\u2069")\nmappings:\n  - { target: "x\u202E", expression: '[a\u202E]' }\n`,
  "terminal escapes": `"\u001b]0;owned\u0007\u001b[2J" [\u001b[31mred]\nmappings:\n  - { target: "\u001b[2J", attribute: "\u001b]8;;x\u0007" }\n`,
  "YAML alias bomb": `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nmappings: *e\n`,
  "prototype keys": `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "mappings": [{"target": "__proto__", "attribute": "constructor"}]}`,
  "JSON array of junk": JSON.stringify([null, 1, "x", [], { a: { b: [1, 2, { c: null }] } }, true]),
  "valid provex config": validYaml,
};

/** An expectation suite whose `key` (config, users or target) is `path`, the others the fixtures. */
function suiteNaming(path: string, key: "config" | "users" | "target"): string {
  const files = { config, users, target: join(FIXTURES, "target-users.json"), [key]: path };
  const suite = join(directory, `suite-${key}-${path.replace(/\W/g, "_").slice(-40)}.provex-test.yaml`);
  writeFileSync(
    suite,
    `config: ${JSON.stringify(files.config)}\nusers: ${JSON.stringify(files.users)}\ntarget: ${JSON.stringify(files.target)}\ncases:\n  - { name: one, user: "#1", expect: { action: Create } }\n`,
  );
  return suite;
}

const DIRECTORY = "<a directory>";
const MISSING = "<a missing file>";

/** Per command, the ways it takes an input file (`path`), and whether `-` reads the content instead. */
type Shape = { argv: (path: string) => string[]; stdin?: boolean };
const shapes: Record<string, Shape[]> = {
  eval: [
    { argv: (p) => ["eval", "--file", p] },
    { argv: (p) => ["eval", 'Join(".", [a], [b])', "--attributes-file", p] },
    { argv: () => ["eval", "-"], stdin: true },
  ],
  fmt: [{ argv: (p) => ["fmt", "--file", p] }, { argv: (p) => ["fmt", "--check", "--file", p] }],
  parse: [
    { argv: (p) => ["parse", "--spans", "--file", p] },
    { argv: (p) => ["parse", "--graph", "--file", p] },
  ],
  convert: [
    { argv: (p) => ["convert", "--to", "entra", p] },
    { argv: (p) => ["convert", "--to", "provex", p] },
    { argv: () => ["convert", "--to", "provex", "--json", "-"], stdin: true },
  ],
  lint: [{ argv: (p) => ["lint", p] }, { argv: (p) => ["lint", "--format", "sarif", p] }],
  preview: [
    { argv: (p) => ["preview", "--config", p, "--users", users] },
    { argv: (p) => ["preview", "--config", config, "--users", p, "--format", "jsonl"] },
    { argv: (p) => ["preview", "--config", config, "--users", p.replace(/\.json$/, ".jsonl")] },
    { argv: (p) => ["preview", "--config", config, "--users", p.replace(/\.json$/, ".csv")] },
    { argv: (p) => ["preview", "--config", config, "--users", users, "--target", p] },
  ],
  test: [
    { argv: (p) => ["test", p] },
    { argv: (p) => ["test", suiteNaming(p, "config")] },
    { argv: (p) => ["test", suiteNaming(p, "users"), "--format", "junit"] },
    { argv: (p) => ["test", suiteNaming(p, "target"), "--format", "json"] },
  ],
  diff: [
    { argv: (p) => ["diff", p, config, "--users", users] },
    { argv: (p) => ["diff", config, p, "--users", users, "--format", "markdown"] },
    { argv: (p) => ["diff", config, config, "--users", p.replace(/\.json$/, ".jsonl"), "--format", "json"] },
    { argv: (p) => ["diff", config, config, "--users", p.replace(/\.json$/, ".csv")] },
    { argv: (p) => ["diff", config, config, "--users", users, "--target", p] },
    { argv: () => ["diff", "-", config, "--users", users, "--format", "markdown"], stdin: true },
  ],
};

const paths = new Map<string, string>();
Object.entries(corpus).forEach(([name, content], i) => {
  const base = join(directory, `item-${i}`);
  for (const extension of [".json", ".jsonl", ".csv"]) writeFileSync(base + extension, content);
  paths.set(name, `${base}.json`);
});
const folder = join(directory, "folder.json");
for (const extension of [".json", ".jsonl", ".csv"]) mkdirSync(join(directory, `folder${extension}`));
paths.set(DIRECTORY, folder);
paths.set(MISSING, join(directory, "missing.json"));

const inputs = [...paths.keys()];
const stackTrace = /\n\s+at .*(:\d+:\d+\)?|\(native\))$/m;

/** Runs the corpus through every `part`-th command of the table (0 or 1 of 2). */
export function describeHostileInputs(part: 0 | 1): void {
  describe("hostile inputs never crash a command", () => {
    it("has argument shapes for every command of the table", () => {
      expect(Object.keys(shapes).sort()).toEqual(commands.map((c) => c.name).sort());
    });

    for (const { name } of commands.filter((_, i) => i % 2 === part)) {
      it.each(inputs)(
        `${name} on %s`,
        async (input) => {
          const path = paths.get(input)!;
          const content = corpus[input];
          const size = typeof content === "string" ? content.length : (content?.length ?? 0);
          for (const shape of shapes[name] ?? []) {
            if (shape.stdin && content === undefined) continue;
            const argv = shape.argv(path);
            const run = await runCli(argv, shape.stdin ? { stdin: content?.toString("utf8") } : {});
            const label = `provex ${argv.join(" ").replaceAll(directory, "…")}`;
            expect([0, 1, 2], label).toContain(run.code);
            expect(run.stderr, label).not.toContain("internal error");
            expect(run.stderr, label).not.toMatch(stackTrace);
            expect(run.stdout, label).not.toMatch(stackTrace);
            // Bounded: diagnostics are capped, and a parse tree or report is proportional to the input.
            expect(run.stderr.length, label).toBeLessThan(200_000);
            expect(run.stdout.length, label).toBeLessThan(64 * size + 1_000_000);
            if (input === DIRECTORY || input === MISSING) {
              // One line that names the file (lint takes folders, and says when one holds nothing to lint).
              expect(run.code, label).toBe(2);
              expect(run.stderr, label).toMatch(/(folder|missing)\.(json|jsonl|csv)\b/);
              expect(run.stderr.split("\n").length, label).toBeLessThanOrEqual(3);
            }
          }
        },
        60_000,
      );
    }
  });
}
