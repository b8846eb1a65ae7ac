import { ProvexError } from "../diagnostics/index.js";
import { format } from "../parser/index.js";
import type { TextEdit } from "./types.js";

/** Formatting edits, or why the text cannot be formatted (it has syntax errors: nothing is rewritten). */
export type FormattingResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly message: string };

/**
 * Canonical formatting as one whole-text edit (none when the text is already canonical). Text with
 * syntax errors is left alone, as `format` refuses it, so that nothing the user wrote is lost.
 */
export function formatDocument(text: string, width = 100): FormattingResult {
  try {
    const formatted = format(text, { width });
    return {
      ok: true,
      edits: formatted === text ? [] : [{ span: { start: 0, end: text.length }, newText: formatted }],
    };
  } catch (error) {
    if (error instanceof ProvexError) return { ok: false, message: error.message };
    throw error;
  }
}
