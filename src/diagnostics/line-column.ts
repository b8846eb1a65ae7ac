import type { Diagnostic, Span } from "./diagnostic.js";

/** A 1-based line and column; the column counts UTF-16 code units, as editors such as Monaco do. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** A diagnostic's span as 1-based lines and columns, for people and editors. */
export interface LocatedRange {
  readonly start: LineColumn;
  readonly end: LineColumn;
}

/**
 * Maps offsets to lines and columns. Build it once per text when locating many offsets: each lookup
 * is a binary search over the line starts. `\n`, `\r\n` and a lone `\r` each end a line.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The line and column of an offset; offsets past the end are clamped to the end of the text. */
  locate(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line and column (the inverse of `locate`). */
  offsetOf(position: LineColumn): number {
    const lineStart =
      this.lineStarts[Math.max(0, Math.min(position.line - 1, this.lineStarts.length - 1))] ?? 0;
    return Math.min(this.text.length, lineStart + Math.max(0, position.column - 1));
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    return this.text.slice(start, next ?? this.text.length).replace(/\r?\n$|\r$/, "");
  }

  range(span: Span): LocatedRange {
    return { start: this.locate(span.start), end: this.locate(span.end) };
  }
}

/** The 1-based line and column of one offset in `text`. */
export function lineColumn(text: string, offset: number): LineColumn {
  return new LineIndex(text).locate(offset);
}

/** Where a diagnostic starts and ends in `text`, as 1-based lines and columns. */
export function locateDiagnostic(text: string, diagnostic: Diagnostic): LocatedRange {
  return new LineIndex(text).range(diagnostic.span);
}
