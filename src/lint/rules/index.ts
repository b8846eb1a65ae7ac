import type { LintRule } from "../types.js";

/**
 * Every lint rule, one file each in this folder, in the order of docs/lint-rules.md. Adding a rule
 * means adding its file and listing it here; the runner, CLI, formatters, ESLint plugin and docs read
 * this list.
 */
export const rules: readonly LintRule[] = [];
