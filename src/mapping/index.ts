/**
 * Mapping configurations and the provision-on-demand preview. Pure: no Node built-ins, so the
 * playground runs it in the browser.
 */
export { type ConvertResult, convertConfig, type WriteConfigOptions, writeConfig } from "./convert.js";
export { type LoadConfigOptions, loadConfig } from "./load-config.js";
export type {
  AttributeDefinition,
  AttributeMapping,
  ClauseLocations,
  ConfigFormat,
  DirectoryDefinition,
  FlowType,
  MappingConfig,
  MappingLocations,
  MappingType,
  ObjectLocations,
  ObjectMapping,
  ScalarStyle,
  ScopingClause,
  ScopingFilter,
  ScopingOperator,
  SyncRule,
  TextLocation,
} from "./model.js";
export { SCOPING_OPERATORS } from "./model.js";
export { chooseObjectMapping, type ObjectChoice } from "./object-choice.js";
export { createPreviewer, type Previewer, preview } from "./preview.js";
export type {
  AttributeChange,
  AttributeExportPreview,
  PreviewAction,
  PreviewMatch,
  PreviewOptions,
  PreviewStep,
  PreviewStepName,
  PreviewWarning,
  ScimRequest,
  StepStatus,
  UserPreview,
} from "./preview-types.js";
export { REDACTED } from "./redaction.js";
export type { ClauseResult, FilterResult, ScopeResult } from "./scoping.js";
export { evaluateScope } from "./scoping.js";
export { describeTarget, type TargetDescription, type TargetKind } from "./target-kind.js";
export { parseTargetText } from "./target-text.js";
export { parseCsvUsers, parseJsonUsers, parseUsersText } from "./users-text.js";
