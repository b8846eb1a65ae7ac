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

/** No JSONL line is longer than this (bytes of UTF-8): past it the line is that user's error, not a crash. */
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
    const chunks = stdin[Symbol.asyncIterator]();
    const first = await chunks.next();
    const head = first.done ? new Uint8Array(0) : first.value;
    const chosen = format ?? sniffFormat(typeof head === "string" ? head : utf8Head(head));
    const rest = prepend(first.done ? [] : [head], chunks);
    if (chosen === "jsonl") return streamJsonLines(name, rest, undefined, format === undefined);
    // Read whole, as a file is: bounded, so that a device on standard input cannot fill the memory.
    const parts: string[] = [];
    let length = 0;
    for await (const chunk of decodedChunks(rest)) {
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
  return streamJsonLines(path, stream, size, false);
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

/** The first characters of a chunk of bytes, enough to recognise the format (a BOM, blanks, a bracket). */
function utf8Head(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
}

async function* prepend<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const NEWLINE = 0x0a;
/** In a batch's `starts`: the line was too long to read; the line carried over from the chunk before. */
const TOO_LONG = -1;
const CARRIED = -2;

/**
 * JSON Lines, one user per line, split on newline bytes chunk by chunk (no readline: one batch per
 * chunk). Each line is decoded from UTF-8 on its own, only when its user is previewed: a line of ASCII
 * becomes a one-byte string (a chunk decoded whole would make every line a slice of a two-byte string
 * as soon as one name has a diacritic, which JSON.parse reads markedly slower), and a chunk's text is
 * never held twice. A line that is not JSON, or longer than {@link MAX_LINE_LENGTH} bytes, is that
 * user's error; the rest go on.
 */
function streamJsonLines(
  name: string,
  chunks: AsyncIterable<string | Uint8Array>,
  size: number | undefined,
  sniffed: boolean,
): UserSource {
  const bytes = { size: size ?? 0, read: 0 };
  const hint = sniffed ? " (if standard input holds one JSON document, give --users-format json)" : "";
  /** Lines of `chunk` from `starts[i]` to `ends[i]`; a negative start is {@link TOO_LONG} or {@link CARRIED}. */
  const batchOf = (
    chunk: Buffer,
    starts: number[],
    ends: number[],
    carried: string,
    firstNumber: number,
  ): UserBatch =>
    userBatch(starts.length, (index) => {
      const start = starts[index] as number;
      const number = firstNumber + index;
      if (start === TOO_LONG) return { invalid: tooLong(name, number), code: "value-too-large" };
      const line = start === CARRIED ? carried : chunk.toString("utf8", start, ends[index]);
      // A byte order mark (possibly cut across chunks) is recognised once line 1 is decoded.
      return parseLine(number === 1 ? line.replace(/^\uFEFF/, "") : line, number, name, hint);
    });
  async function* batches(): AsyncGenerator<UserBatch> {
    let number = 1;
    // The start of a line that continues in the next chunk.
    let pending: Buffer[] = [];
    let pendingLength = 0;
    let skipping = false;
    for await (const raw of chunks) {
      const chunk =
        typeof raw === "string" ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      bytes.read += chunk.length;
      const starts: number[] = [];
      const ends: number[] = [];
      let carried = "";
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
        if (pendingLength + (end - start) > MAX_LINE_LENGTH) skipping = true;
        if (skipping) starts.push(TOO_LONG);
        else if (pendingLength === 0) starts.push(start);
        else {
          pending.push(chunk.subarray(start, end));
          carried = Buffer.concat(pending).toString("utf8");
          starts.push(CARRIED);
        }
        ends.push(end);
        skipping = false;
        pending = [];
        pendingLength = 0;
        start = end + 1;
      }
      const rest = chunk.length - start;
      if (skipping) {
        // Still inside an overlong line: drop it until its newline.
      } else if (pendingLength + rest > MAX_LINE_LENGTH) {
        pending = [];
        pendingLength = 0;
        skipping = true;
      } else if (rest > 0) {
        // A copy, so that a reader reusing its buffer cannot change it under us.
        pending.push(Buffer.from(chunk.subarray(start)));
        pendingLength += rest;
      }
      if (starts.length > 0) {
        yield batchOf(chunk, starts, ends, carried, number);
        number += starts.length;
      }
    }
    if (skipping) yield batchOf(Buffer.alloc(0), [TOO_LONG], [0], "", number);
    else if (pendingLength > 0) {
      const last = Buffer.concat(pending).toString("utf8");
      if (last.trim() !== "") yield batchOf(Buffer.alloc(0), [CARRIED], [0], last, number);
    }
    if (size === undefined) bytes.size = bytes.read;
  }
  return { all: undefined, batches: batches(), total: undefined, bytes };
}

/** A line's user; undefined for a blank line, which holds no user at all. */
function parseLine(raw: string, number: number, name: string, hint: string): UserRecord | undefined {
  const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
  try {
    return { user: JSON.parse(line) };
  } catch (error) {
    // Blank lines are rare: checked only once JSON.parse has refused the line.
    if (line.trim() === "") return undefined;
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined ? `line ${number}` : `line ${number}, column ${Number(position) + 1}`;
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    return { invalid: `${name}: ${where} is not a JSON object (${reason})${hint}.`, code: "invalid-user" };
  }
}

function tooLong(name: string, number: number): string {
  return `${name}: line ${number} is longer than ${MAX_LINE_LENGTH.toLocaleString("en-US")} bytes, too large to preview; it was skipped.`;
}
