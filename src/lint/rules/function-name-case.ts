import { lookupFunction } from "../../functions/index.js";
import type { LintRule } from "../types.js";
import { callAt, expressionFix, reportCheckerDiagnostics } from "./support/checker.js";

export const functionNameCase: LintRule = {
  meta: {
    id: "function-name-case",
    category: "expression",
    defaultSeverity: "warning",
    summary: "A function name is not written in its documented case",
    description:
      "Function names resolve case-insensitively in provex, but Entra's reference documents the language as case-sensitive, so `switch(` or `JOIN(` may be rejected or behave differently in the tenant. The fix writes the name exactly as the reference does.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'JOIN(" ", [givenName], [surname])'
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
    reportCheckerDiagnostics(context, "function-name-case", (site, diagnostic) => {
      const call = callAt(site, diagnostic.span.start);
      const canonical = call && lookupFunction(call.name)?.name;
      return call && canonical
        ? expressionFix(context, site, call.nameSpan, canonical, `Write ${call.name} as ${canonical}`)
        : undefined;
    });
  },
};
