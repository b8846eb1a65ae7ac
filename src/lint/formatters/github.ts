import type { FormatContext, LintFileResult } from "./result.js";
import { locate } from "./result.js";

/**
 * GitHub Actions workflow commands, one per finding: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * (`::warning` for warnings), which the runner turns into annotations on the pull request's diff.
 * Properties and message are escaped as the Actions toolkit does (`%`, CR, LF; and `:` `,` in properties).
 */
export function formatGithub(
  results: readonly LintFileResult[],
  context: Pick<FormatContext, "lineIndex"> = {},
): string {
  const out: string[] = [];
  for (const result of results) {
    for (const { finding, start, end } of locate(result, result.findings, context)) {
      const properties = [
        `file=${escapeProperty(result.relativePath)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`provex(${finding.ruleId})`)}`,
      ].join(",");
      out.push(
        `::${finding.severity === "error" ? "error" : "warning"} ${properties}::${escapeData(finding.message)}`,
      );
    }
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/** The Actions toolkit's `escapeData`. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** The Actions toolkit's `escapeProperty`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
