import { type Colours, NO_COLOURS } from "./colours.js";
import { actionLabel } from "./diff-summary.js";
import type { DiffSummary, ProblemDiff, UserDiff } from "./diff-types.js";
import { visibleText } from "./markdown-text.js";
import { valueText } from "./values.js";

/** One changed user for a terminal: a header line, then one indented line per change. */
export function formatUserDiffText(diff: UserDiff, colours: Colours = NO_COLOURS): string {
  const name = diff.displayName !== undefined ? `${visibleText(diff.displayName)} ` : "";
  const action = diff.actionChanged
    ? `${colours.red(actionLabel(diff.old))} → ${colours.cyan(actionLabel(diff.new))}`
    : actionLabel(diff.new);
  const lines = [`${colours.bold(`${name}(${visibleText(diff.id)})`)}  ${action}`];
  if (diff.scope) lines.push(`  scope: ${diff.scope === "entered" ? "enters" : "leaves"} the scope`);
  if (diff.matchChanged)
    lines.push(
      `  match: ${visibleText(diff.old.match ?? "none")} → ${visibleText(diff.new.match ?? "none")}`,
    );
  for (const attribute of diff.attributes) {
    const old =
      attribute.change === "added"
        ? colours.dim("(not sent)")
        : colours.red(visibleText(valueText(attribute.old)));
    const updated =
      attribute.change === "removed"
        ? colours.dim("(not sent)")
        : colours.cyan(visibleText(valueText(attribute.new)));
    lines.push(`  ${visibleText(attribute.target)}: ${old} → ${updated}`);
  }
  problemLines(lines, "error", diff.errors, colours);
  problemLines(lines, "warning", diff.warnings, colours);
  return `${lines.join("\n")}\n`;
}

function problemLines(lines: string[], kind: string, diff: ProblemDiff, colours: Colours): void {
  const on = (target: string | undefined) => (target ? ` (${visibleText(target)})` : "");
  for (const problem of diff.new)
    lines.push(
      `  ${colours.yellow(`new ${kind}`)} ${problem.code}${on(problem.target)}: ${visibleText(problem.message)}`,
    );
  for (const problem of diff.vanished)
    lines.push(`  ${colours.dim(`${kind} vanishes`)} ${problem.code}${on(problem.target)}`);
}

/** The closing summary for a terminal. */
export function formatDiffSummaryText(summary: DiffSummary, colours: Colours = NO_COLOURS): string {
  const n = (count: number) => count.toLocaleString("en-US");
  const lines = [
    colours.bold(
      summary.changed === 0
        ? `No user changes (${n(summary.users)} user${summary.users === 1 ? "" : "s"} compared).`
        : `${n(summary.changed)} of ${n(summary.users)} user${summary.users === 1 ? "" : "s"} change; ${n(summary.unchanged)} unchanged.`,
    ),
  ];
  for (const move of summary.actions) lines.push(`  action ${move.from} → ${move.to}: ${n(move.users)}`);
  if (summary.scope.entered > 0 || summary.scope.left > 0)
    lines.push(`  scope: ${n(summary.scope.entered)} enter, ${n(summary.scope.left)} leave`);
  if (summary.matchChanged > 0) lines.push(`  match another target object: ${n(summary.matchChanged)}`);
  for (const count of summary.attributes)
    lines.push(
      `  ${visibleText(count.target)}: ${n(count.users)} user${count.users === 1 ? "" : "s"} (${n(count.added)} added, ${n(count.removed)} removed, ${n(count.changed)} changed)`,
    );
  if (summary.errors.new > 0 || summary.errors.vanished > 0)
    lines.push(`  errors: ${n(summary.errors.new)} new, ${n(summary.errors.vanished)} vanish`);
  if (summary.warnings.new > 0 || summary.warnings.vanished > 0)
    lines.push(`  warnings: ${n(summary.warnings.new)} new, ${n(summary.warnings.vanished)} vanish`);
  return `${lines.join("\n")}\n`;
}
