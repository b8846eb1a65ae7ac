import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/diagnostics/index.js";
import { applyFixes, lint, lintRules } from "../../src/index.js";
import { applyFixPass, lintAndFix, lintReport } from "../../src/lint/index.js";
import type { LintFinding, LintRule } from "../../src/lint/types.js";
import { loadConfig } from "../../src/mapping/index.js";

/** A rule for the engine's own tests: reports every call named Jion, with a fix to Join. */
const jion: LintRule = {
  meta: {
    id: "test-jion",
    category: "expression",
    defaultSeverity: "error",
    summary: "Jion is Join",
    description: "For the engine's tests.",
    fixable: true,
    examples: { failing: { format: "provex", text: "" }, passing: { format: "provex", text: "" } },
  },
  check(context) {
    for (const site of context.expressions) {
      const ast = site.parsed.ast;
      if (ast.kind === "call" && ast.name === "Jion") {
        const edit = site.edit(ast.nameSpan, "Join");
        context.report({
          message: "Jion is spelt Join.",
          span: site.fileSpan(ast.nameSpan),
          ...(edit ? { fix: { description: "Rename to Join", edits: [edit] } } : {}),
        });
      }
    }
  },
};
// The engine's samples are deliberately incomplete configurations (no matching attribute, unknown
// functions): they run the configuration rules only, so that the rules of src/lint/rules/ stay quiet.
const engineRules = lintRules.filter((rule) => rule.meta.category === "configuration");
const ruleSet = [...engineRules, jion];
const at = (text: string, finding: LintFinding | undefined) => {
  const index = new LineIndex(text);
  return finding ? index.locate(finding.span.start) : undefined;
};

describe("lint", () => {
  it("reports a file that is not valid YAML as config-syntax with its line and column, and never throws", () => {
    const text = "mappings:\n  - target: displayName\n    attribute: [displayName\n";
    const findings = lint(text);
    const syntax = findings.find((f) => f.ruleId === "config-syntax");
    expect(syntax?.severity).toBe("error");
    expect(at(text, syntax)?.line).toBe(4);
    for (const garbage of ["{", "\u0000\u0001", "- [", '{"a": }', "", "   ", "key: [\n  - x: 1"])
      expect(() => lint(garbage)).not.toThrow();
  });

  it("turns the loader's diagnostics into findings of the configuration rules, positioned in the file", () => {
    const text = "dialect: entr\nmappings:\n  - target: locale\n    none: true\n    defualt: en-US\n";
    const findings = lint(text);
    const value = findings.find((f) => f.ruleId === "config-value");
    const unknown = findings.find((f) => f.ruleId === "unknown-property");
    expect(at(text, value)).toEqual({ line: 1, column: 10 });
    expect(at(text, unknown)).toEqual({ line: 5, column: 5 });
    expect(text.slice(unknown!.span.start, unknown!.span.end)).toBe("defualt");
  });

  it("takes a loaded configuration too, with its text for positions", () => {
    const text = 'mappings:\n  - target: displayName\n    expression: Jion(" ", [a])\n';
    const findings = lint(loadConfig(text), { text, ruleSet });
    expect(findings.map((f) => f.ruleId)).toEqual(["test-jion"]);
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toBe("Jion");
  });

  it("applies settings, and rejects an unknown rule id with a suggestion", () => {
    const text = "dialect: entr\nmappings:\n  - target: a\n    attribute: b\n";
    expect(lint(text, { ruleSet: engineRules, rules: { "config-value": "off" } })).toEqual([]);
    expect(lint(text, { ruleSet: engineRules, rules: { "config-value": "warn" } })[0]?.severity).toBe(
      "warning",
    );
    expect(() => lint(text, { rules: { "config-valeu": "off" } })).toThrow(/did you mean config-value/);
    try {
      lint(text, { rules: { "config-valeu": "off" } });
    } catch (error) {
      expect((error as { code?: string }).code).toBe("unknown-rule");
    }
  });

  it("keeps a severity a finding asks for while the rule runs at its default; a setting wins", () => {
    const mild: LintRule = {
      ...jion,
      meta: { ...jion.meta, id: "test-mild" },
      check: (context) => context.report({ message: "m", span: { start: 0, end: 1 }, severity: "warning" }),
    };
    const text = "mappings: []\n";
    expect(lint(text, { ruleSet: [mild] })[0]?.severity).toBe("warning");
    expect(lint(text, { ruleSet: [mild], rules: { "test-mild": "error" } })[0]?.severity).toBe("error");
  });

  it("drops the fix of a rule that is not marked fixable", () => {
    const unmarked: LintRule = { ...jion, meta: { ...jion.meta, fixable: false } };
    const text = 'mappings:\n  - target: displayName\n    expression: Jion(" ", [a])\n';
    const [finding] = lint(text, { ruleSet: [unmarked] });
    expect(finding?.ruleId).toBe("test-jion");
    expect(finding?.fix).toBeUndefined();
  });
});

describe("inline directives", () => {
  const mapping = (line: string) => `  - target: t${line}\n    expression: Jion("", [a])\n`;

  it("provex-disable-next-line hides the named rule on the next line only", () => {
    const text = `mappings:\n  - target: t1\n    # provex-disable-next-line test-jion -- a reason\n    expression: Jion("", [a])\n${mapping("2")}`;
    const report = lintReport(text, { ruleSet });
    expect(report.findings.map((f) => [f.ruleId, at(text, f)?.line])).toEqual([["test-jion", 6]]);
    expect(report.suppressed.map((f) => at(text, f)?.line)).toEqual([4]);
  });

  it("provex-disable-line on the same line, with ids separated by commas", () => {
    const text = `mappings:\n  - target: t\n    expression: Jion("", [a]) # provex-disable-line config-type, test-jion\n`;
    expect(lint(text, { ruleSet }).filter((f) => f.ruleId === "test-jion")).toEqual([]);
  });

  it("provex-disable … provex-enable covers a region; at the top without enable, the whole file", () => {
    const region = `mappings:\n  # provex-disable test-jion\n${mapping("1")}  # provex-enable test-jion\n${mapping("2")}`;
    expect(lint(region, { ruleSet }).map((f) => at(region, f)?.line)).toEqual([7]);
    const file = `# provex-disable\nmappings:\n${mapping("1")}${mapping("2")}`;
    expect(lint(file, { ruleSet })).toEqual([]);
  });

  it("a # inside a quoted or block scalar is not a directive", () => {
    const quoted = `mappings:\n  - target: t\n    expression: "Jion(\\"x # provex-disable-line test-jion\\", [a])"\n`;
    expect(lint(quoted, { ruleSet }).map((f) => f.ruleId)).toEqual(["test-jion"]);
    const block = `mappings:\n  - target: t\n    expression: |\n      Jion("x", [a],\n      # provex-disable-line test-jion\n      "")\n`;
    expect(lint(block, { ruleSet }).map((f) => f.ruleId)).toEqual(["test-jion"]);
  });

  it("reports an unused directive as a warning whose fix removes it, or only its unused ids", () => {
    const text = `mappings:\n  # provex-disable-next-line unknown-function\n  - target: a\n    attribute: b\n`;
    const [unused, ...rest] = lint(text, { ruleSet: engineRules });
    expect(rest).toEqual([]);
    expect(unused).toMatchObject({ ruleId: "unused-disable-directive", severity: "warning" });
    expect(at(text, unused)).toEqual({ line: 2, column: 3 });
    expect(applyFixes(text, [unused!])).toBe("mappings:\n  - target: a\n    attribute: b\n");

    const partial = `mappings:\n  - target: t\n    expression: Jion("", [a]) # provex-disable-line test-jion, config-type\n`;
    const found = lint(partial, { ruleSet }).filter((f) => f.ruleId === "unused-disable-directive");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("'config-type'");
    expect(applyFixes(partial, found)).toBe(
      `mappings:\n  - target: t\n    expression: Jion("", [a]) # provex-disable-line test-jion\n`,
    );
  });

  it("names a misspelt rule id in an unused directive; the setting turns the report off", () => {
    const text = `mappings:\n  # provex-disable-next-line test-jon\n  - target: t\n    expression: Jion("", [a])\n`;
    const unused = lint(text, { ruleSet }).find((f) => f.ruleId === "unused-disable-directive");
    expect(unused?.message).toContain("there is no rule 'test-jon'");
    expect(
      lint(text, { ruleSet, rules: { "unused-disable-directive": "off" } }).map((f) => f.ruleId),
    ).toEqual(["test-jion"]);
  });

  it("is ignored with inlineConfig: false", () => {
    const text = `mappings:\n  - target: t\n    # provex-disable-next-line test-jion\n    expression: Jion("", [a])\n`;
    expect(lint(text, { ruleSet, inlineConfig: false }).map((f) => f.ruleId)).toEqual(["test-jion"]);
  });
});

describe("applyFixes", () => {
  const finding = (start: number, end: number, text: string, more: [number, number, string][] = []) =>
    ({
      ruleId: "r",
      severity: "error",
      message: "m",
      span: { start, end },
      fix: {
        description: "d",
        edits: [
          { span: { start, end }, text },
          ...more.map(([s, e, t]) => ({ span: { start: s, end: e }, text: t })),
        ],
      },
    }) satisfies LintFinding;

  it("applies non-overlapping fixes in any order and changes only the characters they name", () => {
    const text = "abc\r\ndef # comment\r\nghi";
    const out = applyFixes(text, [finding(11, 13, "X"), finding(0, 1, "Z")]);
    expect(out).toBe("Zbc\r\ndef # Xmment\r\nghi");
  });

  it("skips a fix that overlaps or touches one already applied, as ESLint does", () => {
    const pass = applyFixPass("abcdef", [
      finding(0, 3, "X"),
      finding(2, 4, "Y"),
      finding(3, 4, "W"),
      finding(5, 6, "V"),
    ]);
    expect(pass.output).toBe("XdeV");
    expect(pass.skipped).toHaveLength(2);
  });

  it("applies all edits of one fix or none", () => {
    expect(applyFixes("abcdef", [finding(0, 1, "A", [[4, 5, "E"]]), finding(2, 3, "C")])).toBe("AbcdEf");
  });

  it("ignores fixes with edits outside the text", () => {
    expect(applyFixes("abc", [finding(2, 9, "X")])).toBe("abc");
  });

  it("lintAndFix repeats until no fix applies (fixes skipped in one pass land in the next)", () => {
    // Each lowercase letter of the string literal is a finding; neighbouring fixes touch, so each pass
    // applies every other one.
    const adjacent: LintRule = {
      ...jion,
      meta: { ...jion.meta, id: "test-adjacent" },
      check(context) {
        for (const site of context.expressions) {
          for (let i = 0; i < site.text.length; i++) {
            const letter = site.text[i] ?? "";
            if (!/[a-z]/.test(letter)) continue;
            const edit = site.edit({ start: i, end: i + 1 }, letter.toUpperCase());
            if (edit)
              context.report({
                message: "upper",
                span: edit.span,
                fix: { description: "up", edits: [edit] },
              });
          }
        }
      },
    };
    const text = "mappings:\n  - target: t\n    expression: '\"abc\"'\n";
    const result = lintAndFix(text, { ruleSet: [adjacent] });
    expect(result.output).toBe("mappings:\n  - target: t\n    expression: '\"ABC\"'\n");
    expect(result.fixCount).toBe(3);
    expect(result.findings).toEqual([]);
  });
});
