import { describe, expect, it } from "vitest";
import { readJsonTree } from "../../src/mapping/json-tree.js";
import { traceScalar } from "../../src/mapping/scalar-offsets.js";
import { readYamlTree } from "../../src/mapping/yaml-tree.js";

/**
 * Where each character of a string scalar's value is written, exactly (the offsets in the file, the
 * last one where the writing ends), for the JSON and YAML ways of writing strings that the property
 * test only checks loosely (each offset at a character that can write it): which of several equally
 * plausible characters is chosen, and where the writing ends.
 */

/** The JSON document `text`'s root string: its value and trace. */
function json(text: string) {
  const root = readJsonTree(text).root;
  return root?.kind === "scalar" ? [root.value, traceScalar(text, root)] : undefined;
}

/** The value of the first key of the YAML mapping `text`: its value and trace. */
function yaml(text: string) {
  const { root, problems } = readYamlTree(text);
  expect(problems).toEqual([]);
  const node = root?.kind === "map" ? root.entries[0]?.value : undefined;
  return node?.kind === "scalar" ? [node.value, traceScalar(text, node)] : undefined;
}

describe("JSON strings", () => {
  const cases: [string, string, number[]][] = [
    ['"ab"', "ab", [1, 2, 3]],
    ['"a\\u00e9b"', "aéb", [1, 2, 8, 9]],
    ['"\\n\\t\\/\\\\\\"\\b\\f\\r"', '\n\t/\\"\b\f\r', [1, 3, 5, 7, 9, 11, 13, 15, 17]],
    // Two \u escapes of a surrogate pair: each half at its own escape.
    ['"\\ud83d\\ude00"', "\u{1F600}", [1, 7, 13]],
    ['""', "", [1]],
    // A byte order mark before the document: offsets are still the text's.
    ['\uFEFF"a"', "a", [2, 3]],
  ];
  for (const [text, value, offsets] of cases)
    it(JSON.stringify(text), () => {
      expect(json(text)).toEqual([value, { offsets, style: "json" }]);
    });

  it("numbers, booleans and null have no trace", () => {
    for (const text of ["12", "true", "null"]) {
      const root = readJsonTree(text).root;
      expect(root?.kind === "scalar" ? traceScalar(text, root) : "not a scalar").toBeUndefined();
    }
  });
});

describe("YAML flow scalars", () => {
  const cases: [string, string, string, number[]][] = [
    ["a: x y\n", "x y", "plain", [3, 4, 5, 6]],
    // A folded line break points at the break: the CR of a CRLF, after blanks the LF.
    ["a: x\r\n  y\n", "x y", "plain", [3, 4, 8, 9]],
    ["a: x  \n  y\n", "x y", "plain", [3, 6, 9, 10]],
    // An empty line (or a line of blanks) is a newline at its own break.
    ["a: x\n\n  y\n", "x\ny", "plain", [3, 5, 8, 9]],
    ["a: x\n\n\n  y\n", "x\n\ny", "plain", [3, 5, 6, 9, 10]],
    ["a: x\n  \t\n  y\n", "x\ny", "plain", [3, 8, 11, 12]],
    // '' is one quote at the first of the two; the end is the closing quote.
    ["a: 'x''y'\n", "x'y", "single-quoted", [4, 5, 7, 8]],
    ["a: 'x\n  y'\n", "x y", "single-quoted", [4, 5, 8, 9]],
    ["a: 'x\n\n  ''y'\n", "x\n'y", "single-quoted", [4, 6, 9, 11, 12]],
    ["a: ''\n", "", "single-quoted", [4]],
    // A lone CR is content; blanks before a CRLF are dropped, the fold at its LF.
    ['a: "x\ry"\n', "x\ry", "double-quoted", [4, 5, 6, 7]],
    ['a: "x \r\n  y"\n', "x y", "double-quoted", [4, 7, 10, 11]],
    ['a: "x\\\r\n  y"\n', "xy", "double-quoted", [4, 10, 11]],
    ['a: "a\t\tb"\n', "a\t\tb", "double-quoted", [4, 5, 6, 7, 8]],
    ['a: "a\t\n b"\n', "a b", "double-quoted", [4, 6, 8, 9]],
  ];
  for (const [text, value, style, offsets] of cases)
    it(JSON.stringify(text), () => {
      expect(yaml(text)).toEqual([value, { offsets, style }]);
    });
});

describe("YAML block scalars", () => {
  const cases: [string, string, string, number[]][] = [
    // No line break at the end of the file: the clipped or kept break is at the end.
    ["a: |\n  x", "x\n", "literal", [7, 8, 8]],
    ["a: |+\n  x", "x\n", "literal", [8, 9, 9]],
    ["a: >\n  x\n  y", "x y\n", "folded", [7, 8, 11, 12, 12]],
    ["a: >\r\n  x\r\n  y\r\n", "x y\n", "folded", [8, 10, 13, 15, 16]],
    ["a: |\n  x\r\n  y\r\n", "x\ny\n", "literal", [7, 9, 12, 14, 15]],
    // Leading and inner empty lines.
    ["a: >\n\n  x\n", "\nx\n", "folded", [5, 8, 9, 10]],
    ["a: >-\n  x\n\n\n  y\n", "x\n\ny", "folded", [8, 10, 11, 14, 15]],
    // More-indented lines keep their extra indentation, each space at its place.
    ["a: >\n  x\n    y\n  z\n", "x\n  y\nz\n", "folded", [7, 8, 11, 12, 13, 14, 17, 18, 19]],
    ["a: >\n  x\n\n    y\n\n  z\n", "x\n\n  y\n\nz\n", "folded", [7, 9, 9, 12, 13, 14, 15, 16, 19, 20, 21]],
    ["a: >\n  \tx\n  y\n", "\tx\ny\n", "folded", [7, 8, 9, 12, 13, 14]],
    // Indentation indicators.
    ["a: |1\n  x\n", " x\n", "literal", [7, 8, 9, 10]],
    ["a: >2+\n   x\n\n", " x\n\n", "folded", [9, 10, 11, 12, 13]],
    // Blanks past the indentation of an otherwise empty line are content; chomping.
    ["a: |\n  x\n   \n", "x\n \n", "literal", [7, 8, 11, 12, 13]],
    ["a: |-\n  x\n  \n", "x", "literal", [8, 9]],
    ["a: |+\n\n", "\n", "literal", [6, 7]],
    ["a: |+\n  \n  \n", "\n\n", "literal", [8, 11, 12]],
    ["a: >+\n  x\n  ", "x\n", "folded", [8, 9, 10]],
  ];
  for (const [text, value, style, offsets] of cases)
    it(JSON.stringify(text), () => {
      expect(yaml(text)).toEqual([value, { offsets, style }]);
    });
});
