import type { AttributeTable } from "../../mapping/directories.js";
import type { ObjectMapping } from "../../mapping/model.js";
import type { LintRule } from "../types.js";
import { isCallOf, walk } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

/** Predicates Entra documents as unsupported as a Switch source. */
const PREDICATES = ["IsPresent", "IsNull", "IsNullOrEmpty", "IsString"];

/** Attributes Entra computes for every Entra ID user, so never null there. */
const ALWAYS_PRESENT_ON_USERS = new Set(["objectId", "userPrincipalName", "IsSoftDeleted", "accountEnabled"]);

/** True unless the source schema says the attribute always has a value. */
function mayBeNull(name: string, object: ObjectMapping, source: AttributeTable): boolean {
  if (object.sourceObjectName === "User" && ALWAYS_PRESENT_ON_USERS.has(name)) return false;
  return !source.get(name)?.required;
}

export const nullUnsafe: LintRule = {
  meta: {
    id: "null-unsafe",
    category: "expression",
    defaultSeverity: "warning",
    summary: "IIF's condition or Switch's source is written in a shape Entra documents as failing on null",
    description:
      'Entra documents that when a source attribute read in an IIF condition is null or empty, "the condition check fails" and the attribute is not exported, so `IIF([country] = "US", …)`, `IIF(IsPresent([country]), …)` and `IIF(IsNullOrEmpty([country]), …)` fail for exactly the users they were written for; provex\'s preview evaluates them and only warns at run time. It also documents that IsPresent, IsNull, IsNullOrEmpty and IsString must not be the source of Switch. The rule reports every attribute that may be null (not marked required in the source schema) read in an IIF condition, and every such Switch source. Use Switch on the attribute itself with a `""` key, which catches null and empty: `Switch([country], [country], "", "Other")`.',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: country
    expression: 'IIF(IsPresent([country]), [country], "Other")'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: country
    expression: 'Switch([country], [country], "", "Other")'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      if (hasSyntaxErrors(site)) continue;
      for (const { node } of walk(site.parsed.ast)) {
        if (node.kind !== "call") continue;
        const first = node.arguments[0];
        if (!first || first.kind === "empty") continue;
        if (isCallOf(node, "IIF")) {
          const seen = new Set<string>();
          for (const { node: read } of walk(first)) {
            if (read.kind !== "attribute" || seen.has(read.name)) continue;
            seen.add(read.name);
            if (!mayBeNull(read.name, site.object, site.source)) continue;
            context.report({
              message: `${node.name}'s condition reads [${read.name}], which may be null or empty; Entra documents that the condition check then fails and the attribute is not exported. Test it with Switch([${read.name}], …, "", …) instead: its "" key catches null and empty.`,
              span: site.fileSpan(read.span),
            });
          }
        } else if (isCallOf(node, "Switch") && first.kind === "call") {
          const predicate = PREDICATES.find((name) => isCallOf(first, name));
          if (!predicate) continue;
          context.report({
            message: `Entra documents that ${predicate} must not be the source of Switch. Switch on the value itself and give a "" key for null and empty: Switch(value, default, "", …).`,
            span: site.fileSpan(first.nameSpan),
          });
        }
      }
    }
  },
};
