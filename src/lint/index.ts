/**
 * The linter: rules over mapping configurations, the runner, inline directives and fixes. Pure (no
 * Node built-ins): the CLI, the ESLint plugin and the playground share it.
 */
export { applyFixes, applyFixPass, type FixPass, mergedFix } from "./apply-fixes.js";
export type { SuppressedFinding } from "./directives.js";
export {
  type FixReport,
  type LintOptions,
  type LintReport,
  lint,
  lintAndFix,
  lintReport,
  lintRules,
} from "./lint.js";
export type {
  LintFinding,
  LintFix,
  LintRule,
  LintRuleMeta,
  LintSeverity,
  RuleCategory,
  RuleContext,
  RuleExample,
  RuleSetting,
  TextEdit,
} from "./types.js";
