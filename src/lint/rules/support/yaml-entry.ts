import type { Span } from "../../../diagnostics/index.js";

/**
 * The span of the whole line `  key: value  # comment` (with its line break) that holds the value
 * `value`, when that line holds nothing but this one entry of a block mapping: removing the span then
 * removes the entry and nothing else. Undefined otherwise (a flow mapping, the first key of a sequence
 * item, a block scalar or a value over several lines).
 */
export function removableEntryLine(text: string, value: Span, key: string): Span | undefined {
  const lineStart = text.lastIndexOf("\n", value.start - 1) + 1;
  const newline = text.indexOf("\n", value.start);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  if (value.end > lineEnd) return undefined;
  const before = text.slice(lineStart, value.start);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Indentation, the key, the colon and an optional opening quote: nothing else may precede the value.
  // A block scalar's value starts on a line after its key's, so this test refuses it too (a quoted
  // value may itself start with | or >: that is no block scalar).
  if (!new RegExp(`^[ \\t]+${escaped}[ \\t]*:[ \\t]*['"]?$`).test(before)) return undefined;
  return { start: lineStart, end: lineEnd };
}
