import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";

/**
 * Where each character of an expression written as a YAML double-quoted or block scalar is in the file
 * (issue 9): the exact offsets, counted from the scalar's first character (its quote or its `|`/`>`
 * header), the last one being where the value's writing ends. A folded line break points at the break
 * it stands for, an escape at its backslash.
 */

/** The expression's value and its offsets relative to the scalar, for `scalar` written after `expression: `. */
function traced(
  scalar: string,
  invalid = false,
): {
  value: string | null | undefined;
  offsets: number[];
  style: string | undefined;
} {
  const text = `mappings:\n  - target: t\n    default: d\n    expression: ${scalar}`;
  const config = loadConfig(text);
  // An invalid escape is a syntax error (and its text is kept as written and traced all the same).
  expect(config.diagnostics.filter((d) => d.code.startsWith("config")).map((d) => d.code)).toEqual(
    invalid ? ["config-syntax"] : [],
  );
  const mapping = config.objects[0]?.mappings[0];
  const base = text.indexOf("expression: ") + "expression: ".length;
  const location = mapping?.locations?.expression;
  return {
    value: mapping?.expression,
    offsets: (location?.offsets ?? []).map((offset) => offset - base),
    style: location?.style,
  };
}

describe("double-quoted scalars", () => {
  const cases: [string, string, string, number[]][] = [
    ["one line break folds into a space at the break", '"a\n      b"', "a b", [1, 2, 9, 10]],
    ["an empty line is a newline, at its own break", '"a\n\n      b"', "a\nb", [1, 3, 10, 11]],
    ["a line of blanks is an empty line", '"a\n  \n      b"', "a\nb", [1, 5, 12, 13]],
    ["blanks before a break are dropped", '"a  \n      b"', "a b", [1, 4, 11, 12]],
    ["CRLF folds like LF, at the LF", '"a\r\n      b"', "a b", [1, 3, 10, 11]],
    ["an empty CRLF line is a newline at its LF", '"a\r\n\r\n      b"', "a\nb", [1, 5, 12, 13]],
    ["an escaped line break joins the lines", '"a\\\n      b"', "ab", [1, 10, 11]],
    [
      "hexadecimal escapes of 2, 4 and 8 digits; a surrogate pair shares its escape",
      '"\\x41\\u0042\\U0001F600"',
      "AB😀",
      [1, 5, 11, 11, 21],
    ],
    ["named escapes", '"\\u00e9\\N\\_"', "é\u0085\u00a0", [1, 7, 9, 11]],
    ["an escaped space and an escaped tab", '"a\\ b\\\tc"', "a b\tc", [1, 2, 4, 5, 7, 8]],
  ];
  for (const [name, scalar, value, offsets] of cases) {
    it(name, () => {
      expect(traced(scalar)).toEqual({ value, offsets, style: "double-quoted" });
    });
  }

  it("an escape the parser keeps as written (too few digits, past U+10FFFF, unknown) points at its backslash", () => {
    expect(traced('"\\x4g"', true)).toEqual({
      value: "\\x4g",
      offsets: [1, 1, 1, 1, 5],
      style: "double-quoted",
    });
    expect(traced('"\\q"', true)).toEqual({ value: "\\q", offsets: [1, 1, 3], style: "double-quoted" });
    expect(traced('"x\\U00110000"', true)).toEqual({
      value: "x\\U00110000",
      offsets: [1, ...new Array(10).fill(2), 12],
      style: "double-quoted",
    });
  });
});

describe("block scalars", () => {
  const cases: [string, string, string, "literal" | "folded", number[]][] = [
    ["|+ of empty lines keeps their breaks", "|+\n\n\n", "\n\n", "literal", [3, 4, 5]],
    ["|+ of nothing is empty", "|+\n", "", "literal", [3]],
    ["|- of an empty line is empty", "|-\n\n", "", "literal", [3]],
    ["| of an empty line is empty", "|\n\n", "", "literal", [2]],
    ["|+ keeps the trailing empty line", "|+\n      a\n\n", "a\n\n", "literal", [9, 10, 11, 12]],
    [
      "| keeps blanks past the indentation of a blank line",
      "|\n      a\n         \n      b\n",
      "a\n   \nb\n",
      "literal",
      [8, 9, 16, 17, 18, 19, 26, 27, 28],
    ],
    [
      "> keeps a line starting with a tab on its own line",
      ">\n      a\n      \tb\n      c\n",
      "a\n\tb\nc\n",
      "folded",
      [8, 9, 16, 17, 18, 25, 26, 27],
    ],
    [
      "> keeps more-indented lines and the empty lines around them",
      ">\n      a\n\n        b\n\n        c\n      d\n",
      "a\n\n  b\n\n  c\nd\n",
      "folded",
      [8, 10, 10, 17, 18, 19, 20, 21, 28, 29, 30, 31, 38, 39, 40],
    ],
    [
      ">+ keeps a trailing line of blanks as a break",
      ">+\n      a\n      \n",
      "a\n\n",
      "folded",
      [9, 10, 17, 18],
    ],
  ];
  for (const [name, scalar, value, style, offsets] of cases) {
    it(name, () => {
      expect(traced(scalar)).toEqual({ value, offsets, style });
    });
  }
});
