import { describe, expect, it } from "vitest";
import { type DiffSummary, DiffTally, MarkdownDiff, type UserDiff } from "../../src/review/index.js";

// The pull-request comment's length budget at its exact edges, the headline facts that the other
// report tests leave at zero, and the order of many attributes in the summary.

const nothing: DiffSummary = {
  users: 1,
  changed: 1,
  unchanged: 0,
  actionChanged: 0,
  actions: [],
  scope: { entered: 0, left: 0 },
  matchChanged: 0,
  attributes: [],
  errors: { new: 0, vanished: 0 },
  warnings: { new: 0, vanished: 0 },
};
const quiet = (i: number, name: string): UserDiff => ({
  index: i,
  id: `u${i}`,
  displayName: name,
  old: { action: "Create", inScope: true, match: null },
  new: { action: "Create", inScope: true, match: null },
  actionChanged: false,
  matchChanged: false,
  attributes: [],
  errors: { new: [], vanished: [] },
  warnings: { new: [], vanished: [] },
});
/** One user's block as the comment writes it: a summary line and an empty body. */
const blockOf = (name: string, id: string) =>
  `<details><summary><code>${name}</code> (<code>${id}</code>): Create</summary>\n\n\n</details>\n\n`;
const shown = (text: string) => text.split("<details>").length - 1;
const many = (count: number): DiffSummary => ({ ...nothing, users: count, changed: count });
const LIMIT = 2048;
const note = (count: number) =>
  `\n_${count} more changed user${count === 1 ? " is" : "s are"} left out to stay within GitHub's comment limit; run \`provex diff\` locally (or with \`--format json\`) for every user._\n`;

describe("MarkdownDiff: the edges of the length", () => {
  // Blocks of exactly 256 characters: six fill the users' three quarters of 2,048.
  const name = "n".repeat(256 - blockOf("", "u0").length);

  it("a comment exactly as long as the limit keeps every user", () => {
    // The head: headline and names line; the old name is padded so that head + six blocks is 2,048.
    const headOf = (oldName: string) =>
      `### provex diff: 6 of 6 users change\n\n\`${oldName}\` → \`b\` · 6 users · 6 changed, 0 unchanged\n\n`;
    const oldName = "a".repeat(1 + LIMIT - 6 * 256 - headOf("a").length);
    expect(headOf(oldName).length + 6 * 256).toBe(LIMIT);
    const markdown = new MarkdownDiff({ oldName, newName: "b", maxLength: LIMIT });
    for (let i = 0; i < 6; i++) markdown.add(quiet(i, name));
    const text = markdown.finish(many(6));
    expect(text).toHaveLength(LIMIT);
    expect(shown(text)).toBe(6);
    expect(text).not.toContain("left out");
    // One character more, and the last user goes (with the note).
    const longer = new MarkdownDiff({ oldName: `${oldName}a`, newName: "b", maxLength: LIMIT });
    for (let i = 0; i < 6; i++) longer.add(quiet(i, name));
    const cut = longer.finish(many(6));
    expect(shown(cut)).toBe(5);
    expect(cut.endsWith(note(1))).toBe(true);
  });

  it("a user left out while streaming leaves out every later one, even one that would still fit", () => {
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: LIMIT });
    for (let i = 0; i < 5; i++) markdown.add(quiet(i, name));
    // 1,280 used: a 513-character block does not fit the 1,536; a 256-character one would.
    const big = `${name}${"n".repeat(257)}`;
    expect(blockOf(big, "u5")).toHaveLength(513);
    markdown.add(quiet(5, big));
    markdown.add(quiet(6, name));
    const text = markdown.finish(many(7));
    expect(shown(text)).toBe(5);
    expect(text).not.toContain("(<code>u6</code>)");
    expect(text.endsWith(note(2))).toBe(true);
  });

  it("a head longer than the limit by itself: every user is left out, with the note right after the head", () => {
    const markdown = new MarkdownDiff({ oldName: "o".repeat(LIMIT), newName: "b", maxLength: LIMIT });
    markdown.add(quiet(0, name));
    markdown.add(quiet(1, name));
    const text = markdown.finish(many(2));
    expect(shown(text)).toBe(0);
    expect(text).toBe(
      `### provex diff: 2 of 2 users change\n\n\`${"o".repeat(LIMIT)}\` → \`b\` · 2 users · 2 changed, 0 unchanged\n\n${note(2)}`,
    );
  });
});

describe("MarkdownDiff: the attribute table's quarter of the length", () => {
  const prefix = [
    "### provex diff: 1 of 1 user changes",
    "",
    "`a` → `b` · 1 user · 1 changed, 0 unchanged",
    "",
    "| target attribute | users | added | removed | changed |",
    "|---|--:|--:|--:|--:|",
  ].join("\n");
  const row = (target: string) => `| \`${target}\` | 1 | 1 | 0 | 0 |`;
  const count = (target: string) => ({ target, users: 1, added: 1, removed: 0, changed: 0 });
  const table = (targets: string[]) =>
    new MarkdownDiff({ oldName: "a", newName: "b", maxLength: LIMIT }).finish({
      ...nothing,
      attributes: targets.map(count),
    });
  /** Three rows of one length, then a last row whose target pads the head to `length` (line breaks between rows counted, not the one before the first). */
  const targetsUpTo = (length: number) => {
    const first = ["t".repeat(50), "u".repeat(50), "v".repeat(50)];
    const used = prefix.length + first.map((t) => row(t).length + 1).reduce((a, b) => a + b, 0);
    const last = "w".repeat(length - used - row("").length);
    return [...first, last, "z"];
  };

  it("keeps a row that brings the head to exactly a quarter (512 of 2,048), and says how many it left out", () => {
    const targets = targetsUpTo(512);
    const text = table(targets);
    expect(text).toContain(`${row(targets[3] as string)}\n\n_1 more attribute left out._\n`);
    expect(text.split("\n").filter((line) => line.startsWith("| `"))).toHaveLength(4);
  });

  it("leaves out a row one character over the quarter, and every row after it", () => {
    const targets = targetsUpTo(513);
    const text = table(targets);
    expect(text).not.toContain(row(targets[3] as string));
    expect(text).not.toContain(row("z"));
    expect(text).toBe(
      `${prefix}\n${targets.slice(0, 3).map(row).join("\n")}\n\n_2 more attributes left out._\n`,
    );
  });
});

describe("MarkdownDiff: headline facts", () => {
  it("lists every action move, separated by commas", () => {
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b" });
    const text = markdown.finish({
      ...many(3),
      actionChanged: 3,
      actions: [
        { from: "Skip (NotEffectivelyEntitled)", to: "Create", users: 2 },
        { from: "Create", to: "Error", users: 1 },
      ],
    });
    expect(text).toContain(
      "- **3 users change action** (`Skip (NotEffectivelyEntitled)` → `Create`: 2, `Create` → `Error`: 1)\n",
    );
  });

  it("says so when errors only vanish and when warnings only appear", () => {
    const text = new MarkdownDiff({ oldName: "a", newName: "b" }).finish({
      ...many(2),
      errors: { new: 0, vanished: 2 },
      warnings: { new: 1, vanished: 0 },
    });
    expect(text).toBe(
      [
        "### provex diff: 2 of 2 users change",
        "",
        "`a` → `b` · 2 users · 2 changed, 0 unchanged",
        "",
        "- errors: 0 users with a new error, 2 with an error that vanishes",
        "- warnings: 1 user with a new warning, 0 with a warning that vanishes",
        "",
      ].join("\n"),
    );
  });
});

describe("DiffTally: the order of many attributes", () => {
  it("orders attributes with the same number of users by code unit, however many and in whatever order they came", () => {
    // Enough attributes that the sort merges runs (not only insertion-sorts), in a scrambled order.
    const targets = Array.from({ length: 300 }, (_, i) => `attr${String((i * 7919) % 300).padStart(3, "0")}`);
    const tally = new DiffTally();
    for (const target of targets)
      tally.add({ ...quiet(0, "x"), attributes: [{ target, change: "added", new: 1 }] });
    const order = tally.summary().attributes.map((attribute) => attribute.target);
    expect(order).toEqual([...targets].sort());
    expect(order[0]).toBe("attr000");
  });
});
