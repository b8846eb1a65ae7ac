import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { configurationCodes } from "../../src/lint/configuration-rules.js";
import { lintRules } from "../../src/lint/index.js";

// Every diagnostic code the configuration loader can produce must reach `provex lint` as a finding of
// some rule, or a broken file would lint clean. Codes of the file itself (syntax, types, keys) belong to
// the configuration rules; the loader's checks of a loaded model are re-derived by rules of their own.
const REDERIVED_BY: Readonly<Record<string, string>> = {
  "unknown-operator": "scope-operator-value",
  "clause-missing-value": "scope-operator-value",
  "clause-not-integer": "scope-operator-value",
  "multivalued-scope-attribute": "scope-multivalued-attribute",
  "unique-value-matching": "nondeterministic-matching",
  "none-without-default": "none-without-default",
};
/** Codes of the writers (convertConfig, writeConfig), which lint never calls. */
const WRITER_CODES = new Set(["not-representable", "config-has-errors"]);

const folder = resolve(import.meta.dirname, "../../src/mapping");
/** `report("code"` and `diagnostic("code"`, also with the code on the next line. */
const CALL = /\b(?:report|diagnostic|tooDeep)\(\s*"([a-z]+(?:-[a-z]+)+)"/g;

function loaderCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".ts"))) {
    const text = readFileSync(join(folder, name), "utf8");
    for (const match of text.matchAll(CALL))
      if (match[1] && !WRITER_CODES.has(match[1])) codes.set(match[1], name);
  }
  return codes;
}

describe("the loader's diagnostic codes", () => {
  it("are found in the source (the scan works)", () => {
    const codes = loaderCodes();
    expect(codes.has("config-type")).toBe(true);
    expect(codes.has("unknown-property")).toBe(true);
  });

  it("each become findings of a lint rule", () => {
    const ids = new Set(lintRules.map((rule) => rule.meta.id));
    const unclaimed = [...loaderCodes()]
      .filter(([code]) => !configurationCodes.has(code) && !ids.has(REDERIVED_BY[code] ?? ""))
      .map(
        ([code, file]) =>
          `${code} (src/mapping/${file}): add it to a rule of src/lint/configuration-rules.ts`,
      );
    expect(unclaimed).toEqual([]);
  });
});
