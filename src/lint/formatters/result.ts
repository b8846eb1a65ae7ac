import { type LineColumn, LineIndex } from "../../diagnostics/index.js";
import type { SuppressedFinding } from "../directives.js";
import type { LintFinding, LintRule } from "../types.js";

/** One linted file, as the formatters see it. */
export interface LintFileResult {
  /** The absolute path (ESLint's JSON `filePath`). */
  readonly filePath: string;
  /** The path relative to the folder linted from, with `/` separators (stylish, SARIF, GitHub). */
  readonly relativePath: string;
  /** The text the findings' spans point into (after fixes, when `output` is set). */
  readonly text: string;
  readonly findings: readonly LintFinding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** The fixed text, when `--fix` changed the file. */
  readonly output?: string;
}

/** What every formatter may need besides the results. */
export interface FormatContext {
  /** Every rule that can report (SARIF lists them; the order gives `ruleIndex`). */
  readonly rules: readonly LintRule[];
  /** The absolute folder the relative paths are relative to (SARIF's `%SRCROOT%`), `/`-separated. */
  readonly root: string;
  readonly toolVersion: string;
  /** Builds the one line index of a file (tests count the calls to check that rendering is linear). */
  readonly lineIndex?: (text: string) => LineIndex;
}

/** Terminal colours (the CLI's palette); each returns its text unchanged when colour is off. */
export interface Colours {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

/** A finding with its 1-based start and end, from the file's one line index. */
export interface LocatedFinding {
  readonly finding: LintFinding;
  readonly start: LineColumn;
  readonly end: LineColumn;
}

export function locate(
  result: LintFileResult,
  findings: readonly LintFinding[],
  context: Pick<FormatContext, "lineIndex">,
): LocatedFinding[] {
  if (findings.length === 0) return [];
  const lines = (context.lineIndex ?? ((text: string) => new LineIndex(text)))(result.text);
  return findings.map((finding) => ({
    finding,
    start: lines.locate(finding.span.start),
    end: lines.locate(finding.span.end),
  }));
}

/**
 * Text from the configuration (messages quote attribute names and values) made safe for a terminal
 * or a one-line format: control characters and bidirectional overrides escaped, line breaks as `\n`.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? " " : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The counts of the summary line and of the exit code. */
export function countOf(results: readonly LintFileResult[]) {
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results)
    for (const finding of result.findings) {
      if (finding.severity === "error") {
        errors++;
        if (finding.fix) fixableErrors++;
      } else {
        warnings++;
        if (finding.fix) fixableWarnings++;
      }
    }
  return { errors, warnings, fixableErrors, fixableWarnings };
}
