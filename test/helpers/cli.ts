import { Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run: standard input's text, whether the streams are terminals, and the environment. */
export interface CliOptions {
  readonly stdin?: string;
  readonly tty?: { readonly stdout?: boolean; readonly stderr?: boolean };
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `provex <argv…>` in process with in-memory streams: colourless unless `options` make a stream a
 * terminal; standard input is empty (not a terminal) unless given.
 */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), {
    isTTY: false,
  });
  const code = await main(argv, {
    stdin,
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty?.stdout ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty?.stderr ?? false },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
