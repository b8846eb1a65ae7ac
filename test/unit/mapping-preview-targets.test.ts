import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPreviewer, loadConfig, type MappingConfig, preview } from "../../src/index.js";

/** Which object mapping a preview runs, SCIM and other targets, and target objects without an id. */

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const fixture = JSON.parse(readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8"));

const attribute = (name: string, target: string, matchingPriority = 0) => ({
  defaultValue: null,
  exportMissingReferences: false,
  flowBehavior: "FlowWhenChanged",
  flowType: "Always",
  matchingPriority,
  source: { type: "Attribute", name, expression: `[${name}]`, parameters: [] },
  targetAttributeName: target,
});

/** An Entra export with one rule and the given object mappings. */
function entra(targetDirectoryName: string, objectMappings: unknown[]): MappingConfig {
  const config = loadConfig(
    JSON.stringify({
      id: "test",
      synchronizationRules: [
        {
          id: "R",
          name: "USER_TO_USER",
          sourceDirectoryName: "Azure Active Directory",
          targetDirectoryName,
          objectMappings,
        },
      ],
    }),
  );
  expect(config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return config;
}

const object = (name: string, source: string, target: string, mappings: unknown[], enabled = true) => ({
  name,
  enabled,
  flowTypes: "Add, Update, Delete",
  sourceObjectName: source,
  targetObjectName: target,
  attributeMappings: mappings,
  scope: null,
});

const ada = { objectId: "ada-id", userPrincipalName: "ada@contoso.com", mail: "ada@contoso.com" };

describe("which object mapping a user preview runs", () => {
  it("with only a Group mapping, every user is an Error no-object-mapping naming what there is, with no steps", () => {
    const groups = entra("customappsso", [
      object("Provision Groups", "Group", "urn:ietf:params:scim:schemas:core:2.0:Group", [
        attribute("displayName", "displayName", 1),
      ]),
    ]);
    const [result] = preview(groups, [{ displayName: "Sales team", ...ada }]);
    expect(result?.action).toBe("Error");
    expect(result?.error?.code).toBe("no-object-mapping");
    expect(result?.error?.message).toContain(
      '"Provision Groups" (Group → urn:ietf:params:scim:schemas:core:2.0:Group)',
    );
    expect(result?.steps).toEqual([]);
    expect(result?.requests).toEqual([]);
    expect(createPreviewer(groups).problem?.code).toBe("no-object-mapping");
  });

  it("the fixture's disabled Group mapping is never used; a disabled User mapping is reported as disabled", () => {
    const disabledUsers = structuredClone(fixture);
    disabledUsers.synchronizationRules[0].objectMappings[0].enabled = false;
    disabledUsers.synchronizationRules[0].objectMappings[1].enabled = true;
    const [result] = preview(loadConfig(JSON.stringify(disabledUsers)), [ada]);
    expect(result?.error?.code).toBe("no-object-mapping");
    expect(result?.error?.message).toContain('"Provision Microsoft Entra ID Users" is disabled');
  });

  it("picks the User mapping even when a Group mapping comes first", () => {
    const config = entra("customappsso", [
      object("Groups", "Group", "Group", [attribute("displayName", "displayName", 1)]),
      object("Users", "User", "User", [attribute("userPrincipalName", "userName", 1)]),
    ]);
    const [result] = preview(config, [ada]);
    expect(result?.action).toBe("Create");
    expect(result?.steps[0]?.title).toBe("Import user");
    expect(result?.requests[0]?.body).toMatchObject({ userName: "ada@contoso.com" });
  });

  it("a group mapping named on purpose is previewed with group step titles", () => {
    const config = entra("customappsso", [
      object("Groups", "Group", "urn:ietf:params:scim:schemas:core:2.0:Group", [
        attribute("displayName", "displayName", 1),
      ]),
    ]);
    const [result] = preview(config, [{ displayName: "Sales" }], { objectMapping: "Groups" });
    expect(result?.steps.map((s) => s.title)).toEqual([
      "Import group",
      "Determine if group is in scope",
      "Match group between source and target system",
      "Perform action",
    ]);
    expect(result?.requests[0]?.path).toBe("/Groups");
    expect(preview(config, [ada], { objectMapping: "Nope" })[0]?.error?.code).toBe("no-object-mapping");
  });
});

describe("SCIM and other targets", () => {
  const salesforce = () =>
    entra("salesforce.com", [
      object("Users", "User", "User", [
        attribute("userPrincipalName", "Username", 1),
        attribute("mail", "Email"),
        attribute("jobTitle", "Title"),
      ]),
    ]);

  it("a Salesforce target shows the attribute changes Entra would export, labelled, and no SCIM request", () => {
    const [created] = preview(salesforce(), [ada]);
    expect(created?.action).toBe("Create");
    expect(created?.requests).toEqual([]);
    expect(created?.attributeChanges).toEqual({
      directory: "salesforce.com",
      changes: [
        { target: "Username", oldValue: null, newValue: "ada@contoso.com" },
        { target: "Email", oldValue: null, newValue: "ada@contoso.com" },
      ],
    });
    expect(created?.summary).toBe("Create in salesforce.com with 2 attributes (not a SCIM app)");
    expect(created?.summary).not.toContain("POST");
    expect(created?.steps.at(-1)?.description).toContain(
      "the attribute changes Entra would export to salesforce.com (not a SCIM app, so no SCIM request)",
    );
  });

  it("an update to a Salesforce object lists only the attributes that differ", () => {
    const [updated] = preview(salesforce(), [{ ...ada, jobTitle: "CTO" }], {
      target: [{ id: "005A", Username: "ada@contoso.com", Email: "ada@contoso.com", Title: "Engineer" }],
    });
    expect(updated?.action).toBe("Update");
    expect(updated?.requests).toEqual([]);
    expect(updated?.attributeChanges?.changes).toEqual([
      { target: "Title", oldValue: "Engineer", newValue: "CTO" },
    ]);
    expect(updated?.summary).toBe("Update 005A in salesforce.com: Title");
  });

  it("an on-premises LDAP target is not SCIM either; customappsso, SCIM URNs and SCIM paths are", () => {
    const ldap = entra("ldap", [object("Users", "User", "user", [attribute("userPrincipalName", "cn", 1)])]);
    expect(preview(ldap, [ada])[0]?.attributeChanges?.directory).toBe("ldap");
    const scimByName = entra("customappsso", [
      object("U", "User", "User", [attribute("userPrincipalName", "userName", 1)]),
    ]);
    expect(preview(scimByName, [ada])[0]?.requests[0]?.method).toBe("POST");
    const scimByPath = entra("Litware", [
      object("U", "User", "User", [
        attribute("userPrincipalName", "userName", 1),
        attribute("mail", 'emails[type eq "work"].value'),
      ]),
    ]);
    expect(preview(scimByPath, [ada])[0]?.requests[0]?.body).toMatchObject({
      emails: [{ type: "work", value: "ada@contoso.com" }],
    });
    const byUrn = entra("Litware", [
      object("U", "User", "urn:ietf:params:scim:schemas:core:2.0:User", [
        attribute("userPrincipalName", "userName", 1),
      ]),
    ]);
    expect(preview(byUrn, [ada])[0]?.attributeChanges).toBeUndefined();
  });

  it("the targetKind option overrides the recognition both ways", () => {
    // As SCIM, the create needs SCIM's userName, which this Salesforce mapping does not write.
    const [asScim] = preview(salesforce(), [ada], { targetKind: "scim" });
    expect(asScim?.attributeChanges).toBeUndefined();
    expect(asScim?.error?.code).toBe("MandatoryFieldsMissing");
    const provex = loadConfig(
      "mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
    );
    expect(preview(provex, [ada])[0]?.requests).toHaveLength(1);
    const [asAttributes] = preview(provex, [ada], { targetKind: "attributes" });
    expect(asAttributes?.attributeChanges?.changes).toEqual([
      { target: "userName", oldValue: null, newValue: "ada@contoso.com" },
    ]);
  });

  it("the fixture (customappsso) keeps its SCIM requests", () => {
    const [zoe] = preview(loadConfig(JSON.stringify(fixture)), [
      JSON.parse(readFileSync(join(FIXTURES, "users.json"), "utf8"))[0],
    ]);
    expect(zoe?.requests[0]?.method).toBe("POST");
    expect(zoe?.attributeChanges).toBeUndefined();
  });
});

describe("a matched target object without an id", () => {
  const config = () =>
    loadConfig(
      "mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n  - { target: displayName, attribute: displayName }\n",
    );

  it("fails that user with target-without-id instead of sending PATCH /Users/", () => {
    const results = preview(
      config(),
      [
        { ...ada, displayName: "Ada" },
        { userPrincipalName: "bob@x", displayName: "Bob" },
      ],
      {
        target: [
          { userName: "ada@contoso.com", displayName: "Old" },
          { id: "", userName: "bob@x", displayName: "B" },
        ],
      },
    );
    for (const result of results) {
      expect(result.action).toBe("Error");
      expect(result.error).toMatchObject({ code: "target-without-id", target: "userName" });
      expect(result.requests).toEqual([]);
      expect(result.steps.at(-1)).toMatchObject({ name: "match", status: "failure" });
    }
    expect(JSON.stringify(results)).not.toContain('/Users/"');
  });

  it("a numeric id is an id", () => {
    const [result] = preview(config(), [{ ...ada, displayName: "Ada" }], {
      target: [{ id: 42, userName: "ada@contoso.com", displayName: "Old" }],
    });
    expect(result?.requests[0]?.path).toBe("/Users/42");
  });
});
