import { describe, expect, it } from "vitest";
import { rules } from "../../../src/lint/rules/index.js";
import { loadConfig } from "../../../src/mapping/index.js";
import { lintText } from "./helpers.js";

describe("every rule's documented examples", () => {
  it("has unique kebab-case ids", () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it("failing example: loads, and the rule reports", () => {
        const { text, format } = rule.meta.examples.failing;
        expect(loadConfig(text).format).toBe(format);
        const findings = lintText(text);
        expect(findings.filter((f) => f.ruleId === rule.meta.id).length).toBeGreaterThan(0);
        // The example shows this rule: no other rule fires on it.
        expect(findings.filter((f) => f.ruleId !== rule.meta.id)).toEqual([]);
      });

      it("passing example: no rule reports", () => {
        const { text, format } = rule.meta.examples.passing;
        expect(loadConfig(text).format).toBe(format);
        expect(lintText(text)).toEqual([]);
      });

      it("declares fixable exactly when its failing example offers a fix", () => {
        const findings = lintText(rule.meta.examples.failing.text, { rules: [rule] });
        expect(findings.some((f) => f.fix !== undefined)).toBe(rule.meta.fixable);
      });
    });
  }
});
