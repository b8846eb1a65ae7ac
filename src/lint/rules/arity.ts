import type { LintRule } from "../types.js";
import { reportCheckerDiagnostics } from "./support/checker.js";

export const arity: LintRule = {
  meta: {
    id: "arity",
    category: "expression",
    defaultSeverity: "error",
    summary: "A call has too few or too many arguments, or leaves a required one empty",
    description:
      "Reports a call with fewer arguments than its function requires, more than it accepts, or an empty position (`Left(, 3)`) where a required parameter is. Entra rejects such an expression when the mapping is saved. The message gives the function's signature; Switch's key/value pairs are the `switch-pairs` rule's.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Left([givenName])'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Left([givenName], 8)'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "arity");
  },
};
