import { type Diagnostic, LineIndex } from "../diagnostics/index.js";

/** Colours for terminal output; every function returns its text unchanged when colour is off. */
export interface Palette {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/** ANSI colours when `enabled`, else plain text (whether to colour is decided in colour.ts). */
export function palette(enabled: boolean): Palette {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

/**
 * A diagnostic as people read it in a terminal: `file:line:column severity message [code]`, then the
 * source line with a caret under the span. Control characters in the source are shown escaped so that
 * untrusted input cannot drive the terminal.
 */
export function formatDiagnostic(text: string, item: Diagnostic, source: string, colours: Palette): string {
  const index = new LineIndex(text);
  const start = index.locate(item.span.start);
  const end = index.locate(item.span.end);
  const severity =
    item.severity === "error"
      ? colours.red("error")
      : item.severity === "warning"
        ? colours.yellow("warning")
        : "info";
  const header = `${colours.bold(`${source}:${start.line}:${start.column}`)} ${severity} ${item.message} ${colours.dim(`[${item.code}]`)}`;
  const rawLine = index.lineText(start.line);
  const line = visible(rawLine);
  const caretStart = visible(rawLine.slice(0, start.column - 1)).length;
  const spanWidth =
    end.line === start.line ? Math.max(1, end.column - start.column) : rawLine.length - start.column + 1;
  const caretWidth = Math.max(
    1,
    visible(rawLine.slice(start.column - 1, start.column - 1 + spanWidth)).length,
  );
  const gutter = String(start.line);
  return [
    header,
    `${colours.dim(`${gutter} |`)} ${line}`,
    `${" ".repeat(gutter.length)} ${colours.dim("|")} ${" ".repeat(caretStart)}${colours.red("^".repeat(caretWidth))}`,
  ].join("\n");
}

/**
 * Control characters and bidirectional overrides escaped, so that printing user text can neither drive
 * the terminal nor reorder what is shown.
 */
export function visible(text: string): string {
  return text
    .replace(/\t/g, " ")
    .replace(
      /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}
