import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ensurePlaygroundBuilt, OUTPUT } from "./browser.js";

describe("playground build", () => {
  beforeAll(async () => {
    await ensurePlaygroundBuilt();
  }, 180_000);

  it("is the lean Monaco build: the editor worker only, about 1 MB of JavaScript gzipped", () => {
    const assets = join(OUTPUT, "assets");
    const scripts = readdirSync(assets).filter((name) => name.endsWith(".js"));
    const sizes = Object.fromEntries(
      scripts.map((name) => {
        const content = readFileSync(join(assets, name));
        return [name, { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length }];
      }),
    );
    const total = Object.values(sizes).reduce((sum, size) => sum + size.gzip, 0);
    mkdirSync(join(import.meta.dirname, "../../test-results"), { recursive: true });
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-size.json"),
      `${JSON.stringify({ totalGzipBytes: total, files: sizes }, null, 2)}\n`,
    );
    console.log(`playground JavaScript: ${(total / 1024).toFixed(0)} KiB gzipped in ${scripts.length} files`);
    // Importing all of monaco-editor would emit the language workers (TypeScript's alone is 6.9 MB).
    expect(scripts.filter((name) => /(ts|json|css|html)\.worker/.test(name))).toEqual([]);
    expect(scripts.some((name) => name.startsWith("editor.worker"))).toBe(true);
    expect(scripts.some((name) => name.startsWith("evaluation-worker"))).toBe(true);
    expect(total).toBeLessThan(1.4 * 1024 * 1024);
  });

  it("references no other origin and carries the Content-Security-Policy", () => {
    const html = readFileSync(join(OUTPUT, "index.html"), "utf8");
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('<link rel="icon" href="data:,"');
  });
});
