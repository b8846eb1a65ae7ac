import { ProvexError } from "../diagnostics/index.js";
import type { InputStream } from "./command.js";
import { readInputText } from "./files.js";
import { UsageError } from "./usage-error.js";

export { atMostOneStdin, readInputText, readTextFile, writeTextFile } from "./files.js";

/** An expression to work on, and the name to report it under. */
export interface ExpressionInput {
  readonly text: string;
  readonly source: string;
  readonly path?: string;
}

/**
 * The expression a command works on: the positional argument (`-` for standard input), else `--file`
 * (`-` for standard input), else standard input when it is not a terminal.
 */
export async function readExpressionInput(
  positional: string | undefined,
  file: string | undefined,
  stdin: InputStream,
): Promise<ExpressionInput> {
  if (positional !== undefined && file !== undefined) {
    throw new UsageError("give the expression either as an argument or with --file, not both");
  }
  if (positional === "-" || file === "-") return { text: await readInputText("-", stdin), source: "<stdin>" };
  if (positional !== undefined) return { text: positional, source: "<expression>" };
  if (file !== undefined) return { text: await readInputText(file, stdin), source: file, path: file };
  if (stdin.isTTY !== true) return { text: await readInputText("-", stdin), source: "<stdin>" };
  throw new UsageError("no expression: pass it as an argument, with --file <path>, or on standard input");
}

/** Runs `read` on a file's content; a {@link ProvexError} it throws becomes a usage error naming the file. */
export function withFileName<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProvexError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}
