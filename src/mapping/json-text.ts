import { LineIndex, ProvexError } from "../diagnostics/index.js";
import { readJsonTree } from "./json-tree.js";

/**
 * Parses a JSON data file (sample users, a target directory, attributes). A leading byte order mark is
 * accepted. The text is read by `JSON.parse` (fast on large files; a key such as `__proto__` becomes
 * an own property); when it fails, the strict reader of configurations says where and what, as
 * `line L, column C: …`, never "position 34". Throws {@link ProvexError} `code` with the span.
 */
export function parseJsonText(text: string, code: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    throw jsonTextError(text, code, what);
  }
}

/** Where a text read on its own starts in its file: its 0-based line and its offset. */
export interface TextStart {
  readonly line: number;
  readonly offset: number;
}

/**
 * The positioned error for a JSON text that `JSON.parse` refused. `start` places a part of a file (a
 * JSON Lines line) in it: the message's line and the spans are then the file's.
 */
export function jsonTextError(
  text: string,
  code: string,
  what: string,
  start: TextStart = { line: 0, offset: 0 },
): ProvexError {
  // Read behind blanks standing for the file before the part (its line breaks last, so that the part
  // starts a line): every span, and every line and column, in the message and in the words of the
  // message ("the '[' opened at line 2, column 1"), is then the file's.
  const before = start.offset - start.line;
  const placed =
    before > 0 || start.line > 0 ? `${" ".repeat(before)}${"\n".repeat(start.line)}${text}` : text;
  const { problems } = readJsonTree(placed);
  const problem = problems[0];
  if (!problem) return new ProvexError(code, `${what} is not valid JSON.`);
  // `what` names the text ("Users JSON"), so that the message reads "Users JSON, line 2, column 5: …".
  const { line, column } = new LineIndex(placed).locate(problem.span.start);
  return new ProvexError(code, `${what}, line ${line}, column ${column}: ${problem.message}`, {
    span: problem.span,
    diagnostics: problems,
  });
}
