import { describe, expect, it } from "vitest";
import {
  createPreviewer,
  loadConfig,
  type MappingConfig,
  preview,
  type UserPreview,
} from "../../src/index.js";

/** A provex configuration from a list of YAML mapping lines, checked to load without errors. */
function config(mappings: string, header = ""): MappingConfig {
  const loaded = loadConfig(
    `${header}mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n${mappings}`,
  );
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}

const ada = {
  objectId: "ada-id",
  userPrincipalName: "ada@contoso.com",
  givenName: "Ada",
  surname: "Lovelace",
};
// biome-ignore lint/suspicious/noExplicitAny: assertions reach deep into SCIM bodies of any shape
const body = (result: UserPreview | undefined) => result?.requests[0]?.body as Record<string, any>;
const operations = (result: UserPreview | undefined) =>
  (body(result)?.Operations ?? []) as { op: string; path: string; value: unknown }[];
const one = (c: MappingConfig, user: unknown, target: unknown[] = [], context = {}) =>
  preview(c, [user], { target, context })[0] as UserPreview;
const existing = (extra: Record<string, unknown> = {}) => ({
  id: "t1",
  userName: "ada@contoso.com",
  ...extra,
});

describe("mapping types", () => {
  it("direct copies the attribute, constant writes its text, expression evaluates, none writes its default on create", () => {
    const c = config(`  - { target: displayName, attribute: givenName }
  - { target: title, constant: Engineer }
  - { target: name.formatted, expression: 'Join(" ", [givenName], [surname])' }
  - { target: locale, none: true, default: en-US }
`);
    expect(body(one(c, ada))).toMatchObject({
      displayName: "Ada",
      title: "Engineer",
      name: { formatted: "Ada Lovelace" },
      locale: "en-US",
    });
  });

  it("a None mapping never writes on update, even when the target lacks the value", () => {
    const c = config(
      "  - { target: locale, none: true, default: en-US }\n  - { target: displayName, attribute: givenName }\n",
    );
    const result = one(c, ada, [existing({ displayName: "Old" })]);
    expect(operations(result)).toEqual([{ op: "Replace", path: "displayName", value: "Ada" }]);
  });
});

describe("flow rules", () => {
  it("applies the default value on create only", () => {
    const c = config("  - { target: title, attribute: jobTitle, default: Staff }\n");
    expect(body(one(c, ada)).title).toBe("Staff");
    const update = one(c, ada, [existing({ title: "Boss" })]);
    expect(update.skipReason).toBe("RedundantExport");
  });

  it("skips create-only (ObjectAddOnly) mappings on update", () => {
    const c = config(
      "  - { target: externalId, attribute: objectId, applyOn: create }\n  - { target: displayName, attribute: givenName }\n",
    );
    expect(body(one(c, ada)).externalId).toBe("ada-id");
    const update = one(c, ada, [existing({ externalId: "other", displayName: "Ada" })]);
    expect(update.action).toBe("Skip");
    const notes = update.steps.at(-1)?.details.attributes as { target: string; outcome: string }[];
    expect(notes).toContainEqual({ target: "externalId", outcome: "create-only" });
  });

  it("AttributeAddOnly writes only where the target has no value; FlowAlways sends even an unchanged value", () => {
    const c = config(`  - { target: title, attribute: jobTitle, applyOn: AttributeAddOnly }
  - { target: displayName, attribute: givenName, flowBehavior: FlowAlways }
`);
    const user = { ...ada, jobTitle: "Analyst" };
    expect(operations(one(c, user, [existing({ title: "Boss", displayName: "Ada" })]))).toEqual([
      { op: "Replace", path: "displayName", value: "Ada" },
    ]);
    expect(operations(one(c, user, [existing({ displayName: "Ada" })]))).toEqual([
      { op: "Add", path: "title", value: "Analyst" },
      { op: "Replace", path: "displayName", value: "Ada" },
    ]);
  });

  it("IgnoreFlowIfNullOrEmpty leaves the attribute out; a plain empty string flows as is; null does not flow", () => {
    const c = config(`  - { target: title, expression: 'IgnoreFlowIfNullOrEmpty([jobTitle])' }
  - { target: nickName, attribute: nickname }
  - { target: profileUrl, attribute: url }
`);
    const created = body(one(c, { ...ada, jobTitle: "", nickname: "" }));
    expect(created).not.toHaveProperty("title");
    expect(created.nickName).toBe("");
    expect(created).not.toHaveProperty("profileUrl");
  });

  it("null does not clear a target value on update", () => {
    const c = config("  - { target: title, attribute: jobTitle }\n");
    expect(one(c, ada, [existing({ title: "Boss" })]).skipReason).toBe("RedundantExport");
  });

  it("an update uses Add where the target has no value and Replace where it differs", () => {
    const c = config(
      "  - { target: title, attribute: jobTitle }\n  - { target: displayName, attribute: givenName }\n",
    );
    const result = one(c, { ...ada, jobTitle: "Analyst" }, [existing({ displayName: "Ada L." })]);
    expect(result.action).toBe("Update");
    expect(operations(result)).toEqual([
      { op: "Add", path: "title", value: "Analyst" },
      { op: "Replace", path: "displayName", value: "Ada" },
    ]);
    expect(result.steps.at(-1)?.details.changes).toEqual([
      { target: "title", oldValue: null, newValue: "Analyst" },
      { target: "displayName", oldValue: "Ada L.", newValue: "Ada" },
    ]);
  });

  it("a required target attribute without a value fails the create with MandatoryFieldsMissing", () => {
    const c = loadConfig(
      "mappings:\n  - { target: externalId, attribute: objectId, match: 1 }\n  - { target: userName, attribute: userPrincipalName }\n",
    );
    const result = one(c, { objectId: "x" });
    expect(result.action).toBe("Error");
    expect(result.error).toMatchObject({ code: "MandatoryFieldsMissing", target: "userName" });
  });

  it("an evaluation error fails that user only, with the error's code and the mapping's target", () => {
    const c = config("  - { target: roles, expression: 'SingleAppRoleAssignment([appRoleAssignments])' }\n");
    const results = preview(c, [
      { ...ada, appRoleAssignments: ["A", "B"] },
      { userPrincipalName: "bob@contoso.com", appRoleAssignments: ["A"] },
    ]);
    expect(results[0]?.error).toMatchObject({ code: "single-app-role-multiple", target: "roles" });
    expect(results[0]?.steps.at(-1)).toMatchObject({ name: "action", status: "failure" });
    expect(results[1]?.action).toBe("Create");
  });

  it("never throws past the API: no users, a configuration without user mappings", () => {
    expect(preview(config(""), null as unknown as unknown[])).toEqual([]);
    const [result] = preview({} as MappingConfig, [ada]);
    expect(result?.error?.code).toBe("no-object-mapping");
    const disabled = loadConfig("object: { name: U, enabled: false }\nmappings: []\n");
    expect(preview(disabled, [ada])[0]?.error?.code).toBe("no-object-mapping");
  });

  it("a user that is not an object is an Error, not an exception", () => {
    const c = config("");
    expect(preview(c, [42, null, "x"]).map((r) => r.error?.code)).toEqual([
      "invalid-user",
      "invalid-user",
      "invalid-user",
    ]);
  });
});

describe("SelectUniqueValue, Redact, Guid", () => {
  it("SelectUniqueValue asks the target directory whether a candidate exists", () => {
    const c = loadConfig(`mappings:
  - { target: externalId, attribute: objectId, match: 1 }
  - target: userName
    expression: 'SelectUniqueValue(Join("@", [givenName], "contoso.com"), Join("@", Join(".", [givenName], [surname]), "contoso.com"))'
`);
    expect(body(one(c, ada)).userName).toBe("Ada@contoso.com");
    const taken = one(c, ada, [{ id: "t9", userName: "ada@contoso.com", externalId: "someone-else" }]);
    expect(body(taken).userName).toBe("Ada.Lovelace@contoso.com");
  });

  it("Redact shows [Redact] everywhere, the request included; showRedacted reveals the value", () => {
    const c = config("  - { target: password, expression: 'Redact([secret])' }\n");
    const result = one(c, { ...ada, secret: "hunter2" });
    expect(body(result).password).toBe("[Redact]");
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(result.steps.at(-1)?.details.exported).toContainEqual({ target: "password", value: "[Redact]" });
    const [shown] = preview(c, [{ ...ada, secret: "hunter2" }], { showRedacted: true });
    expect(body(shown).password).toBe("hunter2");
    expect(shown?.steps.at(-1)?.details.exported).toContainEqual({ target: "password", value: "hunter2" });
  });

  it("Guid and RandomString take their randomness from the context, so a seeded source makes the preview reproducible", () => {
    const c = config(
      "  - { target: externalId, expression: 'Guid()' }\n  - { target: nickName, expression: 'RandomString(12, 1, 1, 1, 1, )' }\n",
    );
    const seeded = () => {
      let state = 0;
      return () => {
        state = (state * 9301 + 49297) % 233280;
        return state / 233280;
      };
    };
    const first = body(one(c, ada, [], { random: seeded() }));
    const second = body(one(c, ada, [], { random: seeded() }));
    expect(first.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second.externalId).toBe(first.externalId);
    expect(first.nickName).toHaveLength(12);
    expect(second.nickName).toBe(first.nickName);
  });
});

describe("references and B2B guests", () => {
  const manager =
    "  - { target: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager', attribute: manager }\n";
  const boss = { objectId: "boss-id", userPrincipalName: "boss@contoso.com" };

  it("exports a reference as the target id of the referenced user when it is in the target", () => {
    const results = preview(config(manager), [{ ...ada, manager: "boss-id" }, boss], {
      target: [{ id: "boss-target", userName: "boss@contoso.com" }],
    });
    expect(body(results[0])["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]).toEqual({
      manager: { value: "boss-target" },
    });
    expect(results[0]?.warnings).toEqual([]);
  });

  it("leaves the reference out with a warning when the referenced user is not in the target yet", () => {
    const [result] = preview(config(manager), [{ ...ada, manager: "boss-id" }, boss]);
    expect(body(result)).not.toHaveProperty(["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
    expect(result?.warnings.map((w) => [w.code, w.target])).toEqual([
      ["reference-not-exported", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"],
    ]);
  });

  it("an update sends the reference as a bare id", () => {
    const results = preview(config(manager), [{ ...ada, manager: "boss-id" }, boss], {
      target: [existing(), { id: "boss-target", userName: "boss@contoso.com" }],
    });
    expect(operations(results[0])).toEqual([
      {
        op: "Add",
        path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        value: "boss-target",
      },
    ]);
  });

  it("streaming (createPreviewer without the population) resolves references to users already previewed", () => {
    const previewer = createPreviewer(config(manager), {
      target: [{ id: "boss-target", userName: "boss@contoso.com" }],
    });
    const before = previewer.previewUser({ ...ada, manager: "boss-id" }, 0);
    expect(before.warnings.map((w) => w.code)).toEqual(["reference-not-exported"]);
    previewer.previewUser(boss, 1);
    const after = previewer.previewUser(
      { ...ada, objectId: "ada-2", userPrincipalName: "ada2@contoso.com", manager: "boss-id" },
      2,
    );
    expect(body(after)["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]).toEqual({
      manager: { value: "boss-target" },
    });
  });

  it("reads a guest's alias_domain#EXT#@tenant UPN as alias@domain, and keeps the original", () => {
    const c = config("  - { target: externalId, attribute: originalUserPrincipalName }\n");
    const result = one(c, { userPrincipalName: "jo_fabrikam.com#EXT#@contoso.onmicrosoft.com" });
    expect(body(result)).toMatchObject({
      userName: "jo@fabrikam.com",
      externalId: "jo_fabrikam.com#EXT#@contoso.onmicrosoft.com",
    });
  });
});

describe("warnings per attribute", () => {
  it("IIF whose condition reads a null or empty attribute", () => {
    const c = config(`  - { target: title, expression: 'IIF([department] = "Sales", "Seller", "Other")' }\n`);
    expect(one(c, ada).warnings.map((w) => [w.code, w.target])).toEqual([["iif-null-condition", "title"]]);
    expect(one(c, { ...ada, department: "Sales" }).warnings).toEqual([]);
  });

  it("Switch on a referential attribute", () => {
    const c = config(`  - { target: title, expression: 'Switch([manager], "none", "x", "y")' }\n`);
    expect(one(c, ada).warnings.map((w) => w.code)).toEqual(["switch-on-reference"]);
  });

  it("provex-only functions in the entra dialect, not in the provex dialect", () => {
    const mapping = `  - { target: nickName, expression: 'Extract([userPrincipalName], , "@", )' }\n`;
    const entra = one(config(mapping), ada);
    expect(entra.warnings.map((w) => [w.code, w.target])).toEqual([["provex-only", "nickName"]]);
    expect(body(entra).nickName).toBe("ada");
    expect(one(config(mapping, "dialect: provex\n"), ada).warnings).toEqual([]);
  });
});

describe("SCIM requests", () => {
  it("assembles filtered paths, dotted paths and extension URNs; Boolean targets get JSON booleans", () => {
    const c = config(`  - { target: active, expression: 'Not([IsSoftDeleted])' }
  - { target: 'emails[type eq "work"].value', attribute: mail }
  - { target: 'emails[type eq "work"].primary', constant: 'True' }
  - { target: name.givenName, attribute: givenName }
  - { target: 'roles[primary eq "True"].value', constant: Admin }
  - { target: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', constant: '7' }
  - { target: 'urn:example:params:scim:schemas:extension:Custom:2.0:User:badge', constant: B-1 }
`);
    const created = body(one(c, { ...ada, IsSoftDeleted: "False", mail: "ada@contoso.com" }));
    expect(created).toMatchObject({
      schemas: [
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "urn:example:params:scim:schemas:extension:Custom:2.0:User",
      ],
      active: true,
      emails: [{ type: "work", value: "ada@contoso.com", primary: "True" }],
      name: { givenName: "Ada" },
      roles: [{ primary: true, value: "Admin" }],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { employeeNumber: "7" },
      "urn:example:params:scim:schemas:extension:Custom:2.0:User": { badge: "B-1" },
    });
  });

  it("roles: AppRoleAssignmentsComplex PATCHes Add with JSON-string values for the missing roles only", () => {
    const c = config(
      "  - { target: roles, expression: 'AppRoleAssignmentsComplex([appRoleAssignments])' }\n",
    );
    const roles = [
      { id: "r1", value: "Sales.User", displayName: "Sales User" },
      { id: "r2", value: "Sales.Admin", displayName: "Sales Admin" },
    ];
    const result = one(c, { ...ada, appRoleAssignments: roles }, [
      existing({ roles: [{ value: "Sales.User" }] }),
    ]);
    expect(operations(result)).toEqual([
      {
        op: "Add",
        path: "roles",
        value: [{ value: JSON.stringify({ id: "r2", value: "Sales.Admin", displayName: "Sales Admin" }) }],
      },
    ]);
    const inSync = one(c, { ...ada, appRoleAssignments: roles }, [
      existing({ roles: [{ value: "Sales.User" }, { value: "Sales.Admin" }, { value: "Extra" }] }),
    ]);
    expect(inSync.skipReason).toBe("RedundantExport");
  });

  it("roles: AssertiveAppRoleAssignmentsComplex replaces the list when the sets differ", () => {
    const c = config(
      "  - { target: roles, expression: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])' }\n",
    );
    const result = one(c, { ...ada, appRoleAssignments: [{ value: "A", displayName: "Role A" }] }, [
      existing({ roles: [{ value: "A" }, { value: "Extra" }] }),
    ]);
    expect(operations(result)).toEqual([
      {
        op: "Replace",
        path: "roles",
        value: [{ primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Role A", value: "A" }],
      },
    ]);
  });
});
