import { describe, expect, it } from "vitest";
import {
  type Colours,
  type DiffSummary,
  formatDiffSummaryText,
  formatUserDiffText,
  MarkdownDiff,
  type UserDiff,
} from "../../src/review/index.js";

// The reports of `provex diff` (text and markdown) for diffs written by hand, so that every line, label
// and plural is stated exactly, independently of the engine.

/** Colours that show where each one applies. */
const TAGS: Colours = {
  red: (t) => `<red>${t}</red>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  cyan: (t) => `<cyan>${t}</cyan>`,
  dim: (t) => `<dim>${t}</dim>`,
  bold: (t) => `<bold>${t}</bold>`,
};

const ada: UserDiff = {
  index: 3,
  id: "u-1",
  displayName: "Ada\nLovelace",
  old: { action: "Skip", skipReason: "RedundantExport", inScope: false, match: null },
  new: { action: "Update", inScope: true, match: "t-9" },
  scope: "entered",
  actionChanged: true,
  matchChanged: true,
  attributes: [
    { target: "title", change: "changed", old: "A", new: "B" },
    { target: "nickName", change: "added", new: 42n },
    { target: "locale", change: "removed", old: "en" },
  ],
  errors: {
    new: [{ code: "E1", target: "title", message: "bad\tthing" }],
    vanished: [{ code: "E2", message: "gone" }],
  },
  warnings: {
    new: [{ code: "W1", message: "warn" }],
    vanished: [{ code: "W2", target: "x", message: "w" }],
  },
};

/** A user whose action stays (Create) and who leaves the scope, matched before and not after. */
const bob: UserDiff = {
  index: 4,
  id: "bob@contoso.com",
  old: { action: "Create", inScope: true, match: "t-1" },
  new: { action: "Create", inScope: false, match: null },
  scope: "left",
  actionChanged: false,
  matchChanged: true,
  attributes: [],
  errors: { new: [], vanished: [] },
  warnings: { new: [], vanished: [] },
};

const summary: DiffSummary = {
  users: 1234,
  changed: 2,
  unchanged: 1232,
  actionChanged: 1,
  actions: [{ from: "Skip (RedundantExport)", to: "Update", users: 1 }],
  scope: { entered: 1, left: 0 },
  matchChanged: 1,
  attributes: [
    { target: "title", users: 2, added: 1, removed: 0, changed: 1 },
    { target: "a|b", users: 1, added: 0, removed: 1, changed: 0 },
  ],
  errors: { new: 1, vanished: 0 },
  warnings: { new: 0, vanished: 1 },
};

const nothing: DiffSummary = {
  users: 5,
  changed: 0,
  unchanged: 5,
  actionChanged: 0,
  actions: [],
  scope: { entered: 0, left: 0 },
  matchChanged: 0,
  attributes: [],
  errors: { new: 0, vanished: 0 },
  warnings: { new: 0, vanished: 0 },
};

describe("formatUserDiffText", () => {
  it("writes the header, scope, match, each attribute and each problem, one line each", () => {
    expect(formatUserDiffText(ada)).toBe(
      [
        "Ada\\u000aLovelace (u-1)  Skip (RedundantExport) → Update",
        "  scope: enters the scope",
        "  match: none → t-9",
        '  title: "A" → "B"',
        '  nickName: (not sent) → "42"',
        '  locale: "en" → (not sent)',
        "  new error E1 (title): bad\\u0009thing",
        "  error vanishes E2",
        "  new warning W1: warn",
        "  warning vanishes W2 (x)",
        "",
      ].join("\n"),
    );
  });

  it("colours the old side red, the new cyan, what is not sent dim, new problems yellow", () => {
    expect(formatUserDiffText(ada, TAGS)).toBe(
      [
        "<bold>Ada\\u000aLovelace (u-1)</bold>  <red>Skip (RedundantExport)</red> → <cyan>Update</cyan>",
        "  scope: enters the scope",
        "  match: none → t-9",
        '  title: <red>"A"</red> → <cyan>"B"</cyan>',
        '  nickName: <dim>(not sent)</dim> → <cyan>"42"</cyan>',
        '  locale: <red>"en"</red> → <dim>(not sent)</dim>',
        "  <yellow>new error</yellow> E1 (title): bad\\u0009thing",
        "  <dim>error vanishes</dim> E2",
        "  <yellow>new warning</yellow> W1: warn",
        "  <dim>warning vanishes</dim> W2 (x)",
        "",
      ].join("\n"),
    );
  });

  it("an unchanged action is shown once, uncoloured; a user without a name by id only", () => {
    expect(formatUserDiffText(bob, TAGS)).toBe(
      "<bold>(bob@contoso.com)</bold>  Create\n  scope: leaves the scope\n  match: t-1 → none\n",
    );
    const quiet: UserDiff = { ...bob, scope: undefined, matchChanged: false };
    expect(formatUserDiffText(quiet)).toBe("(bob@contoso.com)  Create\n");
  });
});

describe("formatDiffSummaryText", () => {
  it("gives the counts, each action move, scope, match, attribute and problem line", () => {
    expect(formatDiffSummaryText(summary)).toBe(
      [
        "2 of 1,234 users change; 1,232 unchanged.",
        "  action Skip (RedundantExport) → Update: 1",
        "  scope: 1 enter, 0 leave",
        "  match another target object: 1",
        "  title: 2 users (1 added, 0 removed, 1 changed)",
        "  a|b: 1 user (0 added, 1 removed, 0 changed)",
        "  errors: 1 new, 0 vanish",
        "  warnings: 0 new, 1 vanish",
        "",
      ].join("\n"),
    );
    expect(formatDiffSummaryText(summary, TAGS)).toMatch(
      /^<bold>2 of 1,234 users change; 1,232 unchanged\.<\/bold>\n {2}action/,
    );
  });

  it("leaves out the lines with nothing to say, and writes singulars", () => {
    expect(formatDiffSummaryText(nothing)).toBe("No user changes (5 users compared).\n");
    expect(formatDiffSummaryText({ ...nothing, users: 1, unchanged: 1 })).toBe(
      "No user changes (1 user compared).\n",
    );
    expect(formatDiffSummaryText({ ...nothing, users: 0, unchanged: 0 })).toBe(
      "No user changes (0 users compared).\n",
    );
    const one: DiffSummary = {
      ...nothing,
      users: 1,
      changed: 1,
      unchanged: 0,
      scope: { entered: 0, left: 2 },
      errors: { new: 0, vanished: 3 },
      warnings: { new: 4, vanished: 0 },
    };
    expect(formatDiffSummaryText(one)).toBe(
      "1 of 1 user change; 0 unchanged.\n  scope: 0 enter, 2 leave\n  errors: 0 new, 3 vanish\n  warnings: 4 new, 0 vanish\n",
    );
  });
});

describe("MarkdownDiff", () => {
  const adaBlock = [
    "<details><summary><code>Ada\\u000aLovelace</code> (<code>u-1</code>): Skip (RedundantExport) → Update</summary>",
    "",
    "- enters the scope",
    "- matched object: _none_ → `t-9`",
    "- new error `E1` on `title`: `bad\\u0009thing`",
    "- error `E2` vanishes",
    "- new warning `W1`: `warn`",
    "- warning `W2` on `x` vanishes",
    "",
    "| target attribute | old | new |",
    "|---|---|---|",
    '| `title` | `"A"` | `"B"` |',
    '| `nickName` | _not sent_ | `"42"` |',
    '| `locale` | `"en"` | _not sent_ |',
    "",
    "</details>",
    "",
  ].join("\n");

  it("writes the headline, the facts, the attribute table and one details block per user", () => {
    const markdown = new MarkdownDiff({ oldName: "a.yaml", newName: "b|c.yaml" });
    markdown.add(ada);
    expect(markdown.finish(summary)).toBe(
      [
        "### provex diff: 2 of 1,234 users change",
        "",
        "`a.yaml` → `b\\|c.yaml` · 1,234 users · 2 changed, 1,232 unchanged",
        "",
        "- **1 user change action** (`Skip (RedundantExport)` → `Update`: 1)",
        "- **1 user enter the scope**, 0 leave it",
        "- 1 user match another target object",
        "- errors: 1 user with a new error, 0 with an error that vanishes",
        "- warnings: 0 users with a new warning, 1 with a warning that vanishes",
        "",
        "| target attribute | users | added | removed | changed |",
        "|---|--:|--:|--:|--:|",
        "| `title` | 2 | 1 | 0 | 1 |",
        "| `a\\|b` | 1 | 0 | 1 | 0 |",
        "",
        `${adaBlock}`,
      ].join("\n"),
    );
  });

  it("says so when nothing changes, and writes the singular of one changed user", () => {
    expect(new MarkdownDiff({ oldName: "a", newName: "b" }).finish(nothing)).toBe(
      "### provex diff: no user changes\n\n`a` → `b` · 5 users · 0 changed, 5 unchanged\n",
    );
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b" });
    markdown.add(bob);
    const one: DiffSummary = {
      ...nothing,
      users: 1,
      changed: 1,
      unchanged: 0,
      scope: { entered: 0, left: 1 },
    };
    expect(markdown.finish(one)).toBe(
      [
        "### provex diff: 1 of 1 user changes",
        "",
        "`a` → `b` · 1 user · 1 changed, 0 unchanged",
        "",
        "- **0 users enter the scope**, 1 leave it",
        "",
        "<details><summary>(<code>bob@contoso.com</code>): Create</summary>",
        "",
        "- leaves the scope",
        "- matched object: `t-1` → _none_",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
  });

  it("a user with attributes and no facts gets the table right after the summary line", () => {
    const plain: UserDiff = {
      ...bob,
      scope: undefined,
      matchChanged: false,
      attributes: [{ target: "x", change: "changed", old: 1, new: 2 }],
    };
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b" });
    markdown.add(plain);
    const text = markdown.finish({
      ...nothing,
      users: 1,
      changed: 1,
      unchanged: 0,
      attributes: [{ target: "x", users: 1, added: 0, removed: 0, changed: 1 }],
    });
    expect(text).toBe(
      [
        "### provex diff: 1 of 1 user changes",
        "",
        "`a` → `b` · 1 user · 1 changed, 0 unchanged",
        "",
        "| target attribute | users | added | removed | changed |",
        "|---|--:|--:|--:|--:|",
        "| `x` | 1 | 0 | 0 | 1 |",
        "",
        "<details><summary>(<code>bob@contoso.com</code>): Create</summary>",
        "",
        "| target attribute | old | new |",
        "|---|---|---|",
        "| `x` | `1` | `2` |",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
  });

  it("cuts long user texts to 200 characters (messages to 300) with an ellipsis", () => {
    const long = "x".repeat(250);
    const message = "m".repeat(350);
    const diff: UserDiff = {
      ...bob,
      id: long,
      displayName: long,
      scope: undefined,
      old: { ...bob.old, match: long },
      attributes: [{ target: long, change: "changed", old: 1, new: 2 }],
      errors: {
        new: [{ code: "E", target: long, message }],
        vanished: [{ code: "F", target: long, message }],
      },
    };
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b" });
    markdown.add(diff);
    const text = markdown.finish({ ...nothing, users: 1, changed: 1, unchanged: 0 });
    const cut = `${"x".repeat(200)}…`;
    expect(text).toContain(`<details><summary><code>${cut}</code> (<code>${cut}</code>): Create</summary>`);
    expect(text).toContain(`- matched object: \`${cut}\` → _none_\n`);
    expect(text).toContain(`- new error \`E\` on \`${cut}\`: \`${"m".repeat(300)}…\`\n`);
    expect(text).toContain(`- error \`F\` on \`${cut}\` vanishes\n`);
    expect(text).toContain(`| \`${cut}\` | \`1\` | \`2\` |`);
    expect(text).not.toContain("x".repeat(201));
    // Exactly 200 is not cut.
    const exact = new MarkdownDiff({ oldName: "a", newName: "b" });
    exact.add({ ...bob, id: "y".repeat(200), scope: undefined, matchChanged: false });
    expect(exact.finish({ ...nothing, users: 1, changed: 1, unchanged: 0 })).toContain(
      `(<code>${"y".repeat(200)}</code>): Create`,
    );
  });

  it("escapes HTML in the action labels and the names", () => {
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b" });
    markdown.add({
      ...bob,
      displayName: `<b>"O'Neil" & co</b>`,
      old: { action: "Skip", skipReason: "<i>", inScope: null, match: null },
      actionChanged: true,
      scope: undefined,
      matchChanged: false,
    });
    expect(markdown.finish({ ...nothing, users: 1, changed: 1, unchanged: 0 })).toContain(
      "<details><summary><code>&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;</code> (<code>bob@contoso.com</code>): Skip (&lt;i&gt;) → Create</summary>",
    );
  });
});

describe("MarkdownDiff: staying within the length", () => {
  const quiet = (i: number, name: string): UserDiff => ({
    ...bob,
    id: `u${i}`,
    displayName: name,
    scope: undefined,
    matchChanged: false,
  });
  /** One user's block, written out: a summary line and an empty body. */
  const blockOf = (name: string, id: string) =>
    `<details><summary><code>${name}</code> (<code>${id}</code>): Create</summary>\n\n\n</details>\n\n`;
  const name = "n".repeat(256 - blockOf("", "u0").length);
  const many = (count: number): DiffSummary => ({ ...nothing, users: count, changed: count, unchanged: 0 });
  const shown = (text: string) => text.split("<details>").length - 1;

  it("gives users three quarters of the length: blocks that fill it exactly all fit", () => {
    expect(blockOf(name, "u0")).toHaveLength(256);
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 2048 });
    for (let i = 0; i < 8; i++) markdown.add(quiet(i, name));
    const text = markdown.finish(many(8));
    // 6 × 256 = 1,536 = 0.75 × 2,048.
    expect(shown(text)).toBe(6);
    expect(text).toContain(blockOf(name, "u5"));
    expect(text).not.toContain("(<code>u6</code>)");
    expect(
      text.endsWith(
        "\n_2 more changed users are left out to stay within GitHub's comment limit; run `provex diff` locally (or with `--format json`) for every user._\n",
      ),
    ).toBe(true);
    expect(text.length).toBeLessThanOrEqual(2048);
  });

  it("once one user is left out, every later one is too, however short", () => {
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 2048 });
    for (let i = 0; i < 6; i++) markdown.add(quiet(i, name));
    markdown.add(quiet(6, `${name}n`));
    markdown.add(quiet(7, ""));
    const text = markdown.finish(many(8));
    expect(shown(text)).toBe(6);
    expect(text).not.toContain("(<code>u7</code>)");
    expect(text).toContain("\n_2 more changed users are left out");
    const one = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 2048 });
    for (let i = 0; i < 7; i++) one.add(quiet(i, name));
    expect(one.finish(many(7))).toContain(
      "\n_1 more changed user is left out to stay within GitHub's comment limit;",
    );
  });

  it("raises a length under the minimum to 2,048, and defaults to GitHub's limit less a margin", () => {
    const small = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 100 });
    const normal = new MarkdownDiff({ oldName: "a", newName: "b" });
    for (let i = 0; i < 400; i++) {
      small.add(quiet(i, name));
      normal.add(quiet(i, name));
    }
    expect(shown(small.finish(many(400)))).toBe(6);
    // (65,536 − 512) × 0.75 = 48,768 characters: 10 blocks of 256 (u0–u9), 90 of 257, then 89 of 258.
    expect(shown(normal.finish(many(400)))).toBe(189);
  });

  it("counts the note it adds when it drops the first user", () => {
    // Every block fits the users' three quarters; the long head makes the whole too long, so users are
    // dropped at the end, and the note that now appears counts against the length too.
    // The action moves (facts, outside the table's budget) set the head's length.
    let dropped = 0;
    for (let extra = 0; extra <= 400; extra += 16) {
      const attributes = Array.from({ length: 30 }, (_, i) => ({
        target: `a${i}`.padEnd(10, "x"),
        users: 30 - i,
        added: 30 - i,
        removed: 0,
        changed: 0,
      }));
      const markdown = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 2048 });
      for (let i = 0; i < 6; i++) markdown.add(quiet(i, name));
      const actions = [{ from: `Skip (${"r".repeat(extra)})`, to: "Create", users: 6 }];
      const text = markdown.finish({ ...many(6), actionChanged: 6, actions, attributes });
      expect(text.length, `extra ${extra}`).toBeLessThanOrEqual(2048);
      const kept = shown(text);
      if (kept === 6) {
        expect(text, `extra ${extra}`).not.toContain("left out to stay within");
        continue;
      }
      dropped++;
      expect(text.length + 256, `extra ${extra}`).toBeGreaterThan(2048);
      expect(text).toContain(`\n_${6 - kept} more changed user${6 - kept === 1 ? " is" : "s are"} left out`);
    }
    expect(dropped).toBeGreaterThan(5);
  });

  it("drops users from the end when the head is long, until the whole fits", () => {
    const attributes = Array.from({ length: 40 }, (_, i) => ({
      target: `attribute-${String(i).padStart(2, "0")}-${"t".repeat(20)}`,
      users: 40 - i,
      added: 40 - i,
      removed: 0,
      changed: 0,
    }));
    const summary: DiffSummary = {
      ...many(8),
      actionChanged: 8,
      actions: [{ from: "Skip", to: "Create", users: 8 }],
      attributes,
    };
    const markdown = new MarkdownDiff({ oldName: "a", newName: "b", maxLength: 2048 });
    for (let i = 0; i < 8; i++) markdown.add(quiet(i, name));
    const text = markdown.finish(summary);
    expect(text.length).toBeLessThanOrEqual(2048);
    const kept = shown(text);
    expect(kept).toBeLessThan(6);
    expect(text).toContain(`\n_${8 - kept} more changed users are left out`);
    // One block more would not have fitted.
    expect(text.length + 256).toBeGreaterThan(2048);
    // The attribute table stops within a quarter of the length and says how many rows it left out.
    const rows = text.split("\n").filter((line) => line.startsWith("| `attribute-")).length;
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(40);
    expect(text).toContain(`\n\n_${40 - rows} more attributes left out._\n`);
    const head = text.slice(0, text.indexOf("<details>"));
    expect(head.length).toBeLessThanOrEqual(512 + 200);
  });
});
