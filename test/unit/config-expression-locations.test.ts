import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";

/**
 * Where a mapping's expression is written when the file holds no expression text of its own: an Entra
 * source's `[name]` or quoted constant, a provex `attribute:` or `constant:`. Each character of the
 * expression points at the character of the file that writes it (the brackets and quotes, which are
 * not in the file, at the value's first and last characters), exactly.
 */

/** An Entra export whose one attribute mapping has `source` as its source object. */
const entra = (source: string) =>
  `{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"targetAttributeName": "t", "source": ${source}}]}]}]}`;
/** Where the source object starts in {@link entra}'s text. */
const AT = entra("X").indexOf("X");

function located(text: string) {
  const config = loadConfig(text);
  const mapping = config.objects[0]?.mappings[0];
  return {
    expression: mapping?.expression,
    location: mapping?.locations?.expression,
    codes: config.diagnostics.map((d) => d.code),
  };
}

describe("Entra sources", () => {
  it("the expression text, when the source has it, is traced as the JSON string it is", () => {
    const source = '{"expression": "[b]", "name": "a", "type": "Attribute", "parameters": []}';
    expect(located(entra(source))).toEqual({
      expression: "[b]",
      location: { offsets: [AT + 16, AT + 17, AT + 18, AT + 19], style: "json" },
      codes: [],
    });
  });

  it("an Attribute source (the type given or left out) is its [name], the brackets on the name's ends", () => {
    for (const source of [
      '{"name": "ab", "type": "Attribute", "parameters": []}',
      '{"name": "ab", "parameters": []}',
    ])
      expect(located(entra(source))).toEqual({
        expression: "[ab]",
        location: { offsets: [AT + 10, AT + 10, AT + 11, AT + 11, AT + 12], style: "synthesized" },
        codes: [],
      });
    // An expression that is not text is no text to trace: the name is.
    const source = '{"expression": 5, "name": "a", "type": "Attribute", "parameters": []}';
    expect(located(entra(source))).toEqual({
      expression: "[a]",
      location: { offsets: [AT + 27, AT + 27, AT + 27, AT + 28], style: "synthesized" },
      codes: [],
    });
  });

  it("a Constant source is its quoted literal: an escaped quote's backslash and quote both at the quote", () => {
    expect(located(entra('{"name": "a\\"b", "type": "Constant", "parameters": []}'))).toEqual({
      expression: '"a\\"b"',
      location: {
        offsets: [AT + 10, AT + 10, AT + 11, AT + 11, AT + 13, AT + 14, AT + 14],
        style: "synthesized",
      },
      codes: [],
    });
    expect(located(entra('{"name": "", "type": "Constant", "parameters": []}'))).toEqual({
      expression: '""',
      location: { offsets: [AT + 10, AT + 10, AT + 10], style: "synthesized" },
      codes: [],
    });
  });

  it("an expression of blanks is no text: the [name] is traced; a type that is null is an Attribute", () => {
    const source = '{"expression": "  ", "name": "a", "type": "Attribute", "parameters": []}';
    expect(located(entra(source))).toEqual({
      expression: "[a]",
      location: { offsets: [AT + 30, AT + 30, AT + 30, AT + 31], style: "synthesized" },
      codes: [],
    });
    expect(located(entra('{"name": "a", "type": null, "parameters": []}'))).toEqual({
      expression: "[a]",
      location: { offsets: [AT + 10, AT + 10, AT + 10, AT + 11], style: "synthesized" },
      codes: [],
    });
  });

  it("a name that is missing, null or not text has no location, and nothing breaks", () => {
    const cases: [string, string, string[]][] = [
      [
        '{"name": 5, "type": "Attribute", "parameters": []}',
        "[]",
        ["invalid-graph-source", "empty-attribute"],
      ],
      ['{"type": "Attribute", "parameters": []}', "[]", ["invalid-graph-source", "empty-attribute"]],
      ['{"type": "Constant", "parameters": []}', '""', []],
      ['{"name": null, "type": "Constant", "parameters": []}', '""', []],
      // A number's digits are traced, but they are not the text of the expression ("").
      ['{"name": 12, "type": "Constant", "parameters": []}', '""', []],
    ];
    for (const [source, expression, codes] of cases)
      expect(located(entra(source))).toEqual({ expression, location: undefined, codes });
  });

  it("a Function tree without text, or a source whose type is not text, has no location", () => {
    expect(located(entra('{"name": "Trim", "type": "Function", "parameters": []}'))).toMatchObject({
      expression: "Trim()",
      location: undefined,
    });
    expect(located(entra('{"name": "a", "type": 5, "parameters": []}'))).toMatchObject({
      location: undefined,
    });
    expect(located(entra('{"name": "a", "type": "Other", "parameters": []}'))).toMatchObject({
      location: undefined,
    });
  });
});

describe("provex attribute: and constant:", () => {
  const mapping = (line: string) => `mappings:\n  - target: t\n    ${line}\n`;
  const at = (line: string) => mapping(line).indexOf(line) + line.indexOf(":") + 2;

  it("attribute: is [name]; an empty name is [] at the name's end", () => {
    expect(located(mapping("attribute: ab"))).toEqual({
      expression: "[ab]",
      location: { offsets: [39, 39, 40, 40, 41], style: "synthesized" },
      codes: [],
    });
    expect(at("attribute: ab")).toBe(39);
    expect(located(mapping('attribute: ""'))).toEqual({
      expression: "[]",
      location: { offsets: [40, 40, 40], style: "synthesized" },
      codes: ["empty-attribute"],
    });
  });

  it("constant: is the quoted value; a number or boolean read as text, digit by digit", () => {
    expect(located(mapping("constant: 12"))).toEqual({
      expression: '"12"',
      location: { offsets: [38, 38, 39, 40, 40], style: "synthesized" },
      codes: [],
    });
    expect(located(mapping("constant: true"))).toEqual({
      expression: '"true"',
      location: { offsets: [38, 38, 39, 40, 41, 42, 42], style: "synthesized" },
      codes: [],
    });
    // A backslash in the value is written \\ in the expression: both at the value's backslash.
    expect(located(mapping('constant: "a\\\\b"'))).toEqual({
      expression: '"a\\\\b"',
      location: { offsets: [39, 39, 40, 40, 42, 43, 43], style: "synthesized" },
      codes: [],
    });
    expect(located(mapping('constant: ""'))).toEqual({
      expression: '""',
      location: { offsets: [39, 39, 39], style: "synthesized" },
      codes: [],
    });
  });
});
