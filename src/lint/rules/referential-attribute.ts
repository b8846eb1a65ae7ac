import type { LintRule } from "../types.js";
import { walk } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

export const referentialAttribute: LintRule = {
  meta: {
    id: "referential-attribute",
    category: "expression",
    defaultSeverity: "warning",
    summary: "An expression computes with a reference attribute such as manager",
    description:
      "A reference attribute (type Reference, such as `manager`) holds the id of another object, which Entra resolves to that object's id in the target in a later pass. That only happens for a direct mapping: inside an expression the value is an opaque source id, and Entra documents that Switch and the other functions should not be used on referential attributes. Map the reference directly (`attribute: manager`); the type comes from the source schema, and `manager` is known to be one without it.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
    expression: 'IgnoreFlowIfNullOrEmpty([manager])'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager
    attribute: manager
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      if (hasSyntaxErrors(site) || site.parsed.ast.kind === "attribute") continue;
      for (const { node, parent } of walk(site.parsed.ast)) {
        if (node.kind !== "attribute" || site.source.get(node.name)?.type !== "Reference") continue;
        const where = parent?.kind === "call" ? `inside ${parent.name}` : "in a comparison";
        context.report({
          message: `[${node.name}] is a reference attribute; Entra resolves a reference only in a direct mapping, so ${where} it is an unresolved source id. Map it directly instead.`,
          span: site.fileSpan(node.span),
        });
      }
    }
  },
};
