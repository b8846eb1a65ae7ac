import { describe, expect, it } from "vitest";
import { jsonSyntaxMessage } from "../../src/mapping/json-messages.js";
import { readJsonTree } from "../../src/mapping/json-tree.js";

/**
 * More of what a JSON configuration's author is told about a syntax error (config-json-messages.test.ts
 * has the common mistakes): each case the exact span and words, read by the JSON reader that every
 * JSON input goes through (configurations, users, the target directory, attributes), and no tree.
 */

/** The problems of `text` read as JSON, as [start, end, message]; each must be a config-syntax error. */
function syntaxErrors(text: string): [number, number, string][] {
  const { root, problems } = readJsonTree(text);
  expect(root).toBeUndefined();
  for (const d of problems) expect([d.code, d.severity]).toEqual(["config-syntax", "error"]);
  return problems.map((d) => [d.span.start, d.span.end, d.message]);
}

const NOT_A_NUMBER =
  "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no leading + or dot, digits after '.', 'e' and '-').";
const NOT_A_NUMBER_WORD =
  "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no hex, no leading + or dot).";
const TRAILING_COMMA = "JSON allows no comma before ']': remove the trailing comma.";
const FOUR_DIGITS = "A \\u escape needs four hexadecimal digits (\\u00e9).";
const ENDS_IN_STRING = "The JSON ends inside a string: add the closing double quote.";
const ENDS_VALUE = "The JSON ends where a value is expected; complete it.";
const SPACE = (code: string) =>
  `JSON allows only spaces, tabs and line breaks between values; this is U+${code}. Replace it with a space.`;
const FOLLOWS = (what: string) =>
  `${what} follows the end of the JSON value; a JSON file holds one value (one object for a configuration).`;

describe("tokens in the wrong place", () => {
  const cases: [string, number, number, string][] = [
    // What may not stand where a property name is expected.
    ["{true:1}", 1, 5, "Expected a property name in double quotes, found true/false."],
    ["{null}", 1, 5, "Expected a property name in double quotes, found null."],
    ["{[]}", 1, 2, "Expected a property name in double quotes, found '['."],
    ["{{}}", 1, 2, "Expected a property name in double quotes, found '{'."],
    ['{"a": 1, }', 7, 8, "JSON allows no comma before '}': remove the trailing comma."],
    // After a property name.
    ['{"a"}', 4, 5, "Expected ':' after the property name, found '}'."],
    ['{"a" ,}', 5, 6, "Expected ':' after the property name, found ','."],
    ['{"a" : 1 , }', 9, 10, "JSON allows no comma before '}': remove the trailing comma."],
    ['{"a":}', 5, 6, "A value is missing after ':' (a string, number, true, false, null, object or list)."],
    // A colon or value where a comma belongs.
    ['{"a":1 :}', 7, 7, "A comma is missing before ':': separate properties with commas."],
    ["[1:2]", 2, 2, "A comma is missing before ':': separate list items with commas."],
    ['["a":1]', 4, 4, "A comma is missing before ':': separate list items with commas."],
    ["[1 {}]", 3, 3, "A comma is missing before '{': separate list items with commas."],
    ["[1 null]", 3, 3, "A comma is missing before null: separate list items with commas."],
    ['{"a": [1] {"b": 2}}', 10, 10, "A comma is missing before '{': separate properties with commas."],
    // After the document's one value.
    ['"a" "b"', 4, 7, FOLLOWS("a string")],
    ["{} {}", 3, 4, FOLLOWS("'{'")],
    ["[] []", 3, 4, FOLLOWS("'['")],
    ["{} true", 3, 7, FOLLOWS("true/false")],
    ["{} null", 3, 7, FOLLOWS("null")],
    // Closing brackets.
    ["[[1}", 3, 4, "'}' cannot close the '[' opened at line 1, column 2; use ']'."],
    ["{]", 1, 2, "']' cannot close the '{' opened at line 1, column 1; use '}'."],
    ["[}", 1, 2, "'}' cannot close the '[' opened at line 1, column 1; use ']'."],
    [
      "]",
      0,
      1,
      "']' closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.",
    ],
    [
      "[1]\n]",
      4,
      5,
      "']' closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.",
    ],
    ['{\r\n  "a": [\r\n    1}', 18, 19, "'}' cannot close the '[' opened at line 2, column 8; use ']'."],
    // An opening bracket after the document's value follows it; one that starts the document, or
    // opens inside it, is cut off.
    ["1 [", 2, 3, FOLLOWS("'['")],
    ['"a" [', 4, 5, FOLLOWS("'['")],
    ["{} {", 3, 4, FOLLOWS("'{'")],
    [
      "{",
      1,
      1,
      "The JSON ends before the '{' opened at line 1, column 1 is closed; the file may be cut off (it needs } at least).",
    ],
    [
      '{"a": 1 [',
      9,
      9,
      "The JSON ends before the '[' opened at line 1, column 9 is closed; the file may be cut off (it needs ]} at least).",
    ],
    // Only blanks after the last token: the text is cut off there.
    [
      "[1 2\n",
      4,
      4,
      "The JSON ends before the '[' opened at line 1, column 1 is closed; the file may be cut off (it needs ] at least).",
    ],
    // A wrong closing bracket at the end, with brackets still open: the bracket, not the end.
    ["[{]", 2, 3, "']' cannot close the '{' opened at line 1, column 2; use '}'."],
    ['{"a": [}', 7, 8, "'}' cannot close the '[' opened at line 1, column 7; use ']'."],
    ["[[1,]", 3, 4, TRAILING_COMMA],
    // In a list, nothing is a property name.
    ["[1, :]", 4, 5, "Unexpected ':' here; fix the JSON syntax."],
    ['["x", "a" 1]', 10, 10, "A comma is missing before a number: separate list items with commas."],
    // A first token that cannot start a document.
    [", 1", 0, 1, "Unexpected ',' here; fix the JSON syntax."],
    [": 1", 0, 1, "Unexpected ':' here; fix the JSON syntax."],
    // A document that is nothing but punctuation, or stops after a comma or colon.
    [",", 1, 1, ENDS_VALUE],
    [":", 1, 1, ENDS_VALUE],
    ["1,", 2, 2, ENDS_VALUE],
    ["[1]:", 4, 4, ENDS_VALUE],
    ["", 0, 0, "The file is empty; a JSON configuration is one object ({ … })."],
    [" \n\t", 0, 0, "The file is empty; a JSON configuration is one object ({ … })."],
    [
      '{"a": [1, {"b": [\n',
      17,
      17,
      "The JSON ends before the '[' opened at line 1, column 17 is closed; the file may be cut off (it needs ]}]} at least).",
    ],
  ];
  for (const [text, start, end, message] of cases)
    it(JSON.stringify(text), () => {
      expect(syntaxErrors(text)).toEqual([[start, end, message]]);
    });
});

describe("a mistake later in the text that momoa cannot even read does not hide the first one", () => {
  // The first problem is a missing comma before a whole token (a string, a word, a number); after it
  // comes a character no JSON tokenizer reads (@) or a string that never ends.
  const cases: [string, number, string][] = [
    ['{"a": 1 "b" @}', 8, "A comma is missing before a string: separate properties with commas."],
    ['[1 "x\\"y\\\\" @]', 3, "A comma is missing before a string: separate list items with commas."],
    ['{"a": 1 true @}', 8, "A comma is missing before true/false: separate properties with commas."],
    ['{"a": 1 false @}', 8, "A comma is missing before true/false: separate properties with commas."],
    ['{"a": 1 null @}', 8, "A comma is missing before null: separate properties with commas."],
    ["[1 -2.5e3 @]", 3, "A comma is missing before a number: separate list items with commas."],
    ["[1 -2 @]", 3, "A comma is missing before a number: separate list items with commas."],
    ["[1 -1x5]", 3, "A comma is missing before a number: separate list items with commas."],
    ['{"a": 1 "b" "c', 8, "A comma is missing before a string: separate properties with commas."],
    ['{"a": 1 "b\nc" @}', 8, "A comma is missing before a string: separate properties with commas."],
  ];
  for (const [text, at, message] of cases)
    it(JSON.stringify(text), () => {
      expect(syntaxErrors(text)).toEqual([[at, at, message]]);
    });

  it("the property name before a wrong token is still known as one", () => {
    expect(syntaxErrors('{"a" 1 @}')).toEqual([
      [5, 6, "Expected ':' after the property name, found a number."],
    ]);
    expect(syntaxErrors('{"a" "b" @}')).toEqual([
      [5, 8, "Expected ':' after the property name, found a string."],
    ]);
  });
});

describe("characters that are not JSON", () => {
  const cases: [string, number, number, string][] = [
    // Numbers.
    ["[-01]", 2, 3, "JSON numbers cannot have leading zeros (write 7, not 07)."],
    ["[00]", 1, 2, "JSON numbers cannot have leading zeros (write 7, not 07)."],
    ["[1.2.3]", 4, 5, NOT_A_NUMBER],
    ["[-]", 1, 2, NOT_A_NUMBER],
    ["[- 1]", 1, 2, NOT_A_NUMBER],
    ["[1.]", 3, 4, NOT_A_NUMBER],
    ["[1. ]", 3, 4, NOT_A_NUMBER],
    ["[1e ]", 3, 4, NOT_A_NUMBER],
    ["[1E]", 3, 4, NOT_A_NUMBER],
    ["[1e-]", 4, 5, NOT_A_NUMBER],
    ["[1e+,2]", 4, 5, NOT_A_NUMBER],
    ["[1-]", 2, 3, NOT_A_NUMBER],
    ["[.5]", 1, 2, NOT_A_NUMBER],
    ["[+]", 1, 2, NOT_A_NUMBER],
    // A minus after a zero is no leading zero; a point with no digit on either side, or a character
    // after a point other than a bracket, comma or blank, is just an unexpected character.
    ["[0-]", 2, 3, NOT_A_NUMBER],
    ["[.]", 1, 2, 'Unexpected character "." (U+002E); fix the JSON syntax here.'],
    ["[1.#]", 3, 4, 'Unexpected character "#" (U+0023); fix the JSON syntax here.'],
    ["[1e5e]", 4, 5, NOT_A_NUMBER_WORD],
    ["[5.a]", 3, 4, NOT_A_NUMBER_WORD],
    ["[0x]", 2, 3, NOT_A_NUMBER_WORD],
    ["[1x]", 2, 3, NOT_A_NUMBER_WORD],
    ["[1.5x]", 4, 5, NOT_A_NUMBER_WORD],
    // Words.
    ["[NaN]", 1, 4, "JSON has no NaN or Infinity; write a number or null."],
    ["[FALSE]", 1, 6, "JSON writes false in lowercase, not FALSE."],
    ["[Null]", 1, 5, "JSON writes null in lowercase, not Null."],
    [
      "[nan]",
      1,
      4,
      'nan is not JSON: text goes in double quotes ("nan"), and the only bare words are true, false and null.',
    ],
    [
      "[undefined]",
      1,
      10,
      'undefined is not JSON: text goes in double quotes ("undefined"), and the only bare words are true, false and null.',
    ],
    [
      "[$a]",
      1,
      3,
      '$a is not JSON: text goes in double quotes ("$a"), and the only bare words are true, false and null.',
    ],
    [
      "[_b]",
      1,
      3,
      '_b is not JSON: text goes in double quotes ("_b"), and the only bare words are true, false and null.',
    ],
    // Only a whole word is a misspelt literal, NaN or Infinity.
    ...["trueish", "xnull", "NaNa", "xInfinity", "Truex"].map((word): [string, number, number, string] => [
      `[${word}]`,
      1,
      1 + word.length,
      `${word} is not JSON: text goes in double quotes ("${word}"), and the only bare words are true, false and null.`,
    ]),
    // A word after a character that starts none is not read as one.
    ["[#abc]", 1, 2, 'Unexpected character "#" (U+0023); fix the JSON syntax here.'],
    // A minus before a digit starts a number: what is missing is the comma.
    ["[1-2]", 2, 2, "A comma is missing before a number: separate list items with commas."],
    // Escapes in strings, and strings cut off.
    ['"\\u12G"', 4, 5, FOUR_DIGITS],
    ['["\\u"]', 3, 4, FOUR_DIGITS],
    ['["\\u1"]', 4, 5, FOUR_DIGITS],
    ['["\\u123"]', 6, 7, FOUR_DIGITS],
    ['"\\u', 2, 3, FOUR_DIGITS],
    ['"\\uG"', 2, 3, FOUR_DIGITS],
    ['"\\u1G"', 3, 4, FOUR_DIGITS],
    // An escaped backslash before a u is no \u escape: what is wrong is the escape after it.
    [
      '["\\\\u1\\q"]',
      6,
      8,
      'Invalid escape \\q in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits (write \\\\ for a backslash).',
    ],
    ['["\\\\\\u1"]', 6, 7, FOUR_DIGITS],
    // The first mistake is the one said, even when the text also ends in a short \u escape.
    [
      '["\\q", "\\u12',
      2,
      4,
      'Invalid escape \\q in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits (write \\\\ for a backslash).',
    ],
    ['"\\', 2, 2, ENDS_IN_STRING],
    // Cut off in a number, not in a string; an escaped quote does not close a string, an escaped
    // backslash before a quote does.
    ["1.", 2, 2, NOT_A_NUMBER],
    ["1e", 2, 2, NOT_A_NUMBER],
    ["[1e", 3, 3, NOT_A_NUMBER],
    ['{"a": 1e-', 9, 9, NOT_A_NUMBER],
    ['["a\\"', 5, 5, ENDS_IN_STRING],
    [
      '["a\\\\"',
      6,
      6,
      "The JSON ends before the '[' opened at line 1, column 1 is closed; the file may be cut off (it needs ] at least).",
    ],
    ['["ab\\', 5, 5, ENDS_IN_STRING],
    ['{"a":"\\', 7, 7, ENDS_IN_STRING],
    [
      '{"a": "x\\y"}',
      8,
      10,
      'Invalid escape \\y in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits (write \\\\ for a backslash).',
    ],
    // White space JSON does not know, and other characters.
    ["[\u2028]", 1, 2, SPACE("2028")],
    ["[\t\u000b]", 2, 3, SPACE("000B")],
    ["[\u3000]", 1, 2, SPACE("3000")],
    ["/* c */ {}", 0, 1, "JSON does not allow comments; remove it."],
    ["[#]", 1, 2, 'Unexpected character "#" (U+0023); fix the JSON syntax here.'],
    ["[\u00e9]", 1, 2, 'Unexpected character "é" (U+00E9); fix the JSON syntax here.'],
    ['{"a": 1}\r\n\r\n# x', 12, 13, 'Unexpected character "#" (U+0023); fix the JSON syntax here.'],
    // A character outside the BMP is one character, both halves of its surrogate pair.
    ["[\u{1F600}]", 1, 3, 'Unexpected character "\u{1F600}" (U+1F600); fix the JSON syntax here.'],
    ['{"a": 1} \u{1F600}', 9, 11, 'Unexpected character "\u{1F600}" (U+1F600); fix the JSON syntax here.'],
  ];
  for (const [text, start, end, message] of cases)
    it(JSON.stringify(text), () => {
      expect(syntaxErrors(text)).toEqual([[start, end, message]]);
    });
});

describe("momoa's other errors are said with what to do", () => {
  // Momoa's tokenizer rejects a bad escape as an unexpected character before its string decoder could
  // say "Invalid escape", and throws nothing else today; these are the words for the rest of what it
  // may throw.
  it("an escape momoa's decoder refuses", () => {
    expect(jsonSyntaxMessage('"\\q"', { message: "Invalid escape \\q. (1:2)", offset: 1 })).toEqual({
      message:
        'Invalid escape \\q in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits.',
      span: { start: 1, end: 3 },
    });
    expect(
      jsonSyntaxMessage('"\\u12"', { message: 'Invalid unicode escape \\u12". (1:2)', offset: 1 }),
    ).toEqual({
      message:
        'Invalid unicode escape \\u12" in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits.',
      span: { start: 1, end: 3 },
    });
    // Only the final full stop goes.
    expect(
      jsonSyntaxMessage('"\\u1.2"', { message: "Invalid unicode escape \\u1.2. (1:2)", offset: 1 }).message,
    ).toBe(
      'Invalid unicode escape \\u1.2 in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits.',
    );
  });

  it("anything else keeps its words, without momoa's (line:column), at its offset", () => {
    expect(jsonSyntaxMessage("[1]", { message: "Something odd. (1:3)", offset: 2 })).toEqual({
      message: "Something odd. Fix the JSON syntax here.",
      span: { start: 2, end: 2 },
    });
    expect(jsonSyntaxMessage("[1]", { message: "Odd. (12:345)", offset: 2 }).message).toBe(
      "Odd. Fix the JSON syntax here.",
    );
    // Only a trailing (line:column) is momoa's.
    expect(jsonSyntaxMessage("[1]", { message: "Odd (1:3) here.", offset: 2 }).message).toBe(
      "Odd (1:3) here. Fix the JSON syntax here.",
    );
    // No offset: the start of the text; a thrown string is its own message.
    expect(jsonSyntaxMessage("[1]", { message: "Odd." })).toEqual({
      message: "Odd. Fix the JSON syntax here.",
      span: { start: 0, end: 0 },
    });
    expect(jsonSyntaxMessage("[1]", { message: "Odd.", offset: "2" })).toEqual({
      message: "Odd. Fix the JSON syntax here.",
      span: { start: 0, end: 0 },
    });
    expect(jsonSyntaxMessage("[1]", undefined).message).toBe("undefined Fix the JSON syntax here.");
    expect(jsonSyntaxMessage("[1]", null).message).toBe("null Fix the JSON syntax here.");
    // An escape message is recognized at the start only.
    expect(jsonSyntaxMessage("[1]", { message: "Fatal: Invalid escape \\q.", offset: 0 }).message).toBe(
      "Fatal: Invalid escape \\q. Fix the JSON syntax here.",
    );
    expect(jsonSyntaxMessage("[1]", "Odd.")).toEqual({
      message: "Odd. Fix the JSON syntax here.",
      span: { start: 0, end: 0 },
    });
  });

  it("a token momoa's parser did not expect, where no token starts, is said plainly", () => {
    expect(
      jsonSyntaxMessage("[1 2]", { message: "Unexpected token Number found. (1:2)", offset: 2 }),
    ).toEqual({ message: "Unexpected text here; fix the JSON syntax.", span: { start: 2, end: 2 } });
  });
});
