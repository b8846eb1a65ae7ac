import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import { actionLabel, createDiffer, DiffTally, diffPreviews, type UserDiff } from "../../src/review/index.js";

// The diff's summary, added up from hand-written user diffs: every count, and the order of the action
// moves and the attributes.

const side = (action: UserDiff["old"]["action"], skipReason?: string) => ({
  action,
  ...(skipReason ? { skipReason } : {}),
  inScope: true,
  match: null,
});
const user = (overrides: Partial<UserDiff>): UserDiff => ({
  index: 0,
  id: "u",
  old: side("Create"),
  new: side("Create"),
  actionChanged: false,
  matchChanged: false,
  attributes: [],
  errors: { new: [], vanished: [] },
  warnings: { new: [], vanished: [] },
  ...overrides,
});
const problem = { code: "E", message: "m" };

describe("actionLabel", () => {
  it("names a skip with its reason, every other action by itself", () => {
    expect(actionLabel({ action: "Skip", skipReason: "RedundantExport" })).toBe("Skip (RedundantExport)");
    expect(actionLabel({ action: "Skip" })).toBe("Skip");
    expect(actionLabel({ action: "Skip", skipReason: "" })).toBe("Skip");
    expect(actionLabel({ action: "Error", skipReason: "X" })).toBe("Error");
  });
});

describe("DiffTally", () => {
  it("counts nothing but the users when no result differs", () => {
    const tally = new DiffTally();
    tally.add(undefined);
    tally.add(undefined);
    expect(tally.summary()).toEqual({
      users: 2,
      changed: 0,
      unchanged: 2,
      actionChanged: 0,
      actions: [],
      scope: { entered: 0, left: 0 },
      matchChanged: 0,
      attributes: [],
      errors: { new: 0, vanished: 0 },
      warnings: { new: 0, vanished: 0 },
    });
  });

  it("adds up each kind of change, a user once per kind however many problems it has", () => {
    const tally = new DiffTally();
    const move = (from: UserDiff["old"], to: UserDiff["new"]) =>
      user({ old: from, new: to, actionChanged: true });
    tally.add(move(side("Skip", "NotEffectivelyEntitled"), side("Create")));
    tally.add(move(side("Skip", "NotEffectivelyEntitled"), side("Create")));
    tally.add(move(side("Create"), side("Error")));
    tally.add(move(side("Create"), side("Disable")));
    tally.add(move(side("Update"), side("Create")));
    // A matched object that changes, a scope entered and one left; an action that does not change
    // (actionChanged false) is not a move even when the sides differ.
    tally.add(user({ matchChanged: true, scope: "entered", old: side("Update"), new: side("Create") }));
    tally.add(user({ scope: "left" }));
    tally.add(
      user({
        attributes: [
          { target: "b", change: "added", new: 1 },
          { target: "a", change: "removed", old: 1 },
        ],
        errors: { new: [problem, problem], vanished: [problem] },
        warnings: { new: [problem], vanished: [problem, problem] },
      }),
    );
    tally.add(
      user({
        attributes: [{ target: "a", change: "changed", old: 1, new: 2 }],
        errors: { new: [], vanished: [problem] },
      }),
    );
    tally.add(
      user({
        attributes: [{ target: "c", change: "changed", old: 1, new: 2 }],
        warnings: { new: [problem], vanished: [] },
      }),
    );
    tally.add(undefined);
    expect(tally.summary()).toEqual({
      users: 11,
      changed: 10,
      unchanged: 1,
      actionChanged: 5,
      actions: [
        // Most users first, then by the action before, then after.
        { from: "Skip (NotEffectivelyEntitled)", to: "Create", users: 2 },
        { from: "Create", to: "Disable", users: 1 },
        { from: "Create", to: "Error", users: 1 },
        { from: "Update", to: "Create", users: 1 },
      ],
      scope: { entered: 1, left: 1 },
      matchChanged: 1,
      attributes: [
        { target: "a", users: 2, added: 0, removed: 1, changed: 1 },
        { target: "b", users: 1, added: 1, removed: 0, changed: 0 },
        { target: "c", users: 1, added: 0, removed: 0, changed: 1 },
      ],
      errors: { new: 1, vanished: 2 },
      warnings: { new: 2, vanished: 1 },
    });
  });

  it("orders attributes by code unit, not by locale; the summary is a copy", () => {
    const tally = new DiffTally();
    for (const target of ["b", "B", "a", "_"])
      tally.add(user({ attributes: [{ target, change: "added", new: 1 }] }));
    const summary = tally.summary();
    expect(summary.attributes.map((a) => a.target)).toEqual(["B", "_", "a", "b"]);
    (summary.scope as { entered: number }).entered = 99;
    (summary.errors as { new: number }).new = 99;
    (summary.warnings as { new: number }).new = 99;
    expect(tally.summary()).toMatchObject({
      scope: { entered: 0 },
      errors: { new: 0 },
      warnings: { new: 0 },
    });
  });

  it("orders action moves of equal counts by the action after when the action before is the same", () => {
    const tally = new DiffTally();
    for (const to of ["Update", "Disable", "Error"] as const)
      tally.add(user({ old: side("Create"), new: side(to), actionChanged: true }));
    expect(tally.summary().actions.map((m) => m.to)).toEqual(["Disable", "Error", "Update"]);
  });
});

describe("createDiffer and diffPreviews: the edges", () => {
  const config = (mappings: string) =>
    loadConfig(`object: { name: U, source: User, target: User }\nmappings:\n${mappings}`);
  const one = config("  - { target: userName, attribute: userPrincipalName, match: 1 }\n");
  const other = config("  - { target: userName, attribute: mail, match: 1 }\n");
  const groups = loadConfig(
    "object: { name: G, source: Group, target: Group }\nmappings:\n  - { target: displayName, attribute: displayName }\n",
  );
  const ada = { objectId: "o1", userPrincipalName: "a@c.com", mail: "m@c.com", displayName: "Ada" };

  it("names a side that cannot preview users, the old one too, and only that side", () => {
    const both = createDiffer(groups, groups, { context: { now: new Date(0) } });
    expect(Object.keys(both.problems ?? {})).toEqual(["old", "new"]);
    expect(both.problems?.old).toMatch(/no object mapping for users/);
    const old = diffPreviews(groups, one, [ada]);
    expect(Object.keys(old.problems ?? {})).toEqual(["old"]);
    expect(old.users[0]?.old).toMatchObject({ action: "Error", inScope: null, match: null });
    expect(old.users[0]?.new).toMatchObject({ action: "Create", inScope: true });
    // Neither side with a problem: no problems field at all.
    expect(createDiffer(one, other)).not.toHaveProperty("problems");
    expect(diffPreviews(one, other, [ada])).not.toHaveProperty("problems");
  });

  it("reads any iterable of users, a generator too, and says who changed with index, id and name", () => {
    function* people() {
      yield { ...ada, displayName: undefined };
      yield ada;
    }
    const diff = diffPreviews(one, other, people(), { context: { now: new Date(0) } });
    expect(diff.users.map((u) => [u.index, u.id, u.displayName])).toEqual([
      [0, "o1", undefined],
      [1, "o1", "Ada"],
    ]);
    expect(diff.users[0]).not.toHaveProperty("displayName");
    expect(diff.users[0]).not.toHaveProperty("scope");
    expect(diff.users[0]).toMatchObject({
      actionChanged: false,
      matchChanged: false,
      attributes: [{ target: "userName", change: "changed", old: "a@c.com", new: "m@c.com" }],
    });
    expect(diffPreviews(one, other, new Set([ada])).summary.changed).toBe(1);
  });

  it("a user whose scope changes is listed even when it sends the same", () => {
    const scoped = loadConfig(`object: { name: U, source: User, target: User }
scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
`);
    const target = [{ id: "t-1", userName: "a@c.com" }];
    // Matched and up to date on the old side (RedundantExport); out of scope on the new one.
    const diff = diffPreviews(one, scoped, [{ ...ada, department: "Ops" }], {
      target,
      context: { now: new Date(0) },
    });
    expect(diff.users).toHaveLength(1);
    expect(diff.users[0]?.scope).toBe("left");
    expect(diff.users[0]?.old.inScope).toBe(true);
    expect(diff.users[0]?.new.inScope).toBe(false);
    expect(diff.summary.scope).toEqual({ entered: 0, left: 1 });
  });

  it("a user assigned on one side only: assignment counts in the scope", () => {
    const assigned = loadConfig(`object: { name: U, source: User, target: User }
assignment: assigned
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
`);
    const diff = diffPreviews(one, assigned, [ada], { context: { now: new Date(0) } });
    expect(diff.users[0]?.old.inScope).toBe(true);
    expect(diff.users[0]?.new.inScope).toBe(false);
    expect(diff.users[0]?.scope).toBe("left");
  });
});
