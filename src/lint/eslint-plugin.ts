import type { Dialect } from "../checker/index.js";
import { mergedFix } from "./apply-fixes.js";
import { type LintReport, lintReport, lintRules } from "./lint.js";
import { isConfigurationFile } from "./recognise.js";
import { ruleDocsUrl } from "./rules-markdown.js";
import type { LintFinding, LintRule } from "./types.js";

/**
 * `provex/eslint-plugin`: the lint rules as an ESLint (v9/v10, flat config) plugin, for repositories
 * that already run ESLint. A thin adapter: one ESLint rule per provex rule (`provex/unknown-function`),
 * so that ESLint users set, disable (`eslint-disable-next-line provex/…`) and read each rule as they
 * do any other; the provex runner runs once per file and each ESLint rule reports its own findings.
 * Files that are not mapping configurations (package.json, workflows…) are left alone, so the rules
 * can be given `**\/*.json` and `**\/*.yaml`. JSON is read by `@eslint/json` (`language: "json/json"`),
 * YAML by `yaml-eslint-parser`; provex only needs the file's text.
 *
 * Shared settings: `settings: { provex: { dialect: "provex", schema: ["givenName", …] } }`.
 */

/** The little of ESLint's rule API the adapter uses (kept local so the types do not need eslint). */
interface Position {
  readonly line: number;
  readonly column: number;
}
interface RuleFixer {
  replaceTextRange(range: [number, number], text: string): unknown;
}
interface EslintRuleContext {
  readonly filename?: string;
  readonly sourceCode: { readonly text: string; getLocFromIndex?(index: number): Position };
  readonly settings?: { readonly provex?: ProvexSettings };
  report(descriptor: {
    message: string;
    loc: { start: Position; end: Position };
    fix?: (fixer: RuleFixer) => unknown;
  }): void;
}

/** What `settings.provex` may say. */
export interface ProvexSettings {
  readonly dialect?: Dialect;
  /** Source attribute names that replace the configuration's own (as `provex lint --schema`). */
  readonly schema?: readonly string[];
}

/** One ESLint rule module. */
export interface EslintRule {
  readonly meta: {
    readonly type: "problem" | "suggestion";
    readonly docs: { readonly description: string; readonly recommended: boolean; readonly url: string };
    readonly fixable?: "code";
    readonly schema: readonly never[];
  };
  create(context: EslintRuleContext): Record<string, () => void>;
}

/** The plugin object (`meta`, `rules`, `configs`). */
export interface EslintPlugin {
  readonly meta: { readonly name: string; readonly namespace: string };
  readonly rules: Readonly<Record<string, EslintRule>>;
  readonly configs: {
    /** Every rule at its default severity; add `files` (and the JSON language or YAML parser). */
    readonly recommended: {
      readonly name: string;
      readonly plugins: { readonly provex: EslintPlugin };
      readonly rules: Readonly<Record<string, "error" | "warn">>;
    };
  };
}

/** One lint run per file text and settings, shared by the plugin's rules. */
const reports = new WeakMap<object, { key: string; findings: ReadonlyMap<string, LintFinding[]> }>();

function findingsFor(context: EslintRuleContext): ReadonlyMap<string, LintFinding[]> {
  const { sourceCode } = context;
  const settings = context.settings?.provex ?? {};
  // No file name (JSON's null in the key) is linted, an empty one is not: they must not share a run.
  const key = JSON.stringify([context.filename, settings.dialect, settings.schema]);
  const cached = reports.get(sourceCode);
  if (cached && cached.key === key) return cached.findings;
  const byRule = new Map<string, LintFinding[]>();
  if (context.filename === undefined || isConfigurationFile(context.filename, sourceCode.text)) {
    const report: LintReport = lintReport(sourceCode.text, {
      ...(settings.dialect ? { dialect: settings.dialect } : {}),
      ...(settings.schema ? { schema: settings.schema } : {}),
    });
    for (const finding of report.findings) {
      const list = byRule.get(finding.ruleId) ?? [];
      list.push(finding);
      byRule.set(finding.ruleId, list);
    }
  }
  reports.set(sourceCode, { key, findings: byRule });
  return byRule;
}

function eslintRule(rule: LintRule): EslintRule {
  const { meta } = rule;
  const reportFindings = (context: EslintRuleContext) => {
    const { sourceCode } = context;
    const locate = (offset: number) => locationOf(sourceCode, offset);
    for (const finding of findingsFor(context).get(meta.id) ?? []) {
      const fix = finding.fix ? mergedFix(sourceCode.text, finding.fix) : undefined;
      context.report({
        message: finding.message,
        loc: { start: locate(finding.span.start), end: locate(finding.span.end) },
        ...(fix ? { fix: (fixer: RuleFixer) => fixer.replaceTextRange(fix.range, fix.text) } : {}),
      });
    }
  };
  return {
    meta: {
      type: meta.defaultSeverity === "error" ? "problem" : "suggestion",
      docs: { description: meta.summary, recommended: true, url: ruleDocsUrl(meta.id) },
      ...(meta.fixable ? { fixable: "code" as const } : {}),
      schema: [],
    },
    create(context) {
      const run = () => reportFindings(context);
      // The root node: `Document` in @eslint/json's language, `Program` for yaml-eslint-parser.
      return { Document: run, Program: run };
    },
  };
}

/** Without getLocFromIndex (an old SourceCode), count lines: 1-based line, 0-based column (ESLint's JS convention). */
function locationOf(sourceCode: EslintRuleContext["sourceCode"], offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, sourceCode.text.length));
  if (sourceCode.getLocFromIndex) return sourceCode.getLocFromIndex(clamped);
  const before = sourceCode.text.slice(0, clamped);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: clamped - lineStart };
}

const rules: Record<string, EslintRule> = {};
const recommended: Record<string, "error" | "warn"> = {};
for (const rule of lintRules) {
  rules[rule.meta.id] = eslintRule(rule);
  recommended[`provex/${rule.meta.id}`] = rule.meta.defaultSeverity === "error" ? "error" : "warn";
}

const recommendedConfig = {
  name: "provex/recommended",
  plugins: {} as { provex: EslintPlugin },
  rules: recommended,
};
const plugin: EslintPlugin = {
  meta: { name: "provex", namespace: "provex" },
  rules,
  configs: { recommended: recommendedConfig },
};
// The recommended config registers the plugin itself, as flat configs do.
recommendedConfig.plugins.provex = plugin;

export default plugin;
