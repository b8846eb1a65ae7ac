import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

// What `provex lint file.json` loads before it reads the file: the modules statically reachable from
// the lint command, bundled the way scripts/build.mjs bundles the CLI (split per dynamic import). Each
// name below was once loaded at every start-up and cost CPU time there (bench/README.md, section 5);
// each is loaded on demand now, when a run needs it. The timing itself is the benchmark's job.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function staticClosure(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: "out",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const start = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entry);
  if (start === undefined) throw new Error(`no output for ${entry}`);
  const seen = new Set<string>();
  const pending = [start];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imported of outputs[next]?.imports ?? [])
      if (imported.kind === "import-statement" && !imported.external) pending.push(imported.path);
  }
  return [...seen].flatMap((output) => Object.keys(outputs[output]?.inputs ?? {}));
}

describe("provex lint start-up", () => {
  it("loads neither the formatters it does not use, nor folder search, nor the data-file readers", async () => {
    const loaded = await staticClosure("src/cli/commands/lint.ts");
    // The closure is real: the runner, the rules and the configuration loader are in it.
    expect(loaded).toContain("src/lint/run-rules.ts");
    expect(loaded).toContain("src/lint/rules/arity.ts");
    expect(loaded).toContain("src/mapping/load-config.ts");
    const unwanted = [
      "src/lint/formatters/sarif.ts",
      "src/lint/formatters/json.ts",
      "src/lint/formatters/github.ts",
      "src/lint/formatters/stylish.ts",
      "src/lint/rules-markdown.ts",
      "node_modules/ignore/",
      "node_modules/tinyglobby/",
      "node_modules/csv-parse/",
      "src/mapping/users-text.ts",
      "src/mapping/write-provex.ts",
      "src/mapping/preview.ts",
    ];
    expect(unwanted.filter((name) => loaded.some((path) => path.includes(name)))).toEqual([]);
  }, 30_000);
});
