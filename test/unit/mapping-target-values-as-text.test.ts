import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * How the values a target already holds read as text when an update compares them with the export (SPEC
 * Part 1: string comparison): a complex value by its `value`, a null or undefined inside a value as no
 * text, any other object as its JSON. A library caller hands the target over as JavaScript objects, so an
 * `undefined` inside a list or a complex value must be read too, never crash the preview.
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

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ada = { objectId: "ada-id", userPrincipalName: "ada@contoso.com" };
const one = (c: MappingConfig, user: unknown, target: unknown[]) =>
  preview(c, [user], { target })[0] as UserPreview;
const existing = (extra: Record<string, unknown>) => ({ id: "t1", userName: "ada@contoso.com", ...extra });
const changesOf = (result: UserPreview) => result.steps.find((s) => s.name === "action")?.details?.changes;

describe("the target's roles as the change shows them", () => {
  const complex = () =>
    config("{ target: roles, expression: 'AppRoleAssignmentsComplex([appRoleAssignments])' }");
  const sales = { id: "id-sales", value: "Sales.Admin", displayName: "Sales Admin" };

  it("null and undefined items read as no text, complex items by value, other objects as JSON", () => {
    const held = [null, undefined, { value: "Sales.User" }, { id: "r9" }, 7, true];
    const result = one(complex(), { ...ada, appRoleAssignments: [sales] }, [existing({ roles: held })]);
    expect(result.action).toBe("Update");
    expect(changesOf(result)).toStrictEqual([
      {
        target: "roles",
        oldValue: ["", "", "Sales.User", '{"id":"r9"}', "7", "true"],
        newValue: ["Sales.Admin"],
      },
    ]);
  });

  it("an undefined item among the target's roles is no role; the others still count", () => {
    const result = one(complex(), { ...ada, appRoleAssignments: [sales] }, [
      existing({ roles: [undefined, { value: "Sales.Admin" }] }),
    ]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });
});

describe("a complex target value compares by its value", () => {
  const title = () => config("{ target: title, expression: 'Trim([jobTitle])' }");
  const active = () =>
    config(`{ target: active, expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' }`);

  it.each([
    ["null", null],
    ["undefined", undefined],
  ])("a title { value: %s } holds no text: an empty export is up to date", (_what, value) => {
    const result = one(title(), { ...ada, jobTitle: "  " }, [existing({ title: { value } })]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });

  it("a title { value: null } is not the text null", () => {
    const result = one(title(), { ...ada, jobTitle: "null" }, [existing({ title: { value: null } })]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "title", value: "null" }],
    });
  });

  it("active { value: undefined } is not true: the user's active is replaced, no crash", () => {
    const result = one(active(), { ...ada, IsSoftDeleted: false }, [
      existing({ active: { value: undefined } }),
    ]);
    expect(result.requests[0]?.body).toStrictEqual({
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: true }],
    });
  });

  it("active { value: true } is up to date", () => {
    const result = one(active(), { ...ada, IsSoftDeleted: false }, [existing({ active: { value: true } })]);
    expect(result).toMatchObject({ action: "Skip", skipReason: "RedundantExport", requests: [] });
  });
});
