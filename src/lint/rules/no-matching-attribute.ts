import type { LintRule } from "../types.js";
import { objectNameSpan } from "./support/spans.js";

export const noMatchingAttribute: LintRule = {
  meta: {
    id: "no-matching-attribute",
    category: "mapping",
    defaultSeverity: "error",
    summary: "An enabled object mapping has no matching attribute",
    description:
      'Entra finds the target object of each source object through the mappings marked "Match objects using this attribute" (a matching priority; `match:` in provex YAML). Without one it cannot tell an existing target object from a new one, and Entra refuses to save the object mapping. Mark a unique attribute as matching, usually `userName` from `userPrincipalName` for users or `displayName` for groups. Disabled object mappings are not checked.',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
  - target: displayName
    attribute: displayName
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    attribute: displayName
`,
      },
    },
  },
  check(context) {
    for (const object of context.config.objects) {
      if (!object.enabled || object.mappings.some((mapping) => mapping.matchingPriority > 0)) continue;
      const name = object.name ? `${object.name} has` : "This object mapping has";
      context.report({
        message: `${name} no matching attribute, so Entra cannot find existing target objects. Mark a unique attribute as matching (match: 1, or matchingPriority 1 in Entra JSON).`,
        span: objectNameSpan(object),
      });
    }
  },
};
