import type { Span } from "../diagnostics/index.js";
import type { LintFinding, LintFix } from "./types.js";

/** What one pass of fixing did. */
export interface FixPass {
  /** The text with the applied fixes. */
  readonly output: string;
  /** The findings whose fixes were applied. */
  readonly fixed: readonly LintFinding[];
  /** Findings with a fix that overlapped an applied one (a later pass may apply them). */
  readonly skipped: readonly LintFinding[];
}

/**
 * Applies the fixes of `findings` to `text` and returns the new text; every character no fix names is
 * kept as it was (comments, key order, indentation, line endings). Fixes are applied in file order; one
 * that overlaps or touches a fix already taken is left out, as ESLint does, because its offsets would
 * no longer be right; run the linter again to get it (the CLI's `--fix` repeats up to 10 times).
 */
export function applyFixes(text: string, findings: readonly LintFinding[]): string {
  return applyFixPass(text, findings).output;
}

/** {@link applyFixes} with the account of which fixes were applied and which were left for later. */
export function applyFixPass(text: string, findings: readonly LintFinding[]): FixPass {
  const candidates = findings
    .filter((finding) => finding.fix && finding.fix.edits.length > 0 && validEdits(finding.fix, text.length))
    .map((finding) => ({ finding, range: mergedRange(finding.fix as LintFix) }))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const fixed: LintFinding[] = [];
  const skipped: LintFinding[] = [];
  const parts: string[] = [];
  let position = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const { finding, range } of candidates) {
    if (range.start <= lastEnd) {
      skipped.push(finding);
      continue;
    }
    const edits = [...(finding.fix as LintFix).edits].sort((a, b) => a.span.start - b.span.start);
    for (const edit of edits) {
      parts.push(text.slice(position, edit.span.start), edit.text);
      position = edit.span.end;
    }
    lastEnd = range.end;
    fixed.push(finding);
  }
  parts.push(text.slice(position));
  return { output: fixed.length === 0 ? text : parts.join(""), fixed, skipped };
}

/**
 * A fix as ESLint writes it, one `range` and its replacement `text`: the edits merged, with the file's
 * text between them carried over unchanged.
 */
export function mergedFix(text: string, fix: LintFix): { range: [number, number]; text: string } {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  const range = mergedRange(fix);
  let merged = "";
  let position = range.start;
  for (const edit of edits) {
    merged += text.slice(position, edit.span.start) + edit.text;
    position = edit.span.end;
  }
  return { range: [range.start, range.end], text: merged };
}

function mergedRange(fix: LintFix): Span {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const edit of fix.edits) {
    start = Math.min(start, edit.span.start);
    end = Math.max(end, edit.span.end);
  }
  return { start, end };
}

/** A fix whose edits are inside the text and do not overlap one another (a rule bug otherwise). */
function validEdits(fix: LintFix, length: number): boolean {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  let lastEnd = 0;
  for (const edit of edits) {
    const { start, end } = edit.span;
    if (!(start >= lastEnd && end >= start && end <= length)) return false;
    lastEnd = end;
  }
  return true;
}
