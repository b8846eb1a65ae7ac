import { LineIndex } from "../../../src/diagnostics/index.js";
import type { LintFinding } from "../../../src/lint/types.js";
import { lintText, rule } from "./helpers.js";

/** A finding as a user reads it: where it starts, the characters it covers, what it says, its fix. */
export interface Shown {
  readonly at: [number, number];
  readonly covers: string;
  readonly message: string;
  readonly fix?: {
    readonly description: string;
    readonly edits: readonly { covers: string; text: string }[];
  };
}

/** What `finding` shows of `text`: line and column of its start, the text it spans, message and fix. */
export function shown(text: string, finding: LintFinding): Shown {
  const { line, column } = new LineIndex(text).locate(finding.span.start);
  return {
    at: [line, column],
    covers: text.slice(finding.span.start, finding.span.end),
    message: finding.message,
    ...(finding.fix
      ? {
          fix: {
            description: finding.fix.description,
            edits: finding.fix.edits.map((edit) => ({
              covers: text.slice(edit.span.start, edit.span.end),
              text: edit.text,
            })),
          },
        }
      : {}),
  };
}

/** The findings of rule `ruleId` alone on `text`, as the user reads them. */
export function findingsOf(
  ruleId: string,
  text: string,
  options: { sourceSchema?: readonly string[]; dialect?: "entra" | "provex" } = {},
): Shown[] {
  return lintText(text, { ...options, rules: [rule(ruleId)] }).map((finding) => shown(text, finding));
}
