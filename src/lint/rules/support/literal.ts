import type { Span } from "../../../diagnostics/index.js";
import type { Argument, StringLiteral } from "../../../parser/index.js";

/**
 * The expression offset of each character of a string literal's value, plus one entry for "just past
 * its end" (the closing quote), so that a position inside the value — a regex error's offset, a date
 * format's bad character — maps back to the expression, escapes (`\\`, `\"`) accounted for.
 */
export function literalValueOffsets(text: string, literal: StringLiteral): number[] {
  const offsets: number[] = [];
  const end = text[literal.span.end - 1] === '"' ? literal.span.end - 1 : literal.span.end;
  for (let i = literal.span.start + 1; i < end; i++) {
    offsets.push(i);
    const next = text[i + 1];
    // SPEC Part 1: only `\\` and `\"` are escapes; any other backslash stands for itself.
    if (text[i] === "\\" && (next === "\\" || next === '"')) i++;
  }
  offsets.push(end);
  // Recovery may leave a literal whose text does not match its value; then blame the whole literal.
  if (offsets.length !== literal.value.length + 1) return [];
  return offsets;
}

/** A span of a literal's value as a span of the expression (the whole literal when it cannot be traced). */
export function spanInLiteral(text: string, literal: StringLiteral, span: Span): Span {
  const offsets = literalValueOffsets(text, literal);
  if (offsets.length === 0) return literal.span;
  const at = (offset: number) => offsets[Math.min(Math.max(offset, 0), offsets.length - 1)]!;
  const start = at(span.start);
  return { start, end: Math.max(start, at(span.end)) };
}

/** The literal's value when the argument is a string literal (a number literal counts as its digits). */
export function constantText(argument: Argument | undefined): string | undefined {
  if (argument?.kind === "string") return argument.value;
  if (argument?.kind === "number") return argument.value.toString();
  return undefined;
}
