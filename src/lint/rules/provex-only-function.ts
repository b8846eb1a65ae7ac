import type { CallExpression } from "../../parser/index.js";
import { quoteString } from "../../parser/index.js";
import type { ExpressionSite, LintFix, LintRule, RuleContext } from "../types.js";
import { callAt, expressionFix, reportCheckerDiagnostics } from "./support/checker.js";
import { constantText } from "./support/literal.js";

/** .NET regex metacharacters, escaped so that a delimiter matches itself. */
function escapeRegex(text: string): string {
  return text.replace(/[\\*+?|{}[\]()^$.#]/g, "\\$&");
}

/**
 * `Extract(source, after, before)` as the Entra call `Replace(source, , pattern, , "${v}", , )`: the
 * pattern captures the text between the first `after` and the next `before`, the replacement keeps
 * only that. Offered only when the delimiters are literals and no default is given; unlike Extract,
 * Replace leaves a value without the delimiters unchanged instead of returning null.
 */
function extractAsReplace(
  context: RuleContext,
  site: ExpressionSite,
  call: CallExpression,
): LintFix | undefined {
  const [source, after, before, fallback, ...rest] = call.arguments;
  if (!source || source.kind === "empty" || rest.length > 0) return undefined;
  if (fallback && fallback.kind !== "empty") return undefined;
  const delimiter = (argument: typeof after) =>
    argument === undefined || argument.kind === "empty" ? "" : constantText(argument);
  const start = delimiter(after);
  const end = delimiter(before);
  if (start === undefined || end === undefined) return undefined;
  const pattern = `(?s)^${start ? `.*?${escapeRegex(start)}` : ""}(?<v>${end ? `.*?)${escapeRegex(end)}.*` : ".*)"}`;
  const sourceText = site.text.slice(source.span.start, source.span.end);
  const replacement = `Replace(${sourceText}, , ${quoteString(pattern)}, , "\${v}", , )`;
  return expressionFix(
    context,
    site,
    call.span,
    replacement,
    "Rewrite Extract as the equivalent Entra Replace (which keeps a value without the delimiters unchanged, where Extract gives null)",
  );
}

export const provexOnlyFunction: LintRule = {
  meta: {
    id: "provex-only-function",
    category: "expression",
    defaultSeverity: "error",
    summary: "A provex extension such as Extract is used in a configuration meant for Entra",
    description:
      "provex adds a few functions that Entra does not have (Extract). They are fine in a configuration whose `dialect` is `provex`, but Entra rejects them, so in an `entra` configuration (the default) each use is reported with the Entra expression that does the same. For Extract with literal delimiters and no default the fix rewrites the call as Replace with a regular expression; note that Replace returns a value that lacks the delimiters unchanged, where Extract returns null.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Extract([userPrincipalName], , "@", )'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Replace([userPrincipalName], , "(?s)^(?<v>.*?)@.*", , "\${v}", , )'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "provex-only-function", (site, diagnostic) => {
      const call = callAt(site, diagnostic.span.start);
      return call && call.name.toLowerCase() === "extract"
        ? extractAsReplace(context, site, call)
        : undefined;
    });
  },
};
