import { describe, expect, it } from "vitest";
import { wantsColour } from "../../src/cli/colour.js";
import { runCli } from "../helpers/cli.js";

const ansi = "\u001b[";
const terminal = { isTTY: true, write: () => true };
const file = { isTTY: false, write: () => true };

describe("colour, decided per stream", () => {
  it("colours a terminal and never a file or pipe", () => {
    expect(wantsColour(terminal, undefined, {})).toBe(true);
    expect(wantsColour(file, undefined, {})).toBe(false);
  });

  it("follows no-color.org: NO_COLOR turns colour off only when it is not empty", () => {
    expect(wantsColour(terminal, undefined, { NO_COLOR: "1" })).toBe(false);
    expect(wantsColour(terminal, undefined, { NO_COLOR: "0" })).toBe(false);
    expect(wantsColour(terminal, undefined, { NO_COLOR: "" })).toBe(true);
  });

  it("follows chalk's FORCE_COLOR, which wins over NO_COLOR and the terminal test", () => {
    expect(wantsColour(file, undefined, { FORCE_COLOR: "1" })).toBe(true);
    expect(wantsColour(file, undefined, { FORCE_COLOR: "" })).toBe(true);
    expect(wantsColour(terminal, undefined, { FORCE_COLOR: "0" })).toBe(false);
    expect(wantsColour(terminal, undefined, { FORCE_COLOR: "false" })).toBe(false);
    expect(wantsColour(file, undefined, { FORCE_COLOR: "3", NO_COLOR: "1" })).toBe(true);
  });

  it("lets --color and --no-color win over the environment", () => {
    expect(wantsColour(file, "always", { NO_COLOR: "1" })).toBe(true);
    expect(wantsColour(terminal, "never", { FORCE_COLOR: "1" })).toBe(false);
    expect(wantsColour(terminal, undefined, { TERM: "dumb" })).toBe(false);
  });

  it("colours diagnostics on a terminal's stderr even when stdout is redirected, and not the reverse", async () => {
    const onTerminal = await runCli(["fmt", "Left("], { tty: { stderr: true, stdout: false } });
    expect(onTerminal.code).toBe(1);
    expect(onTerminal.stderr).toContain(`${ansi}31merror`);
    const redirected = await runCli(["fmt", "Left("], { tty: { stderr: false, stdout: true } });
    expect(redirected.stderr).not.toContain(ansi);
    expect(redirected.stderr).toContain("error");
  });

  it("takes --color and --no-color before or after the command name", async () => {
    const run = await runCli(["--color", "fmt", "Left("]);
    expect(run.stderr).toContain(ansi);
    const plain = await runCli(["fmt", "--no-color", "Left("], { tty: { stderr: true } });
    expect(plain.stderr).not.toContain(ansi);
    expect(plain.code).toBe(1);
  });
});
