import type { Role } from "../functions/index.js";
import type { AttributeExport, ExportValue } from "./flow.js";
import type { AttributeChange, ScimRequest } from "./preview-types.js";
import { REDACTED } from "./redaction.js";
import { CORE_USER_SCHEMA, readTargetValue } from "./target-path.js";

export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ROLE_TYPE = "WindowsAzureActiveDirectoryRole";

/**
 * `POST /Users`: the exported attributes assembled into one SCIM resource (filters become list items,
 * dotted paths nested objects, extension attributes an object under their schema URN). A redacted
 * attribute carries `[Redact]`: the body is shown, never sent.
 */
export function createRequest(exports: readonly AttributeExport[], endpoint: string): ScimRequest {
  const body: Record<string, unknown> = { schemas: [CORE_USER_SCHEMA] };
  let schemas: string[] | undefined;
  for (const item of exports) {
    const schema = item.path.schema;
    if (schema !== undefined) {
      schemas ??= [CORE_USER_SCHEMA];
      if (!schemas.includes(schema)) schemas.push(schema);
    }
    item.planned.write(body, item.redacted ? REDACTED : postValue(item.value));
  }
  if (schemas) body.schemas = schemas;
  return { method: "POST", path: endpoint, body };
}

/** The value in a POST body: roles as Entra's role objects, a reference as SCIM's `{ value: id }`. */
function postValue(value: ExportValue): unknown {
  switch (value.kind) {
    case "roles":
      return value.roles.map((role) => ({
        primary: false,
        type: ROLE_TYPE,
        displayName: role.displayName ?? role.value,
        value: role.value,
      }));
    case "reference":
      return { value: value.id };
    case "list":
      return [...value.value];
    default:
      return value.value;
  }
}

/**
 * `PATCH /Users/{id}` with one operation per attribute whose value differs from the target's (string
 * comparison, SPEC Part 1): `Add` where the target has no value, `Replace` where it has another.
 * Undefined when nothing differs.
 */
export function updateRequest(
  exports: readonly AttributeExport[],
  resource: unknown,
  endpoint: string,
): { request: ScimRequest | undefined; changes: AttributeChange[] } {
  const operations: Record<string, unknown>[] = [];
  const changes = diffExports(exports, resource, operations);
  if (operations.length === 0) return { request: undefined, changes };
  return {
    request: {
      method: "PATCH",
      path: endpoint,
      body: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
    },
    changes,
  };
}

/**
 * The attributes an update changes on a target object, compared as SPEC Part 1 says; with `operations`,
 * also the SCIM PATCH operation of each (a target that is not SCIM needs only the changes).
 */
export function diffExports(
  exports: readonly AttributeExport[],
  resource: unknown,
  operations?: Record<string, unknown>[],
): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const item of exports) {
    const current = readTargetValue(resource, item.path);
    const value = item.value;
    if (value.kind === "roles") {
      const operation = rolesOperation(value.roles, value.patch, current);
      if (operation) {
        operations?.push(item.redacted ? { op: operation.op, path: "roles", value: REDACTED } : operation);
        changes.push({
          target: item.target,
          oldValue: item.redacted ? REDACTED : roleValues(current),
          newValue: item.shown,
        });
      }
      continue;
    }
    const missing = current === undefined || current === null || current === "";
    if (item.flowType === "AttributeAddOnly" && !missing) continue;
    if (!item.flowAlways && sameValue(current, value)) continue;
    operations?.push({
      op: missing ? "Add" : "Replace",
      path: item.target,
      value: item.redacted ? REDACTED : patchValue(value),
    });
    changes.push({
      target: item.target,
      oldValue: item.redacted ? REDACTED : (current ?? null),
      newValue: item.shown,
    });
  }
  return changes;
}

/** `PATCH` setting `active` to false: how Entra disables a soft-deleted user's target object. */
export function disableRequest(resource: unknown, endpoint: string): ScimRequest | undefined {
  const active = readTargetValue(resource, {
    name: "active",
    schema: undefined,
    attribute: "active",
    filter: undefined,
    subAttribute: undefined,
  });
  if (active === false || (typeof active === "string" && active.toLowerCase() === "false")) return undefined;
  return {
    method: "PATCH",
    path: endpoint,
    body: { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: "Replace", path: "active", value: false }] },
  };
}

/** A PATCH sends a reference as the bare id (Entra's form), everything else as its JSON value. */
function patchValue(value: ExportValue): unknown {
  if (value.kind === "reference") return value.id;
  if (value.kind === "list") return [...value.value];
  return value.kind === "roles" ? undefined : value.value;
}

function sameValue(current: unknown, value: ExportValue): boolean {
  if (current === undefined || current === null) return false;
  switch (value.kind) {
    case "boolean":
      return textOf(current).toLowerCase() === String(value.value);
    case "reference":
      return textOf(current) === value.id;
    case "list": {
      const items = Array.isArray(current) ? current.map(textOf) : [textOf(current)];
      return items.length === value.value.length && value.value.every((item) => items.includes(item));
    }
    case "roles":
      return false;
    default:
      return textOf(current) === String(value.value);
  }
}

/**
 * Roles on update (SPEC b.1): AppRoleAssignmentsComplex adds the roles the target lacks, each item's
 * value a JSON string `{"id","value","displayName"}`, and never removes; the Assertive form replaces
 * the whole list with plain role objects when the sets differ.
 */
function rolesOperation(
  roles: readonly Role[],
  mode: "add" | "replace",
  current: unknown,
): Record<string, unknown> | undefined {
  const held = roleValues(current);
  if (mode === "add") {
    const missing = roles.filter((role) => !held.includes(role.value));
    if (missing.length === 0) return undefined;
    return {
      op: "Add",
      path: "roles",
      value: missing.map((role) => ({
        value: JSON.stringify({
          id: role.id,
          value: role.value,
          displayName: role.displayName ?? role.value,
        }),
      })),
    };
  }
  const wanted = roles.map((role) => role.value);
  if (wanted.length === held.length && wanted.every((value) => held.includes(value))) return undefined;
  return {
    op: "Replace",
    path: "roles",
    value: roles.map((role) => ({
      primary: false,
      type: ROLE_TYPE,
      display: role.displayName ?? role.value,
      value: role.value,
    })),
  };
}

function roleValues(current: unknown): string[] {
  if (!Array.isArray(current)) return [];
  return current.map((item) => textOf(item));
}

/** A target value as text: booleans as true/false, complex values by their `value`. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && value !== null && "value" in value)
    return textOf((value as { value: unknown }).value);
  return value === null || value === undefined ? "" : JSON.stringify(value);
}
