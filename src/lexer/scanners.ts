// Hand-written scanners for the tokens whose shape a regular expression cannot state (nested bracket
// groups in attribute names) or cannot match safely: V8's regex engine keeps a backtracking entry per
// repetition of `(?:[^"\\]|\\.)*`, which overflowed on a string literal of ~8.4M characters. These loops
// run in time linear in what they read, with no recursion and constant stack.

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** What stopped an attribute reference from closing, and where (the offset of the character to blame). */
export type AttributeProblem =
  | { readonly kind: "unclosed-reference"; readonly at: number; readonly hasGroups: boolean }
  | { readonly kind: "unclosed-group"; readonly at: number }
  | { readonly kind: "unclosed-group-string"; readonly at: number };

/** The result of {@link scanAttributeReference}. */
export interface AttributeScan {
  /** Offset just past the reference: past its closing `]`, or the end of the line when it has none. */
  readonly end: number;
  /** Undefined when the reference closed properly. */
  readonly problem: AttributeProblem | undefined;
}

/**
 * Scans the attribute reference whose `[` is at `start` (SPEC Part 1, lexical rules): it runs to the
 * matching `]`; inside the name a `[` opens a nested group that must close first, and inside a group a
 * double-quoted string may hold any character but `"` (so `]` and spaces), as in
 * `[emails[type eq "work"].value]`. A line break never belongs to a name: a reference still open at the
 * end of its line is unterminated, and the problem names the innermost construct left open.
 */
export function scanAttributeReference(text: string, start: number): AttributeScan {
  const length = text.length;
  // Offsets of the nested groups still open, innermost last (heap memory, not stack frames).
  const openGroups: number[] = [];
  let hasGroups = false;
  let i = start + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACKET) {
      if (openGroups.length === 0) return { end: i + 1, problem: undefined };
      openGroups.pop();
    } else if (code === OPEN_BRACKET) {
      openGroups.push(i);
      hasGroups = true;
    } else if (code === LINE_FEED || code === CARRIAGE_RETURN) {
      break;
    } else if (code === QUOTE && openGroups.length > 0) {
      const close = closingQuoteOnLine(text, i + 1);
      if (close < 0) return { end: endOfLine(text, i), problem: { kind: "unclosed-group-string", at: i } };
      i = close;
    }
    i++;
  }
  const innermost = openGroups.at(-1);
  return {
    end: i,
    problem:
      innermost === undefined
        ? { kind: "unclosed-reference", at: start, hasGroups }
        : { kind: "unclosed-group", at: innermost },
  };
}

/**
 * The end of the attribute reference at `start` when it closes, else -1: {@link scanAttributeReference}
 * without its allocations, for the lexer's hot path. A name without a nested group is one tight loop.
 */
export function closedAttributeReferenceEnd(text: string, start: number): number {
  const length = text.length;
  for (let i = start + 1; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACKET) return i + 1;
    if (code === OPEN_BRACKET) {
      const scan = scanAttributeReference(text, start);
      return scan.problem === undefined ? scan.end : -1;
    }
    if (code === LINE_FEED || code === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

/** Whether `name` can be written as `[name]` and read back as the same name. */
export function isWritableAttributeName(name: string): boolean {
  const text = `[${name}]`;
  const scan = scanAttributeReference(text, 0);
  return scan.problem === undefined && scan.end === text.length;
}

function closingQuoteOnLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code === LINE_FEED || code === CARRIAGE_RETURN) return -1;
  }
  return -1;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
    i++;
  }
  return i;
}

// Once a string opened at offset p finds no closing quote before the end of the text, every later
// quote q > p was read by that scan as the second character of an escape (else it would have closed
// the string), so the scan from q starts in step with the scan from p and fails the same way. Caching
// the first failure keeps a text full of unclosed strings (`"\n\"\n\"…`) linear instead of quadratic.
let failureText: string | undefined;
let failureFrom = Number.POSITIVE_INFINITY;

/**
 * Offset just past the closing quote of the string literal whose `"` is at `start`, or -1 when it has
 * none. A backslash escapes the character after it; strings may span lines.
 */
export function scanStringLiteral(text: string, start: number): number {
  if (text !== failureText) {
    failureText = text;
    failureFrom = Number.POSITIVE_INFINITY;
  }
  if (start > failureFrom) return -1;
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) {
      failureFrom = Math.min(failureFrom, start);
      return -1;
    }
    let backslashes = 0;
    while (quote - backslashes - 1 > start && text.charCodeAt(quote - backslashes - 1) === BACKSLASH) {
      backslashes++;
    }
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Forgets the cached failure of {@link scanStringLiteral}, so that no text outlives its tokenization. */
export function resetStringScanner(): void {
  failureText = undefined;
  failureFrom = Number.POSITIVE_INFINITY;
}

/**
 * The end of a string that never closes (SPEC Part 1: an error at its opening quote): it runs to the
 * end of its line, escapes included, so that the next line lexes normally.
 */
export function scanUnterminatedString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED || code === CARRIAGE_RETURN || code === QUOTE) break;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === LINE_FEED || next === CARRIAGE_RETURN || Number.isNaN(next)) {
        i++;
        break;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return i;
}
