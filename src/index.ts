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
export {
  type CompiledExpression,
  compile,
  type EvaluationResult,
  evaluate,
  evaluateAll,
  render,
} from "./evaluator/index.js";
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
/**
 * The linter: `lint(config | text, options?)` returns findings `{ ruleId, severity, message, span,
 * fix? }` with spans into the configuration file; `applyFixes(text, findings)` applies their safe fixes
 * and changes nothing else. Rule ids are listed in docs/lint-rules.md.
 */
export {
  applyFixes,
  type LintFinding,
  type LintFix,
  type LintOptions,
  type LintRule,
  type LintRuleMeta,
  type LintSeverity,
  lint,
  lintRules,
  type RuleSetting,
  type TextEdit,
} from "./lint/index.js";
/**
 * Mapping configurations and the provision-on-demand preview: `loadConfig(text, { format })` reads
 * Entra's exported synchronizationSchema JSON or the provex YAML/JSON format into one
 * {@link MappingConfig} (never throws; problems are positioned diagnostics); `preview(config, users,
 * { target, context })` returns, per user, the steps Entra shows, the action, the SCIM request(s) and
 * warnings; `writeConfig` / `convertConfig` write either format back.
 */
export {
  type AttributeChange,
  type AttributeExportPreview,
  type AttributeMapping,
  type ClauseLocations,
  type ClauseResult,
  type ConfigFormat,
  type ConvertResult,
  chooseObjectMapping,
  convertConfig,
  createPreviewer,
  describeTarget,
  evaluateScope,
  type FilterResult,
  type LoadConfigOptions,
  loadConfig,
  type MappingConfig,
  type MappingLocations,
  type MappingType,
  type ObjectChoice,
  type ObjectLocations,
  type ObjectMapping,
  type PreviewAction,
  type Previewer,
  type PreviewMatch,
  type PreviewOptions,
  type PreviewStep,
  type PreviewWarning,
  parseCsvUsers,
  parseJsonUsers,
  parseTargetText,
  parseUsersText,
  preview,
  REDACTED,
  SCOPING_OPERATORS,
  type ScalarStyle,
  type ScimRequest,
  type ScopingClause,
  type ScopingFilter,
  type ScopingOperator,
  type TargetDescription,
  type TargetKind,
  type TextLocation,
  type UserPreview,
  type WriteConfigOptions,
  writeConfig,
} from "./mapping/index.js";
export * from "./parser/index.js";
/**
 * Reviewing a change: `diffPreviews(old, new, users, options?)` previews both configurations over the
 * same users, target directory, clock and seed and returns, per user whose result differs, the scope,
 * action, match, exported attribute values (`old → new`) and errors and warnings that change, plus a
 * summary; `createDiffer` does the same one user at a time (for streams). `runTests(suite, options?)`
 * runs an expectation suite (`*.provex-test.yaml`, read with `parseTestFile` and `resolveTestSuite`)
 * and returns each case's failures with the expected and actual values.
 */
export {
  type ActionMove,
  type AttributeCount,
  type AttributeDiff,
  type AttributeExpectation,
  type CaseActual,
  type CaseResult,
  createDiffer,
  type Differ,
  type DiffOptions,
  type DiffProblem,
  type DiffSide,
  type DiffSummary,
  diffPreviews,
  type Expectation,
  type PreviewDiff,
  type ProblemDiff,
  parseTestFile,
  resolveTestSuite,
  runTests,
  type TestCase,
  type TestFailure,
  type TestFile,
  type TestFileCase,
  type TestOptions,
  type TestPosition,
  type TestResults,
  type TestSuite,
  type TestSuiteInputs,
  type UserDiff,
  updateSnapshots,
} from "./review/index.js";
