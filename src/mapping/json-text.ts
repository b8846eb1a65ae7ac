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

/** The positioned error for a JSON text that `JSON.parse` refused. */
export function jsonTextError(text: string, code: string, what: string, lineOffset = 0): ProvexError {
  const { problems } = readJsonTree(text);
  const problem = problems[0];
  if (!problem) return new ProvexError(code, `${what} is not valid JSON.`);
  // `what` names the text ("Users JSON"), so that the message reads "Users JSON, line 2, column 5: …".
  const { line, column } = new LineIndex(text).locate(problem.span.start);
  return new ProvexError(code, `${what}, line ${line + lineOffset}, column ${column}: ${problem.message}`, {
    span: problem.span,
    diagnostics: problems,
  });
}
