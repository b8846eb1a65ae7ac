import { closestName } from "../checker/index.js";
import type { Diagnostic, Span } from "../diagnostics/index.js";
import { functions, lookupFunction } from "../functions/index.js";
import { canonicalConstant, quoteString } from "../parser/index.js";
import type { CodeAction, LanguageOptions, TextEdit } from "./types.js";

type Fixer = (written: string, diagnostic: Diagnostic, options: LanguageOptions) => Fix | undefined;
interface Fix {
  readonly title: string;
  readonly newText: string;
}

const replaceWith = (newText: string, title = `Change to ${newText}`): Fix => ({ title, newText });

/** Quick fixes keyed by the diagnostic's stable code (STYLE.md: code actions key on codes, not messages). */
const fixers: Readonly<Record<string, Fixer>> = {
  "function-name-case": (written) => {
    const spec = lookupFunction(written);
    return spec ? replaceWith(spec.name) : undefined;
  },
  "constant-name-case": (written) => {
    const canonical = canonicalConstant(written);
    return canonical ? replaceWith(canonical) : undefined;
  },
  "unknown-function": (written) => {
    const suggestion = closestName(written, functions.keys());
    return suggestion ? replaceWith(suggestion) : undefined;
  },
  "unknown-attribute": (written, _diagnostic, options) => {
    const name = written.slice(1, -1);
    const suggestion = options.schema ? closestName(name, options.schema) : undefined;
    return suggestion ? replaceWith(`[${suggestion}]`) : undefined;
  },
  "attribute-name-case": (written, _diagnostic, options) => {
    const name = written.slice(1, -1).toLowerCase();
    const match = options.schema?.find((candidate) => candidate.toLowerCase() === name);
    return match ? replaceWith(`[${match}]`) : undefined;
  },
  "smart-quote": (written) => replaceWith(quoteString(stripQuotes(written)), "Use straight double quotes"),
  "single-quoted-string": (written) => replaceWith(quoteString(stripQuotes(written)), "Use double quotes"),
  "invalid-operator": (written) => {
    if (written === "==") return replaceWith("=");
    if (written === "!=") return replaceWith("<>");
    return undefined;
  },
};

/** Drops one opening and (when present) one closing quote of any style. */
function stripQuotes(written: string): string {
  const body = written.slice(1);
  return /['\u2018\u2019\u201C\u201D\u00AB\u00BB"]$/.test(body) ? body.slice(0, -1) : body;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Quick fixes for the diagnostics that touch `range` (all of them when no range is given): the right
 * case for a function or constant, the closest function or schema attribute for a typo, straight quotes,
 * `=` for `==`. Each action is one edit of the diagnostic's span.
 */
export function codeActions(
  text: string,
  diagnostics: readonly Diagnostic[],
  range?: Span,
  options: LanguageOptions = {},
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (range && !overlaps(range, diagnostic.span)) continue;
    const fix = fixers[diagnostic.code]?.(
      text.slice(diagnostic.span.start, diagnostic.span.end),
      diagnostic,
      options,
    );
    if (!fix) continue;
    const edit: TextEdit = { span: diagnostic.span, newText: fix.newText };
    actions.push({
      title: fix.title,
      diagnosticCode: diagnostic.code,
      diagnosticSpan: diagnostic.span,
      edits: [edit],
      preferred: true,
    });
  }
  return actions;
}

/** Applies non-overlapping edits to a text (for tests and for callers without an editor). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}
