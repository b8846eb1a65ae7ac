import {
  type Colours,
  countOf,
  type FormatContext,
  type LintFileResult,
  locate,
  printable,
} from "./result.js";

const plain: Colours = { red: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };

/**
 * ESLint's default look: the findings grouped by file, one line each, `line:col  severity  message
 * rule-id` in aligned columns, then a summary line (and how many `--fix` could repair).
 */
export function formatStylish(
  results: readonly LintFileResult[],
  context: Pick<FormatContext, "lineIndex"> & { readonly colours?: Colours } = {},
): string {
  const colours = context.colours ?? plain;
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const rows = locate(result, result.findings, context).map(({ finding, start }) => ({
      position: `${start.line}:${start.column}`,
      severity: finding.severity,
      message: printable(finding.message),
      ruleId: finding.ruleId,
    }));
    let positionWidth = 0;
    let messageWidth = 0;
    for (const row of rows) {
      positionWidth = Math.max(positionWidth, row.position.length);
      messageWidth = Math.max(messageWidth, row.message.length);
    }
    out.push(colours.bold(printable(result.relativePath)));
    for (const row of rows) {
      const severity = row.severity === "error" ? colours.red("error  ") : colours.yellow("warning");
      out.push(
        `  ${colours.dim(row.position.padEnd(positionWidth))}  ${severity}  ${row.message.padEnd(messageWidth)}  ${colours.dim(row.ruleId)}`,
      );
    }
    out.push("");
  }
  const { errors, warnings, fixableErrors, fixableWarnings } = countOf(results);
  if (errors + warnings === 0) return "";
  const problems = errors + warnings;
  const summary = `✖ ${problems} ${plural(problems, "problem")} (${errors} ${plural(errors, "error")}, ${warnings} ${plural(warnings, "warning")})`;
  out.push(errors > 0 ? colours.red(colours.bold(summary)) : colours.yellow(colours.bold(summary)));
  if (fixableErrors + fixableWarnings > 0)
    out.push(
      `  ${fixableErrors} ${plural(fixableErrors, "error")} and ${fixableWarnings} ${plural(fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`,
    );
  return `${out.join("\n")}\n`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
