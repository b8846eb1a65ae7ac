import type { UserPreview } from "../../src/index.js";
import type { UserResultChange } from "../../src/review/preview-changes.js";
import { textElement } from "./dom.js";
import type { SummaryRow } from "./evaluation-protocol.js";

/** Counts per action, for the line above the table. */
export function actionCounts(rows: readonly (SummaryRow | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) if (row) counts.set(row.action, (counts.get(row.action) ?? 0) + 1);
  return [...counts].map(([action, count]) => `${count.toLocaleString("en-US")} ${action}`).join(" · ");
}

export function json(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item), 2) ??
    "undefined"
  );
}

/** A value as one short line: text as is, anything else as JSON, absent as "(none)". */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  const text =
    typeof value === "string"
      ? value
      : (JSON.stringify(value, (_k, item) => (typeof item === "bigint" ? item.toString() : item)) ?? "");
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A list of `name: before → after` lines (what an Update changes, or what an edit changed). */
function changeList(
  title: string,
  changes: readonly { target: string; before: unknown; after: unknown }[],
): HTMLElement {
  const block = document.createElement("div");
  block.className = "changed";
  block.append(textElement("p", title, "changed-title"));
  const list = document.createElement("ul");
  for (const change of changes) {
    const item = document.createElement("li");
    item.dataset.target = change.target;
    item.append(
      textElement("code", change.target, "changed-attribute"),
      textElement("span", ": "),
      textElement("span", shortValue(change.before), "before"),
      textElement("span", " → ", "arrow"),
      textElement("span", shortValue(change.after), "after"),
    );
    list.append(item);
  }
  block.append(list);
  return block;
}

/** The Update's changes from the Action step: the target's current value → the new value. */
export function updateChanges(user: UserPreview): { target: string; before: unknown; after: unknown }[] {
  const details = user.steps.find((step) => step.name === "action")?.details;
  const changes = details?.changes;
  if (!Array.isArray(changes)) return [];
  return changes.flatMap((change) => {
    if (typeof change !== "object" || change === null) return [];
    const { target, oldValue, newValue } = change as {
      target?: unknown;
      oldValue?: unknown;
      newValue?: unknown;
    };
    return typeof target === "string" ? [{ target, before: oldValue, after: newValue }] : [];
  });
}

/**
 * One user's preview as Entra's provision on demand shows it: the four steps with their status and
 * details, the SCIM request(s) with each changed attribute's current → new value, the warnings, and
 * (after a mapping edit) what the edit changed for this user.
 */
export function renderUser(
  container: HTMLElement,
  user: UserPreview | undefined,
  change?: UserResultChange,
): void {
  container.replaceChildren();
  if (!user) return;
  container.append(textElement("p", user.summary, `user-summary action-${user.action.toLowerCase()}`));
  if (change) {
    const title = `Your edit changes this user: ${change.before.action} → ${change.after.action}`;
    container.append(changeList(title, change.attributes));
    container.lastElementChild?.classList.add("edit-changes");
  }
  const steps = document.createElement("ol");
  steps.className = "steps";
  for (const step of user.steps) {
    const item = document.createElement("li");
    item.dataset.status = step.status;
    item.append(textElement("strong", `${step.title}: ${step.status}`), textElement("p", step.description));
    const details = document.createElement("details");
    details.append(textElement("summary", "View details"), textElement("pre", json(step.details)));
    item.append(details);
    steps.append(item);
  }
  container.append(steps);
  const updates = user.action === "Update" ? updateChanges(user) : [];
  for (const request of user.requests) {
    container.append(textElement("h3", `${request.method} ${request.path}`));
    if (request.method === "PATCH" && updates.length > 0) {
      const list = changeList("Changed (current → new):", updates);
      list.classList.add("update-changes");
      container.append(list);
    }
    container.append(textElement("pre", json(request.body), "scim-request"));
  }
  if (user.warnings.length > 0) {
    const warnings = document.createElement("ul");
    warnings.className = "warnings";
    for (const warning of user.warnings) {
      warnings.append(textElement("li", `${warning.target}: ${warning.message} [${warning.code}]`));
    }
    container.append(textElement("h3", "Warnings"), warnings);
  }
}
