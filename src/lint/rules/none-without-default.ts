import type { LintRule } from "../types.js";
import { targetSpan } from "./support/spans.js";

export const noneWithoutDefault: LintRule = {
  meta: {
    id: "none-without-default",
    category: "mapping",
    defaultSeverity: "warning",
    summary: "A mapping of type None has no default value, so it never writes anything",
    description:
      "A None mapping (`none: true`; Entra JSON `source: null`) has no source: the only thing it can write is its default value, on create, when the target is empty. Without a default it does nothing. Give it a default value, or remove it.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: locale
    none: true
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: locale
    none: true
    default: en-US
`,
      },
    },
  },
  check(context) {
    for (const object of context.config.objects) {
      for (const mapping of object.mappings) {
        if (mapping.type !== "none" || mapping.defaultValue !== null) continue;
        context.report({
          message: `${mapping.target} has no source and no default value, so it never writes anything; give it a default or remove it.`,
          span: targetSpan(mapping),
        });
      }
    }
  },
};
