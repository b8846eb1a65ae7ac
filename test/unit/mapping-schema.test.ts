import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCOPING_OPERATORS } from "../../src/index.js";
import { PROVEX_KEYS } from "../../src/mapping/load-provex.js";

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../schemas/provex-config.schema.json"), "utf8"),
);
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
const keys = (definition: { properties: Record<string, unknown> }) =>
  Object.keys(definition.properties).sort();

describe("schemas/provex-config.schema.json", () => {
  it("allows exactly the keys the loader accepts, at every level", () => {
    expect(keys(schema)).toEqual([...PROVEX_KEYS.root].sort());
    expect(keys(schema.$defs.objectHeader)).toEqual([...PROVEX_KEYS.object].sort());
    expect(keys(schema.properties.objects.items)).toEqual(
      [...PROVEX_KEYS.object, "scope", "mappings"].sort(),
    );
    expect(keys(schema.$defs.scope)).toEqual([...PROVEX_KEYS.scope].sort());
    expect(keys(schema.$defs.scope.properties.filters.items)).toEqual([...PROVEX_KEYS.filter].sort());
    expect(keys(schema.$defs.clause)).toEqual([...PROVEX_KEYS.clause].sort());
    expect(keys(schema.$defs.mapping)).toEqual([...PROVEX_KEYS.mapping].sort());
  });

  it("lists every scoping operator", () => {
    expect(schema.$defs.clause.properties.operator.enum).toEqual([...SCOPING_OPERATORS]);
  });

  it("ships in the package", () => {
    expect(manifest.files).toContain("schemas");
  });
});
