import type { LintRule } from "../types.js";
import { reportCheckerDiagnostics } from "./support/checker.js";

const DIRECTORIES = `entra:
  directories:
    - name: Azure Active Directory
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: givenName }
            - { name: surname }
`;

export const unknownAttribute: LintRule = {
  meta: {
    id: "unknown-attribute",
    category: "expression",
    defaultSeverity: "warning",
    summary: "An expression reads an attribute that the source schema does not have",
    description:
      "When the configuration knows its source attributes (an Entra export's `directories`, the provex `entra.directories`, or `--schema`), every attribute an expression reads is looked up there. An attribute that does not exist always reads as null, so the mapping silently sends nothing; the message suggests the closest name. Without a known source schema this rule stays silent. A name that differs only in case is `attribute-name-case`'s.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `${DIRECTORIES}mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [givenName], [surnam])'
`,
      },
      passing: {
        format: "provex",
        text: `${DIRECTORIES}mappings:
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
    reportCheckerDiagnostics(context, "unknown-attribute");
  },
};
