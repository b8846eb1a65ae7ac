import { appendMessage, diagnosticLink, lintRuleLink } from "./docs-links.js";
import { textElement } from "./dom.js";

/** One line of a problems list: where, what, and the code linked to its documentation. */
export interface ProblemItem {
  readonly line: number;
  readonly column: number;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  /** A diagnostic code, or a lint rule id (with `rule` set). */
  readonly code: string;
  readonly rule?: boolean;
  /** Selects the problem's text when the item is activated. */
  readonly reveal?: () => void;
}

/** Fills a problems list; each item is a button (reachable by Tab) that reveals the problem's text. */
export function renderProblems(list: HTMLElement, items: readonly ProblemItem[]): void {
  list.replaceChildren(
    ...items.map((item) => {
      const entry = document.createElement("li");
      entry.className = item.severity;
      entry.dataset.code = item.code;
      const place = textElement("button", `${item.line}:${item.column}`, "problem-place");
      place.type = "button";
      place.setAttribute("aria-label", `Go to line ${item.line}, column ${item.column}`);
      if (item.reveal) place.addEventListener("click", item.reveal);
      else place.disabled = true;
      const message = textElement("span", " ", "problem-message");
      appendMessage(message, item.message);
      const href = item.rule ? lintRuleLink(item.code) : diagnosticLink(item.code, item.message);
      const code = href
        ? textElement("a", item.code, "problem-code")
        : textElement("code", item.code, "problem-code");
      if (href && code instanceof HTMLAnchorElement) {
        code.href = href;
        code.target = "_blank";
        code.rel = "noopener";
        code.title = item.rule ? `The ${item.code} rule's documentation` : "Documentation";
      }
      entry.append(place, message, textElement("span", " ["), code, textElement("span", "]"));
      return entry;
    }),
  );
}
