import type { Dialect } from "../checker/index.js";
import { closestName } from "../checker/index.js";
import { LineIndex, ProvexError } from "../diagnostics/index.js";
import { type LoadConfigOptions, loadConfig } from "../mapping/load-config.js";
import type { MappingConfig } from "../mapping/model.js";
import { applyFixPass } from "./apply-fixes.js";
import { configurationRules } from "./configuration-rules.js";
import {
  applyDirectives,
  findDirectives,
  type SuppressedFinding,
  unusedDisableDirectiveRule,
} from "./directives.js";
import { rules as ruleFiles } from "./rules/index.js";
import { runRules } from "./run-rules.js";
import type { LintFinding, LintRule, LintSeverity, RuleSetting } from "./types.js";

/**
 * Every lint rule in the order of docs/lint-rules.md: the configuration rules (the loader's
 * diagnostics), the rules of `src/lint/rules/`, then `unused-disable-directive`.
 */
export const lintRules: readonly LintRule[] = [
  ...configurationRules,
  ...ruleFiles,
  unusedDisableDirectiveRule,
];

/** Options of {@link lint}. */
export interface LintOptions {
  /** How to read a text: `auto` (the default) tells Entra exports by their `synchronizationRules`. */
  readonly format?: LoadConfigOptions["format"];
  /** Overrides the configuration's dialect (`entra` or `provex`). */
  readonly dialect?: Dialect;
  /** Source attribute names that replace the configuration's own source schema (the CLI's `--schema`). */
  readonly schema?: readonly string[];
  /** Rule settings by id (`off`, `warn`, `error`); a rule not named runs at its default severity. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Honour `# provex-disable…` comments (default true). */
  readonly inlineConfig?: boolean;
  /** The file's text when the input is an already loaded configuration (for directives and fixes). */
  readonly text?: string;
  /** The rules to run instead of {@link lintRules} (tests, tools with their own rules). */
  readonly ruleSet?: readonly LintRule[];
}

/** Everything one lint run learnt about a file; the CLI's formatters need more than the findings. */
export interface LintReport {
  readonly text: string;
  readonly config: MappingConfig;
  /** The findings in file order, after settings and directives. */
  readonly findings: readonly LintFinding[];
  /** Findings a `provex-disable` comment hid (ESLint's `suppressedMessages`). */
  readonly suppressed: readonly SuppressedFinding[];
}

/**
 * Lints a mapping configuration: its text (provex YAML/JSON or an Entra schema export; a text that is
 * not valid JSON or YAML gives a `config-syntax` finding) or a configuration `loadConfig` returned.
 * Returns the findings in file order, each with its rule id, severity, message, span (UTF-16 offsets
 * into the file) and, for fixable rules, a fix that {@link applyFixes} applies. Never throws on any
 * text; throws a `ProvexError` with code `unknown-rule` when `options.rules` names a rule that does
 * not exist.
 */
export function lint(input: string | MappingConfig, options: LintOptions = {}): LintFinding[] {
  return [...lintReport(input, options).findings];
}

/** {@link lint} with the loaded configuration and the suppressed findings. */
export function lintReport(input: string | MappingConfig, options: LintOptions = {}): LintReport {
  const ruleSet = options.ruleSet ?? lintRules;
  const settings = options.rules ?? {};
  checkSettings(settings, ruleSet);
  const text = typeof input === "string" ? input : (options.text ?? "");
  const config =
    typeof input === "string"
      ? loadConfig(input, options.format === undefined ? {} : { format: options.format })
      : input;
  const fixable = new Set(ruleSet.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id));
  const findings = runRules({
    text,
    config,
    rules: ruleSet,
    settings,
    ...(options.dialect ? { dialect: options.dialect } : {}),
    ...(options.schema ? { sourceSchema: options.schema } : {}),
  }).map((finding) => (finding.fix && !fixable.has(finding.ruleId) ? withoutFix(finding) : finding));
  const directives = options.inlineConfig === false ? [] : findDirectives(text);
  if (directives.length === 0) return { text, config, findings, suppressed: [] };
  const unusedRule = ruleSet.find((rule) => rule.meta.id === unusedDisableDirectiveRule.meta.id);
  const outcome = applyDirectives(
    findings,
    directives,
    new LineIndex(text),
    new Set(lintRules.map((rule) => rule.meta.id).concat(ruleSet.map((rule) => rule.meta.id))),
    unusedRule ? severityOf(unusedRule, settings[unusedRule.meta.id]) : undefined,
  );
  const all = [...outcome.kept, ...outcome.unused].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
  return { text, config, findings: all, suppressed: outcome.suppressed };
}

/** The outcome of {@link lintAndFix}. */
export interface FixReport extends LintReport {
  /** The text after every pass of fixes (equal to the input when nothing was fixed). */
  readonly output: string;
  /** How many fixes were applied, over all passes. */
  readonly fixCount: number;
}

/**
 * Lints, applies the fixes, and lints the result again until no fix applies or ten passes have run
 * (ESLint's multipass: fixes that overlapped an applied one get their turn). The report describes the
 * final text.
 */
export function lintAndFix(
  text: string,
  options: LintOptions = {},
  shouldFix: (finding: LintFinding) => boolean = () => true,
): FixReport {
  let report = lintReport(text, options);
  let output = text;
  let fixCount = 0;
  for (let pass = 0; pass < 10; pass++) {
    const { output: next, fixed } = applyFixPass(output, report.findings.filter(shouldFix));
    if (fixed.length === 0 || next === output) break;
    fixCount += fixed.length;
    output = next;
    report = lintReport(output, options);
  }
  return { ...report, output, fixCount };
}

function severityOf(rule: LintRule, setting: RuleSetting | undefined): LintSeverity | undefined {
  if (setting === "off") return undefined;
  if (setting === "warn") return "warning";
  if (setting === "error") return "error";
  return rule.meta.defaultSeverity;
}

function checkSettings(settings: Readonly<Record<string, RuleSetting>>, ruleSet: readonly LintRule[]): void {
  const ids = ruleSet.map((rule) => rule.meta.id);
  for (const [id, setting] of Object.entries(settings)) {
    if (!ids.includes(id)) {
      const suggestion = closestName(id, ids);
      throw new ProvexError(
        "unknown-rule",
        `There is no lint rule ${JSON.stringify(id)}${suggestion ? `; did you mean ${suggestion}?` : "."} The rules are listed in docs/lint-rules.md.`,
      );
    }
    if (setting !== "off" && setting !== "warn" && setting !== "error")
      throw new ProvexError(
        "invalid-rule-setting",
        `The setting of ${id} must be off, warn or error, not ${JSON.stringify(setting)}.`,
      );
  }
}

function withoutFix(finding: LintFinding): LintFinding {
  const { fix: _dropped, ...rest } = finding;
  return rest;
}
