/**
 * Whether an object type name stands for users or groups, across the directories Entra provisions:
 * Entra ID (`User`, `Group`), SCIM (`urn:…:core:2.0:User`, the enterprise extension `urn:…:2.0:User`),
 * Active Directory (`user`, `group`, `inetOrgPerson`), HR sources (`Worker`) and apps (`Users`).
 * Undefined for anything else (devices, service principals, custom objects).
 */
export function objectKind(name: string): "user" | "group" | undefined {
  const last = (name.split(":").at(-1) ?? "").trim().toLowerCase();
  if (/^(users?|person|inetorgperson|worker|employee|account)$/.test(last)) return "user";
  if (/^groups?$/.test(last)) return "group";
  return undefined;
}
