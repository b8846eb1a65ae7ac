import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ensurePlaygroundBuilt, OUTPUT } from "./browser.js";

describe("playground build", () => {
  beforeAll(async () => {
    await ensurePlaygroundBuilt();
  }, 180_000);

  it("is the lean Monaco build: no Monaco worker, the page without the library, ≤ 1.0 MB of JavaScript gzipped", () => {
    const assets = join(OUTPUT, "assets");
    const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
    const sizes = Object.fromEntries(
      scripts.map((name) => {
        const content = readFileSync(join(assets, name));
        return [name, { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length }];
      }),
    );
    const total = Object.values(sizes).reduce((sum, size) => sum + size.gzip, 0);
    const page = Object.entries(sizes).find(([name]) => name.startsWith("index-"))?.[1];
    const worker = Object.entries(sizes).find(([name]) => name.startsWith("evaluation-worker"))?.[1];
    mkdirSync(join(import.meta.dirname, "../../test-results"), { recursive: true });
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-size.json"),
      `${JSON.stringify({ totalGzipBytes: total, pageGzipBytes: page?.gzip, workerGzipBytes: worker?.gzip, files: sizes }, null, 2)}\n`,
    );
    console.log(
      `playground JavaScript: ${total.toLocaleString("en-US")} bytes gzipped in ${scripts.length} files`,
    );
    // Importing all of monaco-editor would emit the language workers (TypeScript's alone is 6.9 MB).
    expect(scripts.filter((name) => /(ts|json|css|html|editor)\.worker|WorkerMain/.test(name))).toEqual([]);
    // Two scripts: the page (Monaco and the playground's UI) and the worker (the library).
    expect(scripts).toHaveLength(2);
    expect(worker).toBeDefined();
    // The page holds no parser, registry or builtin: those are the worker's.
    const pageScript = readFileSync(
      join(assets, scripts.find((name) => name.startsWith("index-")) as string),
      "utf8",
    );
    const workerScript = readFileSync(
      join(assets, scripts.find((name) => name.startsWith("evaluation-worker")) as string),
      "utf8",
    );
    for (const marker of ["MismatchedTokenException", "synchronizationRules"]) {
      expect(pageScript).not.toContain(marker);
      expect(workerScript).toContain(marker);
    }
    // The goal: 1.0 MB (1,000,000 bytes, not 1 MiB) of JavaScript, gzipped, page and worker together.
    expect(total).toBeLessThanOrEqual(1_000_000);
  });

  it("references no other origin and carries the Content-Security-Policy", () => {
    const html = readFileSync(join(OUTPUT, "index.html"), "utf8");
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('<link rel="icon" href="data:,"');
  });

  it("ships the docs as pages next to the playground, with anchors for each function", () => {
    const functions = readFileSync(join(OUTPUT, "docs/functions.html"), "utf8");
    expect(functions).toContain('id="join"');
    expect(functions).toContain('http-equiv="Content-Security-Policy"');
    expect(readdirSync(join(OUTPUT, "docs"))).toContain("configuration.html");
  });
});
