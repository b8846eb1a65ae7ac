import { Parser } from "yaml";
import type { LineIndex, Span } from "../diagnostics/index.js";
import type { LintFinding, LintRule, LintSeverity } from "./types.js";

/**
 * Inline directives in YAML comments, ESLint's words with provex's prefix:
 * `# provex-disable-next-line id, id` (the next line), `# provex-disable-line id` (a trailing comment on
 * its own line), `# provex-disable id` … `# provex-enable id` (a region; without an enable it runs to the
 * end of the file, so one at the top disables rules for the whole file). Without ids a directive covers
 * every rule. Text after ` -- ` is a reason for people. JSON has no comments, so Entra exports have none.
 */
export type DirectiveKind = "disable-next-line" | "disable-line" | "disable" | "enable";

export interface Directive {
  readonly kind: DirectiveKind;
  /** The rule ids named, each with its span in the file; empty for "every rule". */
  readonly ids: readonly { readonly id: string; readonly span: Span }[];
  /** The whole comment, `#` included. */
  readonly comment: Span;
  readonly reason: string;
}

const DIRECTIVE = /^#\s*provex-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/** The directives in a YAML text's comments (never in block scalars or quoted strings). */
export function findDirectives(text: string): Directive[] {
  // Cheap test first: most files have no directive, and the CST parse costs as much as the load.
  if (!text.includes("provex-")) return [];
  const directives: Directive[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") {
      const directive = parseDirective(token.source, token.offset);
      if (directive) directives.push(directive);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "source") visit(value);
  };
  try {
    for (const token of new Parser().parse(text)) visit(token);
  } catch {
    return directives;
  }
  return directives.sort((a, b) => a.comment.start - b.comment.start);
}

function parseDirective(source: string, offset: number): Directive | undefined {
  const match = DIRECTIVE.exec(source);
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const rest = source.slice(match[0].length);
  const reasonAt = rest.search(/\s--(\s|$)/);
  const list = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
  const ids: { id: string; span: Span }[] = [];
  const idPattern = /[^\s,]+/g;
  for (let found = idPattern.exec(list); found; found = idPattern.exec(list)) {
    const start = offset + match[0].length + found.index;
    ids.push({ id: found[0].replace(/^provex\//, ""), span: { start, end: start + found[0].length } });
  }
  const reason = reasonAt < 0 ? "" : rest.slice(reasonAt).replace(/^\s--\s*/, "");
  return { kind, ids, comment: { start: offset, end: offset + source.length }, reason };
}

/** The rule that reports directives that suppress nothing (ESLint's --report-unused-disable-directives). */
export const unusedDisableDirectiveRule: LintRule = {
  meta: {
    id: "unused-disable-directive",
    category: "configuration",
    defaultSeverity: "warning",
    summary: "A provex-disable comment that suppresses nothing",
    description:
      "A `# provex-disable-next-line`, `# provex-disable-line` or `# provex-disable` comment that no finding needs any more (the problem was fixed, or the rule id is misspelt) hides the next real problem of that rule. Remove the comment, or the rule ids in it that are not needed; `--fix` does it.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: "mappings:\n  # provex-disable-next-line unknown-function\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n",
      },
      passing: {
        format: "provex",
        text: "mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n",
      },
    },
  },
  // Reported by applyDirectives after every other rule has run.
  check: () => {},
};

/** A finding a directive hid, with the directives' reasons (ESLint's `suppressions`). */
export interface SuppressedFinding extends LintFinding {
  readonly suppressions: readonly { readonly kind: "directive"; readonly justification: string }[];
}

export interface DirectiveOutcome {
  readonly kept: LintFinding[];
  readonly suppressed: SuppressedFinding[];
  /** Findings of `unused-disable-directive` (empty when its severity is undefined). */
  readonly unused: LintFinding[];
}

/**
 * Drops the findings the directives cover. `knownIds` are the rule ids that exist (a directive naming
 * another id is reported as unused, with a did-you-mean left to the message).
 */
export function applyDirectives(
  findings: readonly LintFinding[],
  directives: readonly Directive[],
  lines: LineIndex,
  knownIds: ReadonlySet<string>,
  unusedSeverity: LintSeverity | undefined,
): DirectiveOutcome {
  if (directives.length === 0) return { kept: [...findings], suppressed: [], unused: [] };
  const scopes = directives.flatMap((directive, index) => scopeOf(directive, index, directives, lines));
  const used = directives.map(() => new Set<string>());
  const kept: LintFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const line = lines.locate(finding.span.start).line;
    const reasons: string[] = [];
    for (const scope of scopes) {
      if (!scope.covers(finding.span.start, line)) continue;
      const { directive } = scope;
      if (directive.ids.length > 0 && !directive.ids.some((entry) => entry.id === finding.ruleId)) continue;
      used[scope.index]?.add(directive.ids.length > 0 ? finding.ruleId : "*");
      reasons.push(directive.reason);
    }
    if (reasons.length === 0) kept.push(finding);
    else
      suppressed.push({
        ...finding,
        suppressions: reasons.map((justification) => ({ kind: "directive", justification })),
      });
  }
  const unused: LintFinding[] = [];
  if (unusedSeverity !== undefined) {
    directives.forEach((directive, index) => {
      if (directive.kind === "enable") return;
      const finding = unusedFinding(
        lines.text,
        directive,
        used[index] ?? new Set(),
        knownIds,
        unusedSeverity,
      );
      if (finding) unused.push(finding);
    });
  }
  return { kept, suppressed, unused };
}

interface Scope {
  readonly directive: Directive;
  readonly index: number;
  covers(offset: number, line: number): boolean;
}

function scopeOf(directive: Directive, index: number, all: readonly Directive[], lines: LineIndex): Scope[] {
  const line = lines.locate(directive.comment.start).line;
  switch (directive.kind) {
    case "disable-next-line":
      return [{ directive, index, covers: (_offset, at) => at === line + 1 }];
    case "disable-line":
      return [{ directive, index, covers: (_offset, at) => at === line }];
    case "enable":
      return [];
    case "disable": {
      const start = directive.comment.start;
      const end = endOfRegion(directive, index, all);
      return [{ directive, index, covers: (offset) => offset >= start && offset < end }];
    }
  }
}

/** Where a `provex-disable` region ends: the first later `provex-enable` that re-enables what it disabled. */
function endOfRegion(directive: Directive, index: number, all: readonly Directive[]): number {
  for (let i = index + 1; i < all.length; i++) {
    const later = all[i];
    if (later?.kind !== "enable") continue;
    if (later.ids.length === 0) return later.comment.start;
    if (directive.ids.length > 0 && directive.ids.every(({ id }) => later.ids.some((e) => e.id === id)))
      return later.comment.start;
  }
  return Number.POSITIVE_INFINITY;
}

function unusedFinding(
  text: string,
  directive: Directive,
  used: ReadonlySet<string>,
  knownIds: ReadonlySet<string>,
  severity: LintSeverity,
): LintFinding | undefined {
  const name = `provex-${directive.kind}`;
  const base = { ruleId: unusedDisableDirectiveRule.meta.id, severity, span: directive.comment };
  if (directive.ids.length === 0) {
    if (used.has("*")) return undefined;
    return {
      ...base,
      message: `Unused ${name} directive (no problems were reported).`,
      fix: { description: "Remove the directive", edits: [removal(text, directive.comment)] },
    };
  }
  const unusedIds = directive.ids.filter(({ id }) => !used.has(id));
  if (unusedIds.length === 0) return undefined;
  const unknown = unusedIds.filter(({ id }) => !knownIds.has(id)).map(({ id }) => `'${id}'`);
  const names = unusedIds.map(({ id }) => `'${id}'`).join(", ");
  const message =
    unknown.length > 0
      ? `Unused ${name} directive: there is no rule ${unknown.join(", ")} (see docs/lint-rules.md for the ids).`
      : `Unused ${name} directive (no problems were reported from ${names}).`;
  const keep = directive.ids.filter(({ id }) => used.has(id)).map(({ id }) => id);
  const edit =
    keep.length === 0
      ? removal(text, directive.comment)
      : {
          span: directive.comment,
          text: `# ${name} ${keep.join(", ")}${directive.reason ? ` -- ${directive.reason}` : ""}`,
        };
  return {
    ...base,
    message,
    fix: { description: keep.length === 0 ? "Remove the directive" : `Remove ${names}`, edits: [edit] },
  };
}

/** Removes a comment: its whole line when it stands alone, else the comment and the blanks before it. */
function removal(text: string, comment: Span): { span: Span; text: string } {
  let start = comment.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const alone = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
  if (!alone) return { span: { start, end: comment.end }, text: "" };
  let end = comment.end;
  if (text[end] === "\r") end++;
  if (text[end] === "\n") end++;
  return { span: { start, end }, text: "" };
}
