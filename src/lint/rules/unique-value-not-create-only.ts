import type { AttributeMapping, MappingConfig } from "../../mapping/model.js";
import type { LintFix, LintRule } from "../types.js";
import { isCallOf } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

/**
 * Rewrites the written flow type as "only during object creation": Entra's `ObjectAddOnly`, provex's
 * `applyOn: create`, keeping the value's quotes. No fix when the file does not write a flow type
 * (adding a property is not a change of characters in place).
 */
function createOnlyFix(config: MappingConfig, text: string, mapping: AttributeMapping): LintFix | undefined {
  const span = mapping.locations?.flowType;
  if (!span) return undefined;
  const written = text.slice(span.start, span.end);
  const quote = /^["']/.test(written) ? written[0]! : "";
  if (quote && !written.endsWith(quote)) return undefined;
  const value = config.format === "entra" ? "ObjectAddOnly" : "create";
  if (config.format === "entra" && quote !== '"') return undefined;
  return {
    description: `Apply the mapping only when the object is created (${value})`,
    edits: [{ span, text: `${quote}${value}${quote}` }],
  };
}

export const uniqueValueNotCreateOnly: LintRule = {
  meta: {
    id: "unique-value-not-create-only",
    category: "mapping",
    defaultSeverity: "error",
    summary: "SelectUniqueValue is applied on every update, not only on create",
    description:
      'SelectUniqueValue returns the first candidate that does not exist in the target yet. On an update the user\'s own value already exists there, so a mapping applied always moves an existing user to the next candidate on every run (renaming sAMAccountName or mail). Entra documents it for "Apply this mapping: Only during object creation": set `applyOn: create` (Entra JSON `"flowType": "ObjectAddOnly"`). The fix does that when the file already writes a flow type.',
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'SelectUniqueValue(Join(".", [givenName], [surname]), Join(".", Left([givenName], 1), [surname]))'
    applyOn: always
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: nickName
    expression: 'SelectUniqueValue(Join(".", [givenName], [surname]), Join(".", Left([givenName], 1), [surname]))'
    applyOn: create
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      const top = site.parsed.ast;
      if (hasSyntaxErrors(site) || !isCallOf(top, "SelectUniqueValue")) continue;
      if (site.mapping.flowType === "ObjectAddOnly") continue;
      const fix = createOnlyFix(context.config, context.text, site.mapping);
      context.report({
        message: `${site.mapping.target} uses SelectUniqueValue but is applied ${site.mapping.flowType === "Always" ? "always" : `as ${site.mapping.flowType}`}, so every update picks a new value for an existing object. Apply it only on create (applyOn: create; Entra flowType ObjectAddOnly).`,
        span: site.mapping.locations?.flowType ?? site.fileSpan(top.nameSpan),
        ...(fix ? { fix } : {}),
      });
    }
  },
};
