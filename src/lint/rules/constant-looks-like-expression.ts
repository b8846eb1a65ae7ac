import { lookupFunction } from "../../functions/index.js";
import { parse } from "../../parser/index.js";
import type { LintRule } from "../types.js";
import { defaultValueSpan } from "./support/spans.js";

/**
 * True when the text parses, without errors, as a call of a known function or an attribute
 * reference: `Join(".", [a], [b])` and `[mail]`, but not `Contoso (UK) Ltd` or `Version()`.
 */
function looksLikeExpression(text: string): boolean {
  if (!/^\s*(\[|[A-Za-z_][\w]*\s*\()/.test(text)) return false;
  const parsed = parse(text);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return false;
  const { ast } = parsed;
  return ast.kind === "attribute" || (ast.kind === "call" && lookupFunction(ast.name) !== undefined);
}

export const constantLooksLikeExpression: LintRule = {
  meta: {
    id: "constant-looks-like-expression",
    category: "mapping",
    defaultSeverity: "warning",
    summary: "A constant or default value is written like an expression",
    description:
      'A Constant mapping and a "default value if null" are sent as written: `Join(".", [givenName], [surname])` as a constant sends those very characters to every user. Text that parses as a call of one of the functions or as an attribute reference was almost certainly meant as an expression: change the mapping\'s type to Expression (`expression:` in provex YAML, source type Function in Entra JSON).',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: displayName
    constant: 'Join(" ", [givenName], [surname])'
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
      const { mapping } = site;
      const value = site.parsed.ast;
      if (mapping.type === "constant" && value.kind === "string" && looksLikeExpression(value.value)) {
        context.report({
          message: `The constant of ${mapping.target} is written like an expression, but a constant is sent as written. Make it an expression mapping if it should be evaluated.`,
          span: site.fileSpan({ start: 0, end: site.text.length }),
        });
      }
    }
    for (const object of context.config.objects) {
      for (const mapping of object.mappings) {
        if (mapping.defaultValue === null || !looksLikeExpression(mapping.defaultValue)) continue;
        context.report({
          message: `The default value of ${mapping.target} is written like an expression, but a default is sent as written. Put the expression in the mapping (Coalesce(…, default)) instead.`,
          span: defaultValueSpan(mapping),
        });
      }
    }
  },
};
