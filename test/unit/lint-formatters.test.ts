import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/diagnostics/index.js";
import { escapeData, escapeProperty } from "../../src/lint/formatters/github.js";
import { FORMATTERS, formatResults, type LintFileResult } from "../../src/lint/formatters/index.js";
import { lintRules } from "../../src/lint/index.js";
import type { LintFinding } from "../../src/lint/types.js";

const finding = (start: number, end: number, extra: Partial<LintFinding> = {}): LintFinding => ({
  ruleId: "config-type",
  severity: "error",
  message: "m",
  span: { start, end },
  ...extra,
});
const result = (text: string, findings: LintFinding[], name = "a.provex.yaml"): LintFileResult => ({
  filePath: `/repo/${name}`,
  relativePath: name,
  text,
  findings,
  suppressed: [],
});
const context = { rules: lintRules, root: "/repo", toolVersion: "0.0.0" };

describe("rendering is linear in the number of findings", () => {
  // 10,000 findings over 10,000 lines: each formatter may build one line index per file and locate
  // each finding's two ends once; anything per-finding beyond that would make rendering quadratic.
  const lines = Array.from({ length: 10_000 }, (_, i) => `  - { target: t${i}, attribute: a${i} }`);
  const text = `mappings:\n${lines.join("\n")}\n`;
  const findings: LintFinding[] = [];
  for (let i = 0, offset = 10; i < lines.length; offset += (lines[i]?.length ?? 0) + 1, i++)
    findings.push(
      finding(offset + 4, offset + 10, { severity: i % 2 ? "warning" : "error", message: `finding ${i}` }),
    );

  it.each(FORMATTERS)("%s builds one line index per file and locates each finding once", (name) => {
    let indexes = 0;
    let locates = 0;
    const counting = (source: string) => {
      indexes++;
      const index = new LineIndex(source);
      const locate = index.locate.bind(index);
      index.locate = (offset: number) => {
        locates++;
        return locate(offset);
      };
      return index;
    };
    const output = formatResults(
      name,
      [result(text, findings), result(text, findings.slice(0, 10), "b.yaml")],
      {
        ...context,
        lineIndex: counting,
      },
    );
    expect(indexes).toBe(2);
    expect(locates).toBe(2 * (10_000 + 10));
    expect(output).toContain("finding 9999");
  });
});

describe("the stylish formatter", () => {
  it("aligns columns, escapes control characters and counts what --fix could repair", () => {
    const text = "a: 1\nbb: 2\n";
    const fix = { description: "d", edits: [{ span: { start: 0, end: 1 }, text: "x" }] };
    const output = formatResults(
      "stylish",
      [
        result(text, [
          finding(0, 1, { message: "first\u001b[31m red", fix }),
          finding(8, 9, { severity: "warning", ruleId: "unused-disable-directive", message: "second\nline" }),
        ]),
        result("", [], "clean.yaml"),
      ],
      context,
    );
    expect(output).toBe(
      [
        "a.provex.yaml",
        "  1:1  error    first\\u001b[31m red  config-type",
        "  2:4  warning  second\\nline         unused-disable-directive",
        "",
        "✖ 2 problems (1 error, 1 warning)",
        "  1 error and 0 warnings potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });

  it("prints nothing when there is nothing to report", () => {
    expect(formatResults("stylish", [result("a: 1\n", [])], context)).toBe("");
  });
});

describe("the github formatter", () => {
  it("escapes data and properties as the Actions toolkit does", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    const output = formatResults(
      "github",
      [
        result(
          "key: value\n",
          [finding(5, 10, { severity: "warning", message: "50% of\nit" })],
          "dir/a:b.yaml",
        ),
      ],
      context,
    );
    expect(output).toBe(
      "::warning file=dir/a%3Ab.yaml,line=1,col=6,endLine=1,endColumn=11,title=provex(config-type)::50%25 of%0Ait\n",
    );
  });
});

describe("the json formatter", () => {
  it("writes a fix as ESLint does: one range, the edits merged with the text between them", () => {
    const text = "abcdef";
    const fix = {
      description: "d",
      edits: [
        { span: { start: 4, end: 5 }, text: "E" },
        { span: { start: 1, end: 2 }, text: "B" },
      ],
    };
    const [parsed] = JSON.parse(formatResults("json", [result(text, [finding(1, 2, { fix })])], context));
    expect(parsed.messages[0].fix).toEqual({ range: [1, 5], text: "BcdE" });
    expect(parsed.fixableErrorCount).toBe(1);
  });
});
