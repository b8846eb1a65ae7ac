import { lintRules } from "./lint.js";
import type { LintRule, RuleCategory, RuleExample } from "./types.js";

/** Where docs/lint-rules.md is published; SARIF `helpUri` and the ESLint rules' `docs.url` point into it. */
export const LINT_RULES_DOCS_URL = "https://github.com/provex/provex/blob/main/docs/lint-rules.md";

/** The documentation link of one rule: its section's anchor (the heading is the bare id). */
export function ruleDocsUrl(id: string): string {
  return `${LINT_RULES_DOCS_URL}#${id}`;
}

const CATEGORIES: readonly { id: RuleCategory; title: string; about: string }[] = [
  {
    id: "configuration",
    title: "Configuration",
    about:
      "The file itself: syntax, types and keys, as the loader reads them (the rule id is the loader's diagnostic code), and the inline directives.",
  },
  {
    id: "expression",
    title: "Expressions",
    about: "Every expression, default value and scoping value of every object mapping.",
  },
  { id: "mapping", title: "Mappings", about: "The attribute mappings of an object mapping, taken together." },
  { id: "scoping", title: "Scoping", about: "The scoping filters and their clauses." },
];

/** docs/lint-rules.md, generated from the rules' meta (`npm run docs`; a test fails when it is stale). */
export function lintRulesMarkdown(rules: readonly LintRule[] = lintRules): string {
  const out: string[] = [
    "# Lint rules",
    "",
    "<!-- Generated from the rules' meta by `npm run docs` (src/lint/rules-markdown.ts); do not edit. -->",
    "",
    "`provex lint` (see [cli.md](cli.md#provex-lint)), the `lint()` function and the ESLint plugin",
    "`provex/eslint-plugin` run these rules. Each finding points at the offending characters in the",
    "configuration file: inside a JSON string or a YAML scalar, escapes accounted for.",
    "",
    "**Settings.** Each rule is `off`, `warn` or `error`; it runs at its default severity unless told",
    "otherwise, in a `provex.config.json` / `provex.config.yaml` / `provex.config.yml` found in the file's",
    "folder or any folder above it (the nearest one counts), or on the command line (`--rule id:off`, which",
    "wins):",
    "",
    "```yaml",
    "# provex.config.yaml",
    "rules:",
    "  unnecessary-default: off",
    "  null-unsafe: error",
    "```",
    "",
    "**Inline directives** in YAML comments (JSON has none), as in ESLint:",
    "",
    "```yaml",
    "mappings:",
    "  # provex-disable-next-line unknown-attribute, attribute-name-case -- added by the HR sync next month",
    "  - { target: title, attribute: hrTitle }",
    "  - { target: nickName, attribute: nick }   # provex-disable-line unknown-attribute",
    "# provex-disable null-unsafe           (from here to a provex-enable, or to the end of the file)",
    "# provex-enable null-unsafe",
    "```",
    "",
    "A directive without rule ids covers every rule; one at the top of the file without a matching",
    "`provex-enable` covers the whole file. A directive that hides nothing is reported by",
    "[`unused-disable-directive`](#unused-disable-directive).",
    "",
    "**Fixes.** Rules marked fixable offer a fix that `provex lint --fix` applies (and `applyFixes` in the",
    "library): it rewrites only the characters it names, so comments, key order, indentation and line",
    "endings stay byte for byte.",
    "",
    "**In the library:**",
    "",
    "```ts",
    'import { applyFixes, lint } from "provex";',
    "",
    'const findings = lint(text, { rules: { "null-unsafe": "error" } }); // or lint(loadConfig(text), { text })',
    '// [{ ruleId, severity: "error" | "warning", message, span: { start, end }, fix? }] — spans are offsets into text',
    "const repaired = applyFixes(text, findings);",
    "```",
    "",
    "`lint` never throws on any text; it throws a `ProvexError` (code `unknown-rule`) when `rules` names a rule",
    "that does not exist. Its other options: `format` (`auto`, `entra`, `provex`), `dialect`, `schema` (source",
    "attribute names), `inlineConfig: false`.",
    "",
    "**In ESLint** (v9 or v10, flat config), with `@eslint/json` for JSON and `yaml-eslint-parser` for YAML.",
    "`provex/eslint-plugin` has one ESLint rule per provex rule (`provex/unknown-function`, …), run by the same",
    "runner; files that are not mapping configurations (see [cli.md](cli.md#provex-lint)) are left alone, so the",
    "globs can be broad:",
    "",
    "```js",
    "// eslint.config.js",
    'import json from "@eslint/json";',
    'import provex from "provex/eslint-plugin";',
    'import * as yamlParser from "yaml-eslint-parser";',
    "",
    "export default [",
    '  { files: ["**/*.json"], plugins: { json }, language: "json/json" },',
    '  { files: ["**/*.yaml", "**/*.yml"], languageOptions: { parser: yamlParser } },',
    '  { files: ["**/*.json", "**/*.yaml", "**/*.yml"], ...provex.configs.recommended },',
    '  // settings: { provex: { dialect: "provex", schema: ["givenName", "surname"] } }',
    "];",
    "```",
    "",
    "`configs.recommended` sets every rule to its default severity; turn rules off or up as for any ESLint",
    "rule, and hide a finding with `# eslint-disable-next-line provex/<id>` (the provex directives work too).",
    "",
  ];
  for (const category of CATEGORIES) {
    const members = rules.filter((rule) => rule.meta.category === category.id);
    if (members.length === 0) continue;
    out.push(`## ${category.title}`, "", category.about, "");
    out.push("| rule | default | fixable | what it finds |", "|---|---|---|---|");
    for (const { meta } of members)
      out.push(
        `| [\`${meta.id}\`](#${meta.id}) | ${meta.defaultSeverity} | ${meta.fixable ? "yes" : ""} | ${meta.summary} |`,
      );
    out.push("");
    for (const { meta } of members) {
      out.push(
        `### ${meta.id}`,
        "",
        `${meta.summary}. Default: **${meta.defaultSeverity}**${meta.fixable ? "; fixable" : ""}.`,
        "",
        meta.description,
        "",
        "Reported:",
        "",
        ...example(meta.examples.failing),
        "",
        "Not reported:",
        "",
        ...example(meta.examples.passing),
        "",
      );
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function example(sample: RuleExample): string[] {
  const fence = sample.text.includes("```") ? "~~~~" : "```";
  return [`${fence}${sample.format === "entra" ? "json" : "yaml"}`, sample.text.trimEnd(), fence];
}
