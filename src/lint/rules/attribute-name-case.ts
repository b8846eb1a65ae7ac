import type { LintRule } from "../types.js";
import { expressionFix, reportCheckerDiagnostics } from "./support/checker.js";

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

export const attributeNameCase: LintRule = {
  meta: {
    id: "attribute-name-case",
    category: "expression",
    defaultSeverity: "warning",
    summary: "An attribute name differs from the source schema's only in case",
    description:
      "Attribute names are case-sensitive (directory extension names are documented so), so `[GivenName]` does not read `givenName`: it reads null and the mapping sends nothing. The rule needs a known source schema (an export's `directories`, the provex `entra.directories`, or `--schema`); the fix writes the schema's spelling.",
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `${DIRECTORIES}mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [GivenName], [surname])'
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
    reportCheckerDiagnostics(context, "attribute-name-case", (site, diagnostic) => {
      // The diagnostic spans `[name]`; the schema's spelling replaces what is between the brackets.
      const written = site.text.slice(diagnostic.span.start + 1, diagnostic.span.end - 1);
      const spelt = site.source.names.find((name) => name.toLowerCase() === written.toLowerCase());
      if (spelt === undefined) return undefined;
      return expressionFix(
        context,
        site,
        { start: diagnostic.span.start + 1, end: diagnostic.span.end - 1 },
        spelt,
        `Write [${written}] as [${spelt}]`,
      );
    });
  },
};
