import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const secret = { attributes: '{"pw":"PW2SECRET1","name":"Ada"}' };
const run = (expression: string, ...more: string[]) =>
  runCli(["eval", expression, "--attributes", secret.attributes, ...more]);

describe("provex eval keeps Redact's secrets", () => {
  it("shows [Redact] for a result that flows through Redact, in text and JSON", async () => {
    expect(await run("Redact([pw])")).toEqual({ code: 0, stdout: "[Redact]\n", stderr: "" });
    expect((await run('Join("-", Redact([pw]), [name])', "--json")).stdout).toBe(
      '{"kind":"string","value":"[Redact]"}\n',
    );
    // An attribute read inside Redact is a secret wherever else the expression reads it.
    expect((await run('IIF(IsPresent(Redact([pw])), [pw], "none")')).stdout).toBe("[Redact]\n");
  });

  it("never quotes the secret in an evaluation error", async () => {
    const failed = await run("CDate(Redact([pw]))");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('"[Redact]" is not a date');
    expect(failed.stderr).not.toContain("PW2SECRET1");
    expect(failed.stderr).toMatch(/\[invalid-date\]/);
  });

  it("reveals the value with --show-redacted, and leaves expressions without Redact alone", async () => {
    expect((await run("Redact([pw])", "--show-redacted")).stdout).toBe("PW2SECRET1\n");
    expect((await run("[name]")).stdout).toBe("Ada\n");
    expect((await run("Redact([missing])")).stdout).toBe("(null: nothing flows)\n");
  });
});
