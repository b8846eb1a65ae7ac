/**
 * Untrusted text (display names, attribute values, messages, file names) in GitHub-flavoured markdown,
 * so that none of it can add markup, HTML, mentions or links, or break a table: it is always shown as
 * code — a code span in markdown, a `<code>` element in HTML — which GitHub renders literally and never
 * scans for @mentions, #references or URLs.
 */

/**
 * Controls (line breaks included), format characters (bidi, zero-width), line and paragraph separators
 * and lone surrogates: shown escaped.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** The text on one line with every invisible or line-breaking character written as `\uXXXX`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A markdown code span holding `text` literally, safe inside a table cell: a fence longer than any run
 * of backticks inside, padded when the text starts or ends with a backtick or space, and `|` escaped
 * (GitHub unescapes `\|` in table cells, code spans included).
 */
export function codeSpan(text: string): string {
  const shown = visibleText(text);
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) || shown === "" ? " " : "";
  return `${fence}${pad}${shown.replaceAll("|", "\\|")}${pad}${fence}`;
}

/** Text for HTML (inside `<summary>`): entities for `& < > " '`, in a `<code>` element. */
export function htmlCode(text: string): string {
  return `<code>${escapeHtml(visibleText(text))}</code>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
