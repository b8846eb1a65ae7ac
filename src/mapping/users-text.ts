import { ProvexError } from "../diagnostics/index.js";

/**
 * Sample users from pasted or uploaded text, whichever of the three shapes it has: a JSON array of
 * objects (or one object), JSON Lines (one object per line), or CSV with a header row of attribute
 * names. Throws {@link ProvexError} `invalid-users` with what to fix.
 */
export function parseUsersText(text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, "").trim();
  if (body === "") return [];
  if (body.startsWith("[")) return parseJsonUsers(body);
  if (body.startsWith("{")) {
    try {
      return [JSON.parse(body)];
    } catch {
      return parseJsonLines(body);
    }
  }
  return parseCsvUsers(body);
}

/** Users as one JSON document: an array of objects, or a single object. */
export function parseJsonUsers(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalidUsers(`The users are not valid JSON (${(error as Error).message}).`);
  }
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === "object" && parsed !== null) return [parsed];
  throw invalidUsers("Give the users as a JSON array of objects.");
}

function parseJsonLines(body: string): unknown[] {
  return body
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw invalidUsers(`Line ${number} is not a JSON object (${(error as Error).message}).`);
      }
    });
}

/**
 * CSV with a header row of attribute names (RFC 4180 quoting). Empty cells are absent attributes; a cell
 * holding a JSON array (`["a","b"]`) is a multi-valued attribute; `true`/`false` stay text, which the
 * preview reads as booleans where it needs them.
 */
export function parseCsvUsers(text: string): Record<string, unknown>[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = rows.shift();
  if (!header || header.every((cell) => cell === "")) {
    throw invalidUsers("CSV users need a header row of attribute names.");
  }
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

function invalidUsers(message: string): ProvexError {
  return new ProvexError(
    "invalid-users",
    `${message} Users are a JSON array, JSON Lines, or CSV with a header row.`,
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
