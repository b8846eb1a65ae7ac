import { describe, expect, it } from "vitest";
import { FORMATTERS, formatResults, loadFormatter } from "../../src/lint/formatters/index.js";
import { lintRules } from "../../src/lint/index.js";
import { hasConfigurationName, isConfigurationFile } from "../../src/lint/recognise.js";
import { editInValue } from "../../src/lint/text-edit.js";
import type { TextLocation } from "../../src/mapping/model.js";

// editInValue writes a fix the way the value is quoted in the file, or refuses when that would change
// more than the characters named; recognise tells mapping configurations from other JSON and YAML.

/** A value written one character per file offset, starting at offset 10. */
const location = (length: number, style: TextLocation["style"]): TextLocation => ({
  offsets: Array.from({ length: length + 1 }, (_, i) => 10 + i),
  style,
});

describe("editInValue", () => {
  it("maps the span to file offsets and escapes for JSON and double-quoted YAML", () => {
    expect(editInValue(location(5, "json"), { start: 1, end: 3 }, 'a"b\n')).toEqual({
      span: { start: 11, end: 13 },
      text: 'a\\"b\\n',
    });
    expect(editInValue(location(5, "double-quoted"), { start: 0, end: 5 }, "\\")).toEqual({
      span: { start: 10, end: 15 },
      text: "\\\\",
    });
  });

  it("doubles quotes in a single-quoted scalar and refuses a line break there", () => {
    expect(editInValue(location(3, "single-quoted"), { start: 0, end: 1 }, "it's")?.text).toBe("it''s");
    expect(editInValue(location(3, "single-quoted"), { start: 0, end: 1 }, "a\nb")).toBeUndefined();
  });

  it("in a plain scalar refuses what YAML would read otherwise: breaks, tabs, ': ', a final ':', ' #', a leading indicator", () => {
    const plain = location(6, "plain");
    const edit = (text: string, start = 1) => editInValue(plain, { start, end: start + 1 }, text)?.text;
    expect(edit("Join")).toBe("Join");
    for (const bad of ["a\nb", "a\rb", "a\tb", "a: b", "a:", "a #b"]) expect(edit(bad)).toBeUndefined();
    expect(edit("a:b")).toBe("a:b");
    expect(edit("a#b")).toBe("a#b");
    expect(edit("#a", 1)).toBeUndefined();
    expect(edit("a-b", 0)).toBe("a-b");
    // Indicators only matter at the start of the scalar.
    for (const indicator of [
      "-a",
      "?a",
      ":a",
      ",a",
      "[a",
      "]a",
      "{a",
      "}a",
      "&a",
      "*a",
      "!a",
      "|a",
      ">a",
      "'a",
      '"a',
      "%a",
      "@a",
      "`a",
      " a",
    ]) {
      expect(edit(indicator, 0)).toBeUndefined();
      expect(edit(indicator, 1)).toBe(indicator);
    }
  });

  it("in a block scalar refuses only line breaks; in a synthesized [name] only name characters", () => {
    for (const style of ["literal", "folded"] as const) {
      expect(editInValue(location(3, style), { start: 0, end: 1 }, "a: #b")?.text).toBe("a: #b");
      expect(editInValue(location(3, style), { start: 0, end: 1 }, "a\rb")).toBeUndefined();
    }
    const synthesized = location(6, "synthesized");
    expect(editInValue(synthesized, { start: 1, end: 5 }, "ext.a_b:c-1")?.text).toBe("ext.a_b:c-1");
    expect(editInValue(synthesized, { start: 1, end: 5 }, "")?.text).toBe("");
    expect(editInValue(synthesized, { start: 1, end: 5 }, "a b")).toBeUndefined();
  });

  it("refuses spans outside the value, reversed, or over characters that are not one run of file text each", () => {
    const plain = location(4, "plain");
    expect(editInValue(plain, { start: -1, end: 1 }, "x")).toBeUndefined();
    expect(editInValue(plain, { start: 2, end: 1 }, "x")).toBeUndefined();
    expect(editInValue(plain, { start: 0, end: 5 }, "x")).toBeUndefined();
    expect(editInValue(plain, { start: 0, end: 4 }, "x")).toEqual({
      span: { start: 10, end: 14 },
      text: "x",
    });
    expect(editInValue(plain, { start: 4, end: 4 }, "x")).toEqual({
      span: { start: 14, end: 14 },
      text: "x",
    });
    // An escape: character 1 is written as two file characters (11–12): still one run, in order.
    const escaped: TextLocation = { offsets: [10, 11, 13, 14], style: "json" };
    expect(editInValue(escaped, { start: 1, end: 2 }, "y")).toEqual({
      span: { start: 11, end: 13 },
      text: "y",
    });
    // A folded line break: two characters at one file offset cannot be edited one by one.
    const folded: TextLocation = { offsets: [10, 11, 11, 12], style: "folded" };
    expect(editInValue(folded, { start: 1, end: 2 }, "y")).toBeUndefined();
    expect(editInValue(folded, { start: 0, end: 1 }, "y")).toEqual({
      span: { start: 10, end: 11 },
      text: "y",
    });
    // A reversed span is refused even where the file offsets run backwards (then end >= start in the file).
    expect(editInValue({ offsets: [10, 12, 11], style: "json" }, { start: 2, end: 1 }, "y")).toBeUndefined();
    const backwards: TextLocation = { offsets: [10, 12, 11], style: "json" };
    expect(editInValue(backwards, { start: 0, end: 2 }, "y")).toBeUndefined();
  });
});

describe("isConfigurationFile", () => {
  it("takes *.provex.{json,yaml,yml} whatever they hold, in any case, with either separator", () => {
    for (const path of ["a.provex.json", "dir/A.PROVEX.YAML", "c:\\dir\\b.provex.yml"])
      expect(isConfigurationFile(path, "")).toBe(true);
  });

  it("takes JSON with synchronizationRules, or naming provex's schema; YAML with mappings: or objects: at the top", () => {
    expect(isConfigurationFile("export.json", '{ "synchronizationRules" : [] }')).toBe(true);
    expect(isConfigurationFile("export.json", '{ "rules": "synchronizationRules" }')).toBe(false);
    expect(isConfigurationFile("x.json", '{ "$schema": "https://x/provex-config.schema.json" }')).toBe(true);
    expect(isConfigurationFile("x.yaml", "# yaml-language-server: $schema=provex-config.schema.json\n")).toBe(
      true,
    );
    expect(isConfigurationFile("x.yaml", "name: x\nmappings :\n  - a\n")).toBe(true);
    expect(isConfigurationFile("x.yml", "objects:\t\n")).toBe(true);
    expect(isConfigurationFile("x.yaml", "name: x\n  mappings:\n")).toBe(false);
    expect(isConfigurationFile("x.yaml", "mappingsx: 1\n")).toBe(false);
    expect(isConfigurationFile("x.json", "mappings: 1\n")).toBe(false);
  });

  it("anchors each name pattern at the end of the name, and takes the export's key with or without blanks before its colon", () => {
    expect(isConfigurationFile("x.provex.json.yaml", "a: 1\n")).toBe(false);
    expect(isConfigurationFile("export.json", '{"synchronizationRules":[]}')).toBe(true);
    expect(hasConfigurationName("provex.config.yaml.json")).toBe(true);
    expect(hasConfigurationName("provex.config.yml")).toBe(false);
    expect(hasConfigurationName("a.provex-test.yaml.json")).toBe(true);
  });

  it("never takes provex's settings, test suites, or other extensions", () => {
    expect(hasConfigurationName("provex.config.yaml")).toBe(false);
    expect(hasConfigurationName("dir/provex.config.json")).toBe(false);
    expect(hasConfigurationName("my-provex.config.yaml")).toBe(true);
    expect(hasConfigurationName("users.provex-test.yml")).toBe(false);
    expect(hasConfigurationName("users.provex-test.yaml.bak")).toBe(false);
    expect(hasConfigurationName("mapping.txt")).toBe(false);
    expect(isConfigurationFile("provex.config.yaml", "mappings:\n")).toBe(false);
    expect(isConfigurationFile("a.provex-test.yaml", "mappings:\n")).toBe(false);
    expect(isConfigurationFile("a.yamlx", "mappings:\n")).toBe(false);
  });
});

describe("loadFormatter", () => {
  it("loads each format's own function: the same output as formatResults for that name", async () => {
    const results = [
      {
        filePath: "/r/a.provex.yaml",
        relativePath: "a.provex.yaml",
        text: "ab\n",
        findings: [
          { ruleId: "config-type", severity: "error" as const, message: "m", span: { start: 0, end: 1 } },
        ],
        suppressed: [],
      },
    ];
    const context = { rules: lintRules, root: "/r", toolVersion: "0" };
    expect(FORMATTERS).toEqual(["stylish", "json", "sarif", "github"]);
    const outputs = new Set<string>();
    for (const name of FORMATTERS) {
      const output = (await loadFormatter(name))(results, context);
      expect(output).toBe(formatResults(name, results, context));
      outputs.add(output);
    }
    expect(outputs.size).toBe(4);
  });
});
