#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ColourFlag, streamPalettes } from "./colour.js";
import type { CommandEntry, InputStream, OutputStream, Streams } from "./command.js";
import { UsageError } from "./usage-error.js";

/**
 * Every command, by name and summary, with a loader: start-up imports only the command being run (the
 * parser, evaluator and mapping engine are loaded by the commands that need them, not by `provex --help`).
 *
 * To add a command, add one line here — `{ name, summary, load: () => import("./commands/<name>.js") }` —
 * and write src/cli/commands/<name>.ts exporting `command: Command` (its help text and run). The
 * overview, `--help`, did-you-mean and the hostile-input test (test/unit/cli-hostile.test.ts) pick it up.
 */
// biome-ignore format: one line per command, so that adding one is a one-line change
export const commands: readonly CommandEntry[] = [
  { name: "eval", summary: "evaluate an expression for one set of attributes", load: () => import("./commands/eval.js") },
  { name: "fmt", summary: "print an expression in canonical form", load: () => import("./commands/fmt.js") },
  { name: "parse", summary: "show an expression's syntax tree and syntax errors", load: () => import("./commands/parse.js") },
  { name: "convert", summary: "convert a mapping configuration between Entra schema JSON and the provex format", load: () => import("./commands/convert.js") },
  { name: "lint", summary: "check mapping configurations: expressions, mappings, scoping (ESLint-style, SARIF, GitHub)", load: () => import("./commands/lint.js") },
  { name: "preview", summary: "show what provisioning would do for each user (provision on demand)", load: () => import("./commands/preview.js") },
];

const overview = (): string => `Usage: provex [--color | --no-color] <command> [options]

Tools for the attribute-mapping expression language of Microsoft Entra ID provisioning.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join("\n")}

Run 'provex <command> --help' for a command's options.`;

/** The process's standard streams and environment; tests pass in-memory ones. */
export interface ProcessIo {
  readonly stdin?: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The environment colour is decided from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: ProcessIo): Promise<number> {
  const { args, colour } = takeColourFlags(argv);
  const streams: Streams = {
    get stdin() {
      return io.stdin ?? emptyInput;
    },
    stdout: io.stdout,
    stderr: io.stderr,
    colours: streamPalettes(io, colour, io.env ?? process.env),
  };
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    streams.stdout.write(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    streams.stdout.write(`${await version()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    streams.stderr.write(`provex: unknown command '${name}'.\n\n${overview()}\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      streams.stdout.write(`${command.help}\n`);
      return 0;
    }
    return await command.run(rest, streams);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      streams.stderr.write(
        `provex ${entry.name}: ${(error as Error).message}\nTry 'provex ${entry.name} --help' for more information.\n`,
      );
      return 2;
    }
    streams.stderr.write(
      `provex ${entry.name}: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 70;
  }
}

/** `--color` and `--no-color` may stand anywhere before `--`; the last one wins. */
function takeColourFlags(argv: readonly string[]): { args: string[]; colour: ColourFlag } {
  const args: string[] = [];
  let colour: ColourFlag;
  let options = true;
  for (const arg of argv) {
    if (options && arg === "--") options = false;
    if (options && arg === "--color") colour = "always";
    else if (options && arg === "--no-color") colour = "never";
    else args.push(arg);
  }
  return { args, colour };
}

const emptyInput: InputStream = { isTTY: true, async *[Symbol.asyncIterator]() {} };

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

async function version(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/** True when this module is the program being run (also through npm's bin symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const io: ProcessIo = {
    // process.stdin is created on first access, which loads the stream and tty machinery: only
    // the commands that read standard input should pay for it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
