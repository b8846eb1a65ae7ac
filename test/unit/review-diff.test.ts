import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDiffer, diffPreviews, loadConfig, type UserDiff } from "../../src/index.js";

const SHARED = join(import.meta.dirname, "../fixtures/shared");
const REVIEW = join(import.meta.dirname, "../fixtures/review");
const read = (path: string) => readFileSync(path, "utf8");
const oldConfig = loadConfig(read(join(SHARED, "provex-config.yaml")));
// The changed copy: title's expression edited, the Fabrikam clause widened to contoso.com, the
// preferredLanguage mapping removed.
const newConfig = loadConfig(read(join(REVIEW, "provex-config-changed.yaml")));
const users = JSON.parse(read(join(SHARED, "users.json"))) as Record<string, unknown>[];
const target = JSON.parse(read(join(SHARED, "target-users.json"))) as unknown[];
const context = { now: new Date("2026-03-01T00:00:00Z") };

const byName = (diffs: readonly UserDiff[]) =>
  Object.fromEntries(diffs.map((diff) => [diff.displayName?.split(" (")[0], diff]));
const targets = (diff: UserDiff | undefined) =>
  Object.fromEntries((diff?.attributes ?? []).map((a) => [a.target, a.change]));

describe("diffPreviews over the shared fixtures and a changed copy", () => {
  // Diffed in each test, not while the file is collected: code that runs at collection has no covering
  // test, so the mutation run would test each of its mutants against every test of the folder.
  const fixtureDiff = () => diffPreviews(oldConfig, newConfig, users, { target, context });

  it("loads both configurations without errors", () => {
    expect(oldConfig.diagnostics).toEqual([]);
    expect(newConfig.diagnostics).toEqual([]);
  });

  it("reports every changed user and no unchanged one", () => {
    const diff = fixtureDiff();
    const changed = byName(diff.users);
    expect(Object.keys(changed).sort()).toEqual(
      [
        "Zoë Ångström",
        "José García Márquez",
        "Björn Østergaard",
        "Nadia Haddad",
        "Kwame Mensah",
        "Tomasz Wiśniewski",
        "Chloé Dubois",
        "Aoife O'Neill-Barry",
        "Maximilian Alexander Friedrich von Hohenberg-Schwarzenfels",
        "Ravi Iyer",
        "Ethan Brooks",
      ].sort(),
    );
    // Priya (soft-deleted: skipped on both sides), the lobby kiosk (import skipped) and Daniel
    // (DuplicateTargetEntries on both sides) do the same with both configurations.
    expect(diff.summary).toMatchObject({ users: 14, changed: 11, unchanged: 3 });
    expect(diff.users.map((d) => d.index)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("reports each changed attribute per user, and nothing else", () => {
    const changed = byName(fixtureDiff().users);
    // Creates: title changes (the edit), preferredLanguage is no longer sent (the removed mapping).
    for (const name of ["Zoë Ångström", "Nadia Haddad", "Kwame Mensah", "Ethan Brooks"])
      expect(targets(changed[name]), name).toEqual({ title: "changed", preferredLanguage: "removed" });
    expect(changed["Zoë Ångström"]?.attributes).toEqual([
      { target: "title", change: "changed", old: "Account Executive", new: "Account Executive - Sales" },
      { target: "preferredLanguage", change: "removed", old: "sv-SE" },
    ]);
    // Tomasz's job title is "", so title was not sent; now the department alone is.
    expect(changed["Tomasz Wiśniewski"]?.attributes).toEqual([
      { target: "title", change: "added", new: "Operations" },
      { target: "preferredLanguage", change: "removed", old: "pl-PL" },
    ]);
    // Updates send only what differs from the target: the removed mapping sent nothing to them anyway.
    expect(changed["José García Márquez"]?.attributes).toEqual([
      {
        target: "title",
        change: "changed",
        old: "Regional Sales Manager",
        new: "Regional Sales Manager - Sales",
      },
    ]);
    expect(targets(changed["Aoife O'Neill-Barry"])).toEqual({ title: "added" });
    expect(changed["Björn Østergaard"]?.attributes).toEqual([
      { target: "title", change: "added", new: "Solutions Engineer - Sales" },
    ]);
  });

  it("reports exactly the changed attributes of every changed user", () => {
    const changed = byName(fixtureDiff().users);
    // The edited mapping (title) and the removed one (preferredLanguage) for the users in scope on
    // both sides; every sent attribute for the two users the changed clause brings into scope, which
    // are the new configuration's targets less those with no source value for them.
    const newTargets = newConfig.objects[0]?.mappings.map((mapping) => mapping.target) ?? [];
    const notSent = (...missing: string[]) =>
      Object.fromEntries(newTargets.filter((t) => !missing.includes(t)).map((t) => [t, "added"]));
    const workPhone = 'phoneNumbers[type eq "work"].value';
    const manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager";
    const edited = { title: "changed", preferredLanguage: "removed" };
    expect(
      Object.fromEntries(Object.entries(changed).map(([name, d]) => [name, targets(d as UserDiff)])),
    ).toEqual({
      "Zoë Ångström": edited,
      "José García Márquez": { title: "changed" },
      "Björn Østergaard": { title: "added" },
      "Nadia Haddad": edited,
      "Kwame Mensah": edited,
      "Tomasz Wiśniewski": { title: "added", preferredLanguage: "removed" },
      "Chloé Dubois": notSent(workPhone, manager),
      "Aoife O'Neill-Barry": { title: "added" },
      "Maximilian Alexander Friedrich von Hohenberg-Schwarzenfels": edited,
      "Ravi Iyer": notSent(workPhone, 'phoneNumbers[type eq "mobile"].value', manager),
      "Ethan Brooks": edited,
    });
    expect(newTargets).toHaveLength(20);
    expect(newTargets).not.toContain("preferredLanguage");
  });

  it("reports the action that changes, and the users that enter the scope", () => {
    const changed = byName(fixtureDiff().users);
    const bjorn = changed["Björn Østergaard"];
    expect(bjorn?.actionChanged).toBe(true);
    expect(bjorn?.old).toMatchObject({ action: "Skip", skipReason: "RedundantExport" });
    expect(bjorn?.new).toMatchObject({ action: "Update", match: "05e7b9a7-32a7-4b2e-b7da-ee2ed5be0ddc" });
    for (const name of ["Chloé Dubois", "Ravi Iyer"]) {
      const user = changed[name];
      expect(user?.scope, name).toBe("entered");
      expect(user?.old, name).toMatchObject({ action: "Skip", inScope: false });
      expect(user?.new, name).toMatchObject({ action: "Create", inScope: true });
      // A create sends every attribute, none of which the old configuration sent.
      expect(new Set(user?.attributes.map((a: { change: string }) => a.change)), name).toEqual(
        new Set(["added"]),
      );
      expect(
        user?.attributes.map((a: { target: string }) => a.target),
        name,
      ).toContain("userName");
      expect(
        user?.attributes.map((a: { target: string }) => a.target),
        name,
      ).not.toContain("preferredLanguage");
    }
    for (const name of ["Zoë Ångström", "José García Márquez", "Aoife O'Neill-Barry"]) {
      expect(changed[name]?.actionChanged, name).toBe(false);
      expect(changed[name]?.scope, name).toBeUndefined();
    }
  });

  it("sums up the actions, the scope and the attributes", () => {
    const { summary } = fixtureDiff();
    expect(summary.actionChanged).toBe(3);
    expect(summary.actions).toEqual([
      { from: "Skip (NotEffectivelyEntitled)", to: "Create", users: 2 },
      { from: "Skip (RedundantExport)", to: "Update", users: 1 },
    ]);
    expect(summary.scope).toEqual({ entered: 2, left: 0 });
    expect(summary.attributes[0]).toEqual({ target: "title", users: 11, added: 5, removed: 0, changed: 6 });
    expect(summary.attributes[1]).toEqual({
      target: "preferredLanguage",
      users: 6,
      added: 0,
      removed: 6,
      changed: 0,
    });
    expect(summary.errors).toEqual({ new: 0, vanished: 0 });
  });

  it("finds nothing between a configuration and itself, or its Entra export", () => {
    const entra = loadConfig(read(join(SHARED, "entra-scim-schema.json")));
    for (const other of [oldConfig, entra]) {
      const same = diffPreviews(oldConfig, other, users, { target, context });
      expect(same.users).toEqual([]);
      expect(same.summary).toMatchObject({ users: 14, changed: 0, unchanged: 14, attributes: [] });
    }
  });

  it("streams one user at a time with the same answers (createDiffer)", () => {
    const diff = fixtureDiff();
    const differ = createDiffer(oldConfig, newConfig, { target, context }, users);
    const streamed = users.map((user, index) => differ.diffUser(user, index)).filter((d) => d !== undefined);
    expect(streamed).toEqual(diff.users);
    expect(differ.summary()).toEqual(diff.summary);
  });
});

describe("diffPreviews: errors, matches, randomness and secrets", () => {
  const config = (mappings: string, extra = "") =>
    loadConfig(`object: { name: Users, source: User, target: User }\n${extra}mappings:\n${mappings}`);
  const base = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
  const ada = { objectId: "u1", userPrincipalName: "ada@contoso.com", displayName: "Ada", pin: "4711" };

  it("reports an error that appears and one that vanishes, with its code and target", () => {
    const good = config(`${base}  - { target: title, expression: 'Item(Split([x], ","), 1)' }\n`);
    const bad = config(`${base}  - { target: title, expression: 'Item(Split([x], ","), 5)' }\n`);
    const user = { ...ada, x: "a,b" };
    const forward = diffPreviews(good, bad, [user], { context });
    expect(forward.users[0]?.new.action).toBe("Error");
    expect(forward.users[0]?.errors.new.map((e) => [e.code, e.target])).toEqual([
      [expect.any(String), "title"],
    ]);
    expect(forward.users[0]?.errors.vanished).toEqual([]);
    expect(forward.summary.errors).toEqual({ new: 1, vanished: 0 });
    const back = diffPreviews(bad, good, [user], { context });
    expect(back.users[0]?.errors.vanished).toHaveLength(1);
    expect(back.summary.errors).toEqual({ new: 0, vanished: 1 });
  });

  it("reports a change of matched object", () => {
    const byMail = config(`  - { target: userName, attribute: mail, match: 1 }\n`);
    const byUpn = config(`  - { target: userName, attribute: userPrincipalName, match: 1 }\n`);
    const directory = [
      { id: "t-upn", userName: "ada@contoso.com" },
      { id: "t-mail", userName: "ada@mail.contoso.com" },
    ];
    const user = { ...ada, mail: "ada@mail.contoso.com" };
    const diff = diffPreviews(byMail, byUpn, [user], { target: directory, context });
    expect(diff.users[0]).toMatchObject({
      matchChanged: true,
      old: { match: "t-mail" },
      new: { match: "t-upn" },
    });
    expect(diff.summary.matchChanged).toBe(1);
  });

  it("gives an unchanged Guid or RandomString mapping the same value on both sides", () => {
    const before = config(`${base}  - { target: externalId, expression: 'Guid()' }\n`);
    const after = config(
      `${base}  - { target: nickName, expression: 'RandomString(8, 1, 1, 1, 1)' }\n  - { target: externalId, expression: 'Guid()' }\n`,
    );
    const people = [ada, { ...ada, objectId: "u2", userPrincipalName: "bob@contoso.com" }];
    const diff = diffPreviews(before, after, people, { context, seed: 7 });
    // Only the added mapping shows; the Guid, drawn after it on the new side, is the same.
    expect(diff.users.map((d) => d.attributes.map((a) => [a.target, a.change]))).toEqual([
      [["nickName", "added"]],
      [["nickName", "added"]],
    ]);
  });

  it("keeps a secret [Redact] on both sides, and shows it only when asked", () => {
    const before = config(`${base}  - { target: password, expression: 'Redact([pin])' }\n`);
    const after = config(`${base}  - { target: password, expression: 'Redact(Join("-", [pin], "x"))' }\n`);
    const hidden = diffPreviews(before, after, [ada], { context });
    expect(JSON.stringify(hidden)).not.toContain("4711");
    const shown = diffPreviews(before, after, [ada], { context, showRedacted: true });
    expect(shown.users[0]?.attributes).toEqual([
      { target: "password", change: "changed", old: "4711", new: "4711-x" },
    ]);
    // A secret that stops flowing through Redact is removed on the old side, still hidden.
    const plain = config(`${base}  - { target: nickName, attribute: displayName }\n`);
    const removed = diffPreviews(before, plain, [ada], { context });
    expect(removed.users[0]?.attributes).toEqual([
      { target: "nickName", change: "added", new: "Ada" },
      { target: "password", change: "removed", old: "[Redact]" },
    ]);
    expect(JSON.stringify(removed)).not.toContain("4711");
  });

  it("says when a side has no user object mapping, and fails every user there", () => {
    const groups = loadConfig(
      "object: { name: Groups, source: Group, target: Group }\nmappings:\n  - { target: displayName, attribute: displayName }\n",
    );
    const diff = diffPreviews(config(base), groups, [ada], { context });
    expect(diff.problems?.new).toMatch(/no object mapping for users/);
    expect(diff.users[0]?.new.action).toBe("Error");
    expect(diff.users[0]?.new.inScope).toBeNull();
  });

  it("never throws on input that is not a list of users", () => {
    const one = config(base);
    for (const input of [null, undefined, 42, "text", {}] as unknown[])
      expect(diffPreviews(one, one, input as unknown[], { context }).summary.users).toBe(0);
    const odd = diffPreviews(one, one, [null, 7, "x", [], { userPrincipalName: 5 }], { context });
    expect(odd.summary).toMatchObject({ users: 5, changed: 0 });
  });
});
