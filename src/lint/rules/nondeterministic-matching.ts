import type { LintRule } from "../types.js";
import { calls } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

/** Functions whose result differs from one evaluation to the next. */
const NONDETERMINISTIC = new Map(
  ["Guid", "RandomString", "Now", "SelectUniqueValue"].map((name) => [name.toLowerCase(), name]),
);

export const nondeterministicMatching: LintRule = {
  meta: {
    id: "nondeterministic-matching",
    category: "mapping",
    defaultSeverity: "error",
    summary: "A matching attribute is computed with Guid, RandomString, Now or SelectUniqueValue",
    description:
      "A matching attribute must give the same value for the same source object every time, or the next run cannot find the object it created and makes another one. Guid, RandomString and Now change on every evaluation, and SelectUniqueValue picks a value that does not exist in the target yet (Entra documents that it cannot be used on an attribute with a matching priority). Match on a stable attribute instead (userPrincipalName, objectId, employeeId) and keep the computed one as an ordinary mapping applied on create.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
  - target: externalId
    expression: 'Guid()'
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
    expression: 'Guid()'
    applyOn: create
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      if (site.mapping.matchingPriority <= 0 || hasSyntaxErrors(site)) continue;
      for (const call of calls(site.parsed.ast)) {
        const name = NONDETERMINISTIC.get(call.name.toLowerCase());
        if (!name) continue;
        context.report({
          message: `${site.mapping.target} is a matching attribute, but ${name} gives a different value on every run, so the next run cannot find the object again. Match on a stable attribute instead.`,
          span: site.fileSpan(call.nameSpan),
        });
      }
    }
  },
};
