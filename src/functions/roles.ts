import { textOf } from "./coerce.js";
import { type CallSite, fail } from "./context.js";
import { eager, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";
import { isAbsent, isRoleList, type Role, type RoleList, type Value } from "./value.js";

/**
 * App-role assignments. `[appRoleAssignments]` holds role objects `{ id?, value, displayName? }`; a plain
 * string (or list of strings) is shorthand for roles whose value and display name are that string.
 */

function rolesOf(value: Value | undefined, site: CallSite): readonly Role[] | null {
  if (isAbsent(value)) return null;
  if (isRoleList(value)) return value.roles;
  if (Array.isArray(value)) return value.map((text) => ({ value: text, displayName: text }));
  const text = textOf(value, site, "source");
  return text === null || text === "" ? [] : [{ value: text, displayName: text }];
}

const SOURCE = required("source", "roles", "The special [appRoleAssignments] attribute.");

export const SingleAppRoleAssignment: FunctionSpec = {
  name: "SingleAppRoleAssignment",
  family: "roles",
  parameters: [SOURCE],
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Returns the user's single app role as a string.",
  doc: 'Returns the value of the one role assigned to the user, for a target such as `roles[primary eq "True"].value`. No role gives null; more than one is an evaluation error (`single-app-role-multiple`), as Entra does not support it.',
  example: {
    expression: "SingleAppRoleAssignment([appRoleAssignments])",
    attributes: { appRoleAssignments: ["Admin"] },
    result: "Admin",
  },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => {
    const roles = rolesOf(value, site);
    if (roles === null || roles.length === 0) return null;
    if (roles.length > 1) {
      return fail(
        site,
        "single-app-role-multiple",
        `The user has ${roles.length} app roles; SingleAppRoleAssignment supports one. Use AppRoleAssignmentsComplex to send them all.`,
      );
    }
    return roles[0]?.value ?? null;
  }),
};

function complex(
  name: string,
  patch: RoleList["patch"],
  doc: string,
  availability: FunctionSpec["availability"],
): FunctionSpec {
  return {
    name,
    family: "roles",
    parameters: [SOURCE],
    returns: "roles",
    availability,
    summary: "Sends every app role of the user as role objects.",
    doc,
    example: {
      expression: `${name}([appRoleAssignments])`,
      attributes: { appRoleAssignments: ["Admin", "User"] },
      result: ["Admin", "User"],
    },
    pure: true,
    implemented: true,
    implementation: eager(
      ([value], site) => {
        const roles = rolesOf(value, site);
        return roles === null ? null : { kind: "roles", roles, patch };
      },
      undefined,
      (args, site) => {
        const source = args[0]?.run;
        if (!source || args.length !== 1) return undefined;
        return (state) => {
          const roles = rolesOf(source(state), site);
          return roles === null ? null : { kind: "roles", roles, patch };
        };
      },
    ),
  };
}

export const AppRoleAssignmentsComplex = complex(
  "AppRoleAssignmentsComplex",
  "add",
  "Yields all the user's roles as role objects for a multi-valued `roles` target. The SCIM create request lists each as `{primary: false, type, displayName, value}`; updates PATCH with `op: Add`, which never removes roles. Renders as the list of role values.",
  ["provisioning"],
);

export const AssertiveAppRoleAssignmentsComplex = complex(
  "AssertiveAppRoleAssignmentsComplex",
  "replace",
  "Like AppRoleAssignmentsComplex, but updates PATCH with `op: replace`, so roles held in the target but not assigned in Entra are removed. Renders as the list of role values.",
  ["provisioning"],
);

export const roleFunctions: readonly FunctionSpec[] = [
  AppRoleAssignmentsComplex,
  AssertiveAppRoleAssignmentsComplex,
  SingleAppRoleAssignment,
];
