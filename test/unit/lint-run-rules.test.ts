import { describe, expect, it } from "vitest";
import { runRules } from "../../src/lint/run-rules.js";
import type { LintRule } from "../../src/lint/types.js";
import { loadConfig } from "../../src/mapping/index.js";

/** A rule for the runner's own tests: reports every call named Jion, with a fix to Join. */
const jion: LintRule = {
  meta: {
    id: "test-jion",
    category: "expression",
    defaultSeverity: "warning",
    summary: "Jion is Join",
    description: "For the runner's tests.",
    fixable: true,
    examples: {
      failing: { format: "provex", text: "" },
      passing: { format: "provex", text: "" },
    },
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

const throwing: LintRule = {
  ...jion,
  meta: { ...jion.meta, id: "test-throws" },
  check: () => {
    throw new Error("boom");
  },
};

describe("runRules", () => {
  const yaml = `mappings:\n  - target: displayName\n    expression: Jion(" ", [givenName], [surname])\n`;

  it("reports at the file position of the expression's span, with the rule's default severity and a fix", () => {
    const config = loadConfig(yaml);
    const [finding, ...rest] = runRules({ text: yaml, config, rules: [jion] });
    expect(rest).toEqual([]);
    const at = yaml.indexOf("Jion");
    expect(finding).toMatchObject({
      ruleId: "test-jion",
      severity: "warning",
      span: { start: at, end: at + 4 },
    });
    expect(finding?.fix?.edits).toEqual([{ span: { start: at, end: at + 4 }, text: "Join" }]);
  });

  it("honours settings: off drops the rule, error raises it", () => {
    const config = loadConfig(yaml);
    expect(runRules({ text: yaml, config, rules: [jion], settings: { "test-jion": "off" } })).toEqual([]);
    expect(
      runRules({ text: yaml, config, rules: [jion], settings: { "test-jion": "error" } })[0]?.severity,
    ).toBe("error");
  });

  it("places findings inside an escaped JSON string", () => {
    const json = JSON.stringify({ mappings: [{ target: "t", expression: 'Jion("\\"", [a])' }] }, null, 2);
    const config = loadConfig(json);
    const [finding] = runRules({ text: json, config, rules: [jion] });
    expect(json.slice(finding!.span.start, finding!.span.end)).toBe("Jion");
  });

  it("places findings and fixes inside a block scalar, on the expression's own line", () => {
    const block = `mappings:\n  - target: displayName\n    expression: |-\n      Jion(" ",\n        [a])\n`;
    const config = loadConfig(block);
    const [finding] = runRules({ text: block, config, rules: [jion] });
    const at = block.indexOf("Jion");
    expect(finding?.span).toEqual({ start: at, end: at + 4 });
    expect(finding?.fix?.edits).toEqual([{ span: { start: at, end: at + 4 }, text: "Join" }]);
  });

  it("turns a throwing rule into one finding instead of ending the run", () => {
    const config = loadConfig(yaml);
    const findings = runRules({ text: yaml, config, rules: [throwing, jion] });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["test-jion", "test-throws"]);
  });
});
