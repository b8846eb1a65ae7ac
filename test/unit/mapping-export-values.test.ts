import { describe, expect, it } from "vitest";
import { FLOW_SKIPPED } from "../../src/functions/index.js";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";
import {
  exportValue,
  isResourceLimit,
  MAX_VALUE_LENGTH,
  shownValue,
  tooLarge,
} from "../../src/mapping/flow.js";

/**
 * What one user's mappings export (SPEC §c.1, §c.4, Part 1 "Provision-on-demand preview"): a computed value
 * as it travels to its target (Boolean → JSON boolean, Integer → JSON number), what the preview shows of it,
 * and, per mapping, why it wrote what it wrote (the Action step's `attributes` notes).
 */
describe("a computed value as it travels to its target", () => {
  it("null, IgnoreFlowIfNullOrEmpty's skip, an empty list and no roles export nothing", () => {
    expect(exportValue(null, "String")).toBeUndefined();
    expect(exportValue(FLOW_SKIPPED, "String")).toBeUndefined();
    expect(exportValue([], undefined)).toBeUndefined();
    expect(exportValue({ kind: "roles", roles: [], patch: "replace" }, undefined)).toBeUndefined();
  });

  it("the empty string is a value and flows as is", () => {
    expect(exportValue("", "String")).toStrictEqual({ kind: "text", value: "" });
    expect(exportValue("", "Boolean")).toStrictEqual({ kind: "text", value: "" });
  });

  it("a list flows as the list of its texts", () => {
    expect(exportValue(["a", "b"], "String")).toStrictEqual({ kind: "list", value: ["a", "b"] });
  });

  it("roles keep their patch mode; the raw attribute's roles are added, as AppRoleAssignmentsComplex does", () => {
    const roles = [{ value: "Admin" }];
    expect(exportValue({ kind: "roles", roles, patch: "replace" }, undefined)).toStrictEqual({
      kind: "roles",
      roles,
      patch: "replace",
    });
    expect(exportValue({ kind: "roles", roles }, undefined)).toStrictEqual({
      kind: "roles",
      roles,
      patch: "add",
    });
  });

  it("a Boolean target gets a JSON boolean for true or false in any case, else the text", () => {
    expect(exportValue("TRUE", "Boolean")).toStrictEqual({ kind: "boolean", value: true });
    expect(exportValue("false", "Boolean")).toStrictEqual({ kind: "boolean", value: false });
    expect(exportValue(true, "Boolean")).toStrictEqual({ kind: "boolean", value: true });
    expect(exportValue("yes", "Boolean")).toStrictEqual({ kind: "text", value: "yes" });
    expect(exportValue("true ", "Boolean")).toStrictEqual({ kind: "text", value: "true " });
    expect(exportValue("xtrue", "Boolean")).toStrictEqual({ kind: "text", value: "xtrue" });
    // Another target keeps the text Entra renders.
    expect(exportValue(true, "String")).toStrictEqual({ kind: "text", value: "True" });
    expect(exportValue("true", undefined)).toStrictEqual({ kind: "text", value: "true" });
  });

  it("an Integer target gets a JSON number for an integer's text, the text past what a number holds exactly", () => {
    expect(exportValue("42", "Integer")).toStrictEqual({ kind: "integer", value: 42 });
    expect(exportValue("-7", "Integer")).toStrictEqual({ kind: "integer", value: -7 });
    expect(exportValue(12n, "Integer")).toStrictEqual({ kind: "integer", value: 12 });
    expect(exportValue("9007199254740993", "Integer")).toStrictEqual({
      kind: "integer",
      value: "9007199254740993",
    });
    expect(exportValue("9007199254740991", "Integer")).toStrictEqual({
      kind: "integer",
      value: 9007199254740991,
    });
    for (const text of ["4.5", "1e3", " 42", "42 ", "+4", "x42", "42x", ""])
      expect(exportValue(text, "Integer")).toStrictEqual({ kind: "text", value: text });
    expect(exportValue("42", "String")).toStrictEqual({ kind: "text", value: "42" });
  });

  it("shows role values, a reference's target id, else the value itself", () => {
    expect(
      shownValue({ kind: "roles", roles: [{ value: "A", id: "1" }, { value: "B" }], patch: "add" }),
    ).toStrictEqual(["A", "B"]);
    expect(shownValue({ kind: "reference", id: "t9" })).toBe("t9");
    expect(shownValue({ kind: "boolean", value: false })).toBe(false);
    expect(shownValue({ kind: "list", value: ["x"] })).toStrictEqual(["x"]);
  });
});

describe("values too large to preview", () => {
  it("the message names the target and the limit", () => {
    expect(MAX_VALUE_LENGTH).toBe(1_048_576);
    const failure = tooLarge("title");
    expect([failure.code, failure.target, failure.message]).toStrictEqual([
      "value-too-large",
      "title",
      "The value for title is too large to preview (over 1,048,576 characters); check the expression for runaway growth (Replace, Join or Switch on very long text).",
    ]);
  });

  it("JavaScript's own limits are RangeErrors of a few kinds, in any case", () => {
    for (const message of [
      "Invalid string length",
      "Invalid array length",
      "Invalid typed array length: 9",
      "Array buffer allocation failed",
      "Maximum call stack size exceeded",
      "INVALID STRING LENGTH",
    ])
      expect(isResourceLimit(new RangeError(message))).toBe(true);
    expect(isResourceLimit(new RangeError("toFixed() digits argument must be between 0 and 100"))).toBe(
      false,
    );
    expect(isResourceLimit(new Error("Invalid string length"))).toBe(false);
    expect(isResourceLimit("Invalid string length")).toBe(false);
  });

  const config = (line: string) =>
    loadConfig(`mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n  - ${line}\n`);
  const user = (extra: Record<string, unknown>) => ({ userPrincipalName: "a@x.com", ...extra });
  const outcome = (c: MappingConfig, u: unknown) => {
    const [result] = preview(c, [u]);
    return [result?.action, result?.error?.code, result?.error?.target];
  };

  it("a value of exactly the limit is previewed; one longer fails that user", () => {
    const c = config("{ target: title, attribute: jobTitle }");
    expect(outcome(c, user({ jobTitle: "x".repeat(MAX_VALUE_LENGTH) }))).toStrictEqual([
      "Create",
      undefined,
      undefined,
    ]);
    expect(outcome(c, user({ jobTitle: "x".repeat(MAX_VALUE_LENGTH + 1) }))).toStrictEqual([
      "Error",
      "value-too-large",
      "title",
    ]);
  });

  it("a list counts the length of all its texts", () => {
    const c = config("{ target: emails, attribute: otherMails }");
    const half = "x".repeat(MAX_VALUE_LENGTH / 2);
    expect(outcome(c, user({ otherMails: [half, half] }))[0]).toBe("Create");
    expect(outcome(c, user({ otherMails: [half, half, "y"] }))).toStrictEqual([
      "Error",
      "value-too-large",
      "emails",
    ]);
  });

  it("a matching attribute past the limit fails the user too (it is evaluated with the other matchers)", () => {
    const c = config("{ target: externalId, attribute: mailNickname, match: 2 }");
    expect(outcome(c, user({ mailNickname: "x".repeat(MAX_VALUE_LENGTH + 1) }))).toStrictEqual([
      "Error",
      "value-too-large",
      "externalId",
    ]);
  });
});

describe("why each mapping wrote what it wrote (the Action step's notes)", () => {
  const manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
  const CONFIG = `mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, attribute: jobTitle, default: Staff }
  - { target: nickName, attribute: nickname }
  - { target: profileUrl, expression: 'IgnoreFlowIfNullOrEmpty([url])' }
  - { target: '${manager}', attribute: manager }
  - { target: externalId, attribute: objectId, applyOn: create }
  - { target: active, none: true, default: 'TRUE' }
  - { target: displayName, constant: Ada }
`;
  const ada = { objectId: "ada-id", userPrincipalName: "ada@contoso.com", manager: "boss-id" };
  const notes = (result: UserPreview | undefined) =>
    result?.steps.find((s) => s.name === "action")?.details.attributes;

  it("on create: exported values, the default converted for its target, null, skipped, a pending reference", () => {
    const [created] = preview(loadConfig(CONFIG), [ada]);
    expect(created?.action).toBe("Create");
    expect(notes(created)).toStrictEqual([
      { target: "userName", outcome: "exported", value: "ada@contoso.com" },
      { target: "title", outcome: "default", value: "Staff" },
      { target: "nickName", outcome: "null" },
      { target: "profileUrl", outcome: "flow-skipped" },
      { target: manager, outcome: "reference-pending", value: "boss-id" },
      { target: "externalId", outcome: "exported", value: "ada-id" },
      { target: "active", outcome: "default", value: true },
      { target: "displayName", outcome: "exported", value: "Ada" },
    ]);
    expect(created?.requests[0]?.body).toMatchObject({ active: true, title: "Staff" });
  });

  it("on update: no default, create-only and None mappings are skipped, a resolved reference shows its id", () => {
    const target = [
      { id: "t1", userName: "ada@contoso.com", title: "Boss" },
      { id: "t-boss", userName: "boss@contoso.com" },
    ];
    const boss = { objectId: "boss-id", userPrincipalName: "boss@contoso.com" };
    const [updated] = preview(loadConfig(CONFIG), [ada, boss], { target });
    expect(updated?.action).toBe("Update");
    expect(notes(updated)).toStrictEqual([
      { target: "userName", outcome: "exported", value: "ada@contoso.com" },
      { target: "title", outcome: "null" },
      { target: "nickName", outcome: "null" },
      { target: "profileUrl", outcome: "flow-skipped" },
      { target: manager, outcome: "exported", value: "t-boss" },
      { target: "externalId", outcome: "create-only" },
      { target: "active", outcome: "create-only" },
      { target: "displayName", outcome: "exported", value: "Ada" },
    ]);
  });

  it("a default that is not an integer's text stays text on an Integer target; a Boolean one converts", () => {
    const c = loadConfig(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: active, attribute: enabled, default: 'False' }
  - { target: title, attribute: jobTitle, default: 'TRUE' }
`);
    expect(preview(c, [{ userPrincipalName: "a@x.com" }])[0]?.requests[0]?.body).toMatchObject({
      active: false,
      title: "TRUE",
    });
  });
});

describe("IIF on a null or empty condition attribute", () => {
  const c = loadConfig(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, expression: 'IIF([constructor] = "x", "a", "b")' }
`);
  const codes = (extra: Record<string, unknown>) =>
    preview(c, [{ userPrincipalName: "a@x.com", ...extra }])[0]?.warnings.map((w) => [
      w.code,
      w.target,
      w.message,
    ]);
  const warning = [
    "iif-null-condition",
    "title",
    'The IIF condition reads [constructor], which is null or empty for this user; Entra documents that the condition check fails then. Use Switch with a "" key instead.',
  ];

  it("warns for an absent, null or empty attribute, even one named like a property of every object", () => {
    expect(codes({})).toStrictEqual([warning]);
    expect(codes({ constructor: null })).toStrictEqual([warning]);
    expect(codes({ constructor: "" })).toStrictEqual([warning]);
    expect(codes({ constructor: undefined })).toStrictEqual([warning]);
  });

  it("does not warn for a value", () => {
    expect(codes({ constructor: "x" })).toStrictEqual([]);
    expect(codes({ constructor: "0" })).toStrictEqual([]);
  });
});
