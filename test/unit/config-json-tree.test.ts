import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/mapping/config-tree.js";
import { readJsonTree, readJsonTreeWithMomoa } from "../../src/mapping/json-tree.js";

/**
 * The strict JSON reader's limits and checks, exactly where they apply: how deep a document may nest
 * (counting brackets outside strings only), raw control characters (each string's first), and
 * repeated keys (named by the line and column of the first).
 */

/** [no tree, problems as [code, start, end, message]]. */
function read(text: string): [boolean, [string, number, number, string][]] {
  const { root, problems } = readJsonTree(text);
  return [root === undefined, problems.map((p) => [p.code, p.span.start, p.span.end, p.message])];
}

const TOO_DEEP =
  "The document nests objects and lists more than 400 levels deep here; no mapping configuration needs that many, so the file is not read. Flatten it.";
const TRAILING = (bracket: string) => `JSON allows no comma before '${bracket}': remove the trailing comma.`;

describe("nesting", () => {
  it("400 levels are read; the 401st bracket is refused, at that bracket", () => {
    expect(MAX_NESTING).toBe(400);
    expect(read(`${"[".repeat(400)}${"]".repeat(400)}`)).toEqual([false, []]);
    expect(read(`${"[".repeat(401)}${"]".repeat(401)}`)).toEqual([
      true,
      [["config-too-deep", 400, 401, TOO_DEEP]],
    ]);
    expect(read(`${'{"a":'.repeat(401)}1${"}".repeat(401)}`)).toEqual([
      true,
      [["config-too-deep", 2000, 2001, TOO_DEEP]],
    ]);
    // Behind a byte order mark the offset is still the text's.
    expect(read(`\uFEFF${"[".repeat(401)}${"]".repeat(401)}`)).toEqual([
      true,
      [["config-too-deep", 401, 402, TOO_DEEP]],
    ]);
  });

  it("brackets inside strings do not count, escaped quotes included; closed brackets do not add up", () => {
    // Each text also has a trailing comma, which is the one problem to report.
    expect(read(`{"a": "${"[".repeat(401)}", }`)).toEqual([
      true,
      [["config-syntax", 409, 410, TRAILING("}")]],
    ]);
    expect(read(`{"a": "\\"${"[".repeat(401)}", }`)).toEqual([
      true,
      [["config-syntax", 411, 412, TRAILING("}")]],
    ]);
    expect(read(`[${"[],".repeat(401)}]`)).toEqual([true, [["config-syntax", 1203, 1204, TRAILING("]")]]]);
    expect(read(`[${"{},".repeat(401)}]`)).toEqual([true, [["config-syntax", 1203, 1204, TRAILING("]")]]]);
    // An escaped backslash ends no string early: the brackets after the string do count.
    expect(read(`{"a": "\\\\", "b": ${"[".repeat(401)}${"]".repeat(401)}}`)).toEqual([
      true,
      [["config-too-deep", 416, 417, TOO_DEEP]],
    ]);
  });
});

describe("strings", () => {
  it("each string's first raw control character is reported, keys included", () => {
    expect(read('{"a": "x\ty\u0001", "b\u0002": "\u0003"}')).toEqual([
      true,
      [
        ["config-syntax", 8, 9, "A JSON string cannot hold a raw tab; write it as \\t."],
        ["config-syntax", 16, 17, "A JSON string cannot hold a raw U+0002; write it as \\u0002."],
        ["config-syntax", 21, 22, "A JSON string cannot hold a raw U+0003; write it as \\u0003."],
      ],
    ]);
  });

  it("U+001F is the last control character; U+007F and a quote's neighbours are fine", () => {
    expect(read('["\u007f", "\u0020", "\\"\u00a0"]')).toEqual([false, []]);
  });
});

describe("repeated keys", () => {
  it("the second is reported, naming the first by line and column (a byte order mark is no column)", () => {
    expect(read('\uFEFF{\n"a": 1,\r\n"a": 2}')).toEqual([
      true,
      [
        [
          "config-syntax",
          12,
          15,
          'The key "a" appears twice in this object (first at line 2, column 1); JSON keys must be unique, so remove one.',
        ],
      ],
    ]);
  });

  it("a third time is reported too, each naming the first", () => {
    const [, problems] = read('{"k": 1, "k": 2, "k": 3}');
    expect(problems.map(([, start, end, message]) => [start, end, message.slice(0, 60)])).toEqual([
      [9, 12, 'The key "k" appears twice in this object (first at line 1, c'],
      [17, 20, 'The key "k" appears twice in this object (first at line 1, c'],
    ]);
  });

  it("a long key is cut in the message", () => {
    const key = "k".repeat(50);
    const [, [[, , , message] = []] = []] = read(`{"${key}": 1, "${key}": 2}`);
    expect(message).toBe(
      `The key "${"k".repeat(40)}…" appears twice in this object (first at line 1, column 2); JSON keys must be unique, so remove one.`,
    );
  });
});

describe("the strict reader's own tree", () => {
  it("gives every node's span and raw text, and each key's span", () => {
    const { root, problems } = readJsonTreeWithMomoa('{"a": [1, "x\\n", true, null], "b": {}}');
    expect(problems).toEqual([]);
    expect(root).toEqual({
      kind: "map",
      span: { start: 0, end: 38 },
      entries: [
        {
          key: "a",
          keySpan: { start: 1, end: 4 },
          value: {
            kind: "seq",
            span: { start: 6, end: 28 },
            items: [
              { kind: "scalar", span: { start: 7, end: 8 }, value: 1, raw: "1", source: { format: "json" } },
              {
                kind: "scalar",
                span: { start: 10, end: 15 },
                value: "x\n",
                raw: '"x\\n"',
                source: { format: "json" },
              },
              {
                kind: "scalar",
                span: { start: 17, end: 21 },
                value: true,
                raw: "true",
                source: { format: "json" },
              },
              {
                kind: "scalar",
                span: { start: 23, end: 27 },
                value: null,
                raw: "null",
                source: { format: "json" },
              },
            ],
          },
        },
        {
          key: "b",
          keySpan: { start: 30, end: 33 },
          value: { kind: "map", span: { start: 35, end: 37 }, entries: [] },
        },
      ],
    });
  });
});
