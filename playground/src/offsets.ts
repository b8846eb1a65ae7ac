import type { monaco } from "./monaco-setup.js";

type Model = monaco.editor.ITextModel;

/** A provex span (half-open UTF-16 offsets) as a Monaco range. */
export function toRange(model: Model, span: { start: number; end: number }): monaco.IRange {
  const start = model.getPositionAt(span.start);
  const end = model.getPositionAt(span.end);
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

/** A Monaco range as a provex span. */
export function toSpan(model: Model, range: monaco.IRange): { start: number; end: number } {
  return {
    start: model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn }),
    end: model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn }),
  };
}
