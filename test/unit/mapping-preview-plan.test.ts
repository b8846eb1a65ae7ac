import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * What the preview prepares once per configuration and shows for every user (SPEC Part 1
 * "Provision-on-demand preview"): the kind of object in the step texts, the SCIM endpoint, the attributes a
 * create must write, the matching attributes' order, one instant for Now(), which users references may
 * resolve to, and the details of the Import, Scope and Match steps.
 */
function config(text: string): MappingConfig {
  const loaded = loadConfig(text);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}
const USER_KEY = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
const ada = { objectId: "ada-id", userPrincipalName: "ada@contoso.com", displayName: "Ada" };
const detailsOf = (result: UserPreview | undefined, name: string) =>
  result?.steps.find((s) => s.name === name)?.details;

describe("the kind of object previewed", () => {
  const objectConfig = (source: string, target: string, mappings: string) =>
    config(`object: { name: Things, source: '${source}', target: '${target}' }\nmappings:\n${mappings}`);

  it("a source object whose name is not one plain word is an 'object' in the step texts", () => {
    const c = objectConfig("custom-Thing", "Thing", USER_KEY);
    const [result] = preview(c, [ada], { targetKind: "scim", objectMapping: "Things" });
    expect(result?.steps.map((s) => s.title)).toStrictEqual([
      "Import object",
      "Determine if object is in scope",
      "Match object between source and target system",
      "Perform action",
    ]);
    expect(result?.steps.at(2)?.description).toBe("No target object matches; the object would be created.");
  });

  it("a program-built object mapping whose source name is not text is an 'object' too", () => {
    const c = objectConfig("User", "User", USER_KEY);
    const [object] = c.objects;
    const odd = { ...c, objects: [{ ...object, sourceObjectName: 7 as unknown as string }] } as MappingConfig;
    const [result] = preview(odd, [ada], { objectMapping: "Things" });
    expect(result?.steps[0]?.title).toBe("Import object");
  });

  it("a group goes to /Groups and, without definitions, must have a displayName", () => {
    const c = objectConfig("Group", "Group", "  - { target: externalId, attribute: objectId, match: 1 }\n");
    const [result] = preview(c, [{ objectId: "g1" }], { targetKind: "scim", objectMapping: "Things" });
    expect(result?.error).toMatchObject({ code: "MandatoryFieldsMissing", target: "displayName" });
    const named = objectConfig(
      "Group",
      "Group",
      "  - { target: externalId, attribute: objectId, match: 1 }\n  - { target: displayName, attribute: displayName }\n",
    );
    const [created] = preview(named, [{ objectId: "g1", displayName: "Sales" }], {
      targetKind: "scim",
      objectMapping: "Things",
    });
    expect(created?.requests.map((r) => [r.method, r.path])).toStrictEqual([["POST", "/Groups"]]);
    expect(created?.summary).toBe("Create: POST /Groups with 2 attributes");
    const [updated] = preview(named, [{ objectId: "g1", displayName: "Sales" }], {
      targetKind: "scim",
      objectMapping: "Things",
      target: [{ id: "tg", externalId: "g1", displayName: "Old" }],
    });
    expect(updated?.requests.map((r) => [r.method, r.path])).toStrictEqual([["PATCH", "/Groups/tg"]]);
  });

  it("a target that is not SCIM requires nothing unless its definitions say so", () => {
    const c = objectConfig("User", "User", "  - { target: externalId, attribute: objectId, match: 1 }\n");
    expect(preview(c, [ada], { targetKind: "attributes", objectMapping: "Things" })[0]?.action).toBe(
      "Create",
    );
    expect(preview(c, [ada], { targetKind: "scim", objectMapping: "Things" })[0]?.error?.code).toBe(
      "MandatoryFieldsMissing",
    );
  });
});

describe("matching attributes by priority", () => {
  it("the lowest priority is tried first, whatever the order the mappings are written in", () => {
    const c = config(
      "mappings:\n  - { target: externalId, attribute: mailNickname, match: 2 }\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
    );
    const target = [
      { id: "by-nick", externalId: "ada" },
      { id: "by-upn", userName: "ada@contoso.com" },
    ];
    const [result] = preview(c, [{ ...ada, mailNickname: "ada" }], { target });
    expect(result?.match).toStrictEqual({ id: "by-upn", attribute: "userName", value: "ada@contoso.com" });
    expect(detailsOf(result, "import")?.matchingValues).toStrictEqual([
      { target: "userName", priority: 1, value: "ada@contoso.com" },
      { target: "externalId", priority: 2, value: "ada" },
    ]);
    // A mapping without a priority (0) is no matching attribute, even when its value would match.
    const zero = config(`mappings:\n${USER_KEY}  - { target: externalId, attribute: mailNickname }\n`);
    const [created] = preview(zero, [{ ...ada, userPrincipalName: "x@contoso.com", mailNickname: "ada" }], {
      target,
    });
    expect(created?.action).toBe("Create");
  });
});

describe("one instant for the whole run", () => {
  const c = config(`mappings:\n${USER_KEY}  - { target: title, expression: 'NumFromDate(Now())' }\n`);
  const titles = (results: UserPreview[]) =>
    results.map((r) => (r.requests[0]?.body as { title?: string } | undefined)?.title);

  it("Now() is the context's instant when given", () => {
    const now = new Date("2024-05-06T07:08:09.123Z");
    expect(titles(preview(c, [ada, { userPrincipalName: "b@x.com" }], { context: { now } }))).toStrictEqual([
      "133594528891230000",
      "133594528891230000",
    ]);
  });

  it("without one, every user of a run sees the same Now()", () => {
    const users = Array.from({ length: 30 }, (_, i) => ({ userPrincipalName: `u${i}@x.com` }));
    const seen = new Set(titles(preview(c, users)));
    expect(seen.size).toBe(1);
    const [only] = seen;
    expect(only).toMatch(/^\d{18}$/);
  });
});

describe("the users a preview reads", () => {
  const manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
  const c = config(`mappings:\n${USER_KEY}  - { target: '${manager}', attribute: manager }\n`);
  const boss = { objectId: "boss-id", userPrincipalName: "boss@contoso.com" };
  const target = [{ id: "t-boss", userName: "boss@contoso.com" }];

  it("anything but a list or another iterable of users previews nobody; a text is no list of users", () => {
    expect(preview(c, "ada" as unknown as unknown[])).toStrictEqual([]);
    expect(preview(c, 3 as unknown as unknown[])).toStrictEqual([]);
    expect(preview(c, null as unknown as unknown[])).toStrictEqual([]);
    expect(preview(c, { 0: ada, length: 1 } as unknown as unknown[])).toStrictEqual([]);
  });

  it("an array is read whole, so a reference resolves to a user further on", () => {
    const [result] = preview(c, [{ ...ada, manager: "boss-id" }, boss], { target });
    expect(result?.warnings).toStrictEqual([]);
    expect(result?.requests[0]?.body).toMatchObject({
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { manager: { value: "t-boss" } },
    });
  });

  it("another iterable is read as a stream: a reference resolves only to users already previewed", () => {
    const results = preview(c, new Set([{ ...ada, manager: "boss-id" }, boss]), { target });
    expect(results.map((r) => [r.index, r.action])).toStrictEqual([
      [0, "Create"],
      [1, "Skip"],
    ]);
    expect(results[0]?.warnings.map((w) => w.code)).toStrictEqual(["reference-not-exported"]);
    const later = preview(c, new Set([boss, { ...ada, manager: "boss-id" }]), { target });
    expect(later[1]?.warnings).toStrictEqual([]);
  });

  it("a reference to a user that matches several target objects is not exported", () => {
    const twins = [
      { id: "t-boss-1", userName: "boss@contoso.com" },
      { id: "t-boss-2", userName: "boss@contoso.com" },
    ];
    const [result] = preview(c, [{ ...ada, manager: "boss-id" }, boss], { target: twins });
    expect(result?.warnings.map((w) => w.code)).toStrictEqual(["reference-not-exported"]);
  });

  it("a user's displayName is kept only when it is text", () => {
    const [named, numbered] = preview(c, [ada, { userPrincipalName: "b@x.com", displayName: 7 }]);
    expect(named?.displayName).toBe("Ada");
    expect(numbered?.displayName).toBeUndefined();
  });
});

describe("the details of the Import, Scope and Match steps", () => {
  const c = config(`assignment: assigned
scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
${USER_KEY}  - { target: externalId, attribute: mailNickname, match: 2 }
`);
  const roles = { appRoleAssignments: [{ value: "User" }] };

  it("Import lists the attributes that have a value, and every matching value", () => {
    const user = { ...ada, ...roles, department: "Sales", mailNickname: null, jobTitle: undefined };
    const [result] = preview(c, [user]);
    expect(result?.steps[0]?.description).toBe("Read 5 attributes.");
    expect(detailsOf(result, "import")).toStrictEqual({
      attributes: { ...ada, ...roles, department: "Sales" },
      matchingValues: [
        { target: "userName", priority: 1, value: "ada@contoso.com" },
        { target: "externalId", priority: 2, value: null },
      ],
    });
  });

  it("Import shows the user's own object when nothing is left out, and never what the user only inherits", () => {
    const user = { ...ada, ...roles, department: "Sales" };
    const [result] = preview(c, [user]);
    expect(detailsOf(result, "import")?.attributes).toBe(user);
    let deep: unknown = "x";
    for (let i = 0; i < 40; i++) deep = { inner: deep };
    const inheriting = Object.assign(Object.create({ deep, jobTitle: null }), user);
    const [inherited] = preview(c, [inheriting]);
    expect(inherited?.action).toBe("Create");
    expect(detailsOf(inherited, "import")?.attributes).toBe(inheriting);
  });

  it("Scope gives the assignment, the sync-all setting and each filter's result", () => {
    const [result] = preview(c, [{ ...ada, ...roles, department: "Sales", IsSoftDeleted: true }]);
    const scope = detailsOf(result, "scope");
    expect({ ...scope, filters: undefined }).toStrictEqual({
      IsActive: false,
      Assigned: true,
      ScopeSyncAll: false,
      IsInProvisioningScope: true,
      filters: undefined,
    });
    expect(
      ((scope?.filters ?? []) as { name: string; result: boolean }[]).map((f) => [f.name, f.result]),
    ).toStrictEqual([["Sales", true]]);
    const [out] = preview(c, [{ ...ada, ...roles, department: "HR" }]);
    expect(detailsOf(out, "scope")).toMatchObject({
      IsActive: true,
      Assigned: true,
      IsInProvisioningScope: false,
    });
    const [unassigned] = preview(c, [{ ...ada, department: "Sales" }]);
    expect(unassigned?.steps[1]?.description).toBe(
      "The user is not assigned to the app (no appRoleAssignments).",
    );
    expect(detailsOf(unassigned, "scope")).toMatchObject({ Assigned: false, IsInProvisioningScope: true });
  });

  it("without scoping filters every user is in scope, and the step names no filter", () => {
    const all = config(`mappings:\n${USER_KEY}`);
    const [result] = preview(all, [ada]);
    expect(result?.steps[1]?.description).toBe("In scope.");
    expect(detailsOf(result, "scope")).toMatchObject({
      IsActive: true,
      Assigned: true,
      ScopeSyncAll: true,
      IsInProvisioningScope: true,
    });
  });

  it("Match gives every attempt and the id matched, or null", () => {
    const user = { ...ada, ...roles, department: "Sales", mailNickname: "ada" };
    const [matched] = preview(c, [user], { target: [{ id: "t1", externalId: "ada" }] });
    expect(matched?.steps[2]?.description).toBe("Matched t1 by externalId.");
    expect(detailsOf(matched, "match")).toMatchObject({ matched: "t1" });
    expect(detailsOf(matched, "match")?.attempts).toHaveLength(2);
    expect(matched?.match).toStrictEqual({ id: "t1", attribute: "externalId", value: "ada" });
    const [created] = preview(c, [user]);
    expect(detailsOf(created, "match")).toMatchObject({ matched: null });
    expect(created?.match).toBeNull();
  });
});
