import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";
import { comparePreviews, compareUserPreviews } from "../../src/review/preview-changes.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const text = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");
const users = JSON.parse(readFileSync(join(FIXTURES, "users.json"), "utf8")) as unknown[];
const target = JSON.parse(readFileSync(join(FIXTURES, "target-users.json"), "utf8")) as unknown[];
const context = { now: new Date(Date.UTC(2026, 2, 1)), random: () => 0.5 };

/** The fixture configuration with one mapping's expression replaced. */
function edited(targetAttribute: string, expression: string) {
  const config = loadConfig(text);
  const objects = config.objects.map((object) => ({
    ...object,
    mappings: object.mappings.map((mapping) =>
      mapping.target === targetAttribute
        ? { ...mapping, type: "expression" as const, expression, expressionOffsets: undefined }
        : mapping,
    ),
  }));
  return { ...config, objects };
}

describe("comparePreviews (what changed after a mapping edit)", () => {
  const before = preview(loadConfig(text), users, { target, context });

  it("finds no change between two previews of the same configuration", () => {
    const again = preview(loadConfig(text), users, { target, context });
    expect(comparePreviews(before, again)).toEqual({ changed: [], unchanged: users.length, actionMoves: [] });
  });

  it("lists the users whose exported value changed, before → after, with the attribute", () => {
    const after = preview(edited("title", '"Staff"'), users, { target, context });
    const comparison = comparePreviews(before, after);
    expect(comparison.changed.length).toBeGreaterThan(0);
    expect(comparison.unchanged + comparison.changed.length).toBe(users.length);
    for (const change of comparison.changed) {
      const title = change.attributes.find((attribute) => attribute.target === "title");
      expect(title?.after).toBe("Staff");
      expect(title?.before).not.toBe("Staff");
    }
    // The redundant export (Björn, already up to date) becomes an update of his title.
    const bjorn = comparison.changed.find((change) => change.displayName === "Björn Østergaard");
    expect(bjorn?.before.action).toBe("Skip");
    expect(bjorn?.after.action).toBe("Update");
    expect(comparison.actionMoves).toContainEqual(expect.objectContaining({ from: "Skip", to: "Update" }));
  });

  it("compares one user, and counts a user present on one side only as changed", () => {
    const [first] = before;
    if (!first) throw new Error("no users");
    expect(compareUserPreviews(first, first)).toBeUndefined();
    const comparison = comparePreviews(before, before.slice(0, -1));
    expect(comparison.changed).toHaveLength(1);
    expect(comparison.changed[0]?.index).toBe(users.length - 1);
    expect(comparison.changed[0]?.after).toEqual({ action: "Error", summary: "" });
  });
});
