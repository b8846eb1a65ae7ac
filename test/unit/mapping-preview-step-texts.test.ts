import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * What an admin reads first (SPEC Part 1 "Provision-on-demand preview"): each user's one-line summary and
 * the four steps as the Entra portal shows them (title, status, one sentence), for every action and every
 * way a user stops early, on a SCIM target and on a target that is not SCIM.
 */
const CONFIG = `
scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: externalId, attribute: mailNickname, match: 2 }
  - { target: active, expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")' }
  - { target: title, attribute: jobTitle }
  - { target: displayName, attribute: displayName }
`;
function config(): MappingConfig {
  const loaded = loadConfig(CONFIG);
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
}

const sales = { department: "Sales" };
const USERS: Record<string, unknown> = {
  noKey: { displayName: "No key", ...sales },
  outOfScope: { objectId: "o1", userPrincipalName: "out@contoso.com", department: "HR" },
  created: {
    objectId: "o2",
    userPrincipalName: "new@contoso.com",
    jobTitle: "Eng",
    displayName: "New",
    ...sales,
  },
  updated: {
    objectId: "o3",
    userPrincipalName: "upd@contoso.com",
    jobTitle: "Eng",
    displayName: "Upd",
    ...sales,
  },
  updatedOne: { objectId: "o3b", userPrincipalName: "one@contoso.com", jobTitle: "Eng", ...sales },
  upToDate: {
    objectId: "o4",
    userPrincipalName: "same@contoso.com",
    jobTitle: "Eng",
    displayName: "Same",
    ...sales,
  },
  disabled: { objectId: "o5", userPrincipalName: "del@contoso.com", IsSoftDeleted: true, ...sales },
  deletedAbsent: { objectId: "o6", userPrincipalName: "gone@contoso.com", IsSoftDeleted: true, ...sales },
  alreadyDisabled: { objectId: "o7", userPrincipalName: "deld@contoso.com", IsSoftDeleted: true, ...sales },
  duplicate: { objectId: "o8", userPrincipalName: "dup@contoso.com", ...sales },
  noId: { objectId: "o9", userPrincipalName: "noid@contoso.com", ...sales },
  noUserName: { objectId: "o10", mailNickname: "nick", ...sales },
  notAUser: "not a user",
};
const TARGET = [
  { id: "t3", userName: "upd@contoso.com", title: "Intern", displayName: "Old", active: true },
  { id: "t3b", userName: "one@contoso.com", title: "Intern", active: true },
  { id: "t4", userName: "same@contoso.com", title: "Eng", displayName: "Same", active: true },
  { id: "t5", userName: "del@contoso.com", active: true },
  { id: "t7", userName: "deld@contoso.com", active: false },
  { id: "t8a", userName: "dup@contoso.com" },
  { id: "t8b", userName: "dup@contoso.com" },
  { userName: "noid@contoso.com" },
];

function run(targetKind: "scim" | "attributes"): Record<string, UserPreview> {
  const names = Object.keys(USERS);
  const results = preview(config(), Object.values(USERS), { target: TARGET, targetKind });
  return Object.fromEntries(names.map((name, i) => [name, results[i] as UserPreview]));
}
const texts = (result: UserPreview | undefined) => ({
  action: result?.action,
  summary: result?.summary,
  steps: result?.steps.map((s) => `${s.name} ${s.status}: ${s.description}`),
});

const IMPORTED = (n: number) => `import success: Read ${n} attributes.`;
const IN_SCOPE = 'scope success: In scope (filter "Sales").';
const DELETED_IN_SCOPE =
  'scope success: In scope (filter "Sales"), but not active in the source (soft-deleted or disabled).';
const NO_MATCH = "match success: No target object matches; the user would be created.";

describe("the summary and steps of each outcome, SCIM target", () => {
  // Run inside each test, never while the file is collected: Stryker ties a mutant to the tests that reach it.
  const results = () => run("scim");

  it("the steps carry Entra's titles for a user", () => {
    expect(results().created?.steps.map((s) => [s.name, s.title])).toStrictEqual([
      ["import", "Import user"],
      ["scope", "Determine if user is in scope"],
      ["match", "Match user between source and target system"],
      ["action", "Perform action"],
    ]);
  });

  it.each([
    [
      "noKey",
      "Skip",
      "Skip (ImportSkipped): no value for any matching attribute (userName, externalId)",
      [
        "import skipped: No matching attribute has a value (userName, externalId), so the user cannot be imported.",
      ],
    ],
    [
      "outOfScope",
      "Skip",
      "Skip (NotEffectivelyEntitled): out of scope: no scoping filter holds",
      [IMPORTED(3), "scope skipped: The user is out of scope: no scoping filter holds."],
    ],
    [
      "created",
      "Create",
      "Create: POST /Users with 3 attributes",
      [IMPORTED(5), IN_SCOPE, NO_MATCH, "action success: Create with 3 attributes."],
    ],
    [
      "updated",
      "Update",
      "Update t3: title, displayName",
      [
        IMPORTED(5),
        IN_SCOPE,
        "match success: Matched t3 by userName.",
        "action success: Update 2 attributes.",
      ],
    ],
    [
      "updatedOne",
      "Update",
      "Update t3b: title",
      [
        IMPORTED(4),
        IN_SCOPE,
        "match success: Matched t3b by userName.",
        "action success: Update 1 attribute.",
      ],
    ],
    [
      "upToDate",
      "Skip",
      "Skip (RedundantExport): t4 is already up to date",
      [
        IMPORTED(5),
        IN_SCOPE,
        "match success: Matched t4 by userName.",
        "action skipped: Every exported value already equals the target's.",
      ],
    ],
    [
      "disabled",
      "Disable",
      "Disable t5: the user is soft-deleted in the source",
      [
        IMPORTED(4),
        DELETED_IN_SCOPE,
        "match success: Matched t5 by userName.",
        "action success: Disable t5 (active = false).",
      ],
    ],
    [
      "deletedAbsent",
      "Skip",
      "Skip (NotEffectivelyEntitled): not active in the source (soft-deleted or account disabled)",
      [
        IMPORTED(4),
        DELETED_IN_SCOPE,
        NO_MATCH,
        "action skipped: Not active in the source and not in the target: nothing to do.",
      ],
    ],
    [
      "alreadyDisabled",
      "Skip",
      "Skip (RedundantExport): the target object is already disabled",
      [
        IMPORTED(4),
        DELETED_IN_SCOPE,
        "match success: Matched t7 by userName.",
        "action skipped: The target object is already disabled.",
      ],
    ],
    [
      "duplicate",
      "Error",
      'Error DuplicateTargetEntries (userName): More than one target object matches userName "dup@contoso.com" (t8a, t8b); remove the duplicates in the app or match on a unique attribute.',
      [IMPORTED(3), IN_SCOPE, "match failure: 2 target objects have userName = dup@contoso.com: t8a, t8b."],
    ],
    [
      "noId",
      "Error",
      'Error target-without-id (userName): The target object matched by userName "noid@contoso.com" has no id, so Entra could not address it (PATCH /Users/{id}); give every object in the target file its "id".',
      [
        IMPORTED(3),
        IN_SCOPE,
        'match failure: The target object matched by userName "noid@contoso.com" has no id, so Entra could not address it (PATCH /Users/{id}); give every object in the target file its "id".',
      ],
    ],
    [
      "noUserName",
      "Error",
      "Error MandatoryFieldsMissing (userName): The create needs userName, but it has no value; map it or give a default value.",
      [
        IMPORTED(3),
        IN_SCOPE,
        NO_MATCH,
        "action failure: Required target attributes have no value: userName.",
      ],
    ],
    [
      "notAUser",
      "Error",
      "Error invalid-user: A user must be an object of attributes keyed by Entra attribute names.",
      [],
    ],
  ])("%s: %s", (name, action, summary, steps) => {
    expect(texts(results()[name])).toStrictEqual({ action, summary, steps });
  });

  it("a disable lists active going from true to false, and sends the PATCH", () => {
    const disabled = results().disabled;
    expect(disabled?.steps.at(-1)?.details).toStrictEqual({
      changes: [{ target: "active", oldValue: true, newValue: false }],
    });
    expect(disabled?.requests.map((r) => `${r.method} ${r.path}`)).toStrictEqual(["PATCH /Users/t5"]);
    expect(disabled?.attributeChanges).toBeUndefined();
  });
});

describe("the summary and steps of each outcome, a target that is not SCIM", () => {
  const results = () => run("attributes");
  const EXPORT =
    "the attribute changes Entra would export to the target app (not a SCIM app, so no SCIM request)";

  it.each([
    [
      "created",
      "Create",
      "Create in the target app with 3 attributes (not a SCIM app)",
      `Create with 3 attributes: ${EXPORT}.`,
    ],
    [
      "updated",
      "Update",
      "Update t3 in the target app: title, displayName",
      `Update 2 attributes: ${EXPORT}.`,
    ],
    [
      "disabled",
      "Disable",
      "Disable t5: the user is soft-deleted in the source",
      "Disable t5: Entra disables the object in the target app through the app's connector (not a SCIM app, so no SCIM request).",
    ],
    [
      "upToDate",
      "Skip",
      "Skip (RedundantExport): t4 is already up to date",
      "Every exported value already equals the target's.",
    ],
  ])("%s: %s", (name, action, summary, description) => {
    const result = results()[name];
    expect({ action: result?.action, summary: result?.summary }).toStrictEqual({ action, summary });
    expect(result?.steps.at(-1)?.description).toBe(description);
    expect(result?.requests).toStrictEqual([]);
  });

  it("a disable shows no attribute change: the app's connector disables its own way", () => {
    const disabled = results().disabled;
    expect(disabled?.steps.at(-1)?.details).toStrictEqual({ changes: [] });
    expect(disabled?.attributeChanges).toStrictEqual({ directory: "", changes: [] });
  });

  it("a create lists each exported attribute as a change from null", () => {
    expect(results().created?.attributeChanges).toStrictEqual({
      directory: "",
      changes: [
        { target: "userName", oldValue: null, newValue: "new@contoso.com" },
        { target: "title", oldValue: null, newValue: "Eng" },
        { target: "displayName", oldValue: null, newValue: "New" },
      ],
    });
  });
});
