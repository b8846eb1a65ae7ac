import type { DataEditor } from "./data-editor.js";
import { lintRuleLink } from "./docs-links.js";
import { byId } from "./dom.js";
import type { LintProblem } from "./evaluation-protocol.js";
import { showDiagnostics } from "./monaco-language.js";
import { renderProblems } from "./problems-view.js";

/**
 * The configuration's findings from the linter: squiggles in the configuration text and the problems
 * list (each with its line:column, a button that selects the text, and its rule id linked to the docs).
 */
export function showConfigProblems(config: DataEditor, lint: readonly LintProblem[]): void {
  const { model } = config;
  showDiagnostics(
    model,
    "lint",
    lint.map((finding) => ({ ...finding, code: finding.ruleId })),
    (ruleId) => lintRuleLink(ruleId),
  );
  const place = (offset: number) => model.getPositionAt(Math.min(offset, model.getValueLength()));
  const reveal = (span: { start: number; end: number }) => () => {
    const start = place(span.start);
    const end = place(span.end);
    config.setFolded(false);
    config.editor.setSelection({
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    });
    config.editor.revealRangeInCenter({
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    });
    config.editor.focus();
  };
  const items = [
    ...lint.map((finding) => ({
      ...place(finding.span.start),
      start: finding.span.start,
      severity: finding.severity,
      message: finding.message,
      code: finding.ruleId,
      rule: true,
      reveal: reveal(finding.span),
    })),
  ]
    .sort((a, b) => a.start - b.start)
    .map(({ lineNumber, column, start: _start, ...item }) => ({ ...item, line: lineNumber, column }));
  renderProblems(byId("config-problems"), items);
  byId("config-problems-count").textContent =
    items.length === 0
      ? "No problems in the configuration."
      : `provex lint: ${items.length} problem${items.length === 1 ? "" : "s"} in the configuration:`;
}
