import type { Palette } from "./report.js";

/** A stream a command writes to; tests pass in-memory ones. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Standard input as a command reads it: chunks of bytes or text (process.stdin, or Readable.from in tests). */
export interface InputStream extends AsyncIterable<string | Uint8Array> {
  readonly isTTY?: boolean;
}

/** Where a command reads and writes. */
export interface Streams {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * Colours for what is written to each stream, decided per stream: stdout may be a file while stderr is a
   * terminal, so never colour stdout text with the stderr palette.
   */
  readonly colours: { readonly stdout: Palette; readonly stderr: Palette };
  /** How many diagnostics to print in full before summing up the rest (`--max-diagnostics`). */
  readonly maxDiagnostics: number;
}

/** One `provex` subcommand, exported as `command` by its module in src/cli/commands. */
export interface Command {
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command with the arguments after its name and returns the exit code. */
  run(args: string[], streams: Streams): number | Promise<number>;
}

/** What `() => import("./commands/x.js")` resolves to. */
export interface CommandModule {
  readonly command: Command;
}

/** An entry of the command table: known without loading the command's code. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}
