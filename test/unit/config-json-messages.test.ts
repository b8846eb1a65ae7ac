import { describe, expect, it } from "vitest";
import { loadConfig, parseTargetText } from "../../src/index.js";
import { failure } from "../helpers/errors.js";

/**
 * A JSON configuration that is not strict JSON gets one `config-syntax` error that says, in words, what
 * is wrong at that place and what to write instead, with the span of the offending text (not momoa's
 * "Unexpected token RBracket found (1:9)").
 */

/** The syntax errors of `text` read as JSON, as [start, end, message]; each must be an error. */
function syntaxErrors(text: string): [number, number, string][] {
  const found = loadConfig(text, { format: "entra" }).diagnostics.filter((d) => d.code === "config-syntax");
  for (const d of found) expect(d.severity).toBe("error");
  return found.map((d) => [d.span.start, d.span.end, d.message]);
}

const ENDS_BRACE =
  "The JSON ends before the '{' opened at line 1, column 1 is closed; the file may be cut off (it needs } at least).";
const ENDS_BRACKET =
  "The JSON ends before the '[' opened at line 1, column 1 is closed; the file may be cut off (it needs ] at least).";
const NOT_A_NUMBER =
  "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no leading + or dot, digits after '.', 'e' and '-').";

describe("JSON syntax errors say what is wrong, at the offending text", () => {
  const cases: [string, number, number, string][] = [
    // Commas.
    ['{"a": 1,, "b": 2}', 8, 9, "A value is missing before this comma: remove the extra comma."],
    ["[1,,2]", 3, 4, "A value is missing before this comma: remove the extra comma."],
    ["[,1]", 1, 2, "A value is missing before this comma: remove the extra comma."],
    ['{,"a":1}', 1, 2, "Expected a property name in double quotes, found ','. Remove the extra comma."],
    ['{"a": 1 "b": 2}', 8, 8, "A comma is missing before a string: separate properties with commas."],
    ["[1 2]", 3, 3, "A comma is missing before a number: separate list items with commas."],
    ['{"a": true false}', 11, 11, "A comma is missing before true/false: separate properties with commas."],
    ['{"a": null null}', 11, 11, "A comma is missing before null: separate properties with commas."],
    ["[{} {}]", 4, 4, "A comma is missing before '{': separate list items with commas."],
    ['{"a":[] []}', 8, 8, "A comma is missing before '[': separate properties with commas."],
    ['{"a": 1\n  "b": 2}', 10, 10, "A comma is missing before a string: separate properties with commas."],
    // Keys and colons.
    ['{"a" "b"}', 5, 8, "Expected ':' after the property name, found a string."],
    ["{1: 2}", 1, 2, "Expected a property name in double quotes, found a number."],
    ['{"a": 1, 2: 3}', 9, 10, "Expected a property name in double quotes, found a number."],
    [
      '{"a":: 1}',
      5,
      6,
      "A value is missing after ':' (a string, number, true, false, null, object or list).",
    ],
    ['{"x": 1, "a" 2}', 13, 14, "Expected ':' after the property name, found a number."],
    ['{\n  "a" 2}', 8, 9, "Expected ':' after the property name, found a number."],
    ['{"a": "x" "y"}', 10, 10, "A comma is missing before a string: separate properties with commas."],
    ["[:]", 1, 2, "Unexpected ':' here; fix the JSON syntax."],
    // Brackets.
    [
      '{"a": 1}]',
      8,
      9,
      "']' closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.",
    ],
    [
      '{"a": 1} }',
      9,
      10,
      "'}' closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.",
    ],
    ["[1}", 2, 3, "'}' cannot close the '[' opened at line 1, column 1; use ']'."],
    ['{"a": ]}', 6, 7, "']' cannot close the '{' opened at line 1, column 1; use '}'."],
    ['{"a": {"b": [1, 2}}', 17, 18, "'}' cannot close the '[' opened at line 1, column 13; use ']'."],
    [
      '{"a": 1} 2',
      9,
      10,
      "a number follows the end of the JSON value; a JSON file holds one value (one object for a configuration).",
    ],
    // Cut off.
    [
      '{"a": 1,',
      8,
      8,
      "The JSON ends before the '{' opened at line 1, column 1 is closed; the file may be cut off (it needs } at least).",
    ],
    [
      '{"a": [\n  {"b": 1}',
      18,
      18,
      "The JSON ends before the '[' opened at line 1, column 7 is closed; the file may be cut off (it needs ]} at least).",
    ],
    ['{"a": "abc', 10, 10, "The JSON ends inside a string: add the closing double quote."],
    ['{"a":1},', 8, 8, "The JSON ends where a value is expected; complete it."],
    // Cut off right after a key, a colon, a value, a comma or an opening bracket.
    ['{"a"', 4, 4, ENDS_BRACE],
    ['{"a":', 5, 5, ENDS_BRACE],
    ['{"a": 1', 7, 7, ENDS_BRACE],
    ["[1,", 3, 3, ENDS_BRACKET],
    ["[", 1, 1, ENDS_BRACKET],
    ['[1 "abc', 7, 7, "The JSON ends inside a string: add the closing double quote."],
    // The brackets open before the offending one: a closed inner object is closed.
    ['{"a": {"b": 1}]', 14, 15, "']' cannot close the '{' opened at line 1, column 1; use '}'."],
    // Text that momoa cannot even tokenize later on does not hide the first problem.
    ['{"a": ] @}', 6, 7, "']' cannot close the '{' opened at line 1, column 1; use '}'."],
    ['{"a": [1, 2] "b"}', 13, 13, "A comma is missing before a string: separate properties with commas."],
    ['{"a": {} "b"}', 9, 9, "A comma is missing before a string: separate properties with commas."],
    // Words and numbers.
    [
      '{"a": tru}',
      6,
      9,
      'tru is not JSON: text goes in double quotes ("tru"), and the only bare words are true, false and null.',
    ],
    [
      '{"a": nope}',
      6,
      10,
      'nope is not JSON: text goes in double quotes ("nope"), and the only bare words are true, false and null.',
    ],
    ['{"a": True}', 6, 10, "JSON writes true in lowercase, not True."],
    ['{"a": NULL}', 6, 10, "JSON writes null in lowercase, not NULL."],
    ['{"a": Infinity}', 6, 14, "JSON has no NaN or Infinity; write a number or null."],
    [
      '{"a": 0x1}',
      7,
      8,
      "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no hex, no leading + or dot).",
    ],
    ['{"a": 1.}', 8, 9, NOT_A_NUMBER],
    ['{"a": .5}', 6, 7, NOT_A_NUMBER],
    ['{"a": +1}', 6, 7, NOT_A_NUMBER],
    ['{"a": -}', 6, 7, NOT_A_NUMBER],
    ['{"a": 1e}', 8, 9, NOT_A_NUMBER],
    ['{"a": 07}', 6, 7, "JSON numbers cannot have leading zeros (write 7, not 07)."],
    // Characters.
    ['{"a": @}', 6, 7, 'Unexpected character "@" (U+0040); fix the JSON syntax here.'],
    [
      '{"a":\u00a01}',
      5,
      6,
      "JSON allows only spaces, tabs and line breaks between values; this is U+00A0. Replace it with a space.",
    ],
    [
      '{"a":\uFEFF1}',
      5,
      6,
      "JSON allows only spaces, tabs and line breaks between values; this is U+FEFF. Replace it with a space.",
    ],
    ['{"a": 1}\n// c', 9, 10, "JSON does not allow comments; remove it."],
    ["{\"a\": 'x'}", 6, 7, 'JSON strings and property names use double quotes ("), not single quotes.'],
    ['{"a": "\\u00"}', 10, 11, "A \\u escape needs four hexadecimal digits (\\u00e9)."],
    [
      '{"a": "\\x"}',
      7,
      9,
      'Invalid escape \\x in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits (write \\\\ for a backslash).',
    ],
  ];
  for (const [text, start, end, message] of cases) {
    it(JSON.stringify(text), () => {
      expect(syntaxErrors(text)).toEqual([[start, end, message]]);
    });
  }

  it("a long bare word is cut in the message", () => {
    const word = "z".repeat(60);
    const [[start, end, message] = []] = syntaxErrors(`{"a": 1, ${word}}`);
    expect([start, end]).toEqual([9, 69]);
    expect(message).toBe(
      `${"z".repeat(40)}… is not JSON: text goes in double quotes ("${"z".repeat(40)}…"), and the only bare words are true, false and null.`,
    );
  });
});

describe("strings and keys hold no raw control characters, and keys are unique", () => {
  const cases: [string, number, string][] = [
    ['{"a": "x\ty"}', 8, "A JSON string cannot hold a raw tab; write it as \\t."],
    [
      '{"a": "x\ny"}',
      8,
      "A JSON string cannot hold a raw line break; write it as \\n (or close the string before the line ends).",
    ],
    ['{"a": "x\ry"}', 8, "A JSON string cannot hold a raw carriage return; write it as \\r."],
    ['{"a": "x\fy"}', 8, "A JSON string cannot hold a raw U+000C; write it as \\f."],
    ['{"a": "x\by"}', 8, "A JSON string cannot hold a raw U+0008; write it as \\b."],
    ['{"a": "x\u0001y"}', 8, "A JSON string cannot hold a raw U+0001; write it as \\u0001."],
    ['{"x\u001fy": 1}', 3, "A JSON string cannot hold a raw U+001F; write it as \\u001f."],
    // An escaped backslash is not the start of an escape of the next character.
    ['{"a": "\\\\\u0001"}', 9, "A JSON string cannot hold a raw U+0001; write it as \\u0001."],
  ];
  for (const [text, at, message] of cases) {
    it(JSON.stringify(text), () => {
      expect(syntaxErrors(text)).toEqual([[at, at + 1, message]]);
    });
  }

  it("a repeated key is an error at the second, naming the line and column of the first", () => {
    expect(syntaxErrors('{\n  "a": 1,\n  "a": 2\n}')).toEqual([
      [
        14,
        17,
        'The key "a" appears twice in this object (first at line 2, column 3); JSON keys must be unique, so remove one.',
      ],
    ]);
    expect(syntaxErrors('{"a": {"b": 1, "b": 2}}')).toEqual([
      [
        15,
        18,
        'The key "b" appears twice in this object (first at line 1, column 8); JSON keys must be unique, so remove one.',
      ],
    ]);
    // The same key in two objects is fine.
    expect(syntaxErrors('{"a": {"b": 1}, "c": {"b": 2}}')).toEqual([]);
  });
});

describe("data files get the same words, with the line and column in the message", () => {
  it("a closing bracket at the very start closes nothing, whatever follows it", () => {
    for (const text of ["}", "}{"]) {
      const error = failure(() => parseTargetText(text));
      expect(error.code).toBe("invalid-target");
      expect(error.message).toBe(
        "Target directory JSON, line 1, column 1: '}' closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.",
      );
      expect(error.span).toEqual({ start: 0, end: 1 });
    }
  });
});
