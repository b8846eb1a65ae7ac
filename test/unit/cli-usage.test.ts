import { describe, expect, it } from "vitest";
import { suggestOption } from "../../src/cli/arguments.js";
import { commands } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";

describe("usage errors: one line and a --help hint, like git", () => {
  it("suggests the command meant for a misspelt one, without the whole overview", async () => {
    const run = await runCli(["evl", "[a]"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "provex: unknown command 'evl' (did you mean 'eval'?)\nRun 'provex --help' for the list of commands.\n",
    });
    expect((await runCli(["previwe"])).stderr).toMatch(/did you mean 'preview'\?/);
    expect((await runCli(["Fmt"])).stderr).toMatch(/did you mean 'fmt'\?/);
  });

  it("suggests nothing for a word that is no near miss, and shows a pasted megabyte cut short", async () => {
    expect((await runCli(["frobnicate"])).stderr).toBe(
      "provex: unknown command 'frobnicate'\nRun 'provex --help' for the list of commands.\n",
    );
    const huge = await runCli(["x".repeat(1_000_000)]);
    expect(huge.code).toBe(2);
    expect(huge.stderr.length).toBeLessThan(200);
  });

  it("treats an unknown option before the command as an option", async () => {
    expect((await runCli(["--colour", "eval"])).stderr).toMatch(
      /^provex: unknown option '--colour' \(did you mean '--color'\?\)\n/,
    );
  });

  it.each([
    [["fmt", "--widht", "80", "[a]"], "provex fmt: unknown option '--widht' (did you mean '--width'?)"],
    [
      ["eval", "[a]", "--attribute", "{}"],
      "provex eval: unknown option '--attribute' (did you mean '--attributes'?)",
    ],
    [["parse", "--spnas", "[a]"], "provex parse: unknown option '--spnas' (did you mean '--spans'?)"],
    [["convert", "--too", "entra", "x"], "provex convert: unknown option '--too' (did you mean '--to'?)"],
    [["preview", "--confg", "x"], "provex preview: unknown option '--confg' (did you mean '--config'?)"],
    [["fmt", "--frobnicate"], "provex fmt: unknown option '--frobnicate'"],
    [
      ["eval", "-1"],
      "provex eval: unknown option '-1' (to pass a value that starts with '-', put it after '--')",
    ],
    [["eval", "[a]", "--now"], "provex eval: option '--now' needs a value"],
    [
      ["eval", "--file", "--json"],
      "provex eval: option '--file' needs a value (to give one that starts with '-', write --file=<value>)",
    ],
    [["parse", "--spans=yes", "[a]"], "provex parse: option '--spans' takes no value"],
    [["fmt", "--width", "0", "[a]"], 'provex fmt: --width takes a positive whole number, not "0"'],
    [["eval", "[a]", "[b]"], "provex eval: give one expression, not 2 (quote it in the shell)"],
    [["convert", "x", "--to", "entra", "y"], "provex convert: give one configuration file, not 2"],
  ])("%j → %s", async (argv, line) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${line}\nTry 'provex ${argv[0]} --help' for more information.\n`);
  });

  it("lets a value that starts with '-' through after '--'", async () => {
    expect(await runCli(["eval", "--", "-1"])).toEqual({ code: 0, stdout: "-1\n", stderr: "" });
  });

  it("prints the help of a command on --help, also as 'provex help <command>', with the common options", async () => {
    for (const { name } of commands) {
      const run = await runCli(["help", name]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: provex ${name}`));
      expect(run.stdout).toContain("--max-diagnostics <n|all>");
      expect(run.stdout).toContain("--color, --no-color");
    }
    // After '--', --help is a value, not a request for help.
    expect((await runCli(["eval", "--", "--help"])).stdout).not.toContain("Usage:");
  });

  it("prints the overview to stderr with exit 2 when no command is given", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Usage: provex /);
  });

  it("suggests only plausible options", () => {
    const options = { width: { type: "string" }, write: { type: "boolean" } } as const;
    expect(suggestOption("--wirte", options)).toBe("--write");
    expect(suggestOption("--WIDTH", options)).toBe("--width");
    expect(suggestOption("--hlep", options)).toBe("--help");
    expect(suggestOption("--zzzzzz", options)).toBeUndefined();
    expect(suggestOption(`--${"w".repeat(100)}`, options)).toBeUndefined();
  });
});
