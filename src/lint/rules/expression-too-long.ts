import { MAX_EXPRESSION_LENGTH } from "../../parser/index.js";
import type { LintRule } from "../types.js";

const longName = `[${"x".repeat(MAX_EXPRESSION_LENGTH)}]`;
/**
 * "10,000", written without toLocaleString: that call starts ICU's number formatting, which cost
 * `provex lint` about 17 ms of CPU at start-up (as much as a fifth of starting Node) for two strings.
 */
const LIMIT = String(MAX_EXPRESSION_LENGTH).replace(/\B(?=(\d{3})+$)/g, ",");

export const expressionTooLong: LintRule = {
  meta: {
    id: "expression-too-long",
    category: "expression",
    defaultSeverity: "error",
    summary: `The expression is longer than Entra's ${LIMIT} characters`,
    description: `Entra stores at most ${LIMIT} characters per attribute-mapping expression and rejects a longer one when the mapping is saved. The finding starts at the first character past the limit. Shorten the expression: move repeated parts into their own mappings, replace long Switch tables by a shorter rule, or compute the value in the source system.`,
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Coalesce([displayName], ${longName})'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Coalesce([displayName], [mailNickname])'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      for (const diagnostic of site.parsed.diagnostics) {
        if (diagnostic.code !== "expression-too-long") continue;
        context.report({ message: diagnostic.message, span: site.fileSpan(diagnostic.span) });
      }
    }
  },
};
