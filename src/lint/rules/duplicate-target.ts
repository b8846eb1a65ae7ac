import { LineIndex } from "../../diagnostics/index.js";
import type { AttributeMapping } from "../../mapping/model.js";
import type { LintRule } from "../types.js";
import { targetSpan } from "./support/spans.js";

export const duplicateTarget: LintRule = {
  meta: {
    id: "duplicate-target",
    category: "mapping",
    defaultSeverity: "error",
    summary: "Two mappings of one object mapping write the same target attribute",
    description:
      "Each target attribute can be written by one attribute mapping of an object mapping. With two, Entra sends two conflicting values for it (provex's preview shows both operations) and which one the target keeps is not defined. Target names compare case-insensitively, as SCIM and LDAP attribute names do. Remove one of the mappings, or combine them into one expression (Coalesce, IIF, Switch). Every mapping after the first is reported.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    attribute: displayName
  - target: displayName
    expression: 'Join(" ", [givenName], [surname])'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Coalesce([displayName], Join(" ", [givenName], [surname]))'
`,
      },
    },
  },
  check(context) {
    let lines: LineIndex | undefined;
    for (const object of context.config.objects) {
      const first = new Map<string, AttributeMapping>();
      for (const mapping of object.mappings) {
        const key = mapping.target.toLowerCase();
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, mapping);
          continue;
        }
        lines ??= new LineIndex(context.text);
        const { line } = lines.locate(targetSpan(earlier).start);
        context.report({
          message: `${mapping.target} is already written by the mapping on line ${line}; Entra would send two conflicting values. Remove one mapping or combine them into one expression.`,
          span: targetSpan(mapping),
        });
      }
    }
  },
};
