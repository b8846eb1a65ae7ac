import { describe, expect, it } from "vitest";
import { type Diagnostic, LineIndex, loadConfig, writeConfig } from "../../src/index.js";

function located(text: string, diagnostics: readonly Diagnostic[]): [string, number, number][] {
  const index = new LineIndex(text);
  return diagnostics.map((d) => {
    const { line, column } = index.locate(d.span.start);
    return [d.code, line, column];
  });
}

describe("a UTF-8 byte order mark before YAML (issue 10)", () => {
  it("is accepted, and every offset still points into the text as given", () => {
    const text = "\uFEFFmappings:\n  - target: t\n    expression: Lef([a], 1)\n";
    const config = loadConfig(text);
    expect(located(text, config.diagnostics)).toEqual([["unknown-function", 3, 17]]);
    const [problem] = config.diagnostics;
    expect(text.slice(problem?.span.start, problem?.span.end)).toBe("Lef");
    expect(config.objects[0]?.mappings[0]?.target).toBe("t");
    const typo = "\uFEFFmapings: []\n";
    const unknown = loadConfig(typo).diagnostics.find((d) => d.code === "unknown-property");
    expect(typo.slice(unknown?.span.start, unknown?.span.end)).toBe("mapings");
  });
});

describe("YAML's sharp edges are refused with a position (issue 10)", () => {
  it("an alias gets one clear message at the alias, not a misleading type error", () => {
    const text = "mappings:\n  - &m { target: a, attribute: b }\n  - *m\n";
    const { diagnostics } = loadConfig(text);
    expect(located(text, diagnostics)).toEqual([["config-unsupported", 3, 5]]);
    expect(diagnostics[0]?.message).toMatch(/aliases \(\*m\) are not supported.*write the value out/);
  });

  it("an alias used as a scalar value is refused the same way, with no knock-on complaint", () => {
    const text = "mappings:\n  - target: &t userName\n    attribute: *t\n";
    expect(located(text, loadConfig(text).diagnostics)).toEqual([["config-unsupported", 3, 16]]);
  });

  it("a complex (list or mapping) key is reported instead of silently ignored", () => {
    const text = "mappings:\n  - target: a\n    attribute: b\n    ? [x, y]\n    : 1\n";
    const { diagnostics } = loadConfig(text);
    expect(located(text, diagnostics)).toEqual([["config-unsupported", 4, 7]]);
    expect(diagnostics[0]?.message).toMatch(/cannot be a key/);
  });

  it("tags other than the core schema's are refused; !!str is fine", () => {
    const text =
      "mappings:\n  - { target: a, constant: !!str 12 }\nentra:\n  b: !!binary aGVsbG8=\n  t: !!timestamp 2001-12-14\n  c: !custom x\n";
    const config = loadConfig(text);
    expect(located(text, config.diagnostics)).toEqual([
      ["config-unsupported", 4, 6],
      ["config-unsupported", 5, 6],
      ["config-unsupported", 6, 6],
    ]);
    expect(config.objects[0]?.mappings[0]?.expression).toBe('"12"');
  });

  it("a %YAML 1.1 directive is warned about: provex reads YAML 1.2 (yes is text)", () => {
    const text = "%YAML 1.1\n---\nmappings:\n  - { target: a, constant: yes }\n";
    const config = loadConfig(text);
    expect(config.diagnostics.map((d) => [d.code, d.severity])).toEqual([["config-unsupported", "warning"]]);
    expect(config.objects[0]?.mappings[0]?.expression).toBe('"yes"');
  });

  it("two documents in one file are an error at the second", () => {
    const text = "mappings: []\n---\nmappings: []\n";
    expect(located(text, loadConfig(text).diagnostics)).toEqual([["config-syntax", 2, 1]]);
  });
});

describe("deep nesting is a diagnostic, never a stack overflow or an out-of-memory crash", () => {
  const cases: [string, string][] = [
    ["JSON arrays", `{"entra": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
    ["JSON objects", `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`],
    ["YAML flow sequences", `entra: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`],
    ["YAML block mappings", Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")],
    [
      "YAML block sequences",
      `${Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i * 2)}-`).join("\n")} x\n`,
    ],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const config = loadConfig(text);
      expect(config.diagnostics.map((d) => d.code)).toEqual(["config-too-deep"]);
      expect(config.diagnostics[0]?.message).toMatch(/more than 400 levels/);
    });
  }

  it("400 levels still read, so real source trees (three levels per nested call) fit", () => {
    const depth = 395;
    const text = `{"mappings": [], "entra": {"x": ${"[".repeat(depth)}${"]".repeat(depth)}}}`;
    expect(loadConfig(text).diagnostics).toEqual([]);
  });
});

describe("numbers: an integer that is not exact is refused, never written back changed (issue 10)", () => {
  it("match: 0x7fffffffffffffffff is too large, not 2.36e+21", () => {
    const text = "mappings:\n  - { target: a, attribute: b, match: 0x7fffffffffffffffff }\n";
    const config = loadConfig(text);
    expect(located(text, config.diagnostics)).toEqual([["config-value", 2, 39]]);
    expect(() => writeConfig(config, { format: "entra" })).toThrow(/too large/);
  });

  it("a matching priority must be written in decimal digits: not 0x10, 0o7, 1e3 or 1.0", () => {
    for (const written of ["0x10", "0o7", "1e3", "1.0", '"1"']) {
      const text = `mappings:\n  - { target: a, attribute: b, match: ${written} }\n`;
      expect(located(text, loadConfig(text).diagnostics), written).toEqual([["config-type", 2, 39]]);
    }
    const json =
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{"targetAttributeName": "a", "matchingPriority": 1e0}]}]}]}';
    expect(loadConfig(json).diagnostics.map((d) => d.code)).toEqual(["none-without-default", "config-type"]);
  });

  it("kept data: hexadecimal YAML is exact, infinity and too many digits are refused", () => {
    const text = "mappings: []\nentra:\n  a: 0x10\n  b: .inf\n  c: 12345678901234567890\n  d: 0.1\n";
    const config = loadConfig(text);
    expect(located(text, config.diagnostics)).toEqual([
      ["config-value", 4, 6],
      ["config-value", 5, 6],
    ]);
    expect(config.extra).toMatchObject({ a: 16, d: 0.1 });
  });
});
