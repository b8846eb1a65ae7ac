/**
 * provex — the attribute-mapping expression language of Microsoft Entra ID provisioning, as a library.
 *
 * @packageDocumentation
 */
export {
  type Diagnostic,
  hasErrors,
  type LineColumn,
  LineIndex,
  type LocatedRange,
  lineColumn,
  locateDiagnostic,
  ProvexError,
  type Severity,
  type Span,
} from "./diagnostics/index.js";
export { type TokenizeResult, tokenize } from "./lexer/index.js";
export * from "./parser/index.js";
