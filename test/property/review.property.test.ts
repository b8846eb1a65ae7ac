import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import { diffPreviews, seededRandom, type UserDiff } from "../../src/review/index.js";
import { codeSpan, visibleText } from "../../src/review/markdown-text.js";
import { canonicalJson, sameValue } from "../../src/review/values.js";

// Laws of the review commands: a configuration diffed against itself changes nothing, and swapping the
// two sides swaps every before/after of the diff (added ↔ removed, entered ↔ left, new ↔ vanished).

const config = (mappings: string, scope = "") =>
  loadConfig(`object: { name: U, source: User, target: User }\n${scope}mappings:\n${mappings}`);
const base = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
const configs = [
  config(`${base}  - { target: title, attribute: jobTitle }\n`),
  config(
    `${base}  - { target: title, expression: 'Join(" - ", [jobTitle], [department])' }\n  - { target: nickName, attribute: mailNickname }\n`,
  ),
  config(
    `${base}  - { target: title, expression: 'Item(Split([jobTitle], ","), 2)' }\n`,
    "scope:\n  filters:\n    - name: Sales\n      clauses:\n        - { attribute: department, operator: EQUALS, value: Sales }\n",
  ),
  config(
    `  - { target: userName, attribute: mail, match: 1 }\n  - { target: locale, expression: 'IIF([department]="Sales", "s", "o")' }\n`,
  ),
];
const target = [
  { id: "t-1", userName: "a@c.com", title: "Rep" },
  { id: "t-2", userName: "b@c.com" },
  { id: "t-3", userName: "m@c.com" },
];
const text = (...values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
const user = fc.record(
  {
    objectId: fc.constantFrom("o1", "o2", "o3"),
    userPrincipalName: text("a@c.com", "b@c.com", "c@c.com"),
    mail: text("m@c.com", "a@c.com"),
    jobTitle: text("Rep", "Rep,Lead", "", "A,B,C"),
    department: text("Sales", "Ops"),
    mailNickname: text("nick", ""),
  },
  { requiredKeys: ["objectId"] },
);
const users = fc.array(user, { maxLength: 4 });
const pair = fc.tuple(fc.nat(configs.length - 1), fc.nat(configs.length - 1));
const context = { now: new Date("2026-03-01T00:00:00Z") };

/** The diff of one user seen from the other side. */
function swapped(diff: UserDiff): UserDiff {
  const swap = { added: "removed", removed: "added", changed: "changed" } as const;
  return {
    ...diff,
    old: diff.new,
    new: diff.old,
    ...(diff.scope ? { scope: diff.scope === "entered" ? "left" : "entered" } : {}),
    attributes: diff.attributes.map((a) => ({
      target: a.target,
      change: swap[a.change],
      ...("new" in a ? { old: a.new } : {}),
      ...("old" in a ? { new: a.old } : {}),
    })),
    errors: { new: diff.errors.vanished, vanished: diff.errors.new },
    warnings: { new: diff.warnings.vanished, vanished: diff.warnings.new },
  };
}

const byTarget = (diff: UserDiff) =>
  [...diff.attributes].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));

describe("diffPreviews laws", () => {
  it("a configuration against itself: no user changes, every user counted unchanged", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.nat(configs.length - 1), users, (which, people) => {
        const one = configs[which]!;
        const diff = diffPreviews(one, one, people, { target, context });
        compared += people.length;
        expect(diff.users).toEqual([]);
        expect(diff.summary).toEqual({
          users: people.length,
          changed: 0,
          unchanged: people.length,
          actionChanged: 0,
          actions: [],
          scope: { entered: 0, left: 0 },
          matchChanged: 0,
          attributes: [],
          errors: { new: 0, vanished: 0 },
          warnings: { new: 0, vanished: 0 },
        });
      }),
    );
    expect(compared).toBeGreaterThan(50);
  });

  it("swapping the sides swaps every before and after, and the summary's counts", () => {
    const seen = { changed: 0, added: 0, removed: 0, scope: 0, errors: 0, action: 0 };
    fc.assert(
      fc.property(pair, users, ([a, b], people) => {
        const forward = diffPreviews(configs[a]!, configs[b]!, people, { target, context });
        const back = diffPreviews(configs[b]!, configs[a]!, people, { target, context });
        expect(back.users.map((d) => d.index)).toEqual(forward.users.map((d) => d.index));
        forward.users.forEach((diff, i) => {
          const other = back.users[i]!;
          const expected = swapped(diff);
          expect({ ...other, attributes: byTarget(other) }).toEqual({
            ...expected,
            attributes: byTarget(expected),
          });
          seen.added += diff.attributes.filter((x) => x.change === "added").length;
          seen.removed += diff.attributes.filter((x) => x.change === "removed").length;
          if (diff.scope) seen.scope++;
          if (diff.errors.new.length > 0) seen.errors++;
          if (diff.actionChanged) seen.action++;
        });
        seen.changed += forward.users.length;
        const s = forward.summary;
        const t = back.summary;
        expect(t).toMatchObject({
          users: s.users,
          changed: s.changed,
          unchanged: s.unchanged,
          actionChanged: s.actionChanged,
          matchChanged: s.matchChanged,
          scope: { entered: s.scope.left, left: s.scope.entered },
          errors: { new: s.errors.vanished, vanished: s.errors.new },
          warnings: { new: s.warnings.vanished, vanished: s.warnings.new },
        });
        const moves = (list: typeof s.actions) => list.map((m) => `${m.from}>${m.to}:${m.users}`).sort();
        expect(moves(t.actions)).toEqual(
          moves(s.actions.map((m) => ({ from: m.to, to: m.from, users: m.users }))),
        );
        const counts = (list: typeof s.attributes) =>
          list.map((c) => `${c.target}:${c.users}:${c.added}:${c.removed}:${c.changed}`).sort();
        expect(counts(t.attributes)).toEqual(
          counts(s.attributes.map((c) => ({ ...c, added: c.removed, removed: c.added }))),
        );
        expect(s.changed + s.unchanged).toBe(people.length);
      }),
    );
    // The generators reach every kind of change.
    expect(seen.changed).toBeGreaterThan(30);
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
  });
});

describe("values and markdown text laws", () => {
  const json = fc.jsonValue();
  it("sameValue ignores object key order; canonicalJson is one text per value", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { maxKeys: 5 }), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(sameValue(object, reversed)).toBe(true);
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(sameValue({ ...object, "\u0000extra": 1 }, object)).toBe(false);
      }),
    );
  });

  it("codeSpan holds the visible text literally on one line, every | escaped", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "`", " ", "|", "\n", "\u202e", "x") }), (value) => {
        const span = codeSpan(value);
        const fence = /^`+/.exec(span)?.[0] ?? "";
        expect(fence.length).toBeGreaterThan(0);
        expect(span.endsWith(fence)).toBe(true);
        let inner = span.slice(fence.length, span.length - fence.length);
        expect(inner).not.toMatch(/\n/);
        // No run of backticks inside as long as the fence.
        expect(inner.includes(fence)).toBe(false);
        if (inner.startsWith(" ") && inner.endsWith(" ") && inner.length >= 2) {
          const unpadded = inner.slice(1, -1);
          if (/^[` ]|[` ]$/.test(visibleText(value)) || value === "") inner = unpadded;
        }
        expect(inner.replaceAll("\\|", "|")).toBe(visibleText(value));
        expect(inner.replaceAll("\\|", "")).not.toContain("|");
      }),
    );
  });

  it("seededRandom: the same seed gives the same numbers, each in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});
