import type { AttributeChange, PreviewAction, UserPreview } from "../mapping/index.js";
import type { Palette } from "./report.js";
import { visible } from "./report.js";

/**
 * The text report of `provex preview`: one block per user — the action first, then each step with its
 * status, the SCIM request, the warnings — so that an admin reads the outcome at a glance.
 */
export function formatUserPreview(result: UserPreview, colours: Palette): string {
  const lines: string[] = [];
  const who = result.displayName
    ? `${visible(result.displayName)} ${colours.dim(`(${visible(result.id)})`)}`
    : visible(result.id);
  lines.push(`${colours.bold(`#${result.index + 1}`)} ${actionLabel(result.action, colours)} ${who}`);
  lines.push(`   ${visible(result.summary)}`);
  for (const step of result.steps) {
    // Pad before colouring: escape codes would count towards the width.
    const status =
      step.status === "success"
        ? "ok".padEnd(9)
        : step.status === "skipped"
          ? colours.dim("skipped".padEnd(9))
          : colours.red("failed".padEnd(9));
    lines.push(`   ${step.name.padEnd(7)}${status} ${visible(step.description)}`);
    if (step.name === "scope") lines.push(...scopeLines(step.details, colours));
    if (step.name === "action" && !result.attributeChanges && Array.isArray(step.details.changes)) {
      lines.push(...changeLines(step.details.changes as AttributeChange[], colours));
    }
  }
  if (result.attributeChanges) {
    const where = result.attributeChanges.directory || "the target app";
    lines.push(`   ${colours.cyan(`Attribute changes exported to ${visible(where)} (not a SCIM app)`)}`);
    lines.push(...changeLines(result.attributeChanges.changes, colours));
  }
  for (const request of result.requests) {
    lines.push(`   ${colours.cyan(`${request.method} ${request.path}`)}`);
    for (const line of JSON.stringify(request.body, null, 2).split("\n")) lines.push(`     ${visible(line)}`);
  }
  for (const warning of result.warnings) {
    lines.push(
      `   ${colours.yellow("warning")} ${visible(warning.target)}: ${visible(warning.message)} ${colours.dim(`[${warning.code}]`)}`,
    );
  }
  return lines.join("\n");
}

function changeLines(changes: readonly AttributeChange[], colours: Palette): string[] {
  return changes.map(
    (change) =>
      `        ${visible(change.target)}: ${colours.dim(show(change.oldValue))} → ${show(change.newValue)}`,
  );
}

function scopeLines(details: Readonly<Record<string, unknown>>, colours: Palette): string[] {
  const lines: string[] = [];
  const filters = Array.isArray(details.filters) ? (details.filters as FilterDetails[]) : [];
  for (const filter of filters) {
    lines.push(`        ${mark(filter.result, colours)} filter "${visible(filter.name)}"`);
    for (const clause of filter.clauses) {
      const value = clause.values.length > 0 ? ` ${clause.values.map((v) => `"${v}"`).join(", ")}` : "";
      const error = clause.error ? ` ${colours.red(visible(clause.error.message))}` : "";
      lines.push(
        `            ${mark(clause.result, colours)} ${visible(clause.attribute)} ${clause.operator}${visible(value)} ${colours.dim(`(is ${show(clause.actual)})`)}${error}`,
      );
    }
  }
  return lines;
}

interface FilterDetails {
  name: string;
  result: boolean;
  clauses: {
    attribute: string;
    operator: string;
    values: string[];
    actual: unknown;
    result: boolean;
    error?: { message: string };
  }[];
}

function mark(result: boolean, colours: Palette): string {
  return result ? colours.cyan("✓") : colours.red("✗");
}

function actionLabel(action: PreviewAction, colours: Palette): string {
  const text = action.padEnd(7);
  switch (action) {
    case "Error":
      return colours.red(colours.bold(text));
    case "Skip":
      return colours.dim(text);
    case "Disable":
      return colours.yellow(text);
    default:
      return colours.cyan(colours.bold(text));
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  return visible(JSON.stringify(value));
}

/** Counts per action, for the closing line. */
export class PreviewTally {
  readonly counts = new Map<PreviewAction, number>();
  total = 0;

  add(result: UserPreview): void {
    this.total++;
    this.counts.set(result.action, (this.counts.get(result.action) ?? 0) + 1);
  }

  get failed(): number {
    return this.counts.get("Error") ?? 0;
  }

  summary(): string {
    const parts = (["Create", "Update", "Disable", "Skip", "Error"] as const).map(
      (action) => `${this.counts.get(action) ?? 0} ${action.toLowerCase()}`,
    );
    return `${this.total} user${this.total === 1 ? "" : "s"}: ${parts.join(", ")}`;
  }
}

/**
 * A one-line progress bar on a terminal's stderr, redrawn at most every 100 ms. Shown only while stdout
 * goes elsewhere (a file, a pipe): on a shared terminal it would run into the results.
 */
export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(private readonly stream: { write(text: string): unknown }) {}

  update(done: number, fraction: number | undefined, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const filled = fraction === undefined ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * width);
    const bar =
      fraction === undefined
        ? ""
        : `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor((fraction ?? 0) * 100)}% `;
    this.stream.write(`\r${bar}${done.toLocaleString("en-US")} users`);
  }

  finish(): void {
    if (this.shown) this.stream.write("\r\u001b[2K");
  }
}
