import type { Argument, CallExpression, Comparison } from "../../parser/index.js";
import type { LintRule } from "../types.js";
import { isCallOf, walk } from "./support/ast.js";
import { hasSyntaxErrors, reportCheckerDiagnostics } from "./support/checker.js";

/**
 * True when the value of argument `position` of `parent` becomes the parent's own result unchanged
 * (IIF's branches, Switch's default and values): there a "flow skipped" result still reaches the top.
 */
function passesThrough(parent: CallExpression | Comparison, position: number): boolean {
  if (parent.kind !== "call") return false;
  if (isCallOf(parent, "IIF")) return position === 1 || position === 2;
  if (isCallOf(parent, "Switch")) return position === 1 || (position >= 3 && position % 2 === 1);
  return false;
}

function reachesTop(ancestors: readonly (CallExpression | Comparison)[], node: Argument): boolean {
  let child: Argument = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i]!;
    const position = parent.kind === "call" ? parent.arguments.indexOf(child) : parent.left === child ? 0 : 1;
    if (!passesThrough(parent, position)) return false;
    child = parent;
  }
  return true;
}

export const notTopLevel: LintRule = {
  meta: {
    id: "not-top-level",
    category: "expression",
    defaultSeverity: "error",
    summary: "SelectUniqueValue or IgnoreFlowIfNullOrEmpty is nested where it cannot work",
    description:
      "SelectUniqueValue must be the whole expression: Entra rejects it inside another call. IgnoreFlowIfNullOrEmpty tells Entra to leave the target attribute out of the export, which only works when its result is the mapping's result: at the top, or as a branch of IIF or a value of Switch that is. Nested anywhere else (inside Join, ToUpper, Coalesce…) the signal is lost and an empty value flows after all. Move the call to the top of the expression.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: title
    expression: 'ToUpper(IgnoreFlowIfNullOrEmpty([jobTitle]))'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: title
    expression: 'IgnoreFlowIfNullOrEmpty(ToUpper([jobTitle]))'
`,
      },
    },
  },
  check(context) {
    reportCheckerDiagnostics(context, "not-top-level");
    for (const site of context.expressions) {
      if (hasSyntaxErrors(site)) continue;
      for (const { node, ancestors } of walk(site.parsed.ast)) {
        if (!isCallOf(node, "IgnoreFlowIfNullOrEmpty") || reachesTop(ancestors, node)) continue;
        const parent = ancestors.at(-1)!;
        const where = parent.kind === "call" ? `inside ${parent.name}` : "inside a comparison";
        context.report({
          message: `${node.name} only leaves the attribute out of the export as the mapping's result; ${where} the signal is lost and an empty value flows. Move it to the top of the expression.`,
          span: site.fileSpan(node.nameSpan),
        });
      }
    }
  },
};
