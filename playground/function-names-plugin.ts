import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { Plugin } from "vite";

const ROOT = resolve(import.meta.dirname, "..");
const REGISTRY = join(ROOT, "src/functions/registry.ts");
const VIRTUAL = "virtual:provex-function-names";

/**
 * The page holds no registry: the editor services and the evaluation run in workers. Its Monarch
 * grammar only needs the builtins' names for instant colouring, so this plugin reads them from the real
 * registry at build time (bundled by esbuild and run in Node) into `virtual:provex-function-names` —
 * nothing about a function is written twice.
 */
export function functionNamesForThePage(): Plugin {
  return {
    name: "provex-function-names",
    resolveId(source) {
      return source === VIRTUAL ? `\0${VIRTUAL}` : null;
    },
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      return `export default ${JSON.stringify(await functionNames())};`;
    },
  };
}

async function functionNames(): Promise<string[]> {
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
      functions: ReadonlyMap<string, unknown>;
    };
    return [...functions.keys()];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
