import { type Diagnostic, LineIndex } from "../diagnostics/index.js";
import type { Colours } from "../review/colours.js";
import type { Streams } from "./command.js";

/**
 * Colours for terminal output; every function returns its text unchanged when colour is off. The same
 * shape the review reports take, so the CLI hands its palette straight to them.
 */
export type Palette = Colours;

/** ANSI colours when `enabled`, else plain text (whether to colour is decided in colour.ts). */
export function palette(enabled: boolean): Palette {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/** How many diagnostics a command prints before it sums up the rest (`--max-diagnostics`). */
export const DEFAULT_MAX_DIAGNOSTICS = 50;

/** Code-frame lines longer than this are cut to a window around the caret. */
export const CODE_FRAME_WIDTH = 120;
/** Messages longer than this are cut (a message may quote the input). */
const MESSAGE_WIDTH = 500;

/**
 * Formats the diagnostics of one text, as people read them in a terminal: `file:line:column severity
 * message [code]`, then the source line with a caret under the span. The text's line index is built
 * once, so that printing n diagnostics of a text costs O(text + n), not O(text × n); a very long line is
 * shown as a window around the caret. Control characters in the source are shown escaped so that
 * untrusted input can neither drive the terminal nor reorder what is shown.
 */
export class DiagnosticPrinter {
  private readonly index: LineIndex;
  private readonly source: string;

  constructor(
    readonly text: string,
    source: string,
    private readonly colours: Palette,
  ) {
    this.index = new LineIndex(text);
    this.source = visible(source);
  }

  format(item: Diagnostic): string {
    const { colours } = this;
    const start = this.index.locate(item.span.start);
    const end = this.index.locate(item.span.end);
    const severity =
      item.severity === "error"
        ? colours.red("error")
        : item.severity === "warning"
          ? colours.yellow("warning")
          : "info";
    const header = `${colours.bold(`${this.source}:${start.line}:${start.column}`)} ${severity} ${cut(visible(item.message), MESSAGE_WIDTH)} ${colours.dim(`[${visible(item.code)}]`)}`;
    const raw = this.index.lineText(start.line);
    const caretFrom = Math.min(start.column - 1, raw.length);
    const caretTo =
      end.line === start.line ? Math.max(caretFrom + 1, end.column - 1) : Math.max(caretFrom + 1, raw.length);
    const frame = codeFrame(raw, caretFrom, caretTo);
    const gutter = String(start.line);
    return [
      header,
      `${colours.dim(`${gutter} |`)} ${frame.line}`,
      `${" ".repeat(gutter.length)} ${colours.dim("|")} ${" ".repeat(frame.caretStart)}${colours.red("^".repeat(frame.caretWidth))}`,
    ].join("\n");
  }
}

/** One diagnostic of `text`, formatted (see {@link DiagnosticPrinter}; use it for more than one). */
export function formatDiagnostic(text: string, item: Diagnostic, source: string, colours: Palette): string {
  return new DiagnosticPrinter(text, source, colours).format(item);
}

/**
 * Writes the diagnostics of one text to stderr: the first `streams.maxDiagnostics` in full, then one
 * line that counts the rest (`… and 19,950 more: 19,950 errors`), so that a hostile or broken input
 * cannot flood the terminal.
 */
export function writeDiagnostics(
  streams: Pick<Streams, "stderr" | "colours" | "maxDiagnostics">,
  text: string,
  source: string,
  diagnostics: readonly Diagnostic[],
): void {
  if (diagnostics.length === 0) return;
  const printer = new DiagnosticPrinter(text, source, streams.colours.stderr);
  const shown = Math.min(diagnostics.length, streams.maxDiagnostics);
  // Written in batches: one write per diagnostic is slow on a pipe, one string for all may be huge.
  let batch: string[] = [];
  for (let i = 0; i < shown; i++) {
    batch.push(printer.format(diagnostics[i]!));
    if (batch.length === 100 || i === shown - 1) {
      streams.stderr.write(`${batch.join("\n")}\n`);
      batch = [];
    }
  }
  const rest = diagnostics.slice(shown);
  if (rest.length === 0) return;
  const counts = (["error", "warning", "info"] as const)
    .map((severity) => [severity, rest.filter((d) => d.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(
      ([severity, count]) =>
        `${grouped(count)} ${severity === "info" ? "info" : `${severity}${count === 1 ? "" : "s"}`}`,
    );
  streams.stderr.write(
    `${visible(source)}: … and ${grouped(rest.length)} more (${counts.join(", ")}); --max-diagnostics <n> or all shows more\n`,
  );
}

/** 19950 → "19,950", without loading ICU's number formatting. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * The source line as shown, with the caret's start and width in shown characters. A line wider than
 * {@link CODE_FRAME_WIDTH} is cut to a window that holds the caret's start, marked with `…`.
 */
export function codeFrame(
  raw: string,
  caretFrom: number,
  caretTo: number,
): { line: string; caretStart: number; caretWidth: number } {
  let from = 0;
  let to = raw.length;
  if (raw.length > CODE_FRAME_WIDTH) {
    from = Math.max(0, Math.min(caretFrom - Math.floor(CODE_FRAME_WIDTH / 3), raw.length - CODE_FRAME_WIDTH));
    to = Math.min(raw.length, from + CODE_FRAME_WIDTH);
    from = notInsidePair(raw, from);
    to = notInsidePair(raw, to);
  }
  const before = `${from > 0 ? "…" : ""}${visible(raw.slice(from, caretFrom))}`;
  const marked = visible(raw.slice(caretFrom, Math.min(caretTo, to)));
  const after = `${visible(raw.slice(Math.min(caretTo, to), to))}${to < raw.length ? "…" : ""}`;
  return { line: before + marked + after, caretStart: before.length, caretWidth: Math.max(1, marked.length) };
}

/** Moves a cut off the middle of a surrogate pair, so that a window never shows half a character. */
function notInsidePair(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const previous = text.charCodeAt(offset - 1);
  return code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff ? offset - 1 : offset;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, notInsidePair(text, width))}…`;
}

/**
 * Control characters, format characters (bidirectional overrides and marks, zero-width characters, the
 * byte-order mark), line and paragraph separators and lone surrogates escaped as `\uXXXX`, so that
 * printing user text can neither drive the terminal nor reorder or hide what is shown. Tabs become one
 * space, so that carets stay aligned.
 */
export function visible(text: string): string {
  return text
    .replace(/\t/g, " ")
    .replace(
      /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}
