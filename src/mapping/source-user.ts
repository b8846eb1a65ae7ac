/**
 * A source user as the preview reads it: the caller's plain object, with Entra's B2B rule applied.
 */

const EXT_MARKER = "#EXT#";

/**
 * The user's attributes, or undefined when the input is not an object. When `userPrincipalName` holds a
 * B2B guest's `alias_domain#EXT#@tenant`, Entra reads it as `alias@domain` (SPEC §c.3) and keeps the
 * full value in `originalUserPrincipalName`.
 */
export function sourceAttributes(user: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof user !== "object" || user === null || Array.isArray(user)) return undefined;
  const attributes = user as Record<string, unknown>;
  const upn = Object.hasOwn(attributes, "userPrincipalName") ? attributes.userPrincipalName : undefined;
  if (typeof upn !== "string") return attributes;
  const guest = guestPrincipalName(upn);
  if (guest === undefined) return attributes;
  const original = Object.hasOwn(attributes, "originalUserPrincipalName")
    ? attributes.originalUserPrincipalName
    : upn;
  return { ...attributes, userPrincipalName: guest, originalUserPrincipalName: original ?? upn };
}

/** `alias_domain#EXT#@tenant` → `alias@domain`; undefined for any other UPN. */
export function guestPrincipalName(upn: string): string | undefined {
  // Most UPNs have no "#": no upper-cased copy of each one.
  if (!upn.includes("#")) return undefined;
  const marker = upn.toUpperCase().indexOf(`${EXT_MARKER}@`);
  if (marker <= 0) return undefined;
  const local = upn.slice(0, marker);
  const underscore = local.lastIndexOf("_");
  if (underscore <= 0 || underscore === local.length - 1) return undefined;
  return `${local.slice(0, underscore)}@${local.slice(underscore + 1)}`;
}

/** IsSoftDeleted "True" (or true), or accountEnabled false: the user is not active in the source. */
export function isSoftDeleted(attributes: Readonly<Record<string, unknown>>): boolean {
  const deleted = attributes.IsSoftDeleted;
  const enabled = attributes.accountEnabled;
  return (
    deleted === true ||
    (typeof deleted === "string" && deleted.toLowerCase() === "true") ||
    enabled === false ||
    (typeof enabled === "string" && enabled.toLowerCase() === "false")
  );
}

/**
 * Assigned to the app: has an `appRoleAssignments` value (an empty list is "default access"). Only
 * asked when the configuration says "assigned users only".
 */
export function isAssigned(attributes: Readonly<Record<string, unknown>>): boolean {
  const roles = attributes.appRoleAssignments;
  return roles !== undefined && roles !== null && roles !== "";
}

/** How reports name a user: objectId, else userPrincipalName, else its position. */
export function userLabel(attributes: Readonly<Record<string, unknown>> | undefined, index: number): string {
  for (const key of ["objectId", "userPrincipalName", "id"]) {
    const value = attributes?.[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return `#${index + 1}`;
}
