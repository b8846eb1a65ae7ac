import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseCsvUsers, parseJsonUsers } from "../mapping/users-text.js";
import { readTextFile, withFileName } from "./input.js";
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
  const users = withFileName(path, () =>
    lower.endsWith(".csv") ? parseCsvUsers(text) : parseJsonUsers(text),
  );
  return {
    all: users,
    records: (async function* () {
      for (const user of users) yield { user };
    })(),
    total: users.length,
    bytes: { size: text.length, read: text.length },
  };
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
