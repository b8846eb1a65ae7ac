#!/usr/bin/env node
// Builds dist/: ES modules with declarations (tsc), plus one CommonJS bundle for require() users.
// Chevrotain is ESM-only, so the CommonJS build bundles it (and its lodash-es) into dist/index.cjs.
import { execFileSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});
await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  platform: "neutral",
  mainFields: ["module", "main"],
  format: "cjs",
  target: "es2022",
  outfile: "dist/index.cjs",
  logLevel: "warning",
  legalComments: "linked",
});
chmodSync("dist/cli/main.js", 0o755);
