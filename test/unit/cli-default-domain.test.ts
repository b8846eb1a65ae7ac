import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// --default-domain gives DefaultDomain() its value on the command line (SPEC Part 1).
const rule = 'Join("@", [alias], DefaultDomain())';

describe("provex eval --default-domain", () => {
  it("evaluates DefaultDomain() with the given domain", async () => {
    const run = await runCli([
      "eval",
      rule,
      "--attributes",
      '{"alias":"jsmith"}',
      "--default-domain",
      "contoso.com",
    ]);
    expect(run).toMatchObject({ code: 0, stdout: "jsmith@contoso.com\n" });
  });

  it("without it, fails at the call with default-domain-missing and names the option", async () => {
    const run = await runCli(["eval", rule, "--attributes", '{"alias":"jsmith"}']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("default-domain-missing");
    expect(run.stderr).toContain("--default-domain");
    expect(run.stderr).toContain(":1:20");
  });

  it.each(["", "a b.com", "user@contoso.com", ".contoso.com", "contoso.com."])(
    "refuses %j as a usage error",
    async (domain) => {
      const run = await runCli(["eval", "DefaultDomain()", "--default-domain", domain]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--default-domain takes a domain name");
    },
  );

  it("is listed in --help", async () => {
    expect((await runCli(["eval", "--help"])).stdout).toContain("--default-domain <domain>");
  });
});

describe("provex preview --default-domain", () => {
  const directory = mkdtempSync(join(tmpdir(), "provex-default-domain-"));
  const config = join(directory, "config.provex.yaml");
  const users = join(directory, "users.json");
  writeFileSync(
    config,
    [
      "object: { name: Users, source: User, target: User }",
      "mappings:",
      "  - target: externalId",
      "    attribute: objectId",
      "    match: 1",
      "  - target: userName",
      "    attribute: alias",
      "  - target: userPrincipalName",
      `    expression: '${rule}'`,
    ].join("\n"),
  );
  writeFileSync(users, JSON.stringify([{ objectId: "1", alias: "jsmith" }]));

  it("previews with the given domain", async () => {
    const run = await runCli([
      "preview",
      "--config",
      config,
      "--users",
      users,
      "--format",
      "json",
      "--default-domain",
      "contoso.com",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("jsmith@contoso.com");
  });

  it("without it, that user is an Error default-domain-missing", async () => {
    const run = await runCli(["preview", "--config", config, "--users", users, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("default-domain-missing");
  });

  it("is listed in --help", async () => {
    expect((await runCli(["preview", "--help"])).stdout).toContain("--default-domain <domain>");
  });
});
