import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, lintRules } from "../../src/index.js";
import { lintAndFix } from "../../src/lint/index.js";
import { lintRulesMarkdown } from "../../src/lint/rules-markdown.js";

// Every rule, whoever wrote it, is checked by its own documented examples: the failing one must
// make it report, the passing one must not (so a rule added to src/lint/rules/index.ts is covered).
describe.each(lintRules.map((rule) => [rule.meta.id, rule] as const))("rule %s", (id, rule) => {
  const { failing, passing } = rule.meta.examples;
  const format = (sample: typeof failing) => (sample.format === "entra" ? "entra" : "provex");

  it("reports its failing example, with a span inside the file", () => {
    const findings = lint(failing.text, { format: format(failing) }).filter((f) => f.ruleId === id);
    expect(findings.length, failing.text).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.span.start).toBeGreaterThanOrEqual(0);
      expect(finding.span.end).toBeLessThanOrEqual(failing.text.length);
      expect(finding.severity).toBe(rule.meta.defaultSeverity);
    }
  });

  it("does not report its passing example", () => {
    const findings = lint(passing.text, { format: format(passing) }).filter((f) => f.ruleId === id);
    expect(findings, passing.text).toEqual([]);
  });

  it("shows a passing example that no rule finds an error in (the docs present it as the repair)", () => {
    const errors = lint(passing.text, { format: format(passing) }).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("offers a fix on its failing example exactly when it is fixable, and the fix repairs it", () => {
    const findings = lint(failing.text, { format: format(failing) }).filter((f) => f.ruleId === id);
    const fixes = findings.filter((f) => f.fix);
    if (!rule.meta.fixable) {
      expect(fixes).toEqual([]);
      return;
    }
    expect(fixes.length).toBeGreaterThan(0);
    const fixed = lintAndFix(failing.text, { format: format(failing) });
    expect(fixed.output).not.toBe(failing.text);
    expect(fixed.findings.filter((f) => f.ruleId === id).length).toBeLessThan(findings.length);
  });

  it("has a kebab-case id, a one-line summary and a paragraph", () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.summary).not.toMatch(/\n|\.$/);
    expect(rule.meta.description.length).toBeGreaterThan(40);
  });
});

describe("the rule list", () => {
  it("has unique ids", () => {
    const ids = lintRules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("docs/lint-rules.md", () => {
  it("is up to date with the rules' meta (run `npm run docs`)", () => {
    const committed = readFileSync(resolve(import.meta.dirname, "../../docs/lint-rules.md"), "utf8");
    expect(committed).toBe(lintRulesMarkdown());
  });

  it("has a section, with both examples, for every rule", () => {
    const markdown = lintRulesMarkdown();
    for (const { meta } of lintRules) {
      expect(markdown).toContain(`### ${meta.id}\n`);
      expect(markdown).toContain(meta.examples.failing.text.trimEnd());
    }
  });
});
