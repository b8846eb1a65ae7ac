import { describe, expect, it } from "vitest";
import { lintRulesMarkdown } from "../../src/lint/rules-markdown.js";
import type { LintRule, LintRuleMeta } from "../../src/lint/types.js";

// The rules page for a rule set of its own (a tool with its own rules): sections only for the
// categories that have rules, an Entra example fenced as JSON, and an example that holds a Markdown
// fence fenced with tildes so that it cannot end its own block.

const rule = (meta: Partial<LintRuleMeta> & Pick<LintRuleMeta, "id" | "category">): LintRule => ({
  meta: {
    defaultSeverity: "warning",
    summary: `Summary of ${meta.id}`,
    description: `Description of ${meta.id}.`,
    fixable: false,
    examples: {
      failing: { format: "provex", text: "mappings: []\n" },
      passing: { format: "provex", text: "mappings:\n  - target: a\n" },
    },
    ...meta,
  },
  check: () => {},
});

/** The lines of the generated page from its first `## ` heading on (the fixed introduction left out). */
const sections = (markdown: string) => markdown.slice(markdown.indexOf("\n## ") + 1).split("\n");

describe("lintRulesMarkdown for a rule set of its own", () => {
  it("writes a section only for the categories that have rules, in the page's order", () => {
    const markdown = lintRulesMarkdown([
      rule({ id: "test-scoping", category: "scoping" }),
      rule({ id: "test-expression", category: "expression", defaultSeverity: "error", fixable: true }),
    ]);
    const headings = markdown.split("\n").filter((line) => line.startsWith("## ") || line.startsWith("### "));
    expect(headings).toEqual(["## Expressions", "### test-expression", "## Scoping", "### test-scoping"]);
    expect(markdown).not.toContain("## Configuration");
    expect(markdown).not.toContain("## Mappings");
    expect(sections(markdown).slice(0, 8)).toEqual([
      "## Expressions",
      "",
      "Every expression, default value and scoping value of every object mapping.",
      "",
      "| rule | default | fixable | what it finds |",
      "|---|---|---|---|",
      "| [`test-expression`](#test-expression) | error | yes | Summary of test-expression |",
      "",
    ]);
  });

  it("fences an Entra example as json and a provex one as yaml", () => {
    const markdown = lintRulesMarkdown([
      rule({
        id: "test-entra",
        category: "mapping",
        examples: {
          failing: { format: "entra", text: '{ "synchronizationRules": [] }\n' },
          passing: { format: "provex", text: "mappings: []\n" },
        },
      }),
    ]);
    const lines = sections(markdown);
    const reported = lines.indexOf("Reported:");
    const notReported = lines.indexOf("Not reported:");
    expect(lines.slice(reported, reported + 5)).toEqual([
      "Reported:",
      "",
      "```json",
      '{ "synchronizationRules": [] }',
      "```",
    ]);
    expect(lines.slice(notReported, notReported + 5)).toEqual([
      "Not reported:",
      "",
      "```yaml",
      "mappings: []",
      "```",
    ]);
  });

  it("fences an example that holds ``` with ~~~~, and the others with ```", () => {
    const text = "mappings:\n  - target: a\n    expression: '\"```\"'\n";
    const markdown = lintRulesMarkdown([
      rule({
        id: "test-fence",
        category: "expression",
        examples: {
          failing: { format: "provex", text },
          passing: { format: "entra", text: '{ "a": "`b`" }' },
        },
      }),
    ]);
    const lines = sections(markdown);
    const reported = lines.indexOf("Reported:");
    expect(lines.slice(reported + 2, reported + 7)).toEqual([
      "~~~~yaml",
      "mappings:",
      "  - target: a",
      "    expression: '\"```\"'",
      "~~~~",
    ]);
    const notReported = lines.indexOf("Not reported:");
    expect(lines.slice(notReported + 2, notReported + 5)).toEqual(["```json", '{ "a": "`b`" }', "```"]);
  });
});
