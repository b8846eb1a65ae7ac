import { mergedFix } from "../apply-fixes.js";
import type { SuppressedFinding } from "../directives.js";
import type { LintFinding } from "../types.js";
import type { FormatContext, LintFileResult, LocatedFinding } from "./result.js";
import { locate } from "./result.js";

/** ESLint's `LintMessage`: severity 1 is a warning, 2 an error; columns are 1-based, ends exclusive. */
export interface EslintMessage {
  readonly ruleId: string | null;
  readonly fatal?: true;
  readonly severity: 1 | 2;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: { readonly range: [number, number]; readonly text: string };
  readonly suppressions?: SuppressedFinding["suppressions"];
}

/** ESLint's `LintResult`, field for field and in its order, as its `json` formatter prints it. */
export interface EslintResult {
  readonly filePath: string;
  readonly messages: EslintMessage[];
  readonly suppressedMessages: EslintMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly output?: string;
  readonly source?: string;
  readonly usedDeprecatedRules: readonly never[];
}

/**
 * The results in the shape of ESLint's LintResult (what `eslint -f json` prints), so that tools reading
 * ESLint's JSON read provex's: `config-syntax` findings (the file did not parse) are `fatal` like
 * ESLint's parsing errors; `source` is the file's text when there are findings and no `output`.
 */
export function eslintResults(
  results: readonly LintFileResult[],
  context: Pick<FormatContext, "lineIndex"> = {},
) {
  return results.map((result): EslintResult => {
    const messages = locate(result, result.findings, context).map((located) => message(result.text, located));
    const suppressedMessages = locate(result, result.suppressed, context).map((located) => ({
      ...message(result.text, located),
      suppressions: (located.finding as SuppressedFinding).suppressions,
    }));
    let errorCount = 0;
    let fatalErrorCount = 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const item of messages) {
      if (item.severity === 2) {
        errorCount++;
        if (item.fatal) fatalErrorCount++;
        if (item.fix) fixableErrorCount++;
      } else {
        warningCount++;
        if (item.fix) fixableWarningCount++;
      }
    }
    return {
      filePath: result.filePath,
      messages,
      suppressedMessages,
      errorCount,
      fatalErrorCount,
      warningCount,
      fixableErrorCount,
      fixableWarningCount,
      ...(result.output !== undefined ? { output: result.output } : {}),
      ...(errorCount + warningCount > 0 && result.output === undefined ? { source: result.text } : {}),
      usedDeprecatedRules: [],
    };
  });
}

/** `eslint -f json`: the results on one line. */
export function formatJson(
  results: readonly LintFileResult[],
  context: Pick<FormatContext, "lineIndex"> = {},
) {
  return `${JSON.stringify(eslintResults(results, context))}\n`;
}

function message(text: string, { finding, start, end }: LocatedFinding): EslintMessage {
  const fatal = isFatal(finding);
  return {
    ruleId: finding.ruleId,
    ...(fatal ? { fatal: true as const } : {}),
    severity: finding.severity === "error" ? 2 : 1,
    message: finding.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(finding.fix ? { fix: mergedFix(text, finding.fix) } : {}),
  };
}

/** A file that does not parse: ESLint calls its parsing errors fatal. */
function isFatal(finding: LintFinding): boolean {
  return finding.ruleId === "config-syntax" && finding.severity === "error";
}
