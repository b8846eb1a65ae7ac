import type { OutputStream } from "./command.js";
import { type Palette, palette } from "./report.js";

/** What the user asked for on the command line: `--color`, `--no-color`, or nothing. */
export type ColourFlag = "always" | "never" | undefined;

/**
 * Whether to colour what is written to `stream`, decided for each stream on its own (stdout may be
 * redirected to a file while stderr is a terminal). In order of precedence:
 * 1. `--color` / `--no-color` on the command line;
 * 2. `FORCE_COLOR` (chalk's and Node's convention): `0` or `false` turns colour off, any other value
 *    (also empty) turns it on;
 * 3. `NO_COLOR` (no-color.org): set to a non-empty value, it turns colour off; an empty one is ignored;
 * 4. `TERM=dumb` turns colour off;
 * 5. otherwise colour exactly when the stream is a terminal.
 */
export function wantsColour(stream: OutputStream, flag: ColourFlag, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag === "always";
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** The palettes for stdout and stderr. */
export function streamPalettes(
  streams: { readonly stdout: OutputStream; readonly stderr: OutputStream },
  flag: ColourFlag,
  env: NodeJS.ProcessEnv,
): { readonly stdout: Palette; readonly stderr: Palette } {
  return {
    stdout: palette(wantsColour(streams.stdout, flag, env)),
    stderr: palette(wantsColour(streams.stderr, flag, env)),
  };
}
