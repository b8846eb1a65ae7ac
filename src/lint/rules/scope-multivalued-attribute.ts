import type { LintRule } from "../types.js";
import { clauseAttributeSpan } from "./support/spans.js";

export const scopeMultivaluedAttribute: LintRule = {
  meta: {
    id: "scope-multivalued-attribute",
    category: "scoping",
    defaultSeverity: "error",
    summary: "A scoping clause tests a multi-valued attribute",
    description:
      "Entra documents that scoping filters do not support multi-valued attributes (proxyAddresses, appRoleAssignments, multi-valued directory extensions…): such a clause cannot be evaluated. Test a single-valued attribute instead, or derive one (for example an extension attribute holding the value to filter on). The source schema says which attributes are multi-valued; proxyAddresses and appRoleAssignments are known to be without one.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `scope:
  filters:
    - clauses:
        - { attribute: proxyAddresses, operator: INCLUDES, value: '@contoso.com' }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
      passing: {
        format: "provex",
        text: `scope:
  filters:
    - clauses:
        - { attribute: mail, operator: ENDS_WITH, value: '@contoso.com' }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
    },
  },
  check(context) {
    for (const site of context.clauses) {
      if (!site.source.get(site.clause.attribute)?.multivalued) continue;
      context.report({
        message: `${site.clause.attribute} is multi-valued; Entra does not support scoping on multi-valued attributes. Test a single-valued attribute instead.`,
        span: clauseAttributeSpan(site.clause),
      });
    }
  },
};
