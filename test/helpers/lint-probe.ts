import type { LintRule, RuleContext } from "../../src/lint/types.js";

/** The meta of a rule made up for an engine test: its id stands for every text. */
export const probeMeta = (id: string, fixable = false): LintRule["meta"] => ({
  id,
  category: "expression",
  defaultSeverity: "warning",
  summary: id,
  description: id,
  fixable,
  examples: { failing: { format: "provex", text: "" }, passing: { format: "provex", text: "" } },
});

/** A rule that reports what `report` returns, and hands its context to `seen`. */
export const probe = (
  id: string,
  report: (context: RuleContext) => Parameters<RuleContext["report"]>[0][] = () => [],
  seen: (context: RuleContext) => void = () => {},
): LintRule => ({
  meta: probeMeta(id),
  check(context) {
    seen(context);
    for (const finding of report(context)) context.report(finding);
  },
});
