import type { LintRule } from "../types.js";
import { reportCheckerDiagnostics } from "./support/checker.js";

export const argumentKind: LintRule = {
  meta: {
    id: "argument-kind",
    category: "expression",
    defaultSeverity: "error",
    summary: "A literal argument cannot be what its parameter takes",
    description:
      'Reports an argument written as a literal that cannot fit its parameter: text where a number is expected (`Left([x], "three")`), a compare mode or encoding constant in the wrong place, or a function returning several values (Split, RemoveDuplicates) where one value is expected. Such a call fails for every user. Values computed at run time are not judged.',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Left([givenName], "three")'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'Left([givenName], 3)'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "argument-kind");
  },
};
