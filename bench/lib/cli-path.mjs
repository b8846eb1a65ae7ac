// The built CLI as users run it: package.json's `bin.provex` (the esbuild bundle), so the benchmark
// measures what `npx provex` starts, wherever the build puts it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.provex;

/** Absolute path of the provex CLI entry point. */
export const CLI = fileURLToPath(new URL(bin, root));
