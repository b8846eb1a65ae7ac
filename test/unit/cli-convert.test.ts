import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraPath = join(FIXTURES, "entra-scim-schema.json");
const directory = mkdtempSync(join(tmpdir(), "provex-convert-"));

describe("provex convert", () => {
  it("converts Entra JSON to provex YAML and back to the same JSON", async () => {
    const toProvex = await runCli(["convert", "--to", "provex", entraPath]);
    expect(toProvex.code).toBe(0);
    expect(toProvex.stdout).toMatch(/^dialect: entra\n/);
    expect(toProvex.stdout).toContain("attribute: userPrincipalName");
    const yamlPath = join(directory, "config.yaml");
    writeFileSync(yamlPath, toProvex.stdout);
    const back = await runCli(["convert", "--to", "entra", yamlPath]);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(readFileSync(entraPath, "utf8")));
  });

  it("writes --output and the provex format as JSON with --json", async () => {
    const output = join(directory, "config.json");
    const run = await runCli([
      "convert",
      "--to",
      "provex",
      "--json",
      "--output",
      output,
      join(FIXTURES, "provex-config.yaml"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(output, "utf8")).mappings).toHaveLength(21);
  });

  it("prints the input's errors with line and column and exits 1", async () => {
    const bad = join(directory, "bad.yaml");
    writeFileSync(bad, "mappings:\n  - { target: x, expression: 'Join(\"a\", [b]' }\n");
    const run = await runCli(["convert", "--to", "entra", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:2:31 error`);
    expect(run.stdout).toBe("");
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await runCli(["convert", entraPath])).code).toBe(2);
    expect((await runCli(["convert", "--to", "xml", entraPath])).code).toBe(2);
    expect((await runCli(["convert", "--to", "entra"])).code).toBe(2);
    expect((await runCli(["convert", "--to", "entra", "--json", entraPath])).code).toBe(2);
  });
});
