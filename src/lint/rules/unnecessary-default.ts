import type { Argument, Expression } from "../../parser/index.js";
import type { ExpressionSite, LintFix, LintRule, RuleContext } from "../types.js";
import { hasSyntaxErrors } from "./support/checker.js";
import { defaultValueSpan, locationSpan } from "./support/spans.js";
import { removableEntryLine } from "./support/yaml-entry.js";

/** Functions that return a value whatever their input. */
const ALWAYS_A_VALUE = ["guid", "now", "randomstring"];

/**
 * True when the expression can never evaluate to null, so "default value if null" never applies. Kept
 * to what provex's semantics make certain: literals, Guid/Now/RandomString, and Coalesce, IIF and
 * Switch whose possible results are all such.
 */
function neverNull(node: Argument | undefined, top: boolean): boolean {
  if (!node) return false;
  switch (node.kind) {
    case "string":
      // The whole expression "" is how Cloud Sync sends null (SPEC Part 1).
      return !(top && node.value === "");
    case "number":
    case "constant":
      return true;
    case "call": {
      const name = node.name.toLowerCase();
      if (ALWAYS_A_VALUE.includes(name)) return true;
      if (name === "coalesce") return node.arguments.some((argument) => neverNull(argument, false));
      if (name === "iif") return neverNull(node.arguments[1], false) && neverNull(node.arguments[2], false);
      if (name === "switch") {
        const results = node.arguments.filter(
          (_, position) => position === 1 || (position >= 3 && position % 2 === 1),
        );
        return results.length >= 2 && results.every((result) => neverNull(result, false));
      }
      return false;
    }
    default:
      return false;
  }
}

/** Removes the default: the `default:` line in provex YAML, the value (→ null) in Entra JSON. */
function removeDefault(context: RuleContext, site: ExpressionSite): LintFix | undefined {
  const location = site.mapping.locations?.defaultValue;
  if (!location) return undefined;
  const value = locationSpan(location);
  if (context.config.format === "entra") {
    if (location.style !== "json" || context.text[value.start - 1] !== '"' || context.text[value.end] !== '"')
      return undefined;
    return {
      description: "Remove the default value",
      edits: [{ span: { start: value.start - 1, end: value.end + 1 }, text: "null" }],
    };
  }
  const line = removableEntryLine(context.text, value, "default");
  return line ? { description: "Remove the default value", edits: [{ span: line, text: "" }] } : undefined;
}

function describe(node: Expression): string {
  if (node.kind === "string" || node.kind === "number" || node.kind === "constant") return "a constant";
  return node.kind === "call" ? `${node.name}(…), which always has a value` : "never null";
}

export const unnecessaryDefault: LintRule = {
  meta: {
    id: "unnecessary-default",
    category: "mapping",
    defaultSeverity: "warning",
    summary: "A mapping has a default value but its source can never be null",
    description:
      '"Default value if null" is written only when the source evaluates to null on create. For a constant, or an expression that always has a value (Guid(), Now(), a Coalesce ending in a literal…), it never applies, and a reader may believe it does. Remove the default, or move its value into the expression. The fix removes the `default:` line (provex YAML) or sets `defaultValue` to null (Entra JSON).',
    fixable: true,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: organization
    constant: Contoso Ltd
    default: Contoso
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: organization
    constant: Contoso Ltd
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      const { defaultValue } = site.mapping;
      if (defaultValue === null || defaultValue === "" || hasSyntaxErrors(site)) continue;
      if (!neverNull(site.parsed.ast, true)) continue;
      const fix = removeDefault(context, site);
      context.report({
        message: `${site.mapping.target} has a default value, but its source is ${describe(site.parsed.ast)}, so the default never applies. Remove it.`,
        span: defaultValueSpan(site.mapping),
        ...(fix ? { fix } : {}),
      });
    }
  },
};
