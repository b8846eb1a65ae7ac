import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { Plugin } from "vite";

const ROOT = resolve(import.meta.dirname, "..");
const REGISTRY = join(ROOT, "src/functions/registry.ts");
const VIEW = join(ROOT, "playground/src/function-metadata.ts");
const VIRTUAL = "virtual:provex-function-metadata";

/**
 * The page loads function metadata only; the implementations (and the .NET cores, re2js and the rest
 * they need) live in the evaluation worker. This plugin, applied to the page's bundle and not to the
 * workers', resolves the library's registry module to `playground/src/function-metadata.ts`, a view of
 * the same declarations built at build time from the real registry minus each `implementation` — so
 * nothing about a function is written twice.
 */
export function functionMetadataForThePage(): Plugin {
  return {
    name: "provex-function-metadata",
    enforce: "pre",
    async resolveId(source, importer) {
      if (source === VIRTUAL) return `\0${VIRTUAL}`;
      if (!importer || importer === VIEW || !source.endsWith("registry.js")) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved?.id === REGISTRY ? VIEW : null;
    },
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      return `export default ${JSON.stringify(await declarationsWithoutImplementations())};`;
    },
  };
}

/** Runs the real registry in Node (bundled by esbuild) and keeps every field but `implementation`. */
async function declarationsWithoutImplementations(): Promise<unknown[]> {
  const cache = join(ROOT, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const directory = mkdtempSync(join(cache, "provex-registry-"));
  try {
    const outfile = join(directory, "registry.mjs");
    await build({
      entryPoints: [REGISTRY],
      bundle: true,
      format: "esm",
      platform: "node",
      packages: "external",
      outfile,
      logLevel: "error",
    });
    const { functions } = (await import(pathToFileURL(outfile).href)) as {
      functions: ReadonlyMap<string, Record<string, unknown>>;
    };
    return [...functions.values()].map(({ implementation: _omitted, ...declaration }) => declaration);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
