import type { UserPreview } from "../../src/index.js";
import { textElement } from "./dom.js";

/** The summary table: one row per user (action, summary); the selected row is marked. */
export function renderSummary(
  table: HTMLTableElement,
  users: readonly UserPreview[],
  selected: number,
): void {
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const title of ["#", "User", "Action", "Summary"]) headRow.append(textElement("th", title));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const user of users) {
    const row = document.createElement("tr");
    row.dataset.index = String(user.index);
    row.dataset.action = user.action;
    if (user.index === selected) row.setAttribute("aria-selected", "true");
    row.append(
      textElement("td", String(user.index + 1)),
      textElement("td", user.displayName ?? user.id),
      textElement("td", user.action, `action action-${user.action.toLowerCase()}`),
      textElement("td", user.summary),
    );
    body.append(row);
  }
  table.replaceChildren(head, body);
}

/** Counts per action, for the line above the table. */
export function actionCounts(users: readonly UserPreview[]): string {
  const counts = new Map<string, number>();
  for (const user of users) counts.set(user.action, (counts.get(user.action) ?? 0) + 1);
  return [...counts].map(([action, count]) => `${count} ${action}`).join(" · ");
}

function json(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item), 2);
}

/**
 * One user's preview as Entra's provision on demand shows it: the four steps with their status and
 * details, the SCIM request(s) with the changed attributes listed first, and the warnings.
 */
export function renderUser(container: HTMLElement, user: UserPreview | undefined): void {
  container.replaceChildren();
  if (!user) return;
  container.append(textElement("p", user.summary, `user-summary action-${user.action.toLowerCase()}`));
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
  for (const request of user.requests) {
    container.append(textElement("h3", `${request.method} ${request.path}`));
    const changed = changedPaths(request.body);
    if (changed.length > 0) {
      const list = document.createElement("p");
      list.className = "changed";
      list.append(textElement("span", "Changed: "), ...changed.map((path) => textElement("mark", path)));
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

/** The attribute paths a SCIM PATCH touches (its Operations' paths, or the keys of a value without one). */
function changedPaths(body: Readonly<Record<string, unknown>>): string[] {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return [];
  const paths: string[] = [];
  for (const operation of operations) {
    if (typeof operation !== "object" || operation === null) continue;
    const { path, value } = operation as { path?: unknown; value?: unknown };
    if (typeof path === "string") paths.push(path);
    else if (typeof value === "object" && value !== null) paths.push(...Object.keys(value));
  }
  return paths;
}
