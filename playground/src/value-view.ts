import type { ExpressionResponse } from "./evaluation-protocol.js";

/**
 * Shows an evaluation outcome. Every piece of user data goes through textContent: a value such as
 * `<img src=x onerror=…>` is displayed, never parsed as HTML.
 */
export function showOutcome(
  container: HTMLElement,
  kindLabel: HTMLElement,
  outcome: ExpressionResponse,
): void {
  container.replaceChildren();
  if (outcome.ok) {
    const { kind, rendered } = outcome.value;
    container.dataset.state = "value";
    container.dataset.kind = kind;
    if (Array.isArray(rendered)) {
      kindLabel.textContent = `${kind} (${rendered.length} value${rendered.length === 1 ? "" : "s"})`;
      const list = document.createElement("ol");
      for (const item of rendered) {
        const entry = document.createElement("li");
        entry.textContent = item;
        list.append(entry);
      }
      container.append(list);
      return;
    }
    kindLabel.textContent = kind;
    const text = document.createElement("pre");
    text.className = "value-text";
    if (typeof rendered === "string") text.textContent = rendered;
    else {
      text.classList.add("muted");
      text.textContent =
        kind === "flow skipped"
          ? "Nothing is exported: IgnoreFlowIfNullOrEmpty leaves this attribute out."
          : "null: the target attribute gets no value.";
    }
    container.append(text);
    return;
  }
  container.dataset.state = "error";
  container.dataset.kind = outcome.stage;
  kindLabel.textContent = outcome.stage === "timeout" ? "stopped" : "error";
  const message = document.createElement("p");
  message.className = "error-text";
  message.textContent = outcome.message;
  const code = document.createElement("code");
  code.textContent = outcome.code;
  container.append(message, code);
}
