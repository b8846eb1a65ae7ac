import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import type { UserPreview } from "../../src/mapping/preview-types.js";
import { compareResults, diffPreviews } from "../../src/review/index.js";

// The one comparison of two results of a user (compareResults), on results written by hand so that
// exactly one thing differs at a time; and the diff's view of the scope and the clock.

const result = (overrides: Partial<UserPreview>): UserPreview => ({
  index: 0,
  id: "u1",
  displayName: undefined,
  action: "Create",
  summary: "",
  match: null,
  steps: [],
  requests: [],
  warnings: [],
  ...overrides,
});
const none = new Map<string, unknown>();
const compare = (before: UserPreview, after: UserPreview) => compareResults(before, after, none, none);
const warning = (code: string, target: string, message = "m") => ({ code, target, message });

describe("compareResults: one difference at a time", () => {
  it("the same result twice is the same", () => {
    const same = result({ warnings: [warning("W", "title")], error: { code: "E", message: "m" } });
    expect(compare(same, same)).toEqual({
      actionChanged: false,
      matchChanged: false,
      attributes: [],
      errors: { new: [], vanished: [] },
      warnings: { new: [], vanished: [] },
      same: true,
    });
  });

  it("an action that changes while the skip reason stays (none on both sides) is a change", () => {
    const comparison = compare(result({ action: "Create" }), result({ action: "Update" }));
    expect(comparison).toMatchObject({ actionChanged: true, same: false });
  });

  it("a skip whose reason alone changes is an action change", () => {
    const comparison = compare(
      result({ action: "Skip", skipReason: "RedundantExport" }),
      result({ action: "Skip", skipReason: "NotEffectivelyEntitled" }),
    );
    expect(comparison).toMatchObject({ actionChanged: true, same: false });
    expect(
      compare(result({ action: "Skip", skipReason: "A" }), result({ action: "Skip", skipReason: "A" })).same,
    ).toBe(true);
  });

  it("a warning that appears, or one that vanishes, alone makes the results differ", () => {
    const quiet = result({});
    const noisy = result({ warnings: [warning("iif-null-condition", "title", "the condition is null")] });
    expect(compare(quiet, noisy)).toEqual({
      actionChanged: false,
      matchChanged: false,
      attributes: [],
      errors: { new: [], vanished: [] },
      warnings: {
        new: [{ code: "iif-null-condition", target: "title", message: "the condition is null" }],
        vanished: [],
      },
      same: false,
    });
    expect(compare(noisy, quiet)).toMatchObject({
      warnings: { new: [], vanished: [{ code: "iif-null-condition", target: "title" }] },
      same: false,
    });
  });

  it("an error that appears, or one that vanishes, alone makes the results differ", () => {
    // Written by hand: an Error result without its error, so that the error is the only difference.
    const bare = result({ action: "Error" });
    const failing = result({ action: "Error", error: { code: "E", message: "m" } });
    expect(compare(bare, failing)).toMatchObject({
      actionChanged: false,
      errors: { new: [{ code: "E", message: "m" }], vanished: [] },
      same: false,
    });
    expect(compare(failing, bare)).toMatchObject({
      errors: { new: [], vanished: [{ code: "E", message: "m" }] },
      same: false,
    });
  });

  it("problems are told apart by code and by target attribute, never by message", () => {
    const before = result({ warnings: [warning("W1", "title"), warning("W2", "title"), warning("W3", "a")] });
    const after = result({
      warnings: [warning("W1", "title", "reworded"), warning("W4", "title"), warning("W3", "b")],
    });
    expect(compare(before, after).warnings).toEqual({
      new: [warning("W4", "title"), warning("W3", "b")],
      vanished: [warning("W2", "title"), warning("W3", "a")],
    });
    // An error's target counts the same way.
    const onTitle = result({ action: "Error", error: { code: "E", message: "m", target: "title" } });
    const onMail = result({ action: "Error", error: { code: "E", message: "m", target: "mail" } });
    expect(compare(onTitle, onMail).errors).toEqual({
      new: [{ code: "E", target: "mail", message: "m" }],
      vanished: [{ code: "E", target: "title", message: "m" }],
    });
  });

  it("a problem without a target attribute is the one on an empty target name, and shows no target", () => {
    const unnamed = result({ action: "Error", error: { code: "E", message: "m" } });
    const empty = result({ action: "Error", error: { code: "E", message: "m", target: "" } });
    expect(compare(unnamed, empty).same).toBe(true);
    const other = result({ action: "Error", error: { code: "F", message: "n" } });
    const { errors } = compare(unnamed, other);
    // No `target` property at all (not one holding undefined).
    expect(errors).toStrictEqual({
      new: [{ code: "F", message: "n" }],
      vanished: [{ code: "E", message: "m" }],
    });
  });
});

describe("diffPreviews: the scope and the clock", () => {
  const config = (mappings: string, extra = "") =>
    loadConfig(`object: { name: U, source: User, target: User }\n${extra}mappings:\n${mappings}`);
  const base = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
  const salesOnly = `scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
`;

  it("lists a user who leaves the scope even when both sides do exactly the same", () => {
    // Not active and not in the target: skipped as NotEffectivelyEntitled on both sides, in scope on
    // the old one only.
    const user = { objectId: "o1", userPrincipalName: "a@c.com", department: "Ops", accountEnabled: false };
    const diff = diffPreviews(config(base), config(base, salesOnly), [user], {
      context: { now: new Date(0) },
    });
    expect(diff.users).toHaveLength(1);
    expect(diff.users[0]).toStrictEqual({
      index: 0,
      id: "o1",
      old: { action: "Skip", skipReason: "NotEffectivelyEntitled", inScope: true, match: null },
      new: { action: "Skip", skipReason: "NotEffectivelyEntitled", inScope: false, match: null },
      scope: "left",
      actionChanged: false,
      matchChanged: false,
      attributes: [],
      errors: { new: [], vanished: [] },
      warnings: { new: [], vanished: [] },
    });
    expect(diff.summary).toMatchObject({ users: 1, changed: 1, scope: { entered: 0, left: 1 } });
  });

  it("a side with no skip reason has no skipReason property", () => {
    const user = { objectId: "o1", userPrincipalName: "a@c.com", mail: "m@c.com" };
    const diff = diffPreviews(
      config(base),
      config(`${base}  - { target: title, attribute: mail }\n`),
      [user],
      {
        context: { now: new Date(0) },
      },
    );
    expect(diff.users[0]?.old).toStrictEqual({ action: "Create", inScope: true, match: null });
    expect(diff.users[0]?.new).toStrictEqual({ action: "Create", inScope: true, match: null });
  });

  it("Now() is the instant given in the context, on both sides", () => {
    const user = { objectId: "o1", userPrincipalName: "a@c.com" };
    const now = new Date("2021-06-15T10:20:30Z");
    const diff = diffPreviews(
      config(base),
      config(`${base}  - { target: title, expression: 'Now()' }\n`),
      [user],
      {
        context: { now },
      },
    );
    expect(diff.users[0]?.attributes).toEqual([
      { target: "title", change: "added", new: "6/15/2021 10:20:30 AM" },
    ]);
  });
});
