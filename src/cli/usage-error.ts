/**
 * A mistake in how a command was called: reported in one line with a `--help` hint, exit code 2.
 * Thrown by commands for any input they cannot start on, so that `provex` never prints a stack trace.
 */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
  /** Whether to add "Try 'provex <command> --help'": not for a file that cannot be read. */
  readonly hint: boolean = true;
}

/** A file that cannot be read or written: `cannot read x: is a directory`, exit code 2, no help hint. */
export class FileAccessError extends UsageError {
  override readonly name = "FileAccessError";
  override readonly hint = false;
}
