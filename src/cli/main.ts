#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { closestName } from "../checker/edit-distance.js";
import { usageErrorOf } from "./arguments.js";
import { type ColourFlag, streamPalettes } from "./colour.js";
import type { CommandEntry, InputStream, OutputStream, Streams } from "./command.js";
import { fileAccessError, isSystemError } from "./files.js";
import { DEFAULT_MAX_DIAGNOSTICS } from "./report.js";
import { UsageError } from "./usage-error.js";

/**
 * Every command, by name and summary, with a loader: start-up imports only the command being run (the
 * parser, evaluator and mapping engine are loaded by the commands that need them, not by `provex --help`).
 *
 * To add a command, add one line here — `{ name, summary, load: () => import("./commands/<name>.js") }` —
 * and write src/cli/commands/<name>.ts exporting `command: Command` (its help text and run). The
 * overview, `--help`, did-you-mean and the hostile-input test (test/helpers/hostile-inputs.ts) pick it up.
 */
// biome-ignore format: one line per command, so that adding one is a one-line change
export const commands: readonly CommandEntry[] = [
  { name: "eval", summary: "evaluate an expression for one set of attributes", load: () => import("./commands/eval.js") },
  { name: "fmt", summary: "print an expression in canonical form", load: () => import("./commands/fmt.js") },
  { name: "parse", summary: "show an expression's syntax tree and syntax errors", load: () => import("./commands/parse.js") },
  { name: "convert", summary: "convert a mapping configuration between Entra schema JSON and the provex format", load: () => import("./commands/convert.js") },
  { name: "lint", summary: "check mapping configurations: expressions, mappings, scoping (ESLint-style, SARIF, GitHub)", load: () => import("./commands/lint.js") },
  { name: "preview", summary: "show what provisioning would do for each user (provision on demand)", load: () => import("./commands/preview.js") },
  { name: "test", summary: "run expectation suites (*.provex-test.yaml) against configurations", load: () => import("./commands/test.js") },
  { name: "diff", summary: "what changes for whom between two configurations (files or git revisions)", load: () => import("./commands/diff.js") },
];

/** The options every command takes; main reads them, so commands never see them. */
const commonOptions = `Options of every command:
  --color, --no-color       colour the output or not (default: colour a stream that is a
                            terminal; see NO_COLOR and FORCE_COLOR in docs/cli.md)
  --max-diagnostics <n|all> print at most n diagnostics in full, then count the rest
                            (default ${DEFAULT_MAX_DIAGNOSTICS})
  -h, --help                show the command's help`;

const overview =
  (): string => `Usage: provex [--color | --no-color] [--max-diagnostics <n|all>] <command> [options]

Tools for the attribute-mapping expression language of Microsoft Entra ID provisioning.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join("\n")}

Run 'provex <command> --help' for a command's options, 'provex --version' for the version.

${commonOptions}

Exit codes: 0 done, 1 the input has problems (each command's help says which), 2 usage error
or a file that cannot be read or written, 141 the output pipe was closed (as if ended by
SIGPIPE), 70 a bug in provex (please report it).
Environment: NO_COLOR, FORCE_COLOR and TERM=dumb (colour), GITHUB_ACTIONS (lint's default
format). The machine's time zone (TZ) never changes a result. See docs/cli.md.`;

/** The process's standard streams and environment; tests pass in-memory ones. */
export interface ProcessIo {
  readonly stdin?: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The environment colour is decided from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Exit status of a run that stopped because its output pipe closed: 128 + SIGPIPE, as the shell reports a process SIGPIPE ended. */
export const EXIT_BROKEN_PIPE = 141;
/** Exit status of a bug in provex (BSD's EX_SOFTWARE); no input should ever lead to it. */
export const EXIT_INTERNAL_ERROR = 70;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], io: ProcessIo): Promise<number> {
  let global: GlobalOptions;
  try {
    global = takeGlobalOptions(argv);
  } catch (error) {
    return reportFailure("", error, io);
  }
  const { args, colour, maxDiagnostics } = global;
  const streams: Streams = {
    get stdin() {
      return io.stdin ?? emptyInput;
    },
    stdout: io.stdout,
    stderr: io.stderr,
    colours: streamPalettes(io, colour, io.env ?? process.env),
    maxDiagnostics,
  };
  const [name, ...rest] = args;
  if (name === undefined) {
    streams.stderr.write(`${overview()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    if (name === "help" && rest[0] !== undefined) return main([rest[0], "--help"], io);
    streams.stdout.write(`${overview()}\n`);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    streams.stdout.write(`${await version()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    streams.stderr.write(`provex: ${unknownCommand(name)}\nRun 'provex --help' for the list of commands.\n`);
    return 2;
  }
  try {
    const { command } = await entry.load();
    if (wantsHelp(rest)) {
      streams.stdout.write(`${command.help}\n\n${commonOptions}\n`);
      return 0;
    }
    return await command.run(rest, streams);
  } catch (error) {
    return reportFailure(entry.name, error, streams);
  }
}

/** `--help` or `-h` among the options (not after `--`, where it is a value). */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

function unknownCommand(name: string): string {
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name).slice(1, -1);
  const kind = name.startsWith("-") ? "option" : "command";
  const candidates =
    kind === "option" ? ["--help", "--version", "--color", "--no-color"] : commands.map((c) => c.name);
  const suggestion = name.length <= 64 ? closestName(name, candidates) : undefined;
  return `unknown ${kind} '${shown}'${suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`}`;
}

/**
 * The one line a failed command ends with, and its exit code: 2 for a usage mistake or a file that
 * cannot be read or written, 70 for a bug (the only case that shows a stack trace).
 */
export function reportFailure(name: string, error: unknown, streams: Pick<Streams, "stderr">): number {
  const prefix = name === "" ? "provex" : `provex ${name}`;
  const failure = usageErrorOf(error);
  if (failure instanceof UsageError) {
    const hint = failure.hint ? `\nTry 'provex ${name} --help' for more information.` : "";
    streams.stderr.write(`${prefix}: ${failure.message}${hint}\n`);
    return 2;
  }
  if (isSystemError(failure)) {
    // A file-system error a command did not expect (it should have named the file itself).
    const verb = /^(write|rename|mkdir|unlink|open.*w|copyfile|ftruncate|fsync|chmod)/.test(
      failure.syscall ?? "",
    )
      ? "write"
      : "read";
    streams.stderr.write(`${prefix}: ${fileAccessError(verb, failure.path ?? "a file", failure).message}\n`);
    return 2;
  }
  streams.stderr.write(
    `${prefix}: internal error (a bug in provex; please report it with this output): ${(failure as Error)?.stack ?? String(failure)}\n`,
  );
  return EXIT_INTERNAL_ERROR;
}

interface GlobalOptions {
  readonly args: string[];
  readonly colour: ColourFlag;
  readonly maxDiagnostics: number;
}

/**
 * Takes out the options of every command (`--color`, `--no-color`, `--max-diagnostics`), which may
 * stand anywhere before `--`; the last one wins.
 */
function takeGlobalOptions(argv: readonly string[]): GlobalOptions {
  const args: string[] = [];
  let colour: ColourFlag;
  let maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args.push(...argv.slice(i));
      break;
    }
    if (arg === "--color") colour = "always";
    else if (arg === "--no-color") colour = "never";
    else if (arg === "--max-diagnostics" || arg.startsWith("--max-diagnostics=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      maxDiagnostics = diagnosticLimit(value);
    } else args.push(arg);
  }
  return { args, colour, maxDiagnostics };
}

function diagnosticLimit(value: string | undefined): number {
  if (value === "all") return Number.POSITIVE_INFINITY;
  if (value !== undefined && /^\d{1,9}$/.test(value) && Number(value) > 0) return Number(value);
  throw new UsageError(
    value === undefined
      ? "option '--max-diagnostics' needs a value"
      : `--max-diagnostics takes a positive whole number or all, not ${JSON.stringify(value.slice(0, 40))}`,
  );
}

const emptyInput: InputStream = { isTTY: true, async *[Symbol.asyncIterator]() {} };

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
  // Nothing should get here (main never throws): report a bug rather than die without a word.
  const lastResort = (error: unknown) => {
    process.exitCode = reportFailure("", error, { stderr: process.stderr });
    process.exit();
  };
  // A closed pipe (`provex … | head -1`) is the reader saying it has enough: stop at once and quietly,
  // with the status of a process SIGPIPE ended (Node ignores the signal, so writes fail with EPIPE).
  const stopOnBrokenPipe = (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(EXIT_BROKEN_PIPE);
    lastResort(error);
  };
  process.stdout.on("error", stopOnBrokenPipe);
  process.stderr.on("error", stopOnBrokenPipe);
  process.on("uncaughtException", lastResort);
  process.on("unhandledRejection", lastResort);
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
