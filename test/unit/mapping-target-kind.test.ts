import { describe, expect, it } from "vitest";
import type { MappingConfig, ObjectMapping } from "../../src/index.js";
import { describeTarget } from "../../src/mapping/target-kind.js";

/**
 * How the preview recognises a SCIM target (docs/configuration.md "SCIM and other targets"): a SCIM
 * schema URN as the target object, Entra's generic SCIM connector or a directory named SCIM, a target
 * attribute written as a SCIM path, or no directory named at all; anything else is not SCIM, and the
 * option targetKind wins over all of these.
 */
function kind(
  directory: unknown,
  targetObjectName: string,
  targets: string[],
  override?: "scim" | "attributes",
) {
  const config = { rules: [{ extra: { targetDirectoryName: directory } }] } as unknown as MappingConfig;
  const object = {
    rule: 0,
    targetObjectName,
    mappings: targets.map((target) => ({ target })),
  } as unknown as ObjectMapping;
  return describeTarget(config, object, override);
}

describe("a SCIM target or not", () => {
  it.each([
    [
      "a SCIM schema URN as the target object",
      "salesforce.com",
      "urn:ietf:params:scim:schemas:core:2.0:User",
      ["Title"],
    ],
    ["the URN in any case", "salesforce.com", "URN:IETF:PARAMS:SCIM:schemas:core:2.0:Group", ["Title"]],
    ["no directory named", "", "User", ["Title"]],
    ["a directory name of spaces", "   ", "User", ["Title"]],
    ["Entra's generic SCIM connector", "customappsso", "User", ["Title"]],
    ["customappsso in any case", "CustomAppSSO", "User", ["Title"]],
    ["a directory whose name says SCIM", "Contoso SCIM app", "User", ["Title"]],
    [
      "a target attribute under a schema URN",
      "gallery",
      "User",
      ["Title", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"],
    ],
    ["a target attribute with a value filter", "gallery", "User", ['emails[type eq "work"].value']],
    [
      "a value filter with spaces inside the brackets",
      "gallery",
      "User",
      ['emails[ type  eq  "work" ].value'],
    ],
  ])("SCIM: %s", (_what, directory, targetObject, targets) => {
    expect(kind(directory, targetObject, targets).kind).toBe("scim");
  });

  it.each([
    ["salesforce.com with plain attributes", "salesforce.com", "User", ["Title", "Email"]],
    ["ldap", "ldap", "user", ["cn", "emails[type]"]],
    [
      "brackets that are no SCIM filter",
      "ldap",
      "user",
      ['emails[!type eq "work"]', 'emails[type ne "work"]'],
    ],
    ["a URN that is not SCIM's", "ecma", "User", ["urn:example:title"]],
    [
      "SCIM's URN inside a name, not at its start",
      "ecma",
      "x-urn:ietf:params:scim:User",
      ["x-urn:ietf:params:scim:title"],
    ],
  ])("not SCIM: %s", (_what, directory, targetObject, targets) => {
    expect(kind(directory, targetObject, targets)).toStrictEqual({ kind: "attributes", directory });
  });

  it("the directory is the rule's targetDirectoryName, or empty when it is not text", () => {
    expect(kind("customappsso", "User", []).directory).toBe("customappsso");
    expect(kind(7, "User", [])).toStrictEqual({ kind: "scim", directory: "" });
  });

  it("a program-built configuration without rules, or a rule without extra properties, names no directory", () => {
    const object = { rule: 0, targetObjectName: "User", mappings: [] } as unknown as ObjectMapping;
    for (const config of [{}, { rules: [] }, { rules: [{}] }, { rules: [{ extra: {} }] }]) {
      expect(describeTarget(config as unknown as MappingConfig, object)).toStrictEqual({
        kind: "scim",
        directory: "",
      });
    }
  });

  it("targetKind wins over what the configuration says", () => {
    expect(kind("salesforce.com", "User", ["Title"], "scim")).toStrictEqual({
      kind: "scim",
      directory: "salesforce.com",
    });
    expect(
      kind("customappsso", "urn:ietf:params:scim:schemas:core:2.0:User", [], "attributes"),
    ).toStrictEqual({
      kind: "attributes",
      directory: "customappsso",
    });
    expect(kind("salesforce.com", "User", ["Title"], "bogus" as "scim").kind).toBe("attributes");
  });
});
