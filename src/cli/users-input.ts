import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { readTextFile } from "./input.js";
import { UsageError } from "./usage-error.js";

/** One source user read from the input, or why its line could not be read. */
export type UserRecord = { readonly user: unknown } | { readonly invalid: string };

/** The users of a file: all at once (JSON, CSV) or streamed line by line (JSONL). */
export interface UserSource {
  /** Every user, when the whole file was read (lets references resolve to users later in the file). */
  readonly all: readonly unknown[] | undefined;
  readonly records: AsyncIterable<UserRecord>;
  /** For progress: the total count when known, else the file size with a running count of bytes read. */
  readonly total: number | undefined;
  readonly bytes: { readonly size: number; read: number };
}

/**
 * Opens a users file by its extension: `.jsonl`/`.ndjson` stream one JSON object per line in constant
 * memory; `.csv` has a header row of attribute names; anything else is a JSON array of objects.
 */
export function openUsers(path: string): UserSource {
  const lower = path.toLowerCase();
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return streamJsonLines(path);
  const text = readTextFile(path);
  const users = lower.endsWith(".csv") ? parseCsvUsers(text, path) : parseJsonUsers(text, path);
  return {
    all: users,
    records: (async function* () {
      for (const user of users) yield { user };
    })(),
    total: users.length,
    bytes: { size: text.length, read: text.length },
  };
}

function parseJsonUsers(text: string, path: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${path} is not valid JSON (${(error as Error).message}); give a JSON array of user objects, JSONL (.jsonl) or CSV (.csv).`,
    );
  }
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null) return [data];
  throw new UsageError(`${path} must hold a JSON array of user objects.`);
}

function streamJsonLines(path: string): UserSource {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new UsageError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`,
    );
  }
  const bytes = { size, read: 0 };
  async function* records(): AsyncGenerator<UserRecord> {
    const lines = createInterface({
      input: createReadStream(path, { encoding: "utf8" }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let number = 0;
    for await (const line of lines) {
      number++;
      bytes.read += Buffer.byteLength(line) + 1;
      if (line.trim() === "") continue;
      try {
        yield { user: JSON.parse(line) };
      } catch (error) {
        yield { invalid: `line ${number} of ${path} is not a JSON object: ${(error as Error).message}` };
      }
    }
  }
  return { all: undefined, records: records(), total: undefined, bytes };
}

/**
 * CSV with a header row of attribute names (RFC 4180 quoting). Empty cells are absent attributes; a cell
 * holding a JSON array (`["a","b"]`) is a multi-valued attribute; `true`/`false` stay text, which the
 * preview reads as booleans where it needs them.
 */
export function parseCsvUsers(text: string, path: string): Record<string, unknown>[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = rows.shift();
  if (!header || header.every((cell) => cell === ""))
    throw new UsageError(`${path} needs a header row of attribute names.`);
  return rows
    .filter((row) => row.some((cell) => cell !== ""))
    .map((row) => {
      const user: Record<string, unknown> = {};
      header.forEach((name, column) => {
        const cell = row[column] ?? "";
        if (name === "" || cell === "") return;
        user[name] = cell.startsWith("[") ? arrayCell(cell) : cell;
      });
      return user;
    });
}

function arrayCell(cell: string): unknown {
  try {
    const value: unknown = JSON.parse(cell);
    return Array.isArray(value) ? value : cell;
  } catch {
    return cell;
  }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
