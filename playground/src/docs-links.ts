import { textElement } from "./dom.js";

/** The playground's copy of the repository's docs (built from docs/*.md next to the page). */
const DOCS = "./docs/";

/** The reference page of a lint rule. */
export function lintRuleLink(ruleId: string): string {
  return `${DOCS}lint-rules.html#${encodeURIComponent(ruleId)}`;
}

/** The reference of a builtin, when a diagnostic names one (did you mean …?), else the functions page. */
export function functionLink(name?: string): string {
  return `${DOCS}functions.html${name ? `#${encodeURIComponent(name.toLowerCase())}` : ""}`;
}

/** Where a diagnostic code is documented, when a page of the docs covers it. */
export function diagnosticLink(code: string, message = ""): string | undefined {
  if (/function|arity|argument|dialect|top-level|availability/.test(code)) {
    const suggested = /did you mean (\w+)\?/.exec(message)?.[1];
    return functionLink(suggested);
  }
  if (/regex/.test(code)) return `${DOCS}regex.html`;
  return undefined;
}

const DOC_PATH = /\b(?:see )?docs\/([\w-]+)\.md(#[\w-]+)?/g;

/**
 * Appends a message to an element as text, with any `docs/NAME.md` it names turned into a link to the
 * playground's copy of that page ("see docs/functions.md" → "see the functions reference").
 */
export function appendMessage(element: HTMLElement, message: string): void {
  let last = 0;
  for (const match of message.matchAll(DOC_PATH)) {
    const [whole, name = "", anchor = ""] = match;
    element.append(message.slice(last, match.index));
    const prefix = whole.startsWith("see ") ? "see " : "";
    if (prefix) element.append(prefix);
    const link = textElement("a", `the ${name.replace(/-/g, " ")} reference`);
    link.href = `${DOCS}${name}.html${anchor}`;
    link.target = "_blank";
    link.rel = "noopener";
    element.append(link);
    last = (match.index ?? 0) + whole.length;
  }
  element.append(message.slice(last));
}

/** The message with docs paths named as references, for places that only take text (editor markers). */
export function messageText(message: string): string {
  return message.replace(
    DOC_PATH,
    (whole, name: string) =>
      `${whole.startsWith("see ") ? "see " : ""}the ${name.replace(/-/g, " ")} reference (linked from the problem's code)`,
  );
}
