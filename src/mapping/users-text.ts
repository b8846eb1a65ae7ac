import { CsvError, parse as parseCsv } from "csv-parse/browser/esm/sync";
import { ProvexError } from "../diagnostics/index.js";
import { jsonTextError, parseJsonText } from "./json-text.js";
import { setOwn, short } from "./plain-data.js";

/**
 * Sample users from pasted or uploaded text, whichever of the three shapes it has: a JSON array of
 * objects (or one object), JSON Lines (one object per line), or CSV with a header row of attribute
 * names. A byte order mark is accepted. Throws {@link ProvexError} `invalid-users` with what to fix and
 * where (line and column).
 */
export function parseUsersText(text: string): unknown[] {
  // trim() also drops a byte order mark: U+FEFF is white space to ECMAScript.
  const body = text.trim();
  if (body === "") return [];
  if (body.startsWith("[")) return parseJsonUsers(text);
  if (body.startsWith("{")) {
    try {
      return [JSON.parse(body)];
    } catch {
      return parseJsonLines(text);
    }
  }
  return parseCsvUsers(text);
}

/** Users as one JSON document: an array of objects, or a single object. */
export function parseJsonUsers(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = parseJsonText(text, "invalid-users", "Users JSON");
  } catch (error) {
    throw withHint(error as ProvexError);
  }
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === "object" && parsed !== null) return [parsed];
  throw invalidUsers("Give the users as a JSON array of objects.");
}

/** JSON Lines; `text` may start with a byte order mark, which the first line's offsets count. */
function parseJsonLines(text: string): unknown[] {
  const users: unknown[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  text
    .slice(offset)
    .split("\n")
    .forEach((raw, index) => {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      const start = offset;
      offset += raw.length + 1;
      if (line.trim() === "") return;
      try {
        users.push(JSON.parse(line));
      } catch {
        throw withHint(
          jsonTextError(line, "invalid-users", "Users JSON Lines", { line: index, offset: start }),
        );
      }
    });
  return users;
}

/**
 * CSV (RFC 4180, parsed by csv-parse) with a header row of attribute names. Empty cells are absent
 * attributes; a cell holding a JSON array (`["a","b"]`) is a multi-valued attribute; `true`/`false`
 * stay text, which the preview reads as booleans where it needs them. A row may have fewer cells than
 * the header (the rest are empty), never more; a header name may not repeat, and a column with values
 * must have a name, so that no value is dropped without a word. Any name, `__proto__` included, is an
 * own property of the user.
 */
export function parseCsvUsers(text: string): Record<string, unknown>[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      // Files pasted together or edited on two systems mix line endings; any of them ends a row.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count_less: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw csvError(error);
  }
  const [header, ...rows] = records;
  if (!header || header.record.every((cell) => cell.trim() === ""))
    throw invalidUsers("CSV users need a header row of attribute names.");
  const names = header.record.map((name) => name.trim());
  names.forEach((name, column) => {
    const first = names.indexOf(name);
    if (name !== "" && first !== column)
      throw invalidUsers(
        `CSV line ${header.info.lines}: the header names ${JSON.stringify(short(name))} twice (columns ${first + 1} and ${column + 1}); each attribute needs one column.`,
      );
  });
  const users: Record<string, unknown>[] = [];
  for (const { record, info } of rows) {
    if (record.every((cell) => cell === "")) continue;
    const user: Record<string, unknown> = {};
    record.forEach((cell, column) => {
      if (cell === "") return;
      const name = names[column] ?? "";
      if (name === "")
        throw invalidUsers(
          `CSV line ${info.lines}: column ${column + 1} holds ${JSON.stringify(short(cell))} but has no name in the header row; name it or remove the column.`,
        );
      setOwn(user, name, cell.startsWith("[") ? arrayCell(cell) : cell);
    });
    users.push(user);
  }
  return users;
}

/** csv-parse's error, said with its line and what to do. */
function csvError(error: unknown): ProvexError {
  if (!(error instanceof CsvError)) return invalidUsers(`The CSV cannot be read: ${String(error)}.`);
  const line = (error as CsvError & { lines?: number }).lines;
  const at = line === undefined ? "CSV" : `CSV line ${line}`;
  const what: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED:
      'a quoted cell is not closed; add its closing " (a quote inside a quoted cell is written "")',
    INVALID_OPENING_QUOTE:
      'a " appears inside an unquoted cell; quote the whole cell and double the quote ("say ""hi""")',
    CSV_INVALID_CLOSING_QUOTE:
      'text follows the closing quote of a cell; put the whole cell in quotes and double any " inside it',
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH:
      "the row has more cells than the header has names; quote cells that contain commas, or add the column's name to the header",
  };
  return invalidUsers(`${at}: ${what[error.code] ?? error.message}.`);
}

function invalidUsers(message: string): ProvexError {
  return new ProvexError(
    "invalid-users",
    `${message} Users are a JSON array, JSON Lines, or CSV with a header row.`,
  );
}

function withHint(error: ProvexError): ProvexError {
  return new ProvexError(
    error.code,
    `${error.message.replace(/\.?$/, ".")} Users are a JSON array, JSON Lines, or CSV with a header row.`,
    { ...(error.span ? { span: error.span } : {}), diagnostics: error.diagnostics },
  );
}

function arrayCell(cell: string): unknown {
  try {
    const value: unknown = JSON.parse(cell);
    return Array.isArray(value) ? value : cell;
  } catch {
    return cell;
  }
}
