import { main } from "../../src/cli/main.js";
import { palette } from "../../src/cli/report.js";

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `provex <argv…>` in process with in-memory, colourless streams. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    colours: palette({ isTTY: false } as NodeJS.WriteStream),
  });
  return { code, stdout, stderr };
}
