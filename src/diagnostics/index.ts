export {
  type Diagnostic,
  diagnostic,
  hasErrors,
  ProvexError,
  type Severity,
  type Span,
} from "./diagnostic.js";
export {
  type LineColumn,
  LineIndex,
  type LocatedRange,
  lineColumn,
  locateDiagnostic,
} from "./line-column.js";
