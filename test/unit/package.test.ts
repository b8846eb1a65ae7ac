import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The package as users get it: dist/ from `npm run build` (npm test builds before running Vitest).
const root = resolve(import.meta.dirname, "../..");
const dist = (path: string) => resolve(root, "dist", path);
const publicApi = ["parse", "format", "check", "compile", "evaluate", "render", "isFlowSkipped", "functions"];

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

  it("runs the provex command as an executable", () => {
    const output = execFileSync(dist("cli/main.js"), ["fmt", 'Join(".",[a],[b])'], { encoding: "utf8" });
    expect(output).toBe('Join(".", [a], [b])\n');
    const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
    expect(execFileSync(dist("cli/main.js"), ["--version"], { encoding: "utf8" }).trim()).toBe(
      manifest.version,
    );
  });
});
