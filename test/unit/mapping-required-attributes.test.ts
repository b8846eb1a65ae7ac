import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";

/**
 * A create needs every target attribute the directory definitions mark `required` (SPEC §e,
 * MandatoryFieldsMissing): the error names all that have no value, in the definitions' order, and says
 * what to do, in the singular or the plural.
 */
const FIXTURE = join(import.meta.dirname, "../fixtures/shared/entra-scim-schema.json");

/** The shared Entra export without scope, with displayName and title also required in the target. */
function config() {
  const entra = JSON.parse(readFileSync(FIXTURE, "utf8"));
  entra.synchronizationRules[0].objectMappings[0].scope = null;
  for (const attribute of entra.directories[1].objects[0].attributes) {
    if (attribute.name === "displayName" || attribute.name === "title") attribute.required = true;
  }
  const loaded = loadConfig(JSON.stringify(entra));
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}

describe("required target attributes on create", () => {
  it("two without a value: both named, in the plural", () => {
    const [result] = preview(config(), [{ objectId: "o1", userPrincipalName: "ada@contoso.com" }]);
    expect(result?.error).toStrictEqual({
      code: "MandatoryFieldsMissing",
      message:
        "The create needs displayName, title, but they have no value; map them or give a default value.",
      target: "displayName",
    });
    const action = result?.steps.find((s) => s.name === "action");
    expect(action?.status).toBe("failure");
    expect(action?.description).toBe("Required target attributes have no value: displayName, title.");
    expect(action?.details.missing).toStrictEqual(["displayName", "title"]);
    expect(result?.requests).toStrictEqual([]);
  });

  it("one without a value: named alone, in the singular", () => {
    const [result] = preview(config(), [
      { objectId: "o1", userPrincipalName: "ada@contoso.com", displayName: "Ada" },
    ]);
    expect(result?.summary).toBe(
      "Error MandatoryFieldsMissing (title): The create needs title, but it has no value; map it or give a default value.",
    );
  });

  it("an update needs none of them: the target object already exists", () => {
    const [result] = preview(config(), [{ objectId: "o1", userPrincipalName: "ada@contoso.com" }], {
      target: [{ id: "t1", userName: "ada@contoso.com", active: true }],
    });
    expect(result?.action).not.toBe("Error");
  });
});
