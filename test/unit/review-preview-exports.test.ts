import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";
import { exportedValuesWithoutConfig } from "../../src/review/exported-values.js";
import { TargetAttributes } from "../../src/review/index.js";
import { codeSpan, escapeHtml, htmlCode, visibleText } from "../../src/review/markdown-text.js";
import { comparePreviews, compareUserPreviews } from "../../src/review/preview-changes.js";
import { canonicalJson, sameValue, valueText } from "../../src/review/values.js";

// What a user's result sends (the values the review commands compare), and the playground's "what
// changed" on small configurations with exact values.

const config = (mappings: string) =>
  loadConfig(`object: { name: U, source: User, target: User }\nmappings:\n${mappings}`);
const base = "  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
const before = config(
  `${base}  - { target: title, attribute: jobTitle }\n  - { target: locale, attribute: preferredLanguage }\n`,
);
const after = config(
  `${base}  - { target: nickName, attribute: mailNickname }\n  - { target: title, expression: 'Join("-", [jobTitle], "x")' }\n`,
);
const context = { now: new Date("2026-03-01T00:00:00Z"), random: () => 0.5 };
const people = [
  {
    objectId: "o1",
    userPrincipalName: "a@c.com",
    jobTitle: "Rep",
    preferredLanguage: "en",
    mailNickname: "a",
    displayName: "Ada",
  },
  { objectId: "o2", userPrincipalName: "b@c.com", jobTitle: "Ops", displayName: "Bob" },
  { objectId: "o3", userPrincipalName: "c@c.com", jobTitle: "Dev" },
];
const target = [{ id: "t-2", userName: "b@c.com", title: "Ops", nickName: "old" }];

describe("TargetAttributes and exportedValuesWithoutConfig", () => {
  it("a create sends every mapped attribute with a value, in mapping order; the same read from its details", () => {
    const [ada] = preview(before, people, { target, context });
    expect(ada?.action).toBe("Create");
    const values = new TargetAttributes(before).exportedValues(ada!);
    expect([...values]).toEqual([
      ["userName", "a@c.com"],
      ["title", "Rep"],
      ["locale", "en"],
    ]);
    expect([...exportedValuesWithoutConfig(ada!)]).toEqual([...values]);
    expect(new TargetAttributes(before).paths.map((path) => path.name)).toEqual([
      "userName",
      "title",
      "locale",
    ]);
  });

  it("an update sends only what it patches; skips and errors send nothing", () => {
    const [, bob] = preview(after, people, { target, context });
    expect(bob?.action).toBe("Update");
    expect([...new TargetAttributes(after).exportedValues(bob!)]).toEqual([["title", "Ops-x"]]);
    expect([...exportedValuesWithoutConfig(bob!)]).toEqual([["title", "Ops-x"]]);
    const [, same] = preview(before, people, { target, context });
    expect(same?.action).toBe("Skip");
    expect(new TargetAttributes(before).exportedValues(same!).size).toBe(0);
    expect(exportedValuesWithoutConfig(same!).size).toBe(0);
    const failing = config(`${base}  - { target: title, expression: 'Item(Split([jobTitle], ","), 3)' }\n`);
    const [error] = preview(failing, people, { target, context });
    expect(error?.action).toBe("Error");
    expect(new TargetAttributes(failing).exportedValues(error!).size).toBe(0);
    expect(exportedValuesWithoutConfig(error!).size).toBe(0);
  });

  it("no user object mapping: no target attributes", () => {
    const groups = loadConfig(
      "object: { name: G, source: Group, target: Group }\nmappings:\n  - { target: displayName, attribute: displayName }\n",
    );
    expect(new TargetAttributes(groups).paths).toEqual([]);
  });
});

describe("comparePreviews on small configurations", () => {
  const old = preview(before, people, { target, context });
  const edited = preview(after, people, { target, context });

  it("lists each changed user's attributes: the new side's order, then those no longer sent", () => {
    const comparison = comparePreviews(old, edited, { before, after });
    expect(comparison).toEqual({
      changed: [
        {
          index: 0,
          id: "o1",
          displayName: "Ada",
          before: { action: "Create", summary: old[0]?.summary },
          after: { action: "Create", summary: edited[0]?.summary },
          attributes: [
            { target: "nickName", before: undefined, after: "a" },
            { target: "title", before: "Rep", after: "Rep-x" },
            { target: "locale", before: "en", after: undefined },
          ],
        },
        {
          index: 1,
          id: "o2",
          displayName: "Bob",
          before: { action: "Skip", summary: old[1]?.summary },
          after: { action: "Update", summary: edited[1]?.summary },
          attributes: [{ target: "title", before: undefined, after: "Ops-x" }],
        },
        {
          index: 2,
          id: "o3",
          displayName: undefined,
          before: { action: "Create", summary: old[2]?.summary },
          after: { action: "Create", summary: edited[2]?.summary },
          attributes: [{ target: "title", before: "Dev", after: "Dev-x" }],
        },
      ],
      unchanged: 0,
      actionMoves: [{ from: "Skip", to: "Update", count: 1 }],
    });
    // Without the configurations, from the previews' details: the same.
    expect(comparePreviews(old, edited)).toEqual(comparison);
    expect(compareUserPreviews(old[1]!, edited[1]!, { before, after })).toEqual(comparison.changed[1]);
    expect(compareUserPreviews(old[1]!, edited[1]!)).toEqual(comparison.changed[1]);
  });

  it("a user on one side only: its sent values on that side, in input order, an Error with no summary on the other", () => {
    const comparison = comparePreviews(old.slice(1), edited.slice(0, 1).concat(edited.slice(2)), {
      before,
      after,
    });
    expect(comparison.changed.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(comparison.changed[0]).toMatchObject({
      before: { action: "Error", summary: "" },
      after: { action: "Create" },
      attributes: [
        { target: "userName", before: undefined, after: "a@c.com" },
        { target: "nickName", before: undefined, after: "a" },
        { target: "title", before: undefined, after: "Rep-x" },
      ],
    });
    expect(comparison.changed[1]).toMatchObject({
      index: 1,
      before: { action: "Skip" },
      after: { action: "Error", summary: "" },
      attributes: [],
    });
    expect(comparison.actionMoves).toEqual([
      { from: "Error", to: "Create", count: 1 },
      { from: "Skip", to: "Error", count: 1 },
    ]);
    const gone = comparePreviews(old.slice(0, 1), [], { before, after });
    expect(gone.changed[0]?.attributes).toEqual([
      { target: "userName", before: "a@c.com", after: undefined },
      { target: "title", before: "Rep", after: undefined },
      { target: "locale", before: "en", after: undefined },
    ]);
    expect(gone.unchanged).toBe(0);
  });

  it("counts the users whose move is the same once, with their number", () => {
    const upToDate = [
      { id: "t-1", userName: "a@c.com", title: "Rep", locale: "en" },
      { id: "t-2", userName: "b@c.com", title: "Ops" },
      { id: "t-3", userName: "c@c.com", title: "Dev" },
    ];
    const skipped = preview(before, people, { target: upToDate, context });
    const created = preview(before, people, { context });
    const comparison = comparePreviews(created, skipped, { before, after: before });
    expect(comparison.actionMoves).toEqual([{ from: "Create", to: "Skip", count: 3 }]);
    expect(comparison.unchanged).toBe(0);
  });
});

describe("report text helpers", () => {
  it("valueText: JSON on one line, bigints as digits, cut after the limit with an ellipsis", () => {
    expect(valueText("a b")).toBe('"a b"');
    expect(valueText("")).toBe('""');
    expect(valueText(12n)).toBe('"12"');
    expect(valueText(undefined)).toBe("null");
    expect(valueText({ b: [1, 2n] })).toBe('{"b":[1,"2"]}');
    expect(valueText("x".repeat(198))).toBe(`"${"x".repeat(198)}"`);
    // 201 characters of JSON: the first 200, then the ellipsis.
    expect(valueText("x".repeat(199))).toBe(`"${"x".repeat(199)}…`);
    expect(valueText("abcdef", 4)).toBe('"abc…');
    expect(valueText("ab", 4)).toBe('"ab"');
  });

  it("canonicalJson: keys sorted at every depth, bigints as digits, nothing as null", () => {
    expect(canonicalJson({ b: [2n, { d: 1, c: null }], a: "x" })).toBe(
      '{"a":"x","b":["2",{"c":null,"d":1}]}',
    );
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson(5n)).toBe('"5"');
    expect(canonicalJson(null)).toBe("null");
    expect(sameValue({ a: 1n, b: [{ y: 1, x: 2 }] }, { b: [{ x: 2, y: 1 }], a: 1n })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: "1" })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });

  it("visibleText writes controls, format characters and separators as \\uXXXX", () => {
    expect(visibleText("a\nb\r\tc\u200b\u202e\u2028\u2029\u0000\u007f é😀")).toBe(
      "a\\u000ab\\u000d\\u0009c\\u200b\\u202e\\u2028\\u2029\\u0000\\u007f é😀",
    );
    expect(visibleText("\ud800")).toBe("\\ud800");
  });

  it("codeSpan: a fence longer than any backtick run, padding when needed, | escaped", () => {
    expect(codeSpan("abc")).toBe("`abc`");
    expect(codeSpan("")).toBe("`  `");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("a``b`c")).toBe("```a``b`c```");
    expect(codeSpan("`a")).toBe("`` `a ``");
    expect(codeSpan("a`")).toBe("`` a` ``");
    expect(codeSpan(" a")).toBe("`  a `");
    expect(codeSpan("a ")).toBe("` a  `");
    expect(codeSpan("a|b||c")).toBe("`a\\|b\\|\\|c`");
    expect(codeSpan("a\nb")).toBe("`a\\u000ab`");
  });

  it("htmlCode and escapeHtml write the five entities", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(htmlCode("<b>\n")).toBe("<code>&lt;b&gt;\\u000a</code>");
  });
});
