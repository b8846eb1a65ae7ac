// The fixture's user mappings written by hand in plain JavaScript, as a developer who knows the data
// would write them: the baseline of the evaluation section. Each function takes the user object and
// returns what provex's expression returns for it — a string, null, the flow-skipped marker, or the
// role list the SCIM request is built from — so the work is the same work; run.mjs checks, for every
// generated user, that each function's output equals provex's rendered output and fails otherwise.

/** IgnoreFlowIfNullOrEmpty's "leave the attribute out" result. */
export const SKIPPED = Symbol("flow-skipped");

const direct = (name) => (user) => user[name] ?? null;

/** Hand-written equivalents, keyed by target attribute (the fixture's 20 mappings that have a source). */
export const handMappings = {
  userName: direct("userPrincipalName"),
  externalId: direct("mailNickname"),
  active: (user) => {
    const deleted = user.IsSoftDeleted;
    return deleted === "False" ? "True" : deleted === "True" ? "False" : null;
  },
  displayName: direct("displayName"),
  title: (user) => {
    const title = user.jobTitle;
    return title === undefined || title === null || title === "" ? SKIPPED : title;
  },
  'emails[type eq "work"].value': direct("mail"),
  preferredLanguage: direct("preferredLanguage"),
  "name.givenName": direct("givenName"),
  "name.familyName": direct("surname"),
  "name.formatted": (user) => {
    const given = user.givenName;
    const surname = user.surname;
    if (given && surname) return `${given} ${surname}`;
    return given || surname || "";
  },
  'addresses[type eq "work"].locality': direct("city"),
  'addresses[type eq "work"].country': direct("country"),
  'phoneNumbers[type eq "work"].value': direct("telephoneNumber"),
  'phoneNumbers[type eq "mobile"].value': (user) => {
    const mobile = user.mobile;
    return mobile === undefined || mobile === null ? null : mobile.replace(/[()\s-]+/g, "");
  },
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": direct("employeeId"),
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": direct("department"),
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager": direct("manager"),
  roles: (user) => {
    const assignments = user.appRoleAssignments;
    if (assignments === undefined || assignments === null) return null;
    const roles = new Array(assignments.length);
    for (let i = 0; i < assignments.length; i++) {
      const { id, value, displayName } = assignments[i];
      roles[i] = { id, value, displayName };
    }
    return { kind: "roles", roles, patch: "add" };
  },
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization": () => "Contoso Ltd",
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter": direct(
    "extension_1fcdafeb6c7e492f94ee3c6a774f7761_costCenter",
  ),
};

/** `Join(".", [a], [b])`: null and "" are skipped. */
export function handJoin(user) {
  const a = user.a;
  const b = user.b;
  if (a && b) return `${a}.${b}`;
  return a || b || "";
}

/** The fixture's Replace alone: `Replace([mobile], , "[()\s-]+", , "", , )`. */
export const handReplace = handMappings['phoneNumbers[type eq "mobile"].value'];

/**
 * The deep expression (see DEEP_EXPRESSION in evaluation.mjs), by hand: the first letter of the given
 * name and the surname, spaces stripped, everything but ASCII letters and dots removed, lower-cased,
 * at a domain chosen by user type.
 */
export function handDeep(user) {
  const given = user.givenName;
  const surname = user.surname;
  const initial = given === undefined || given === null ? "" : given.slice(0, 1);
  const name = initial && surname ? `${initial}.${surname}` : initial || surname || "";
  const local = name
    .replaceAll(" ", "")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  const domain = user.userType === "Guest" ? "guest.contoso.com" : "contoso.com";
  return local ? `${local}@${domain}` : domain;
}
