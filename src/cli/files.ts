import {
  closeSync,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { InputStream } from "./command.js";
import { FileAccessError, UsageError } from "./usage-error.js";

/**
 * Reading and writing the files a command is given, with the errors people can act on: one line,
 * `cannot read x.json: is a directory`, exit code 2 — never a stack trace. `-` is standard input.
 */

/** No input is read past this size: a device such as /dev/zero would otherwise fill the memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

const reasons: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EFBIG: "file too large",
  EIO: "input/output error",
  EBUSY: "resource busy",
  ETXTBSY: "file busy",
  EINVAL: "invalid argument",
  ENXIO: "no such device",
  ENODEV: "no such device",
  EAGAIN: "not ready for reading (try again, or read it through a pipe)",
};

/** A Node.js file-system error (`code` such as ENOENT, and the call that failed). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    typeof (error as NodeJS.ErrnoException).syscall === "string"
  );
}

/** What went wrong, in a few words: `is a directory`. */
export function systemErrorReason(error: NodeJS.ErrnoException): string {
  const code = error.code ?? "";
  return reasons[code] ?? error.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
}

/** A file-system error as a one-line {@link FileAccessError}: `cannot read x: is a directory`. */
export function fileAccessError(verb: "read" | "write", path: string, error: unknown): FileAccessError {
  if (error instanceof FileAccessError) return error;
  const reason = isSystemError(error)
    ? verb === "write" && error.code === "ENOENT"
      ? `no such directory ${dirname(path)}`
      : systemErrorReason(error)
    : (error as Error).message;
  return new FileAccessError(`cannot ${verb} ${path}: ${reason}`);
}

/**
 * The text of a file, as UTF-8 with a leading byte-order mark removed (invalid bytes become U+FFFD,
 * which the parsers report where they stand). Throws {@link FileAccessError}.
 */
export function readTextFile(path: string): string {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new FileAccessError(`cannot read ${path}: is a directory`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, Math.max(64 * 1024, stats.size + 1)));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_INPUT_BYTES) throw tooLarge(path);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return decode(Buffer.concat(chunks, total));
  } catch (error) {
    throw fileAccessError("read", path, error);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Checks before anything is read that at most one input is standard input: `inputs` maps each
 * option's name (`--file`) to its value.
 */
export function atMostOneStdin(inputs: Readonly<Record<string, string | undefined>>): void {
  const fromStdin = Object.keys(inputs).filter((name) => inputs[name] === "-");
  if (fromStdin.length > 1)
    throw new UsageError(
      `standard input ('-') can be read only once, but ${fromStdin.join(" and ")} both ask for it: give the other as a file`,
    );
}

/** Each stream is read once; a second `-` would find it empty. */
const consumed = new WeakSet<InputStream>();

/** The text of `path`, or of standard input when `path` is `-` (at most once per run). */
export async function readInputText(path: string, stdin: InputStream): Promise<string> {
  if (path !== "-") return readTextFile(path);
  if (consumed.has(stdin))
    throw new UsageError("standard input ('-') can be read only once: give the other inputs as files");
  consumed.add(stdin);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
      total += bytes.length;
      if (total > MAX_INPUT_BYTES) throw tooLarge("standard input");
      chunks.push(bytes);
    }
  } catch (error) {
    throw fileAccessError("read", "standard input", error);
  }
  return decode(Buffer.concat(chunks, total));
}

function tooLarge(name: string): FileAccessError {
  return new FileAccessError(`cannot read ${name}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
}

function decode(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Writes `text` to `path` so that the file is either the old one or the complete new one, never a
 * truncated mix (a full disk mid-write must not lose a configuration): a temporary file next to it,
 * then a rename. Keeps the file's permissions, and writes through a symbolic link to its target.
 */
export function writeTextFile(path: string, text: string): void {
  let target = path;
  let mode: number | undefined;
  try {
    target = realpathSync(path);
    const stats = statSync(target);
    if (stats.isDirectory()) throw new FileAccessError(`cannot write ${path}: is a directory`);
    mode = stats.mode & 0o7777;
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    if (!isSystemError(error) || error.code !== "ENOENT") throw fileAccessError("write", path, error);
  }
  const temporary = join(dirname(target), `.${basename(target)}.provex-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, mode === undefined ? {} : { mode });
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is already gone.
    }
    throw fileAccessError("write", path, error);
  }
}
