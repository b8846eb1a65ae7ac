import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The package as users get it: dist/ from `npm run build` (npm test builds before running Vitest).
const root = resolve(import.meta.dirname, "../..");
const dist = (path: string) => resolve(root, "dist", path);
const publicApi = [
  "parse",
  "format",
  "check",
  "compile",
  "evaluate",
  "render",
  "isFlowSkipped",
  "functions",
  "lint",
  "applyFixes",
];

beforeAll(() => {
  if (!existsSync(dist("index.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does).");
});

describe("the built package", () => {
  it("exports the public API from the ES module entry", async () => {
    const entry = await import(pathToFileURL(dist("index.js")).href);
    for (const name of publicApi) expect(entry[name], name).toBeDefined();
    expect(entry.format("Left( [a],1)")).toBe("Left([a], 1)");
    expect(entry.evaluate('Join(".", [a], [b])', { a: "x", b: "y" })).toBe("x.y");
  });

  it("works through require(), with Chevrotain bundled into the CommonJS build", () => {
    const require = createRequire(import.meta.url);
    const entry = require(dist("index.cjs"));
    for (const name of publicApi) expect(entry[name], name).toBeDefined();
    expect(entry.parse("Guid()").diagnostics).toEqual([]);
  });

  it("ships type declarations for the entry", () => {
    const declarations = readFileSync(dist("index.d.ts"), "utf8");
    expect(declarations).toContain("parser/index.js");
    expect(existsSync(dist("parser/parse.d.ts"))).toBe(true);
  });

  it("runs the provex command, the bundle package.json's bin names, as an executable", () => {
    const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
    expect(manifest.bin.provex).toBe("./dist/bin/provex.js");
    const bin = resolve(root, manifest.bin.provex);
    const output = execFileSync(bin, ["fmt", 'Join(".",[a],[b])'], { encoding: "utf8" });
    expect(output).toBe('Join(".", [a], [b])\n');
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(manifest.version);
  });

  it("starts the provex command without loading the parser: each command's code is loaded on demand", () => {
    // The chunks the entry imports statically, followed transitively: what every start-up compiles.
    const loadedAtStart = new Set<string>();
    const visit = (file: string) => {
      if (loadedAtStart.has(file)) return;
      loadedAtStart.add(file);
      const code = readFileSync(file, "utf8");
      for (const [, path] of code.matchAll(/(?:^|[;}\n])import\s*(?:[^"';]*?from\s*)?"(\.[^"]+)"/g))
        visit(resolve(file, "..", path!));
    };
    visit(dist("bin/provex.js"));
    const code = [...loadedAtStart].map((file) => readFileSync(file, "utf8")).join("\n");
    expect(code).toContain("for the list of commands");
    for (const heavy of ["performSelfAnalysis", "RE2JS", "YAMLMap"]) expect(code).not.toContain(heavy);
    expect(code.length).toBeLessThan(20_000);
    // …while the command chunks, loaded by import(), do hold them.
    const entry = readFileSync(dist("bin/provex.js"), "utf8");
    expect(entry.match(/import\("\.\/chunks\/[^"]+"\)/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it("exports provex/eslint-plugin, which a real ESLint run loads from dist by the package name", () => {
    const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
    expect(manifest.exports["./eslint-plugin"].import).toBe("./dist/lint/eslint-plugin.js");
    expect(existsSync(dist("lint/eslint-plugin.d.ts"))).toBe(true);
    expect(manifest.dependencies.eslint).toBeUndefined();
    expect(manifest.peerDependenciesMeta.eslint.optional).toBe(true);
    // Resolved through the package's own exports (self-reference), as a user's eslint.config.js would.
    const script = `
      import { ESLint } from "eslint";
      import * as yamlParser from "yaml-eslint-parser";
      import provex from "provex/eslint-plugin";
      const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [
        { files: ["**/*.yaml"], languageOptions: { parser: yamlParser } },
        { files: ["**/*.yaml"], ...provex.configs.recommended },
      ] });
      const [result] = await eslint.lintText("dialect: entr\\nmappings:\\n  - { target: userName, attribute: upn, match: 1 }\\n", { filePath: "m.provex.yaml" });
      console.log(JSON.stringify(result.messages.map((m) => [m.ruleId, m.line, m.column])));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
    });
    expect(JSON.parse(output)).toEqual([["provex/config-value", 1, 10]]);
  });
});
