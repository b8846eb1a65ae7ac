import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * The SCIM requests of the preview, value by value (SPEC Part 1 "Provision-on-demand preview", §b.1 roles,
 * §e update rules): the POST body's schemas, multi-valued and reference values, PATCH Add versus Replace,
 * and when a target's value already equals the export (no PATCH). Stated with exact bodies, from the
 * survivors of the mutation run of src/mapping/scim-request.ts.
 */
function config(...mappings: string[]): MappingConfig {
  const loaded = loadConfig(
    [
      "mappings:",
      "  - { target: userName, attribute: userPrincipalName, match: 1 }",
      ...mappings.map((m) => `  - ${m}`),
    ].join("\n"),
  );
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ada = { objectId: "ada-id", userPrincipalName: "ada@contoso.com" };
const one = (c: MappingConfig, user: unknown, target: unknown[] = []) =>
  preview(c, [user], { target })[0] as UserPreview;
const existing = (extra: Record<string, unknown> = {}) => ({
  id: "t1",
  userName: "ada@contoso.com",
  ...extra,
});
const actionDetails = (result: UserPreview) => result.steps.find((s) => s.name === "action")?.details;

describe("POST /Users", () => {
  it("a resource of core attributes only declares the core schema", () => {
    const result = one(config("{ target: displayName, attribute: displayName }"), {
      ...ada,
      displayName: "Ada",
    });
    expect(result.requests).toStrictEqual([
      {
        method: "POST",
        path: "/Users",
        body: { schemas: [CORE], userName: "ada@contoso.com", displayName: "Ada" },
      },
    ]);
  });

  it("a multi-valued attribute is posted as the list of its values", () => {
    const c = config("{ target: proxyAddresses, attribute: proxyAddresses }");
    const result = one(c, { ...ada, proxyAddresses: ["smtp:a@contoso.com", "smtp:b@contoso.com"] });
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [CORE],
      userName: "ada@contoso.com",
      proxyAddresses: ["smtp:a@contoso.com", "smtp:b@contoso.com"],
    });
  });
});

describe("PATCH: Add where the target has no value, Replace where it has another", () => {
  const c = () => config("{ target: title, attribute: jobTitle }");

  it.each([null, ""])("a target holding title %j gets op Add", (title) => {
    const result = one(c(), { ...ada, jobTitle: "Engineer" }, [existing({ title })]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "title", value: "Engineer" }],
    });
  });

  it("a target holding another title gets op Replace", () => {
    const result = one(c(), { ...ada, jobTitle: "Engineer" }, [existing({ title: "Intern" })]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "title", value: "Engineer" }],
    });
  });

  it("a target number compares by its text: Infinity equals the text Infinity", () => {
    // A library caller may hand the target over as objects: a number there compares as String(number).
    const result = one(c(), { ...ada, jobTitle: "Infinity" }, [
      existing({ title: Number.POSITIVE_INFINITY }),
    ]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });
});

describe("an empty string is sent as-is (SPEC §c.4)", () => {
  const trimmed = () => config("{ target: title, expression: 'Trim([jobTitle])' }");
  const blank = { ...ada, jobTitle: "   " };
  const addEmpty = { schemas: [PATCH_OP], Operations: [{ op: "Add", path: "title", value: "" }] };

  it.each([
    ["no title", existing()],
    ["title null", existing({ title: null })],
  ])("a target with %s gets op Add of the empty string", (_what, target) => {
    expect(one(trimmed(), blank, [target]).requests[0]?.body).toStrictEqual(addEmpty);
  });

  it("a target already holding the empty string is up to date", () => {
    const result = one(trimmed(), blank, [existing({ title: "" })]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("a target value that is an object without `value` is not taken for the empty string", () => {
    const result = one(trimmed(), blank, [existing({ title: {} })]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "title", value: "" }],
    });
  });
});

describe("multi-valued targets compare as sets of texts", () => {
  const c = () => config("{ target: proxyAddresses, attribute: proxyAddresses }");

  it("a target holding the single value as a plain string is up to date", () => {
    const result = one(c(), { ...ada, proxyAddresses: ["smtp:a@contoso.com"] }, [
      existing({ proxyAddresses: "smtp:a@contoso.com" }),
    ]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("a target list of the same length sharing only some values gets the whole list", () => {
    const result = one(c(), { ...ada, proxyAddresses: ["smtp:a@contoso.com", "smtp:b@contoso.com"] }, [
      existing({ proxyAddresses: ["smtp:a@contoso.com", "smtp:old@contoso.com"] }),
    ]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "proxyAddresses", value: ["smtp:a@contoso.com", "smtp:b@contoso.com"] },
      ],
    });
  });
});

describe("references compare by the target id", () => {
  const manager = `{ target: '${ENTERPRISE}:manager', attribute: manager }`;
  const boss = { objectId: "boss-id", userPrincipalName: "boss@contoso.com" };
  const bossTarget = { id: "boss-target", userName: "boss@contoso.com" };

  it("a target already holding the manager's target id is up to date", () => {
    const [result] = preview(config(manager), [{ ...ada, manager: "boss-id" }, boss], {
      target: [existing({ [ENTERPRISE]: { manager: { value: "boss-target" } } }), bossTarget],
    });
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("a target holding another manager gets Replace with the bare id", () => {
    const [result] = preview(config(manager), [{ ...ada, manager: "boss-id" }, boss], {
      target: [existing({ [ENTERPRISE]: { manager: { value: "someone-else" } } }), bossTarget],
    });
    expect(result?.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: `${ENTERPRISE}:manager`, value: "boss-target" }],
    });
  });
});

describe("roles on update (SPEC §b.1)", () => {
  const complex = () =>
    config("{ target: roles, expression: 'AppRoleAssignmentsComplex([appRoleAssignments])' }");
  const assertive = () =>
    config("{ target: roles, expression: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])' }");
  const role = (value: string) => ({ id: `id-${value}`, value, displayName: `Role ${value}` });

  it("Complex on a target without roles: the change lists no old roles and the new role values", () => {
    const result = one(complex(), { ...ada, appRoleAssignments: [role("A")] }, [existing()]);
    expect(result.action).toBe("Update");
    expect(actionDetails(result)?.changes).toStrictEqual([
      { target: "roles", oldValue: [], newValue: ["A"] },
    ]);
  });

  it("a null item in the target's roles is no role, not a crash", () => {
    const result = one(complex(), { ...ada, appRoleAssignments: [role("A")] }, [
      existing({ roles: [null, { value: "A" }] }),
    ]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("Assertive: a target holding exactly the user's roles is up to date", () => {
    const result = one(assertive(), { ...ada, appRoleAssignments: [role("A"), role("B")] }, [
      existing({ roles: [{ value: "B" }, { value: "A" }] }),
    ]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("Assertive: as many roles but not the same ones replaces the list", () => {
    const result = one(assertive(), { ...ada, appRoleAssignments: [role("A"), role("B")] }, [
      existing({ roles: [{ value: "A" }, { value: "C" }] }),
    ]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [
        {
          op: "Replace",
          path: "roles",
          value: [
            { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Role A", value: "A" },
            { primary: false, type: "WindowsAzureActiveDirectoryRole", display: "Role B", value: "B" },
          ],
        },
      ],
    });
  });
});

describe("roles on a target that is not SCIM, and secret roles", () => {
  const role = { id: "id-sales", value: "Sales.Admin", displayName: "Sales Admin" };
  const complex = "{ target: roles, expression: 'AppRoleAssignmentsComplex([appRoleAssignments])' }";

  it("a target that is not SCIM gets the roles change, with no request", () => {
    const [result] = preview(config(complex), [{ ...ada, appRoleAssignments: [role] }], {
      target: [existing({ roles: [{ value: "Sales.User" }] })],
      targetKind: "attributes",
    });
    expect(result?.action).toBe("Update");
    expect(result?.requests).toEqual([]);
    expect(result?.attributeChanges?.changes).toStrictEqual([
      { target: "roles", oldValue: ["Sales.User"], newValue: ["Sales.Admin"] },
    ]);
  });

  it("roles read from an attribute that flows through Redact are patched as [Redact]", () => {
    const c = config(complex, "{ target: nickName, expression: 'Redact([appRoleAssignments])' }");
    const result = one(c, { ...ada, appRoleAssignments: [role] }, [
      existing({ roles: [{ value: "Sales.User" }] }),
    ]);
    // The roles mapping comes first; nickName's own operation (a role list too) follows it.
    expect(
      (result.requests[0]?.body as { Operations?: unknown[] } | undefined)?.Operations?.[0],
    ).toStrictEqual({
      op: "Add",
      path: "roles",
      value: "[Redact]",
    });
    const changes = actionDetails(result)?.changes as unknown[];
    expect(changes[0]).toStrictEqual({ target: "roles", oldValue: "[Redact]", newValue: "[Redact]" });
  });
});
