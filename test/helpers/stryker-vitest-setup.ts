/**
 * Makes the setup file of Stryker's Vitest runner (9.5.1) work with Vitest 4.1.
 *
 * The runner copies its setup file to `stryker-setup-<worker>.js` in the sandbox and runs it before every
 * test file. Its two `afterAll(({ meta }) => …)` hooks hand the per-test coverage (initial run) and the hit
 * count (mutant runs) back to Stryker on the file's `meta`. Vitest 4.1 passes a suite hook the fixture
 * context first and the suite second, and rejects a first argument that destructures anything: the hooks
 * failed, silently to Stryker, which then had no per-test coverage at all — every mutant ran every test of
 * the set, activated "statically" in a fresh worker (20–60 s a mutant on the 2-core machine). This rewrites
 * the two hooks to read the suite from their last argument, before Vitest first imports the file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const BROKEN = "afterAll(({ meta }) => {";
const FIXED = "afterAll(function () { const { meta } = arguments[arguments.length - 1];";

/** Rewrites the runner's copy of its setup file in the working directory, when there is one. */
export function fixStrykerSetupFile(): void {
  const file = resolve(`stryker-setup-${process.env.STRYKER_MUTATOR_WORKER ?? 0}.js`);
  if (!existsSync(file)) return;
  const text = readFileSync(file, "utf8");
  if (text.includes(FIXED)) return;
  const hooks = text.split(BROKEN).length - 1;
  if (hooks !== 2) {
    throw new Error(
      `${file}: expected Stryker's two afterAll(({ meta }) => …) hooks, found ${hooks}; the Vitest runner changed: check test/helpers/stryker-vitest-setup.ts`,
    );
  }
  writeFileSync(file, text.replaceAll(BROKEN, FIXED));
}
