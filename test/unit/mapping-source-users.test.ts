import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview } from "../../src/index.js";
import {
  guestPrincipalName,
  isAssigned,
  isSoftDeleted,
  sourceAttributes,
  userLabel,
} from "../../src/mapping/source-user.js";

/**
 * A source user as the preview reads it (SPEC §c.3, §d, §e): the B2B guest rule on userPrincipalName,
 * when a user counts as not active or as assigned, and how reports name a user.
 */
const GUEST = "ada_fabrikam.com#EXT#@contoso.onmicrosoft.com";

describe("a B2B guest's userPrincipalName is read as alias@domain", () => {
  it("the guest's UPN becomes alias@domain and the full value is kept in originalUserPrincipalName", () => {
    const user = { userPrincipalName: GUEST, mail: "ada@fabrikam.com" };
    expect(sourceAttributes(user)).toStrictEqual({
      userPrincipalName: "ada@fabrikam.com",
      mail: "ada@fabrikam.com",
      originalUserPrincipalName: GUEST,
    });
    expect(user.userPrincipalName).toBe(GUEST);
  });

  it("an originalUserPrincipalName the user already has is kept; a null one is the full UPN", () => {
    expect(sourceAttributes({ userPrincipalName: GUEST, originalUserPrincipalName: "given" })).toStrictEqual({
      userPrincipalName: "ada@fabrikam.com",
      originalUserPrincipalName: "given",
    });
    expect(sourceAttributes({ userPrincipalName: GUEST, originalUserPrincipalName: null })).toStrictEqual({
      userPrincipalName: "ada@fabrikam.com",
      originalUserPrincipalName: GUEST,
    });
  });

  it("an originalUserPrincipalName the user only inherits is not the user's", () => {
    const user = Object.assign(Object.create({ originalUserPrincipalName: "inherited" }) as object, {
      userPrincipalName: GUEST,
    });
    expect(sourceAttributes(user)).toStrictEqual({
      userPrincipalName: "ada@fabrikam.com",
      originalUserPrincipalName: GUEST,
    });
  });

  it("any other user is read as it is, the very same object", () => {
    for (const user of [
      { userPrincipalName: "ada@contoso.com" },
      { userPrincipalName: 7 },
      {},
      Object.create({ userPrincipalName: GUEST }) as object,
    ]) {
      expect(sourceAttributes(user)).toBe(user);
    }
  });

  it("what is not an object of attributes is no user", () => {
    for (const user of [null, undefined, "ada", 7, [{ userPrincipalName: "a@b" }]]) {
      expect(sourceAttributes(user)).toBeUndefined();
    }
  });

  it.each([
    ["ada_fabrikam.com#EXT#@contoso.onmicrosoft.com", "ada@fabrikam.com"],
    ["ada_fabrikam.com#ext#@contoso.onmicrosoft.com", "ada@fabrikam.com"],
    ["ada_b_fabrikam.com#EXT#@contoso.onmicrosoft.com", "ada_b@fabrikam.com"],
    ["a_b#EXT#@t", "a@b"],
  ])("%s is the guest %s", (upn, expected) => {
    expect(guestPrincipalName(upn)).toBe(expected);
  });

  it.each([
    ["no #EXT# marker", "ada@contoso.com"],
    ["a # but no marker", "ada#1@contoso.com"],
    ["the marker without the @ after it", "ada_fabrikam.com#EXT#contoso"],
    ["nothing before the marker", "#EXT#@contoso.onmicrosoft.com"],
    ["no underscore", "adafabrikam.com#EXT#@contoso.onmicrosoft.com"],
    ["the underscore first", "_fabrikam.com#EXT#@contoso.onmicrosoft.com"],
    ["the underscore last", "ada_#EXT#@contoso.onmicrosoft.com"],
  ])("%s is no guest: %s", (_what, upn) => {
    expect(guestPrincipalName(upn)).toBeUndefined();
  });

  it("the preview matches and exports the guest by alias@domain", () => {
    const config = loadConfig(
      "mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
    );
    const [result] = preview(config, [{ objectId: "g1", userPrincipalName: GUEST }], {
      target: [{ id: "t1", userName: "ada@fabrikam.com" }],
    });
    expect(result?.match).toStrictEqual({ id: "t1", attribute: "userName", value: "ada@fabrikam.com" });
  });
});

describe("not active in the source: IsSoftDeleted true or accountEnabled false", () => {
  it.each([
    [{ IsSoftDeleted: true }, true],
    [{ IsSoftDeleted: "True" }, true],
    [{ IsSoftDeleted: "TRUE" }, true],
    [{ accountEnabled: false }, true],
    [{ accountEnabled: "False" }, true],
    [{ accountEnabled: "FALSE" }, true],
    [{ IsSoftDeleted: false, accountEnabled: true }, false],
    [{ IsSoftDeleted: "False", accountEnabled: "True" }, false],
    [{ IsSoftDeleted: "yes", accountEnabled: "no" }, false],
    [{ IsSoftDeleted: 1, accountEnabled: 0 }, false],
    [{}, false],
  ])("%j: %s", (attributes, expected) => {
    expect(isSoftDeleted(attributes)).toBe(expected);
  });
});

describe("assigned to the app: has an appRoleAssignments value", () => {
  it.each([
    [[], true],
    [[{ value: "User" }], true],
    ["x", true],
    [undefined, false],
    [null, false],
    ["", false],
  ])("appRoleAssignments %j: %s", (roles, expected) => {
    expect(isAssigned(roles === undefined ? {} : { appRoleAssignments: roles })).toBe(expected);
  });

  it("with assignment: assigned, an unassigned user is out of scope, and the Scope step says why", () => {
    const config: MappingConfig = loadConfig(
      "assignment: assigned\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
    );
    expect(config.diagnostics).toEqual([]);
    const [unassigned, assigned] = preview(config, [
      { userPrincipalName: "a@contoso.com" },
      { userPrincipalName: "b@contoso.com", appRoleAssignments: [] },
    ]);
    expect(unassigned?.summary).toBe(
      "Skip (NotEffectivelyEntitled): not assigned to the app (no appRoleAssignments)",
    );
    const scope = unassigned?.steps.find((s) => s.name === "scope");
    expect(scope?.description).toBe("The user is not assigned to the app (no appRoleAssignments).");
    expect(scope?.details).toMatchObject({
      Assigned: false,
      ScopeSyncAll: false,
      IsInProvisioningScope: true,
    });
    expect(assigned?.action).toBe("Create");
    expect(assigned?.steps.find((s) => s.name === "scope")?.details).toMatchObject({
      IsActive: true,
      Assigned: true,
      ScopeSyncAll: false,
    });
  });

  it("with assignment: assigned and lean results (no details), the unassigned user is skipped too", () => {
    const config = loadConfig(
      "assignment: assigned\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
    );
    const results = preview(
      config,
      [
        { userPrincipalName: "a@contoso.com" },
        { userPrincipalName: "b@contoso.com", appRoleAssignments: [] },
      ],
      { details: false },
    );
    expect(results.map((r) => [r.action, r.skipReason, r.steps])).toStrictEqual([
      ["Skip", "NotEffectivelyEntitled", []],
      ["Create", undefined, []],
    ]);
  });
});

describe("how reports name a user: objectId, else userPrincipalName, else id, else its position", () => {
  it.each([
    [{ objectId: "o1", userPrincipalName: "a@b", id: "i1" }, "o1"],
    [{ objectId: "", userPrincipalName: "a@b", id: "i1" }, "a@b"],
    [{ objectId: 7, userPrincipalName: "", id: "i1" }, "i1"],
    [{ objectId: null, id: 3 }, "#5"],
    [undefined, "#5"],
  ])("%j is %s", (attributes, expected) => {
    expect(userLabel(attributes as Record<string, unknown> | undefined, 4)).toBe(expected);
  });
});
