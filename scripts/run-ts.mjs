#!/usr/bin/env node
// Runs a TypeScript file: bundles it with esbuild into a temporary module, then imports it.
// Used for repository scripts (docs generation, benchmarks' setup); the product itself is built by
// scripts/build.mjs. Usage: node scripts/run-ts.mjs <file.ts> [args…]
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args…]");
  process.exit(2);
}
// Inside node_modules so that the bundle's bare imports (chevrotain, …) resolve as in the repository.
const cache = resolve("node_modules/.cache");
mkdirSync(cache, { recursive: true });
const directory = mkdtempSync(join(cache, "provex-run-"));
const outfile = join(directory, "script.mjs");
try {
  await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  process.argv = [process.argv[0], resolve(entry), ...args];
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
