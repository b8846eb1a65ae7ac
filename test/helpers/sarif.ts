import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

// The SARIF validator of Microsoft's SARIF SDK, shipped in the npm package with its Linux binary. Its
// exit status is 0 even for an invalid file: the verdict is in the SARIF log it writes.
const require = createRequire(import.meta.url);
const multitool = join(
  dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json")),
  "Sarif.Multitool",
);

export interface ValidatorResult {
  readonly level: string;
  readonly ruleId: string;
  readonly message: { readonly arguments?: readonly string[] };
}

export function validate(log: unknown): ValidatorResult[] {
  if (!existsSync(multitool)) throw new Error(`The SARIF multitool is missing at ${multitool}: run npm ci.`);
  chmodSync(multitool, 0o755);
  const folder = mkdtempSync(join(tmpdir(), "provex-sarif-"));
  writeFileSync(join(folder, "in.sarif"), JSON.stringify(log));
  execFileSync(
    multitool,
    ["validate", join(folder, "in.sarif"), "-o", join(folder, "out.sarif"), "--log", "ForceOverwrite"],
    {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
      stdio: "pipe",
    },
  );
  const out = JSON.parse(readFileSync(join(folder, "out.sarif"), "utf8"));
  return out.runs[0].results as ValidatorResult[];
}

export const failures = (results: readonly ValidatorResult[]) =>
  results
    .filter((r) => r.level === "error" || r.level === "warning")
    .map((r) => `${r.ruleId} ${r.message.arguments?.join(" ")}`);
