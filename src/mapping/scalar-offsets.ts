import type { ConfigScalar } from "./config-tree.js";
import type { ScalarStyle, TextLocation } from "./model.js";

/**
 * Where each UTF-16 code unit of a string scalar's value is written in the file, for every way JSON and
 * YAML write strings: JSON escapes; YAML plain and quoted scalars with their line folding, `''` and
 * backslash escapes (escaped line breaks included); literal and folded block scalars with chomping and
 * indentation indicators. The YAML rules mirror those of the `yaml` package (compose/resolve-flow-scalar
 * and resolve-block-scalar), and every trace is checked against the value the parser produced.
 *
 * A character that stands for several file characters (an escape, a folded line break) points at the
 * first of them; the two halves of a surrogate pair written as one `\U` escape share its offset. The
 * last entry, "just past the end", is where the last character's writing ends (a closing quote for
 * quoted strings).
 */
export function traceScalar(text: string, scalar: ConfigScalar): TextLocation | undefined {
  if (typeof scalar.value !== "string") return undefined;
  const source = scalar.source;
  const style: ScalarStyle = source.format === "json" ? "json" : source.type;
  const trace = new Trace();
  if (source.format === "json") traceJson(text, scalar.span.start, scalar.span.end, trace);
  else if (source.type === "plain") unfold(text, source.start, source.end, trace);
  else if (source.type === "single-quoted") traceSingleQuoted(text, source.start, source.end, trace);
  else if (source.type === "double-quoted") traceDoubleQuoted(text, source.start, source.end, trace);
  else traceBlock(text, source, source.type === "literal", trace);
  if (trace.value === scalar.value) return { offsets: [...trace.units, trace.end], style };
  // The trace disagrees with the parser (a case the rules above do not mirror): rather than a wrong
  // column, every character points at where the scalar's text begins.
  const start = source.format === "json" ? scalar.span.start + 1 : source.start;
  return { offsets: new Array<number>(scalar.value.length + 1).fill(start), style };
}

/** The value being rebuilt, with the file offset of each code unit. */
class Trace {
  value = "";
  readonly units: number[] = [];
  /** Where the writing of each unit ends (an escape's last character, a line break's end). */
  readonly ends: number[] = [];
  end = -1;

  /** Adds `text` (one or two code units) written at `at`, whose writing ends at `runEnd`. */
  push(text: string, at: number, runEnd: number): void {
    this.value += text;
    for (let i = 0; i < text.length; i++) {
      this.units.push(at);
      this.ends.push(runEnd);
    }
    this.end = runEnd;
  }

  /** Adds file characters as they are, each at its own offset. */
  copy(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.push(text[i] ?? "", i, i + 1);
  }

  start(at: number): void {
    if (this.end < 0) this.end = at;
  }
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** A JSON string token from its opening to just past its closing quote. */
function traceJson(text: string, start: number, end: number, trace: Trace): void {
  const last = end - 1;
  trace.start(start + 1);
  let i = start + 1;
  while (i < last) {
    if (text[i] !== "\\") {
      trace.push(text[i] ?? "", i, i + 1);
      i++;
      continue;
    }
    const marker = text[i + 1] ?? "";
    if (marker === "u") {
      trace.push(String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else {
      trace.push(JSON_ESCAPES[marker] ?? marker, i, i + 2);
      i += 2;
    }
  }
  trace.end = last;
}

function isBlank(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/**
 * YAML's line folding of plain and single-quoted scalars (`unfoldLines`): each line is trimmed, one line
 * break between two lines becomes a space, and n line breaks become n − 1 newlines. The space points at
 * the line break it replaces; each newline at the break of the empty line it stands for.
 */
function unfold(text: string, from: number, to: number, trace: Trace): void {
  trace.start(from);
  const lines: { start: number; end: number; breakAt: number; breakEnd: number }[] = [];
  let lineStart = from;
  for (let i = from; i < to; i++) {
    if (text[i] !== "\n") continue;
    const breakAt = text[i - 1] === "\r" && i - 1 >= lineStart ? i - 1 : i;
    lines.push({ start: lineStart, end: breakAt, breakAt, breakEnd: i + 1 });
    lineStart = i + 1;
  }
  if (lines.length === 0) {
    trace.copy(text, from, to);
    return;
  }
  const [first, ...middle] = lines;
  if (!first) return;
  let end = first.end;
  while (end > first.start && isBlank(text[end - 1])) end--;
  trace.copy(text, first.start, end);
  let sep = { text: " ", at: first.breakAt, end: first.breakEnd };
  for (const line of middle) {
    let start = line.start;
    let stop = line.end;
    while (start < stop && isBlank(text[start])) start++;
    while (stop > start && isBlank(text[stop - 1])) stop--;
    if (start === stop) {
      if (sep.text === "\n") trace.push("\n", sep.at, sep.end);
      sep = { text: "\n", at: line.breakAt, end: line.breakEnd };
    } else {
      trace.push(sep.text, sep.at, sep.end);
      trace.copy(text, start, stop);
      sep = { text: " ", at: line.breakAt, end: line.breakEnd };
    }
  }
  let start = lineStart;
  while (start < to && isBlank(text[start])) start++;
  trace.push(sep.text, sep.at, sep.end);
  trace.copy(text, start, to);
}

/** `'…'`: folded like a plain scalar, then each `''` is one quote (at the first of the two). */
function traceSingleQuoted(text: string, start: number, end: number, trace: Trace): void {
  const folded = new Trace();
  unfold(text, start + 1, end - 1, folded);
  trace.start(start + 1);
  for (let i = 0; i < folded.value.length; i++) {
    const at = folded.units[i] ?? start;
    if (folded.value[i] === "'" && folded.value[i + 1] === "'" && folded.units[i + 1] === at + 1) {
      trace.push("'", at, at + 2);
      i++;
    } else trace.push(folded.value[i] ?? "", at, folded.ends[i] ?? at + 1);
  }
  trace.end = end - 1;
}

const YAML_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "\t": "\t",
};

/** `"…"` (`doubleQuotedValue`): escapes, escaped line breaks, folding, trailing blanks before a break dropped. */
function traceDoubleQuoted(text: string, start: number, end: number, trace: Trace): void {
  const last = end - 1;
  trace.start(start + 1);
  for (let i = start + 1; i < last; i++) {
    const c = text[i];
    if (c === "\r" && text[i + 1] === "\n") continue;
    if (c === "\n") {
      // Folding: the first break is a space, each further break a newline.
      let j = i;
      let newlines = 0;
      for (let next = text[j + 1]; isBlank(next) || next === "\n" || next === "\r"; next = text[j + 1]) {
        if (next === "\r" && text[j + 2] !== "\n") break;
        if (next === "\n") {
          trace.push("\n", j + 1, j + 2);
          newlines++;
        }
        j++;
      }
      if (newlines === 0) trace.push(" ", i, i + 1);
      i = j;
    } else if (c === "\\") {
      const marker = text[i + 1] ?? "";
      const known = YAML_ESCAPES[marker];
      if (known !== undefined) {
        trace.push(known, i, i + 2);
        i++;
      } else if (marker === "\n" || (marker === "\r" && text[i + 2] === "\n")) {
        // An escaped line break joins the lines; the next line's indentation is dropped.
        i += marker === "\r" ? 2 : 1;
        while (isBlank(text[i + 1])) i++;
      } else if (marker === "x" || marker === "u" || marker === "U") {
        const length = marker === "x" ? 2 : marker === "u" ? 4 : 8;
        const digits = text.slice(i + 2, i + 2 + length);
        const code =
          /^[0-9a-fA-F]+$/.test(digits) && digits.length === length
            ? Number.parseInt(digits, 16)
            : Number.NaN;
        const decoded =
          Number.isFinite(code) && code <= 0x10ffff
            ? String.fromCodePoint(code)
            : text.slice(i, i + 2 + length);
        trace.push(decoded, i, i + 2 + length);
        i += 1 + length;
      } else {
        trace.push(text.slice(i, i + 2), i, i + 2);
        i++;
      }
    } else if (isBlank(c)) {
      let j = i;
      while (isBlank(text[j + 1])) j++;
      const next = text[j + 1];
      // Blanks before a line break are trimmed; elsewhere they are content.
      if (next !== "\n" && !(next === "\r" && text[j + 2] === "\n")) trace.copy(text, i, j + 1);
      i = j;
    } else trace.push(c ?? "", i, i + 1);
  }
  trace.end = last;
}

interface BlockSource {
  readonly start: number;
  readonly end: number;
  readonly blockIndent: number;
  readonly header?: { readonly indent: number; readonly chomp: string; readonly length: number };
}

/** `|` and `>` (`resolveBlockScalar`): indentation, chomping, folding and more-indented lines. */
function traceBlock(text: string, source: BlockSource, literal: boolean, trace: Trace): void {
  const header = source.header ?? { indent: 0, chomp: "", length: 0 };
  const contentStart = source.start + header.length;
  trace.start(contentStart);
  // Lines as [start of line, indentation (spaces), content end (before "\n"), break offset or -1].
  const lines: { start: number; indent: number; end: number; breakAt: number }[] = [];
  let lineStart = contentStart;
  for (let i = contentStart; i <= source.end; i++) {
    if (i < source.end && text[i] !== "\n") continue;
    let indent = 0;
    while (text[lineStart + indent] === " " && lineStart + indent < i) indent++;
    lines.push({ start: lineStart, indent, end: i, breakAt: i < source.end ? i : -1 });
    lineStart = i + 1;
    if (i === source.end) break;
  }
  // yaml splits a non-empty source at each "\n" (so one ending in "\n" has an empty last line);
  // an empty source has no lines at all.
  if (source.end === contentStart) lines.length = 0;
  const contentOf = (line: (typeof lines)[number]) => text.slice(line.start + line.indent, line.end);
  const breakBefore = (index: number) => lines[index - 1]?.breakAt ?? contentStart;
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const content = contentOf(lines[i] ?? { start: 0, indent: 0, end: 0, breakAt: -1 });
    if (content === "" || content === "\r") chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (header.chomp === "+" && lines.length > 0) {
      const count = Math.max(1, lines.length - 1);
      for (let k = 0; k < count; k++) {
        const at = lines[k]?.breakAt ?? source.end;
        trace.push("\n", at < 0 ? source.end : at, at < 0 ? source.end : at + 1);
      }
    }
    trace.end = Math.max(trace.end, contentStart);
    return;
  }
  let trimIndent = source.blockIndent + header.indent;
  let firstContent = 0;
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i];
    if (!line) break;
    const content = contentOf(line);
    if (content === "" || content === "\r") {
      if (header.indent === 0 && line.indent > trimIndent) trimIndent = line.indent;
    } else {
      if (header.indent === 0) trimIndent = line.indent;
      firstContent = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if ((lines[i]?.indent ?? 0) > trimIndent) chompStart = i + 1;
  }
  const breakEnd = (at: number) => (at < 0 ? source.end : at + 1);
  const pushBreak = (count: number, at: number) => {
    for (let k = 0; k < count; k++) trace.push("\n", at < 0 ? source.end : at, breakEnd(at));
  };
  for (let i = 0; i < firstContent; i++) {
    const line = lines[i];
    if (!line) continue;
    trace.copy(text, line.start + Math.min(trimIndent, line.indent), line.start + line.indent);
    pushBreak(1, line.breakAt);
  }
  let sep = "";
  let previousMoreIndented = false;
  for (let i = firstContent; i < chompStart; i++) {
    const line = lines[i];
    if (!line) continue;
    let contentEnd = line.end;
    if (text[contentEnd - 1] === "\r" && contentEnd - 1 >= line.start + line.indent) contentEnd--;
    const contentFrom = line.start + line.indent;
    const content = text.slice(contentFrom, contentEnd);
    const indent = content && line.indent < trimIndent ? 0 : line.indent;
    const extraFrom = line.start + Math.min(trimIndent, indent);
    const extraTo = line.start + indent;
    const sepAt = breakBefore(i);
    if (literal) {
      pushBreak(sep.length, sepAt);
      trace.copy(text, extraFrom, extraTo);
      trace.copy(text, contentFrom, contentEnd);
      sep = "\n";
    } else if (indent > trimIndent || content[0] === "\t") {
      if (sep === " ") sep = "\n";
      else if (!previousMoreIndented && sep === "\n") sep = "\n\n";
      pushSep(trace, sep, sepAt, breakEnd(sepAt));
      trace.copy(text, extraFrom, extraTo);
      trace.copy(text, contentFrom, contentEnd);
      sep = "\n";
      previousMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n") pushBreak(1, sepAt);
      else sep = "\n";
    } else {
      pushSep(trace, sep, sepAt, breakEnd(sepAt));
      trace.copy(text, contentFrom, contentEnd);
      sep = " ";
      previousMoreIndented = false;
    }
  }
  const lastBreak = lines[chompStart - 1]?.breakAt ?? -1;
  if (header.chomp === "+") {
    for (let i = chompStart; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      pushBreak(1, breakBefore(i));
      trace.copy(text, line.start + Math.min(trimIndent, line.indent), line.start + line.indent);
    }
    if (!trace.value.endsWith("\n")) pushBreak(1, lines.at(-1)?.breakAt ?? lastBreak);
  } else if (header.chomp !== "-") pushBreak(1, lastBreak);
}

function pushSep(trace: Trace, sep: string, at: number, end: number): void {
  if (sep === " ") trace.push(" ", at, end);
  else for (let k = 0; k < sep.length; k++) trace.push("\n", at, end);
}
