import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Diagnostic, LineIndex, loadConfig } from "../../src/index.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraText = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");

/** Each diagnostic as [code, line, column] of its start. */
function located(text: string, diagnostics: readonly Diagnostic[]): [string, number, number][] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, line, column];
  });
}

/** The one diagnostic of `text`, as [code, line, column, message]. */
function only(text: string): [string, number, number, string] {
  const { diagnostics } = loadConfig(text);
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics as [Diagnostic];
  const { line, column } = new LineIndex(text).locate(d.span.start);
  return [d.code, line, column, d.message];
}

describe("Entra and provex JSON are strict JSON (issue 10)", () => {
  it("refuses a trailing comma, with its line and column, instead of accepting YAML flow syntax", () => {
    const text = '{\n  "synchronizationRules": [\n    { "id": "r", "objectMappings": [] },\n  ]\n}';
    const [code, line, column, message] = only(text);
    expect([code, line, column]).toEqual(["config-syntax", 3, 40]);
    expect(message).toMatch(/no comma before '\]'/);
    expect(message).not.toMatch(/flow/i);
  });

  it('refuses `"metadata": [..]` instead of reading it as [".."] and writing that back', () => {
    const doc = JSON.parse(entraText);
    const text = JSON.stringify(doc, null, 2).replace(/"metadata": \[[^\]]*\]/, '"metadata": [..]');
    const at = text.indexOf("[..]") + 1;
    const config = loadConfig(text);
    expect(config.format).toBe("entra");
    expect(config.diagnostics.map((d) => [d.code, d.span.start])).toEqual([["config-syntax", at]]);
    expect(config.objects).toEqual([]);
  });

  it("says what is wrong for the common JSON mistakes, at the offending character", () => {
    const cases: [string, number, RegExp][] = [
      ["{'a': 1}", 2, /double quotes/],
      ['{"a": unquoted}', 7, /double quotes \("unquoted"\)/],
      ['{"a": True}', 7, /lowercase/],
      ['// note\n{"a": 1}', 1, /comments/],
      ['{"a": 1 "b": 2}', 9, /comma is missing/],
      ['{"a" 1}', 6, /Expected ':'/],
      ['{"a": }', 7, /value is missing after ':'/],
      ['{"a": [1, 2}', 12, /cannot close the '\['/],
      ['{"a": 1}}', 9, /closes nothing/],
      ['{"a": 0x10}', 8, /decimal/],
      ['{"a": 07}', 7, /leading zeros/],
      ['{"a": "x\\q"}', 9, /Invalid escape \\q/],
      ['{"a": "\\u12"}', 11, /four hexadecimal digits/],
      ['{"a": "one\ntwo"}', 11, /raw line break; write it as \\n/],
      ['{"a": 1, "a": 2}', 10, /appears twice/],
      ['{"a":\u00a01}', 6, /U\+00A0/],
      ['{"a": NaN}', 7, /NaN/],
    ];
    for (const [text, column, message] of cases) {
      const [code, line, at, said] = only(text);
      expect([text, code, at], text).toEqual([text, "config-syntax", column]);
      expect(line).toBeGreaterThan(0);
      expect(said, text).toMatch(message);
    }
  });

  it("says where a cut-off document stops and which bracket is still open", () => {
    const text = '{\n  "mappings": [\n    { "target": "a"';
    const [code, line, column, message] = only(text);
    expect([code, line, column]).toEqual(["config-syntax", 3, 20]);
    expect(message).toMatch(/opened at line 3, column 5 is closed/);
    expect(only('{"mappings": "abc')[3]).toMatch(/inside a string/);
  });

  it("accepts a UTF-8 byte order mark, and keeps every offset pointing into the original text", () => {
    const text = `\uFEFF${entraText}`;
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.format).toBe("entra");
    const mapping = config.objects[0]?.mappings.find((m) => m.target === "displayName");
    const offsets = mapping?.locations?.expression?.offsets ?? [];
    expect(text.slice(offsets[0], offsets.at(-1))).toBe("[displayName]");
  });

  it("tells JSON from YAML by the first character: { or [ (or a // comment) is JSON", () => {
    // A YAML flow mapping at the very start is read as JSON, strictly.
    expect(loadConfig("{mappings: []}").diagnostics.map((d) => d.code)).toEqual(["config-syntax"]);
    // Anything else is YAML, where the same flow mapping is fine.
    expect(loadConfig("---\n{mappings: []}").diagnostics).toEqual([]);
    expect(loadConfig('\n\t {"mappings": []}').diagnostics).toEqual([]);
  });

  it("a kept-as-is key __proto__ stays an own property and never reaches a prototype", () => {
    const config = loadConfig('{"mappings": [], "entra": {"__proto__": {"polluted": true}}}');
    expect(config.diagnostics).toEqual([]);
    expect(Object.hasOwn(config.extra, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(config.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports nothing after a JSON syntax error: there is no half-read tree to complain about", () => {
    const text =
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"targetAttributeName": 1,}]}]}]}';
    expect(located(text, loadConfig(text).diagnostics)).toEqual([["config-syntax", 1, 95]]);
  });
});
