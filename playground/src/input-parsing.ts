import { ProvexError } from "../../src/diagnostics/index.js";
import { parseTargetText, parseUsersText } from "../../src/index.js";
import type { InputProblem } from "./evaluation-protocol.js";
import { jsonErrorOffset, lineColumnAt } from "./json-error.js";

/** Users or a target directory read from text, or the problem with the text (placed where it is). */
export type ParsedInput =
  | { readonly ok: true; readonly items: unknown[] }
  | { readonly ok: false; readonly problem: InputProblem };

/** Reads sample users (JSON array, JSON Lines or CSV) with the library's reader. */
export function readUsers(text: string): ParsedInput {
  return read(text, parseUsersText, "invalid-users");
}

/** Reads the target directory (a JSON array of SCIM resources, or a ListResponse). */
export function readTarget(text: string): ParsedInput {
  return read(text, parseTargetText, "invalid-target");
}

function read(text: string, parse: (text: string) => unknown[], code: string): ParsedInput {
  try {
    return { ok: true, items: parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The library's readers place JSON errors themselves (span, and "Users JSON, line L, column C: " in
    // the message, which the banner says as L:C already).
    const span = error instanceof ProvexError ? error.span : undefined;
    const problem: InputProblem = {
      message: span ? message.replace(/^[^:]*, line \d+, column \d+: /, "") : message,
      code: error instanceof ProvexError ? error.code : code,
      ...(span ? lineColumnAt(text, span.start) : placeOf(text, message)),
    };
    return { ok: false, problem };
  }
}

/** The line and column of a JSON error, or of a JSON Lines reader's "Line N". */
function placeOf(text: string, message: string): { line?: number; column?: number } {
  const body = text.replace(/^\uFEFF/, "");
  const trimmed = body.trimStart();
  const lineMention = /^Line (\d+) /.exec(message);
  if (lineMention?.[1]) return { line: Number(lineMention[1]), column: 1 };
  if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) return {};
  const offset = jsonErrorOffset(body);
  return offset === undefined ? {} : lineColumnAt(body, offset);
}
