import type { AttributeMapping } from "../../mapping/model.js";
import type { LintRule } from "../types.js";
import { matchingPrioritySpan } from "./support/spans.js";

export const matchingPriorityDuplicate: LintRule = {
  meta: {
    id: "matching-priority-duplicate",
    category: "mapping",
    defaultSeverity: "warning",
    summary: "Two matching attributes of one object mapping have the same priority",
    description:
      "Matching attributes are tried one after another, lowest matching priority first, and matching stops at the first that finds a target object. Two attributes with the same priority leave that order undefined, so the same user may match different target objects from one run to the next. Give each matching attribute its own priority (1, 2, …).",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: externalId
    attribute: mailNickname
    match: 1
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: externalId
    attribute: mailNickname
    match: 2
`,
      },
    },
  },
  check(context) {
    for (const object of context.config.objects) {
      const byPriority = new Map<number, AttributeMapping>();
      for (const mapping of object.mappings) {
        const priority = mapping.matchingPriority;
        if (priority <= 0) continue;
        const earlier = byPriority.get(priority);
        if (!earlier) {
          byPriority.set(priority, mapping);
          continue;
        }
        context.report({
          message: `${mapping.target} has matching priority ${priority}, as ${earlier.target} does, so which is tried first is undefined. Give it its own priority.`,
          span: matchingPrioritySpan(mapping),
        });
      }
    }
  },
};
