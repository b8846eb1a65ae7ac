import type { Span } from "../diagnostics/index.js";
import type { TextLocation } from "../mapping/model.js";
import type { TextEdit } from "./types.js";

/**
 * The file edit that replaces `span` of a traced value with `replacement`, written the way the value is
 * quoted in the file; undefined when the replacement cannot be written there without changing more
 * than those characters (a line break in a one-line scalar, a `: ` or ` #` in a plain YAML scalar…).
 */
export function editInValue(location: TextLocation, span: Span, replacement: string): TextEdit | undefined {
  const { offsets } = location;
  if (span.start < 0 || span.end < span.start || span.end >= offsets.length) return undefined;
  const start = offsets[span.start];
  const end = offsets[span.end];
  if (start === undefined || end === undefined || end < start) return undefined;
  // Each character of the span must be written as exactly one run of file text, in order.
  for (let i = span.start; i < span.end; i++) {
    const here = offsets[i];
    const next = offsets[i + 1];
    if (here === undefined || next === undefined || next <= here) return undefined;
  }
  const written = escapeFor(location.style, replacement, span.start === 0);
  return written === undefined ? undefined : { span: { start, end }, text: written };
}

function escapeFor(style: TextLocation["style"], text: string, atStart: boolean): string | undefined {
  switch (style) {
    case "json":
    case "double-quoted":
      // JSON's escapes are also YAML double-quoted escapes.
      return JSON.stringify(text).slice(1, -1);
    case "single-quoted":
      return text.includes("\n") ? undefined : text.replaceAll("'", "''");
    case "plain":
      if (/[\n\r\t]|: |:$| #|^#/.test(text)) return undefined;
      if (atStart && /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text)) return undefined;
      return text;
    case "literal":
    case "folded":
      return /[\n\r]/.test(text) ? undefined : text;
    case "synthesized":
      // A direct mapping's `[name]` is built from the name: only name-safe text can go back into it.
      return /^[\w.:-]*$/.test(text) ? text : undefined;
  }
}
