import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import json from "@eslint/json";
import { ESLint, RuleTester } from "eslint";
import { describe, expect, it } from "vitest";
import * as yamlParser from "yaml-eslint-parser";
import plugin from "../../src/lint/eslint-plugin.js";
import { lint, lintRules } from "../../src/lint/index.js";

const user = "  - target: userName\n    attribute: userPrincipalName\n    match: 1\n";
const brokenYaml = `dialect: entr\nmappings:\n${user}  - target: locale\n    constant: en-US\n    defualt: en-US\n`;
const unusedYaml = `mappings:\n  # provex-disable-next-line config-type\n${user}`;
const brokenJson = JSON.stringify(
  { dialect: "entr", mappings: [{ target: "userName", attribute: "userPrincipalName", match: 1 }] },
  null,
  2,
);

describe("the ESLint plugin's shape", () => {
  it("has one ESLint rule per provex rule, with docs links, and a recommended config at the default severities", () => {
    expect(Object.keys(plugin.rules)).toEqual(lintRules.map((rule) => rule.meta.id));
    for (const rule of lintRules) {
      const adapter = plugin.rules[rule.meta.id]!;
      expect(adapter.meta.docs.url).toContain(`lint-rules.md#${rule.meta.id}`);
      expect(adapter.meta.fixable).toBe(rule.meta.fixable ? "code" : undefined);
      expect(plugin.configs.recommended.rules[`provex/${rule.meta.id}`]).toBe(
        rule.meta.defaultSeverity === "error" ? "error" : "warn",
      );
    }
    expect(plugin.configs.recommended.plugins.provex).toBe(plugin);
  });
});

// ESLint's own RuleTester runs each adapter rule as ESLint does, on @eslint/json's language and on
// yaml-eslint-parser.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const jsonTester = new RuleTester({ plugins: { json }, language: "json/json" });
jsonTester.run("config-value (JSON)", plugin.rules["config-value"] as never, {
  valid: [
    { code: brokenJson.replace("entr", "entra"), filename: "m.provex.json" },
    // Not a mapping configuration: the rules leave it alone.
    { code: '{"dialect": "entr", "name": "x"}', filename: "package.json" },
  ],
  invalid: [
    {
      code: brokenJson,
      filename: "m.provex.json",
      errors: [
        {
          message: 'dialect must be entra or provex, not "entr".',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 20,
        },
      ],
    },
  ],
});

const yamlTester = new RuleTester({ languageOptions: { parser: yamlParser } });
yamlTester.run("unknown-property (YAML)", plugin.rules["unknown-property"] as never, {
  valid: [{ code: brokenYaml.replace("defualt", "default"), filename: "m.provex.yaml" }],
  invalid: [
    {
      code: brokenYaml,
      filename: "m.provex.yaml",
      errors: [
        {
          message: 'Unknown key "defualt" in a mapping; did you mean default?',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 12,
        },
      ],
    },
  ],
});
yamlTester.run(
  "unused-disable-directive (YAML, fixable)",
  plugin.rules["unused-disable-directive"] as never,
  {
    valid: [{ code: `mappings:\n${user}`, filename: "m.provex.yaml" }],
    invalid: [
      {
        code: unusedYaml,
        filename: "m.provex.yaml",
        errors: [
          {
            message:
              "Unused provex-disable-next-line directive (no problems were reported from 'config-type').",
            line: 2,
            column: 3,
          },
        ],
        output: `mappings:\n${user}`,
      },
    ],
  },
);

describe("a real ESLint run over configuration files", () => {
  const root = mkdtempSync(join(tmpdir(), "provex-eslint-"));
  const files: Record<string, string> = {
    "configs/m.provex.yaml": brokenYaml,
    "configs/w.provex.yaml": unusedYaml,
    "configs/m.provex.json": brokenJson,
    "package.json": '{"name": "not-a-mapping", "dialect": "entr"}',
    ".github/workflow.yml": "on: push\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const overrideConfig = [
    { files: ["**/*.json"], plugins: { json }, language: "json/json" },
    { files: ["**/*.yaml", "**/*.yml"], languageOptions: { parser: yamlParser } },
    { files: ["**/*.json", "**/*.yaml", "**/*.yml"], ...plugin.configs.recommended },
  ];
  const eslint = (fix = false) =>
    new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: overrideConfig as never, fix });

  it("reports the same findings as lint(), under provex/<rule id>, at the same lines and columns", async () => {
    const results = await eslint().lintFiles(["**/*.json", "**/*.yaml", "**/*.yml"]);
    const byFile = Object.fromEntries(
      results.map((r) => [
        r.filePath.slice(root.length + 1),
        r.messages.map((m) => [m.ruleId, m.line, m.column, m.severity]),
      ]),
    );
    expect(byFile["package.json"]).toEqual([]);
    expect(byFile[".github/workflow.yml"]).toEqual([]);
    for (const name of ["configs/m.provex.yaml", "configs/w.provex.yaml", "configs/m.provex.json"]) {
      const text = files[name]!;
      const expected = lint(text).map((f) => {
        const before = text.slice(0, f.span.start).split("\n");
        return [
          `provex/${f.ruleId}`,
          before.length,
          (before.at(-1)?.length ?? 0) + 1,
          f.severity === "error" ? 2 : 1,
        ];
      });
      expect(byFile[name], name).toEqual(expected);
      expect(expected.length, name).toBeGreaterThan(0);
    }
  });

  it("honours eslint-disable comments in YAML", async () => {
    const text = brokenYaml.replace(
      "    defualt",
      "    # eslint-disable-next-line provex/unknown-property\n    defualt",
    );
    const [result] = await eslint().lintText(text, { filePath: join(root, "configs/d.provex.yaml") });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(["provex/config-value"]);
  });

  it("applies the fixes with eslint --fix", async () => {
    const results = await eslint(true).lintFiles(["configs/w.provex.yaml"]);
    await ESLint.outputFixes(results);
    expect(readFileSync(join(root, "configs/w.provex.yaml"), "utf8")).toBe(`mappings:\n${user}`);
  });
});
