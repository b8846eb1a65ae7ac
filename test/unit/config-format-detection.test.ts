import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";

/**
 * Which of the two formats a text is read as (Entra's export or provex), also when it cannot be read,
 * and the nesting limit of JSON with its position.
 */

describe("the format of a configuration", () => {
  it("a top-level synchronizationRules or directories makes an Entra export", () => {
    const directories = loadConfig('{"directories": []}');
    expect(directories.format).toBe("entra");
    expect(directories.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ["config-missing", 0, 19],
    ]);
    expect(loadConfig('{"synchronizationRules": []}').format).toBe("entra");
    expect(loadConfig('{"mappings": []}').format).toBe("provex");
  });

  it("the format option wins over the keys, either way", () => {
    const forced = loadConfig("mappings:\n  - { target: t, attribute: a }\n", { format: "entra" });
    expect(forced.format).toBe("entra");
    expect(forced.diagnostics.map((d) => d.code)).toEqual(["config-missing"]);
    expect(forced.objects).toEqual([]);
    const provex = loadConfig('{"synchronizationRules": []}', { format: "provex" });
    expect(provex.format).toBe("provex");
    expect(provex.diagnostics.map((d) => d.code)).toEqual(["config-missing", "unknown-property"]);
  });

  it("JSON that does not parse is an export when it starts with one of the export's keys", () => {
    for (const text of ['{"id": "x", ', ' \n{"version": "1",', '{"id" : 1,', '\uFEFF{"directories": [']) {
      const config = loadConfig(text);
      expect(config.format, text).toBe("entra");
      expect(config.diagnostics.map((d) => d.code)).toEqual(["config-syntax"]);
    }
    // The key must open the top-level object, not an object inside a list.
    expect(loadConfig('[{"id": 1').format).toBe("provex");
    expect(loadConfig('{"mappings": [').format).toBe("provex");
  });

  it("or when it names synchronizationRules anywhere, with any spaces before its colon", () => {
    for (const text of [
      '{"x": 1, "synchronizationRules":[',
      '{"x": 1, "synchronizationRules"  : [',
      '{"x": 1, "synchronizationRules" : [',
    ])
      expect(loadConfig(text).format, text).toBe("entra");
  });

  it("YAML that cannot be read is provex, whatever text it holds", () => {
    const text = `a: '"synchronizationRules": 1'\nb: ${"[".repeat(401)}\n`;
    const config = loadConfig(text);
    expect(config.format).toBe("provex");
    expect(config.diagnostics.map((d) => d.code)).toEqual(["config-too-deep"]);
  });

  it("a caller outside TypeScript may pass a Buffer: it is read as its text", () => {
    const config = loadConfig(
      Buffer.from("mappings:\n  - { target: t, attribute: a }\n") as unknown as string,
    );
    expect(config.diagnostics).toEqual([]);
    expect(config.objects[0]?.mappings[0]?.target).toBe("t");
  });
});

describe("JSON nesting past 400 levels", () => {
  it("is refused at the bracket that opens level 401", () => {
    const text = `{"entra": ${"[".repeat(401)}`;
    const [problem, ...rest] = loadConfig(text).diagnostics;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "config-too-deep", severity: "error" });
    // Level 1 is the object; level 401 is the 400th "[", at 10 + 399.
    expect(problem?.span).toEqual({ start: 409, end: 410 });
  });

  it("counts only brackets outside strings, escaped quotes included, and closed ones no longer", () => {
    const deepText = "[".repeat(401);
    for (const text of [
      `{"mappings": [], "entra": {"a": "${deepText}"}}`,
      `{"mappings": [], "entra": {"a": "\\"${deepText}"}}`,
      `{"mappings": [], "entra": {"a": ${"[".repeat(300)}${"]".repeat(300)}, "b": ${"[".repeat(300)}${"]".repeat(300)}}}`,
      `{"mappings": [], "entra": {"a": ${"{".repeat(300).replace(/\{/g, '{"k":')}1${"}".repeat(300)}, "b": ${"[".repeat(300)}${"]".repeat(300)}}}`,
    ]) {
      expect(loadConfig(text).diagnostics, text.slice(0, 40)).toEqual([]);
    }
  });
});

describe("diagnostics of a configuration", () => {
  it("an expression's diagnostic names the mapping's target first", () => {
    const { diagnostics } = loadConfig("mappings:\n  - { target: t, expression: 'Lef([a], 1)' }\n");
    expect(diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message])).toEqual([
      ["unknown-function", 40, 43, "t: Unknown function Lef; did you mean Left?"],
    ]);
  });

  it("SelectUniqueValue is refused only on a matching attribute", () => {
    const unique = 'SelectUniqueValue(Join("", [a]), [b])';
    const matching = loadConfig(`mappings:\n  - { target: t, expression: '${unique}', match: 1 }\n`);
    expect(matching.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["unique-value-matching", "error"],
    ]);
    expect(matching.diagnostics[0]?.message).toBe(
      "t is a matching attribute, and Entra does not allow SelectUniqueValue on one; match on another attribute or drop the matching priority.",
    );
    expect(loadConfig(`mappings:\n  - { target: t, expression: '${unique}' }\n`).diagnostics).toEqual([]);
    const other = loadConfig("mappings:\n  - { target: t, expression: 'Join(\"\", [a], [b])', match: 1 }\n");
    expect(other.diagnostics).toEqual([]);
  });
});
