import type { Palette } from "./report.js";

/** Where a command writes; tests pass in-memory streams. */
export interface Streams {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly colours: Palette;
}

/** One `provex` subcommand. `run` returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  run(args: string[], streams: Streams): number | Promise<number>;
}
