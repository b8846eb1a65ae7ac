/**
 * provex — the attribute-mapping expression language of Microsoft Entra ID provisioning, as a library.
 *
 * @packageDocumentation
 */

export { type CheckOptions, check, type Dialect, type SourceSchema } from "./checker/index.js";
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
export { type CompiledExpression, compile, evaluate, render } from "./evaluator/index.js";
export {
  type Availability,
  type DateTimeValue,
  type EvaluationContext,
  type FunctionExample,
  type FunctionSpec,
  functions,
  graphParameterKeys,
  isFlowSkipped,
  lookupFunction,
  type ParameterSpec,
  type Role,
  type RoleList,
  type Value,
  type ValueKind,
} from "./functions/index.js";
export { type TokenizeResult, tokenize } from "./lexer/index.js";
export * from "./parser/index.js";
