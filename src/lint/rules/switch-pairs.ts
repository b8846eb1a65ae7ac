import type { LintRule } from "../types.js";
import { reportCheckerDiagnostics } from "./support/checker.js";

export const switchPairs: LintRule = {
  meta: {
    id: "switch-pairs",
    category: "expression",
    defaultSeverity: "error",
    summary: "A Switch key has no value",
    description:
      'Switch takes its source, its default, then keys and values in pairs, so its argument count is even. An odd count leaves the last key without a value, which Entra rejects; usually a value was forgotten, or the default was left out without its empty position (`Switch([x], , "1", "One")`). Add the missing value or remove the key.',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: userType
    expression: 'Switch([employeeType], "Member", "C", "Contractor", "V")'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: userType
    expression: 'Switch([employeeType], "Member", "C", "Contractor", "V", "Vendor")'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "switch-pairs");
  },
};
