import { describe, expect, it } from "vitest";
import { loadConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * The rules that decide Update versus Skip, Disable versus Skip, and how the Match step treats values
 * (SPEC Part 1 §e): each stated on the smallest configuration that shows it.
 */
function config(...mappings: string[]): ReturnType<typeof loadConfig> {
  const text = [
    "object: { name: Users, source: User, target: User }",
    "mappings:",
    ...mappings.map((mapping) => `  - ${mapping}`),
  ].join("\n");
  const loaded = loadConfig(text);
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
}

const USER_NAME = "{ target: userName, attribute: userPrincipalName, match: 1 }";
const ACTIVE = `{ target: active, expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' }`;
const PROXY = "{ target: proxyAddresses, attribute: proxyAddresses }";

function one(
  loaded: ReturnType<typeof loadConfig>,
  user: Record<string, unknown>,
  target: unknown[],
): UserPreview {
  const [result] = preview(loaded, [user], { target });
  return result!;
}

const ada = { userPrincipalName: "ada@contoso.com", IsSoftDeleted: false };

describe("update: multi-valued targets", () => {
  const loaded = () => config(USER_NAME, PROXY);
  const user = { ...ada, proxyAddresses: ["smtp:a@contoso.com", "smtp:b@contoso.com"] };

  it("a target list holding the same values in another order is up to date", () => {
    const target = {
      id: "t1",
      userName: "ada@contoso.com",
      proxyAddresses: ["smtp:b@contoso.com", "smtp:a@contoso.com"],
    };
    expect(one(loaded(), user, [target])).toMatchObject({
      action: "Skip",
      skipReason: "RedundantExport",
      requests: [],
    });
  });

  it("a target list holding an extra value gets a PATCH replacing the list", () => {
    const extra = ["smtp:a@contoso.com", "smtp:b@contoso.com", "smtp:old@contoso.com"];
    const result = one(loaded(), user, [{ id: "t1", userName: "ada@contoso.com", proxyAddresses: extra }]);
    expect(result.action).toBe("Update");
    expect(result.requests[0]?.body).toMatchObject({
      Operations: [
        { op: "Replace", path: "proxyAddresses", value: ["smtp:a@contoso.com", "smtp:b@contoso.com"] },
      ],
    });
  });

  it("a target list missing one of the values gets a PATCH too", () => {
    const result = one(loaded(), user, [
      { id: "t1", userName: "ada@contoso.com", proxyAddresses: ["smtp:a@contoso.com"] },
    ]);
    expect(result.action).toBe("Update");
  });
});

describe("update: Boolean targets compare as true/false in any case", () => {
  const loaded = () => config(USER_NAME, ACTIVE);

  it.each([true, "True", "true", "TRUE"])(
    "a target holding active %j is up to date for an active user",
    (active) => {
      const result = one(loaded(), ada, [{ id: "t1", userName: "ada@contoso.com", active }]);
      expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
    },
  );

  it.each([false, "False", "no"])("a target holding active %j gets active = true", (active) => {
    const result = one(loaded(), ada, [{ id: "t1", userName: "ada@contoso.com", active }]);
    expect(result.action).toBe("Update");
    expect(result.requests[0]?.body).toMatchObject({
      Operations: [{ op: "Replace", path: "active", value: true }],
    });
  });
});

describe("disable", () => {
  const loaded = () => config(USER_NAME, ACTIVE);
  const deleted = { ...ada, IsSoftDeleted: true };

  it.each([false, "False", "false"])("a target already holding active %j is not disabled again", (active) => {
    const result = one(loaded(), deleted, [{ id: "t1", userName: "ada@contoso.com", active }]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it.each([true, "True", undefined])("a target holding active %j is disabled with one PATCH", (active) => {
    const result = one(loaded(), deleted, [{ id: "t1", userName: "ada@contoso.com", active }]);
    expect(result.action).toBe("Disable");
    expect(result.requests).toEqual([
      {
        method: "PATCH",
        path: "/Users/t1",
        body: {
          schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          Operations: [{ op: "Replace", path: "active", value: false }],
        },
      },
    ]);
  });
});

describe("match step", () => {
  const loaded = () => config(USER_NAME, "{ target: externalId, attribute: mailNickname, match: 2 }");

  it("an empty matching value is no value: the next matching attribute is tried", () => {
    const user = { userPrincipalName: "", mailNickname: "ada", IsSoftDeleted: false };
    const target = [
      { id: "blank", userName: "" },
      { id: "t1", userName: "someone@contoso.com", externalId: "ada" },
    ];
    const result = one(loaded(), user, target);
    expect(result.match).toEqual({ id: "t1", attribute: "externalId", value: "ada" });
  });

  it("a user whose every matching value is empty is not imported, even if a target object has empty values", () => {
    const user = { userPrincipalName: "", mailNickname: "", IsSoftDeleted: false };
    const result = one(loaded(), user, [{ id: "blank", userName: "", externalId: "" }]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "ImportSkipped", match: null });
  });

  it("userName matches in any case; externalId (caseExact in SCIM's schema) only exactly", () => {
    const user = { userPrincipalName: "ADA@CONTOSO.COM", mailNickname: "ADA", IsSoftDeleted: false };
    expect(one(loaded(), user, [{ id: "t1", userName: "ada@contoso.com" }]).match?.id).toBe("t1");
    const byExternalId = one(loaded(), { ...user, userPrincipalName: "x@contoso.com" }, [
      { id: "t2", userName: "y@contoso.com", externalId: "ada" },
    ]);
    expect(byExternalId.match).toBeNull();
    expect(byExternalId.action).toBe("Create");
  });

  it("an attribute the target schema does not describe matches in any case", () => {
    const custom = config("{ target: employeeCode, attribute: employeeId, match: 1 }");
    const result = one(custom, { employeeId: "abc-1", IsSoftDeleted: false }, [
      { id: "t9", employeeCode: "ABC-1" },
    ]);
    expect(result.match).toEqual({ id: "t9", attribute: "employeeCode", value: "abc-1" });
  });

  it("tries the next matching attribute when the first finds nothing, and records every attempt", () => {
    const user = { userPrincipalName: "new@contoso.com", mailNickname: "ada", IsSoftDeleted: false };
    const result = one(loaded(), user, [{ id: "t1", userName: "old@contoso.com", externalId: "ada" }]);
    expect(result.match).toEqual({ id: "t1", attribute: "externalId", value: "ada" });
    const match = result.steps.find((step) => step.name === "match");
    expect(match?.details.attempts).toEqual([
      { attribute: "userName", priority: 1, value: "new@contoso.com", matches: [] },
      { attribute: "externalId", priority: 2, value: "ada", matches: ["t1"] },
    ]);
  });

  it("records an empty matching value as an attempt with no value and no matches", () => {
    const user = { userPrincipalName: "", mailNickname: "ada", IsSoftDeleted: false };
    const result = one(loaded(), user, []);
    const match = result.steps.find((step) => step.name === "match");
    expect(match?.details.attempts).toEqual([
      { attribute: "userName", priority: 1, value: null, matches: [] },
      { attribute: "externalId", priority: 2, value: "ada", matches: [] },
    ]);
    expect(result.action).toBe("Create");
  });

  it("names a duplicate without an id as (no id)", () => {
    const user = { userPrincipalName: "ada@contoso.com", mailNickname: "ada", IsSoftDeleted: false };
    const result = one(loaded(), user, [
      { id: "t1", userName: "ada@contoso.com" },
      { userName: "ADA@contoso.com" },
    ]);
    expect(result.action).toBe("Error");
    expect(result.error?.code).toBe("DuplicateTargetEntries");
    expect(result.error?.message).toContain("(t1, (no id))");
  });

  it("a multi-valued matching attribute matches by its first value; an empty list is no value", () => {
    const multi = config("{ target: emails, attribute: otherMails, match: 1 }");
    const user = { otherMails: ["a@contoso.com", "b@contoso.com"], IsSoftDeleted: false };
    expect(one(multi, user, [{ id: "t1", emails: ["a@contoso.com"] }]).match?.id).toBe("t1");
    expect(one(multi, user, [{ id: "t2", emails: ["b@contoso.com"] }]).match).toBeNull();
    const empty = one(multi, { otherMails: [], IsSoftDeleted: false }, [
      { id: "t1", emails: ["a@contoso.com"] },
    ]);
    expect(empty).toMatchObject({ action: "Skip", skipReason: "ImportSkipped" });
  });
});
