import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";
import type { UserPreview } from "../../src/mapping/preview-types.js";
import { exportedValuesWithoutConfig } from "../../src/review/exported-values.js";
import { TargetAttributes } from "../../src/review/index.js";
import { comparePreviews } from "../../src/review/preview-changes.js";

// What a disable sends, what a lean preview (no details) lets the comparison read, and how the reading
// of a result's requests treats bodies it does not expect.

const config = (mappings: string) =>
  loadConfig(`object: { name: U, source: User, target: User }\nmappings:\n${mappings}`);
const base = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
const withTitle = config(`${base}  - { target: title, attribute: jobTitle }\n`);
const context = { now: new Date("2026-03-01T00:00:00Z"), random: () => 0.5 };
const ada = { objectId: "o1", userPrincipalName: "a@c.com", jobTitle: "Rep" };

describe("what a disable sends", () => {
  it("a matched user who is not active in the source sends active = false, read with or without the configuration", () => {
    const target = [{ id: "t-1", userName: "a@c.com", title: "Rep", active: true }];
    const [disabled] = preview(withTitle, [{ ...ada, accountEnabled: false }], { target, context });
    expect(disabled?.action).toBe("Disable");
    expect([...new TargetAttributes(withTitle).exportedValues(disabled!)]).toEqual([["active", false]]);
    expect([...exportedValuesWithoutConfig(disabled!)]).toEqual([["active", false]]);
  });

  it("comparing an update with a disable shows the values each sends", () => {
    const target = [{ id: "t-1", userName: "a@c.com", title: "Old", active: true }];
    const updated = preview(withTitle, [ada], { target, context });
    const disabled = preview(withTitle, [{ ...ada, accountEnabled: false }], { target, context });
    expect(updated[0]?.action).toBe("Update");
    const comparison = comparePreviews(updated, disabled, { before: withTitle, after: withTitle });
    expect(comparison.changed[0]?.attributes).toEqual([
      { target: "active", before: undefined, after: false },
      { target: "title", before: "Rep", after: undefined },
    ]);
    expect(comparePreviews(updated, disabled).changed[0]?.attributes).toEqual(
      comparison.changed[0]?.attributes,
    );
  });
});

describe("lean previews (no details)", () => {
  const lean = (mappings: string, users: unknown[]) =>
    preview(config(mappings), users, { context, details: false });

  it("with the configurations, a create's values are read from its POST body", () => {
    const before = lean(base, [ada]);
    const after = lean(`${base}  - { target: title, attribute: jobTitle }\n`, [ada]);
    expect(before[0]?.steps).toEqual([]);
    const comparison = comparePreviews(before, after, {
      before: config(base),
      after: config(`${base}  - { target: title, attribute: jobTitle }\n`),
    });
    expect(comparison.changed.map((change) => change.attributes)).toEqual([
      [{ target: "title", before: undefined, after: "Rep" }],
    ]);
  });

  it("without them, a create previewed without details sends nothing that can be read (and nothing throws)", () => {
    const [created] = lean(base, [ada]);
    expect(created?.action).toBe("Create");
    expect(exportedValuesWithoutConfig(created!).size).toBe(0);
  });
});

describe("reading requests that do not have the expected shape", () => {
  const result = (overrides: Partial<UserPreview>): UserPreview => ({
    index: 0,
    id: "u1",
    displayName: undefined,
    action: "Update",
    summary: "",
    match: null,
    steps: [],
    requests: [],
    warnings: [],
    ...overrides,
  });
  const patch = (body: unknown) => ({ method: "PATCH" as const, path: "/Users/t-1", body: body as never });
  const readers = [
    (r: UserPreview) => new TargetAttributes(withTitle).exportedValues(r),
    (r: UserPreview) => exportedValuesWithoutConfig(r),
  ];

  it("skips a PATCH without an Operations list, a null operation and an operation without a string path", () => {
    const odd = result({
      requests: [
        patch(null),
        patch({}),
        patch({ Operations: "not a list" }),
        patch({
          Operations: [
            null,
            { op: "Replace", value: { title: "x" } },
            { op: "Replace", path: 7, value: "y" },
            { op: "Replace", path: "title", value: "Rep" },
          ],
        }),
      ],
    });
    for (const read of readers) expect([...read(odd)]).toEqual([["title", "Rep"]]);
  });

  it("a skip or an error sends nothing, even one written by hand with requests or attribute changes", () => {
    const requests = [patch({ Operations: [{ op: "Replace", path: "title", value: "Rep" }] })];
    const attributeChanges = {
      directory: "x",
      changes: [{ target: "title", oldValue: null, newValue: "Rep" }],
    };
    for (const action of ["Skip", "Error"] as const)
      for (const read of readers)
        expect(read(result({ action, requests, attributeChanges })).size, action).toBe(0);
    // The same request on a disable is read.
    for (const read of readers)
      expect([...read(result({ action: "Disable", requests }))]).toEqual([["title", "Rep"]]);
  });

  it("reads a create's values from its Action step's exported entries, skipping malformed ones", () => {
    const created = result({
      action: "Create",
      requests: [{ method: "POST", path: "/Users", body: {} }],
      steps: [
        {
          name: "import",
          title: "",
          status: "success",
          description: "",
          details: { exported: [{ target: "x", value: 0 }] },
        },
        {
          name: "action",
          title: "",
          status: "success",
          description: "",
          details: {
            exported: [
              null,
              { value: "no target" },
              { target: 5, value: "bad" },
              { target: "title", value: "Rep" },
            ],
          },
        },
      ] as unknown as UserPreview["steps"],
    });
    expect([...exportedValuesWithoutConfig(created)]).toEqual([["title", "Rep"]]);
  });
});
