import type { PreviewComparison } from "../../src/review/preview-changes.js";
import { textElement } from "./dom.js";
import { shortValue } from "./preview-view.js";

/**
 * "What changed": after a mapping edit, the users whose results differ from the configuration as
 * loaded (the first of them in full, with the first changed attribute), like `provex diff`.
 */
export function renderChanges(
  panel: HTMLElement,
  edited: boolean,
  comparison: PreviewComparison | undefined,
  changedCount: number,
): void {
  panel.hidden = !edited;
  if (!edited) return;
  if (!comparison) {
    panel.replaceChildren(textElement("p", "Comparing with the configuration as loaded…", "hint"));
    return;
  }
  const changed = changedCount;
  const total = changed + comparison.unchanged;
  const heading = textElement(
    "p",
    changed === 0
      ? `Your edits change no user's result (${total.toLocaleString("en-US")} compared).`
      : `Your edits change ${changed.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} users' results:`,
    "changes-title",
  );
  const moves = comparison.actionMoves.map((move) => `${move.count} ${move.from} → ${move.to}`).join(" · ");
  const list = document.createElement("ul");
  for (const change of comparison.changed) {
    const item = document.createElement("li");
    const button = textElement("button", change.displayName ?? change.id, "link-button");
    button.type = "button";
    button.dataset.index = String(change.index);
    const first = change.attributes[0];
    const what =
      change.before.action !== change.after.action
        ? `${change.before.action} → ${change.after.action}`
        : first
          ? `${first.target}: ${shortValue(first.before)} → ${shortValue(first.after)}`
          : `${change.before.summary} → ${change.after.summary}`;
    item.append(button, textElement("span", ` ${what}`));
    list.append(item);
  }
  panel.replaceChildren(heading, ...(moves ? [textElement("p", moves, "hint")] : []), list);
  if (changed > comparison.changed.length)
    panel.append(
      textElement(
        "p",
        `… and ${changed - comparison.changed.length} more (filter the table by "Changed").`,
        "hint",
      ),
    );
}
