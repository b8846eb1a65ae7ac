import { readFileSync } from "node:fs";
import { ProvexError } from "../diagnostics/index.js";
import { UsageError } from "./usage-error.js";

/** An expression to work on, and the name to report it under. */
export interface ExpressionInput {
  readonly text: string;
  readonly source: string;
  readonly path?: string;
}

/**
 * The expression a command works on: the positional argument, else `--file` (`-` for standard input),
 * else standard input when it is not a terminal.
 */
export function readExpressionInput(
  positional: string | undefined,
  file: string | undefined,
): ExpressionInput {
  if (positional !== undefined && file !== undefined) {
    throw new UsageError("Give the expression either as an argument or with --file, not both.");
  }
  if (positional !== undefined) return { text: positional, source: "<expression>" };
  if (file !== undefined && file !== "-") return { text: readTextFile(file), source: file, path: file };
  if (file === "-" || !process.stdin.isTTY) return { text: readFileSync(0, "utf8"), source: "<stdin>" };
  throw new UsageError("No expression: pass it as an argument, with --file <path>, or on standard input.");
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new UsageError(`Cannot read ${path}: ${reason}.`);
  }
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
