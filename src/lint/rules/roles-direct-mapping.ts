import { lookupFunction, parameterAt } from "../../functions/index.js";
import type { LintRule } from "../types.js";
import { walk } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";

const ROLES = "appRoleAssignments";

export const rolesDirectMapping: LintRule = {
  meta: {
    id: "roles-direct-mapping",
    category: "mapping",
    defaultSeverity: "error",
    summary: "appRoleAssignments is mapped directly instead of through the role functions",
    description:
      '`appRoleAssignments` is not an ordinary attribute: it holds the user\'s app-role assignments, and Entra provisions them only through SingleAppRoleAssignment (one role, to `roles[primary eq "True"].value`), AppRoleAssignmentsComplex or AssertiveAppRoleAssignmentsComplex (every role, to `roles`). Mapped directly, or read by any other function, it does not send the roles. Wrap it in the role function that fits the target.',
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: roles
    attribute: appRoleAssignments
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: roles
    expression: 'AppRoleAssignmentsComplex([appRoleAssignments])'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      if (hasSyntaxErrors(site)) continue;
      for (const { node, parent, position } of walk(site.parsed.ast)) {
        if (node.kind !== "attribute" || node.name !== ROLES) continue;
        // The role functions declare the parameter that takes the assignments with the kind "roles".
        const spec = parent?.kind === "call" ? lookupFunction(parent.name) : undefined;
        if (spec && parameterAt(spec, position)?.kind === "roles") continue;
        const single = site.mapping.target.toLowerCase().startsWith("roles[");
        const use = single ? "SingleAppRoleAssignment" : "AppRoleAssignmentsComplex";
        context.report({
          message: `${ROLES} is ${parent ? `read by ${parent.kind === "call" ? parent.name : "a comparison"}` : "mapped directly"}; Entra sends app roles only through the role functions. Write ${use}([${ROLES}]).`,
          span: site.fileSpan(node.span),
        });
      }
    }
  },
};
