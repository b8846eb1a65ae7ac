import type { LintRule } from "../types.js";

/** Parser diagnostics that have a rule of their own. */
const OWN_RULES = new Set(["expression-too-long", "constant-name-case"]);

export const syntaxError: LintRule = {
  meta: {
    id: "syntax-error",
    category: "expression",
    defaultSeverity: "error",
    summary: "The expression does not parse",
    description:
      "Reports every syntax error the expression parser finds: an unterminated string or attribute, a missing parenthesis, curly quotes, a bare word that is not a constant, nesting beyond the limit. Entra rejects such an expression when the mapping is saved. The other expression rules stay silent on an expression with a syntax error, since its tree is only a guess; fix the syntax first.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    expression: 'Join(" ", [givenName], [surname]'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
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
    for (const site of context.expressions) {
      for (const diagnostic of site.parsed.diagnostics) {
        if (OWN_RULES.has(diagnostic.code)) continue;
        context.report({ message: diagnostic.message, span: site.fileSpan(diagnostic.span) });
      }
    }
  },
};
