import { actionLabel } from "./diff-summary.js";
import type { AttributeDiff, DiffSummary, ProblemDiff, UserDiff } from "./diff-types.js";
import { codeSpan, escapeHtml, htmlCode } from "./markdown-text.js";
import { valueText } from "./values.js";

/** GitHub refuses a comment longer than this (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Options of {@link MarkdownDiff}. */
export interface MarkdownDiffOptions {
  /** How the two sides are named in the headline (file names, `origin/main:config.json`). */
  readonly oldName: string;
  readonly newName: string;
  /**
   * The longest text to produce, in characters (default: GitHub's comment limit less room for a
   * marker; at least {@link MIN_MARKDOWN_LENGTH}, so the headline and some of the table always fit).
   */
  readonly maxLength?: number;
}

/** Room left for what a workflow adds around the text (a hidden marker to find its comment again). */
const MARGIN = 512;

/** The shortest `maxLength` a {@link MarkdownDiff} accepts (a smaller one is raised to it). */
export const MIN_MARKDOWN_LENGTH = 2048;

/**
 * The diff as a pull-request comment: a headline summary, a table of changed attributes with user
 * counts, and each changed user in a collapsible `<details>` block — cut to stay under GitHub's
 * 65,536-character limit, with a note of how many users were left out. Users are added as they stream
 * past; only what fits is kept, so memory stays bounded. Every user-controlled text is shown as code.
 */
export class MarkdownDiff {
  private readonly blocks: string[] = [];
  private size = 0;
  private omitted = 0;
  private readonly limit: number;

  constructor(private readonly options: MarkdownDiffOptions) {
    this.limit = Math.max(MIN_MARKDOWN_LENGTH, options.maxLength ?? GITHUB_COMMENT_LIMIT - MARGIN);
  }

  add(diff: UserDiff): void {
    if (this.omitted > 0) {
      this.omitted++;
      return;
    }
    const block = userBlock(diff);
    // Three quarters of the budget at most go to users before the summary is known; the rest is the head's.
    if (this.size + block.length > this.limit * 0.75) {
      this.omitted++;
      return;
    }
    this.blocks.push(block);
    this.size += block.length;
  }

  /** The comment, once every user has been added. */
  finish(summary: DiffSummary): string {
    const head = headOf(summary, this.options, this.limit / 4);
    const blocks = [...this.blocks];
    let omitted = this.omitted;
    const note = (count: number) =>
      count === 0
        ? ""
        : `\n_${count.toLocaleString("en-US")} more changed user${count === 1 ? " is" : "s are"} left out to stay within GitHub's comment limit; run \`provex diff\` locally (or with \`--format json\`) for every user._\n`;
    let total = head.length + blocks.reduce((sum, block) => sum + block.length, 0) + note(omitted).length;
    while (total > this.limit && blocks.length > 0) {
      total -= (blocks.pop() as string).length;
      omitted++;
      total += note(omitted).length - note(omitted - 1).length;
    }
    const users = blocks.length > 0 ? `\n${blocks.join("")}` : "";
    return `${`${head}${users}${note(omitted)}`.trimEnd()}\n`;
  }
}

function headOf(summary: DiffSummary, options: MarkdownDiffOptions, budget: number): string {
  const lines: string[] = [];
  const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    summary.changed === 0
      ? `### provex diff: no user changes`
      : `### provex diff: ${summary.changed.toLocaleString("en-US")} of ${plural(summary.users, "user")} change${summary.changed === 1 ? "s" : ""}`,
    "",
    `${codeSpan(options.oldName)} → ${codeSpan(options.newName)} · ${plural(summary.users, "user")} · ${summary.changed.toLocaleString("en-US")} changed, ${summary.unchanged.toLocaleString("en-US")} unchanged`,
    "",
  );
  if (summary.changed === 0) return `${lines.join("\n")}\n`;
  const facts: string[] = [];
  if (summary.actionChanged > 0) {
    const moves = summary.actions
      .map((move) => `${codeSpan(move.from)} → ${codeSpan(move.to)}: ${move.users.toLocaleString("en-US")}`)
      .join(", ");
    facts.push(`- **${plural(summary.actionChanged, "user")} change action** (${moves})`);
  }
  if (summary.scope.entered > 0 || summary.scope.left > 0)
    facts.push(
      `- **${plural(summary.scope.entered, "user")} enter the scope**, ${summary.scope.left.toLocaleString("en-US")} leave it`,
    );
  if (summary.matchChanged > 0)
    facts.push(`- ${plural(summary.matchChanged, "user")} match another target object`);
  if (summary.errors.new > 0 || summary.errors.vanished > 0)
    facts.push(
      `- errors: ${plural(summary.errors.new, "user")} with a new error, ${summary.errors.vanished.toLocaleString("en-US")} with an error that vanishes`,
    );
  if (summary.warnings.new > 0 || summary.warnings.vanished > 0)
    facts.push(
      `- warnings: ${plural(summary.warnings.new, "user")} with a new warning, ${summary.warnings.vanished.toLocaleString("en-US")} with a warning that vanishes`,
    );
  lines.push(...facts);
  if (summary.attributes.length > 0) {
    if (facts.length > 0) lines.push("");
    lines.push("| target attribute | users | added | removed | changed |", "|---|--:|--:|--:|--:|");
    let size = lines.join("\n").length;
    let shown = 0;
    for (const count of summary.attributes) {
      const row = `| ${codeSpan(count.target)} | ${count.users.toLocaleString("en-US")} | ${count.added.toLocaleString("en-US")} | ${count.removed.toLocaleString("en-US")} | ${count.changed.toLocaleString("en-US")} |`;
      if (size + row.length > budget) break;
      lines.push(row);
      size += row.length + 1;
      shown++;
    }
    const rest = summary.attributes.length - shown;
    if (rest > 0) lines.push("", `_${plural(rest, "more attribute")} left out._`);
  }
  return `${lines.join("\n")}\n`;
}

function userBlock(diff: UserDiff): string {
  const name = diff.displayName !== undefined ? `${htmlCode(cut(diff.displayName))} ` : "";
  const action = diff.actionChanged
    ? `${escapeHtml(actionLabel(diff.old))} → ${escapeHtml(actionLabel(diff.new))}`
    : escapeHtml(actionLabel(diff.new));
  const lines = [`<details><summary>${name}(${htmlCode(cut(diff.id))}): ${action}</summary>`, ""];
  const facts: string[] = [];
  if (diff.scope) facts.push(`- ${diff.scope === "entered" ? "enters" : "leaves"} the scope`);
  if (diff.matchChanged)
    facts.push(`- matched object: ${matchText(diff.old.match)} → ${matchText(diff.new.match)}`);
  problemLines(facts, "error", diff.errors);
  problemLines(facts, "warning", diff.warnings);
  lines.push(...facts);
  if (diff.attributes.length > 0) {
    if (facts.length > 0) lines.push("");
    lines.push("| target attribute | old | new |", "|---|---|---|");
    for (const attribute of diff.attributes) lines.push(attributeRow(attribute));
  }
  lines.push("", "</details>", "");
  return `${lines.join("\n")}\n`;
}

function attributeRow(attribute: AttributeDiff): string {
  const side = (present: boolean, value: unknown) => (present ? codeSpan(valueText(value)) : "_not sent_");
  return `| ${codeSpan(cut(attribute.target))} | ${side(attribute.change !== "added", attribute.old)} | ${side(attribute.change !== "removed", attribute.new)} |`;
}

function problemLines(lines: string[], kind: string, diff: ProblemDiff): void {
  for (const problem of diff.new)
    lines.push(
      `- new ${kind} ${codeSpan(problem.code)}${problem.target ? ` on ${codeSpan(cut(problem.target))}` : ""}: ${codeSpan(cut(problem.message, 300))}`,
    );
  for (const problem of diff.vanished)
    lines.push(
      `- ${kind} ${codeSpan(problem.code)}${problem.target ? ` on ${codeSpan(cut(problem.target))}` : ""} vanishes`,
    );
}

function matchText(id: string | null): string {
  return id === null ? "_none_" : codeSpan(cut(id));
}

function cut(text: string, limit = 200): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
