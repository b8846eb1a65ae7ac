import { describe, expect, it } from "vitest";
import type { ConfigNode } from "../../src/mapping/config-tree.js";
import { readYamlTree } from "../../src/mapping/yaml-tree.js";

/**
 * The YAML reader's tree and problems, exactly: each node's kind, span and value, each key's span, how
 * each scalar is written (what positions inside it are traced from), and each problem's code,
 * severity, span and words.
 */

type Shape = unknown;

/** A node as plain data: maps as [key, keySpan, value] entries, scalars with value, raw text and source. */
function shape(node: ConfigNode | undefined): Shape {
  if (node === undefined) return undefined;
  if (node.kind === "map")
    return {
      map: [node.span.start, node.span.end],
      entries: node.entries.map((e) => [e.key, [e.keySpan.start, e.keySpan.end], shape(e.value)]),
    };
  if (node.kind === "seq") return { seq: [node.span.start, node.span.end], items: node.items.map(shape) };
  return {
    at: [node.span.start, node.span.end],
    value: node.value,
    raw: node.raw,
    source: node.source,
    ...(node.dropped ? { dropped: true } : {}),
  };
}

function problems(text: string): [string, string, number, number, string][] {
  return readYamlTree(text).problems.map((p) => [p.code, p.severity, p.span.start, p.span.end, p.message]);
}

const plain = (start: number, end: number, blockIndent = 0) => ({
  format: "yaml",
  type: "plain",
  start,
  end,
  blockIndent,
});
const DROPPED = { format: "json" };
const TAG_REFUSED = (tag: string) =>
  `The YAML tag ${tag} is not supported: a configuration holds only text, numbers, booleans, null, lists and mappings. Remove the tag.`;
const YAML_11 =
  "provex reads YAML 1.2: yes, no, on and off are text here, not booleans, and dates stay text. Remove the %YAML directive.";

describe("the tree", () => {
  it("maps, lists and scalars with their spans, keys with theirs", () => {
    expect(shape(readYamlTree("a: 1\nb:\n  - x\n  - 'y'\n").root)).toEqual({
      map: [0, 22],
      entries: [
        ["a", [0, 1], { at: [3, 4], value: 1, raw: "1", source: plain(3, 4) }],
        [
          "b",
          [5, 6],
          {
            seq: [10, 22],
            items: [
              { at: [12, 13], value: "x", raw: "x", source: plain(12, 13, 4) },
              {
                at: [18, 21],
                value: "y",
                raw: "'y'",
                source: { format: "yaml", type: "single-quoted", start: 18, end: 21, blockIndent: 4 },
              },
            ],
          },
        ],
      ],
    });
  });

  it("an empty document is a null at the start; a key without a value a null just after the key", () => {
    for (const text of ["", "# only a comment\n"])
      expect(shape(readYamlTree(text).root)).toEqual({ at: [0, 0], value: null, raw: "", source: DROPPED });
    expect(shape(readYamlTree("a:\n").root)).toEqual({
      map: [0, 2],
      entries: [["a", [0, 1], { at: [2, 2], value: null, raw: "", source: plain(2, 2) }]],
    });
    expect(shape(readYamlTree("? a\n").root)).toEqual({
      map: [0, 4],
      entries: [["a", [2, 3], { at: [3, 3], value: null, raw: "", source: DROPPED }]],
    });
  });

  it("a missing key is the empty key, at the mapping's start or where it would be", () => {
    expect(shape(readYamlTree(": 1\n").root)).toEqual({
      map: [0, 4],
      entries: [["", [0, 0], { at: [2, 3], value: 1, raw: "1", source: plain(2, 3, 2) }]],
    });
    expect(shape(readYamlTree("? \n: 1\n").root)).toEqual({
      map: [0, 7],
      entries: [["", [2, 2], { at: [5, 6], value: 1, raw: "1", source: plain(5, 6, 2) }]],
    });
  });

  it("keys that are numbers, booleans or null read as their text", () => {
    const root = readYamlTree("1: a\ntrue: b\n~: c\n1.5: d\n").root;
    expect(root?.kind === "map" ? root.entries.map((e) => e.key) : undefined).toEqual([
      "1",
      "true",
      "",
      "1.5",
    ]);
  });

  it("an empty list item is a null", () => {
    expect(shape(readYamlTree("- \n- x\n").root)).toEqual({
      seq: [0, 7],
      items: [
        { at: [2, 2], value: null, raw: "", source: plain(2, 2) },
        { at: [5, 6], value: "x", raw: "x", source: plain(5, 6, 2) },
      ],
    });
  });

  it("block scalars: their header, chomping and indentation indicator", () => {
    const block = (text: string) => {
      const root = readYamlTree(text).root;
      const value = root?.kind === "map" ? root.entries[0]?.value : undefined;
      return value?.kind === "scalar" ? [value.value, value.raw, value.source] : undefined;
    };
    expect(block("a: |\n  x\n")).toEqual([
      "x\n",
      "|\n  x\n",
      {
        format: "yaml",
        type: "literal",
        start: 3,
        end: 9,
        blockIndent: 0,
        header: { indent: 0, chomp: "", length: 2 },
      },
    ]);
    expect(block("a: >-2\n   x\n")).toEqual([
      " x",
      ">-2\n   x\n",
      {
        format: "yaml",
        type: "folded",
        start: 3,
        end: 12,
        blockIndent: 0,
        header: { indent: 2, chomp: "-", length: 4 },
      },
    ]);
    expect(block("a: |+\n  x\n\n")).toEqual([
      "x\n\n",
      "|+\n  x\n\n",
      {
        format: "yaml",
        type: "literal",
        start: 3,
        end: 11,
        blockIndent: 0,
        header: { indent: 0, chomp: "+", length: 3 },
      },
    ]);
    // A comment after the header is part of it.
    expect(block("a: > # c\n  x\n")?.[2]).toEqual({
      format: "yaml",
      type: "folded",
      start: 3,
      end: 13,
      blockIndent: 0,
      header: { indent: 0, chomp: "", length: 6 },
    });
    // An anchor or a core tag before it leaves the scalar's own text where the header starts.
    expect(block("a: &anc |\n  x\n")?.[2]).toMatchObject({ start: 8, end: 14 });
    expect(block("a: !!str |\n  x\n")?.[2]).toMatchObject({ start: 9, end: 15 });
  });

  it("integers: exact ones are numbers, others kept as bigint; hexadecimal and octal are integers", () => {
    const value = (text: string) => {
      const root = readYamlTree(text).root;
      const node = root?.kind === "map" ? root.entries[0]?.value : undefined;
      return node?.kind === "scalar" ? node.value : undefined;
    };
    expect(value("a: 9007199254740991\n")).toBe(9007199254740991);
    expect(value("a: 9007199254740993\n")).toBe(9007199254740993n);
    expect(value("a: 0x10\n")).toBe(16);
    expect(value("a: 0o17\n")).toBe(15);
    expect(value("a: 1.5\n")).toBe(1.5);
    expect(value("a: 1_000\n")).toBe("1_000");
    expect(value("a: -0x10\n")).toBe("-0x10");
  });
});

describe("the problems", () => {
  it("a %YAML 1.0 or 1.1 directive is warned about at the directive; 1.2 is fine", () => {
    expect(problems("%YAML 1.1\n---\na: 1\n")).toEqual([["config-unsupported", "warning", 0, 9, YAML_11]]);
    expect(problems("%YAML   1.1\n---\na: 1\n")).toEqual([["config-unsupported", "warning", 0, 11, YAML_11]]);
    expect(problems("%YAML 1.0\n---\na: 1\n")).toEqual([
      ["config-unsupported", "warning", 0, 9, YAML_11],
      ["config-syntax", "warning", 6, 9, "Unsupported YAML version 1.0. Fix the syntax here."],
    ]);
    expect(problems("%YAML 1.2\n---\na: 1\n")).toEqual([]);
    // 1.10 is not 1.1.
    expect(problems("%YAML 1.10\n---\na: 1\n")).toEqual([
      ["config-syntax", "warning", 6, 10, "Unsupported YAML version 1.10. Fix the syntax here."],
    ]);
  });

  it("several documents: an error where the second starts, and the tree is the first", () => {
    expect(problems("a: 1\n---\nb: 2\n")).toEqual([
      [
        "config-syntax",
        "error",
        5,
        5,
        "The file holds several YAML documents (---); a configuration is one document.",
      ],
    ]);
    const text = "--- a\n--- b\n";
    expect(problems(text)).toEqual([
      [
        "config-syntax",
        "error",
        6,
        6,
        "The file holds several YAML documents (---); a configuration is one document.",
      ],
    ]);
    expect(shape(readYamlTree(text).root)).toEqual({ at: [4, 5], value: "a", raw: "a", source: plain(4, 5) });
  });

  it("the parser's errors and warnings, as one sentence each that ends with what to do", () => {
    expect(problems("a: 1\na: 2\n")).toEqual([
      ["config-syntax", "error", 5, 6, "Map keys must be unique. Fix the syntax here."],
    ]);
    expect(problems('a: "x\n')).toEqual([
      ["config-syntax", "error", 6, 7, 'Missing closing "quote. Fix the syntax here.'],
    ]);
    expect(problems("\t- x\n")).toEqual([
      ["config-syntax", "error", 0, 1, "Tabs are not allowed as indentation. Fix the syntax here."],
    ]);
    expect(problems("%FOO bar\n---\na: 1\n")).toEqual([
      ["config-syntax", "warning", 0, 8, "Unknown directive %FOO. Fix the syntax here."],
    ]);
  });

  it("aliases are refused at the alias, as a value or as a key", () => {
    expect(problems("b: &x 1\na: *x\n")).toEqual([
      [
        "config-unsupported",
        "error",
        11,
        13,
        "YAML aliases (*x) are not supported: provex points findings and fixes at the text of each value, so write the value out here instead of referring to an anchor.",
      ],
    ]);
    const root = readYamlTree("b: &x 1\na: *x\n").root;
    expect(root?.kind === "map" ? shape(root.entries[1]?.value) : undefined).toEqual({
      at: [11, 13],
      value: null,
      raw: "",
      source: DROPPED,
      dropped: true,
    });
    expect(problems("? *x\n: 1\n")).toEqual([
      ["config-unsupported", "error", 2, 4, "A YAML alias cannot be a key here; write the key out."],
    ]);
    expect(problems("? [a, b]\n: 1\n")).toEqual([
      [
        "config-unsupported",
        "error",
        2,
        8,
        "A list or mapping cannot be a key in a configuration (YAML's `? [a, b]` complex keys); keys are text.",
      ],
    ]);
    // The entry with the refused key is left out.
    expect(shape(readYamlTree("? [a, b]\n: 1\nc: 2\n").root)).toMatchObject({
      entries: [["c", [13, 14], {}]],
    });
  });

  it("tags: the core ones are read; others refused from the tag to the value's end", () => {
    for (const text of [
      "a: !!str 1\n",
      "a: !!int 1\n",
      "a: !!null ~\n",
      "a: !!bool true\n",
      "a: !!map {}\n",
      "a: !!seq []\n",
    ])
      expect(problems(text)).toEqual([]);
    expect(problems("a: !<tag:yaml.org,2002:int> 5\n")).toEqual([]);
    expect(problems("a: !!binary aGk=\n")).toEqual([
      ["config-unsupported", "error", 3, 16, TAG_REFUSED("!!binary")],
    ]);
    expect(problems("a: !!timestamp 2001-12-14\n")).toEqual([
      ["config-unsupported", "error", 3, 25, TAG_REFUSED("!!timestamp")],
    ]);
    expect(problems("a: !custom x\n")).toEqual([
      ["config-unsupported", "error", 3, 12, TAG_REFUSED("!custom")],
    ]);
    expect(problems("a: ! x\n")).toEqual([["config-unsupported", "error", 3, 6, TAG_REFUSED("!")]]);
    expect(problems("a:\n  !!set {x}\n")).toEqual([
      ["config-unsupported", "error", 5, 14, TAG_REFUSED("!!set")],
    ]);
    // A tag on the line before its value: the value alone.
    expect(problems("- !a\n  x\n")).toEqual([["config-unsupported", "error", 7, 8, TAG_REFUSED("!a")]]);
    const root = readYamlTree("a: !custom x\n").root;
    expect(root?.kind === "map" ? shape(root.entries[0]?.value) : undefined).toEqual({
      at: [11, 12],
      value: null,
      raw: "",
      source: DROPPED,
      dropped: true,
    });
  });

  it("a core tag that does not fit its value is an error at the tag, not a value silently read as text", () => {
    const misfit = (tag: string) =>
      `The value does not fit its YAML tag ${tag}; remove the tag, or write a value of that type.`;
    expect(problems("a: !!int abc\n")).toEqual([["config-syntax", "error", 3, 8, misfit("!!int")]]);
    expect(problems("- !!bool yes\n")).toEqual([["config-syntax", "error", 2, 8, misfit("!!bool")]]);
    expect(problems("a: !!str [1]\n")).toEqual([["config-syntax", "error", 3, 8, misfit("!!str")]]);
    expect(problems("a: !!map x\n")).toEqual([["config-syntax", "error", 3, 8, misfit("!!map")]]);
  });
});
