import { closestName } from "../../checker/index.js";
import { functions } from "../../functions/index.js";
import type { LintRule } from "../types.js";
import { callAt, expressionFix, reportCheckerDiagnostics } from "./support/checker.js";

export const unknownFunction: LintRule = {
  meta: {
    id: "unknown-function",
    category: "expression",
    defaultSeverity: "error",
    summary: "A call names a function that Entra does not have",
    description:
      "Reports a call whose name is not one of the functions of Entra's expression language (docs/functions.md lists them), the usual result of a typo such as `Jion` for `Join`. Entra rejects the expression when the mapping is saved. When a known function is spelt nearly the same, the message names it and the fix renames the call.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Jion(" ", [givenName], [surname])'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [givenName], [surname])'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "unknown-function", (site, diagnostic) => {
      const call = callAt(site, diagnostic.span.start);
      const suggestion = call && closestName(call.name, functions.keys());
      return call && suggestion
        ? expressionFix(context, site, call.nameSpan, suggestion, `Rename ${call.name} to ${suggestion}`)
        : undefined;
    });
  },
};
