import type { Dialect } from "../checker/index.js";
import type { Span } from "../diagnostics/index.js";
import { type AttributeTable, attributeTable } from "../mapping/directories.js";
import type { AttributeMapping, MappingConfig, ObjectMapping, TextLocation } from "../mapping/model.js";
import { parse } from "../parser/index.js";
import { editInValue } from "./text-edit.js";
import type {
  ClauseSite,
  ExpressionSite,
  LintFinding,
  LintRule,
  LintSeverity,
  RuleContext,
  RuleSetting,
} from "./types.js";

/** What {@link runRules} needs: a loaded configuration and its text, the rules and their settings. */
export interface RunRulesInput {
  readonly text: string;
  readonly config: MappingConfig;
  readonly rules: readonly LintRule[];
  /** Per rule id; a rule not named runs at its default severity. */
  readonly settings?: Readonly<Record<string, RuleSetting>>;
  /** Overrides the configuration's dialect. */
  readonly dialect?: Dialect;
  /** Source attribute names that replace the configuration's own (the CLI's `--schema`). */
  readonly sourceSchema?: readonly string[];
}

/**
 * Runs each enabled rule once over the configuration and returns their findings in file order. A rule
 * that throws is a bug in provex; it becomes one finding of that rule instead of ending the run.
 */
export function runRules(input: RunRulesInput): LintFinding[] {
  const { text, config } = input;
  const dialect = input.dialect ?? config.dialect;
  const tables = new Map<ObjectMapping, { source: AttributeTable; target: AttributeTable }>();
  const tablesOf = (object: ObjectMapping) => {
    let found = tables.get(object);
    if (!found) {
      const source = input.sourceSchema
        ? schemaTable(input.sourceSchema, attributeTable(config, object, "source"))
        : attributeTable(config, object, "source");
      found = { source, target: attributeTable(config, object, "target") };
      tables.set(object, found);
    }
    return found;
  };
  const expressions: ExpressionSite[] = [];
  const clauses: ClauseSite[] = [];
  for (const object of config.objects) {
    const { source, target } = tablesOf(object);
    for (const mapping of object.mappings) {
      if (mapping.expression === null) continue;
      expressions.push(expressionSite(object, mapping, mapping.expression, source, target));
    }
    for (const filter of object.scope ?? [])
      for (const clause of filter.clauses) clauses.push({ object, filter, clause, source });
  }

  const findings: LintFinding[] = [];
  for (const rule of input.rules) {
    const setting = input.settings?.[rule.meta.id];
    const severity = severityOf(rule, setting);
    if (severity === undefined) continue;
    const context: RuleContext = {
      text,
      config,
      dialect,
      expressions,
      clauses,
      sourceAttributes: (object) => tablesOf(object).source,
      targetAttributes: (object) => tablesOf(object).target,
      report: ({ message, span, fix, severity: own }) =>
        findings.push({
          ruleId: rule.meta.id,
          severity: own && setting === undefined ? own : severity,
          message,
          span: clampSpan(span, text.length),
          ...(fix ? { fix } : {}),
        }),
    };
    try {
      rule.check(context);
    } catch (error) {
      findings.push({
        ruleId: rule.meta.id,
        severity: "error",
        message: `The rule ${rule.meta.id} failed (a bug in provex; please report it): ${String(error)}`,
        span: { start: 0, end: 0 },
      });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function severityOf(rule: LintRule, setting: RuleSetting | undefined): LintSeverity | undefined {
  if (setting === "off") return undefined;
  if (setting === "warn") return "warning";
  if (setting === "error") return "error";
  return rule.meta.defaultSeverity;
}

function expressionSite(
  object: ObjectMapping,
  mapping: AttributeMapping,
  text: string,
  source: AttributeTable,
  target: AttributeTable,
): ExpressionSite {
  const location = locationOf(mapping, text);
  const offsets = location?.offsets;
  const at = (offset: number) => offsets?.[Math.min(Math.max(offset, 0), offsets.length - 1)];
  return {
    object,
    mapping,
    text,
    parsed: parse(text),
    source,
    target,
    location,
    fileSpan(span: Span): Span {
      const start = at(span.start);
      const end = at(span.end);
      if (start === undefined || end === undefined) return mapping.span;
      return { start, end: Math.max(start, end) };
    },
    edit: (span, replacement) => (location ? editInValue(location, span, replacement) : undefined),
  };
}

/** The traced location of the expression; offsets without a known style still place findings. */
function locationOf(mapping: AttributeMapping, text: string): TextLocation | undefined {
  const traced = mapping.locations?.expression;
  if (traced && traced.offsets.length === text.length + 1) return traced;
  const offsets = mapping.expressionOffsets;
  if (offsets && offsets.length === text.length + 1) return { offsets, style: "synthesized" };
  return undefined;
}

/** An attribute table whose names are `names`, keeping the configuration's definitions where they exist. */
function schemaTable(names: readonly string[], base: AttributeTable): AttributeTable {
  const known = new Set(names);
  return {
    get: (name) => (known.has(name) ? (base.get(name) ?? defaultDefinition(name)) : undefined),
    defined: true,
    names,
    required: base.required.filter((name) => known.has(name)),
  };
}

function defaultDefinition(name: string) {
  return { name, type: "String", required: false, multivalued: false, caseExact: false };
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.min(Math.max(0, span.start), length);
  return { start, end: Math.min(Math.max(start, span.end), length) };
}
