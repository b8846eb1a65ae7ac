import { createReadStream, statSync } from "node:fs";
import { parseCsvUsers, parseJsonUsers } from "../mapping/users-text.js";
import type { InputStream } from "./command.js";
import { fileAccessError, MAX_INPUT_BYTES } from "./files.js";
import { readTextFile, withFileName } from "./input.js";
import { FileAccessError } from "./usage-error.js";

/** One source user read from the input, or why its line could not be read (`code`: the user's error). */
export type UserRecord =
  | { readonly user: unknown }
  | { readonly invalid: string; readonly code: "invalid-user" | "value-too-large" };

/**
 * Users read in one go. A JSON Lines batch holds the lines and parses each only when asked for, so that
 * a chunk's users are not all alive at once: each is garbage as soon as it is previewed.
 */
export interface UserBatch extends Iterable<UserRecord> {
  readonly size: number;
  /** The i-th user (parsed now), why its line could not be read, or undefined for a blank line. */
  at(index: number): UserRecord | undefined;
}

/** A batch of `size` entries read by `at`; iterating it skips blank lines. */
function userBatch(size: number, at: (index: number) => UserRecord | undefined): UserBatch {
  return {
    size,
    at,
    *[Symbol.iterator]() {
      for (let index = 0; index < size; index++) {
        const record = at(index);
        if (record !== undefined) yield record;
      }
    },
  };
}

/** The shapes `--users-format` names. */
export const USERS_FORMATS = ["json", "jsonl", "csv"] as const;
export type UsersFormat = (typeof USERS_FORMATS)[number];

/** The users of a file: all at once (JSON, CSV) or streamed line by line (JSONL). */
export interface UserSource {
  /** Every user, when the whole input was read (lets references resolve to users later in the file). */
  readonly all: readonly unknown[] | undefined;
  /** The users in order, in batches (one per chunk read), so that the caller's loop is not per user. */
  readonly batches: AsyncIterable<UserBatch>;
  /** For progress: the total count when known, else the input size with a running count of bytes read. */
  readonly total: number | undefined;
  readonly bytes: { readonly size: number; read: number };
}

/** No JSONL line is longer than this (characters): past it the line is that user's error, not a crash. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** Chunks of this size keep the number of reads (and of batches) small. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Opens the users: `path` is a file or `-` for standard input. The format is `format` when given, else
 * the file's extension (`.jsonl`/`.ndjson` JSON Lines, `.csv` CSV with a header row, anything else one
 * JSON document); standard input without `--users-format` is recognised by its first character (`[`
 * JSON, `{` JSON Lines, anything else CSV). JSON Lines stream in constant memory.
 */
export async function openUsers(
  path: string,
  format: UsersFormat | undefined,
  stdin: InputStream,
): Promise<UserSource> {
  const name = path === "-" ? "<stdin>" : path;
  if (path === "-") {
    const chunks = decodedChunks(stdin);
    const first = await chunks.next();
    const head = first.done ? "" : first.value;
    const chosen = format ?? sniffFormat(head);
    const rest = prepend(first.done ? [] : [head], chunks);
    if (chosen === "jsonl") return streamJsonLines(name, rest, undefined, format === undefined);
    // Read whole, as a file is: bounded, so that a device on standard input cannot fill the memory.
    const parts: string[] = [];
    let length = 0;
    for await (const chunk of rest) {
      length += chunk.length;
      if (length > MAX_INPUT_BYTES)
        throw new FileAccessError(
          `cannot read standard input: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`,
        );
      parts.push(chunk);
    }
    return allAtOnce(name, chosen, parts.join("").replace(/^\uFEFF/, ""));
  }
  const chosen = format ?? formatOfPath(path);
  if (chosen !== "jsonl") return allAtOnce(path, chosen, readTextFile(path));
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new FileAccessError(`cannot read ${path}: is a directory`);
    size = stats.size;
  } catch (error) {
    throw fileAccessError("read", path, error);
  }
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  // Opening errors (no permission) surface here, before the first user, as one-line errors.
  await new Promise<void>((resolve, reject) => {
    stream.once("readable", resolve);
    stream.once("error", (error) => reject(fileAccessError("read", path, error)));
  });
  return streamJsonLines(path, decodedChunks(stream), size, false);
}

function formatOfPath(path: string): UsersFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return lower.endsWith(".csv") ? "csv" : "json";
}

function sniffFormat(head: string): UsersFormat {
  const first = head.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "[") return "json";
  return first === "{" ? "jsonl" : "csv";
}

function allAtOnce(name: string, format: UsersFormat, text: string): UserSource {
  const users = withFileName(name, () => (format === "csv" ? parseCsvUsers(text) : parseJsonUsers(text)));
  return {
    all: users,
    batches: (async function* (): AsyncGenerator<UserBatch> {
      yield userBatch(users.length, (index) => ({ user: users[index] }));
    })(),
    total: users.length,
    bytes: { size: text.length, read: text.length },
  };
}

async function* decodedChunks(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

async function* prepend(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * JSON Lines, one user per line, split on newlines chunk by chunk (no readline: one batch per chunk).
 * A line that is not JSON, or longer than {@link MAX_LINE_LENGTH}, is that user's error; the rest go on.
 */
function streamJsonLines(
  name: string,
  chunks: AsyncIterable<string>,
  size: number | undefined,
  sniffed: boolean,
): UserSource {
  const bytes = { size: size ?? 0, read: 0 };
  const hint = sniffed ? " (if standard input holds one JSON document, give --users-format json)" : "";
  /** A chunk's lines; null stands for a line too long to read. */
  const batchOf = (lines: (string | null)[], firstNumber: number): UserBatch =>
    userBatch(lines.length, (index) => {
      const line = lines[index];
      const number = firstNumber + index;
      if (line === null || line === undefined)
        return { invalid: tooLong(name, number), code: "value-too-large" };
      return parseLine(line, number, name, hint);
    });
  async function* batches(): AsyncGenerator<UserBatch> {
    let number = 1;
    let pending = "";
    let skipping = false;
    let first = true;
    for await (let chunk of chunks) {
      bytes.read += size === undefined ? chunk.length : Buffer.byteLength(chunk);
      if (first) {
        chunk = chunk.replace(/^\uFEFF/, "");
        first = false;
      }
      const lines: (string | null)[] = [];
      let start = 0;
      for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", start)) {
        if (pending.length + (end - start) > MAX_LINE_LENGTH) skipping = true;
        if (skipping) lines.push(null);
        else lines.push(pending === "" ? chunk.slice(start, end) : pending + chunk.slice(start, end));
        skipping = false;
        pending = "";
        start = end + 1;
      }
      const rest = chunk.slice(start);
      if (skipping) {
        // Still inside an overlong line: drop it until its newline.
      } else if (pending.length + rest.length > MAX_LINE_LENGTH) {
        pending = "";
        skipping = true;
      } else pending += rest;
      if (lines.length > 0) {
        yield batchOf(lines, number);
        number += lines.length;
      }
    }
    if (skipping) yield batchOf([null], number);
    else if (pending.trim() !== "") yield batchOf([pending], number);
    if (size === undefined) bytes.size = bytes.read;
  }
  return { all: undefined, batches: batches(), total: undefined, bytes };
}

/** A line's user; undefined for a blank line, which holds no user at all. */
function parseLine(raw: string, number: number, name: string, hint: string): UserRecord | undefined {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (line.trim() === "") return undefined;
  try {
    return { user: JSON.parse(line) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined ? `line ${number}` : `line ${number}, column ${Number(position) + 1}`;
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    return { invalid: `${name}: ${where} is not a JSON object (${reason})${hint}.`, code: "invalid-user" };
  }
}

function tooLong(name: string, number: number): string {
  return `${name}: line ${number} is longer than ${MAX_LINE_LENGTH.toLocaleString("en-US")} characters, too large to preview; it was skipped.`;
}
