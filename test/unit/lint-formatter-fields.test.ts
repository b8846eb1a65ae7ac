import { describe, expect, it } from "vitest";
import type { SuppressedFinding } from "../../src/lint/directives.js";
import {
  type Colours,
  countOf,
  eslintResults,
  formatResults,
  type LintFileResult,
  sarifLog,
} from "../../src/lint/formatters/index.js";
import { printable } from "../../src/lint/formatters/result.js";
import type { LintFinding, LintRule } from "../../src/lint/types.js";

// Field by field, the shapes the formatters promise: SARIF 2.1.0 (reportingDescriptor, result, region,
// fix, suppression, run), ESLint's LintResult / LintMessage (`eslint -f json`), stylish's summary and the
// GitHub workflow commands. The expected values are written out, never computed by the code under test.

const rule = (id: string, extra: Partial<LintRule["meta"]> = {}): LintRule => ({
  meta: {
    id,
    category: "expression",
    defaultSeverity: "error",
    summary: `Summary of ${id}`,
    description: `Description of ${id}.`,
    fixable: false,
    examples: { failing: { format: "provex", text: "" }, passing: { format: "provex", text: "" } },
    ...extra,
  },
  check: () => {},
});
const rules = [rule("first-rule"), rule("second-rule", { defaultSeverity: "warning", category: "scoping" })];
const DOCS = "https://github.com/provex/provex/blob/main/docs/lint-rules.md";

const finding = (start: number, end: number, extra: Partial<LintFinding> = {}): LintFinding => ({
  ruleId: "first-rule",
  severity: "error",
  message: "m",
  span: { start, end },
  ...extra,
});
const result = (
  text: string,
  findings: LintFinding[],
  more: Partial<LintFileResult> = {},
): LintFileResult => ({
  filePath: "/repo/dir/a.provex.yaml",
  relativePath: "dir/a.provex.yaml",
  text,
  findings,
  suppressed: [],
  ...more,
});
const suppressed = (start: number, end: number, justification: string): SuppressedFinding => ({
  ...finding(start, end),
  suppressions: [{ kind: "directive", justification }],
});
// "ab\ncdef\n": line 1 is offsets 0–2, line 2 starts at offset 3.
const TEXT = "ab\ncdef\n";
const fix = {
  description: "Replace it",
  edits: [
    { span: { start: 5, end: 6 }, text: "X" },
    { span: { start: 3, end: 4 }, text: "YZ" },
  ],
};

describe("SARIF", () => {
  const context = { rules, root: "/work/my repo", toolVersion: "1.2.3" };
  type Run = ReturnType<typeof sarifLog>["runs"][number];
  const run = (results: LintFileResult[], root = context.root): Run =>
    sarifLog(results, { ...context, root }).runs[0] as Run;
  const results = (r: Run) => r.results as Record<string, unknown>[];

  it("is a 2.1.0 log of one run of the provex tool, with its version, base URI and column kind", () => {
    const log = sarifLog([], context);
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const [only] = log.runs;
    expect(only?.tool.driver.name).toBe("provex");
    expect(only?.tool.driver.semanticVersion).toBe("1.2.3");
    expect(only?.tool.driver.informationUri).toBe("https://github.com/provex/provex");
    expect(only?.columnKind).toBe("utf16CodeUnits");
    expect(only?.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/my%20repo/" } });
    expect(only?.results).toEqual([]);
  });

  it("writes the base URI of a root with a trailing slash, backslashes or no leading slash once, ending in /", () => {
    expect(run([], "/repo/").originalUriBaseIds["%SRCROOT%"]).toEqual({ uri: "file:///repo/" });
    expect(run([], "srv\\my repo").originalUriBaseIds["%SRCROOT%"]).toEqual({
      uri: "file:///srv/my%20repo/",
    });
  });

  it("describes each rule as a reportingDescriptor: PascalCase name, summary with a full stop, help, level, tags", () => {
    const [first, second] = run([]).tool.driver.rules;
    expect(first).toEqual({
      id: "first-rule",
      name: "FirstRule",
      shortDescription: { text: "Summary of first-rule." },
      fullDescription: { text: "Description of first-rule." },
      helpUri: `${DOCS}#first-rule`,
      help: {
        text: `Description of first-rule. See ${DOCS}#first-rule`,
        markdown: `Description of first-rule.\n\n[Documentation](${DOCS}#first-rule)`,
      },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["provex", "expression"], precision: "very-high", "problem.severity": "error" },
    });
    expect(second?.name).toBe("SecondRule");
    expect(second?.defaultConfiguration).toEqual({ level: "warning" });
    expect(second?.properties).toEqual({
      tags: ["provex", "scoping"],
      precision: "very-high",
      "problem.severity": "warning",
    });
  });

  it("writes a result per finding: rule index, level, message, region with 1-based columns and exclusive end", () => {
    const out = results(
      run([
        result(TEXT, [
          finding(1, 5, { message: "across lines" }),
          finding(4, 6, { ruleId: "second-rule", severity: "warning", message: "w" }),
        ]),
      ]),
    );
    expect(out).toEqual([
      {
        ruleId: "first-rule",
        ruleIndex: 0,
        level: "error",
        message: { text: "across lines" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "dir/a.provex.yaml", uriBaseId: "%SRCROOT%" },
              region: { startLine: 1, startColumn: 2, endLine: 2, endColumn: 3 },
            },
          },
        ],
      },
      {
        ruleId: "second-rule",
        ruleIndex: 1,
        level: "warning",
        message: { text: "w" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "dir/a.provex.yaml", uriBaseId: "%SRCROOT%" },
              region: { startLine: 2, startColumn: 2, endLine: 2, endColumn: 4 },
            },
          },
        ],
      },
    ]);
  });

  it("widens an empty region to one column on its line, and leaves a region ending on a later line alone", () => {
    const regions = results(run([result(TEXT, [finding(4, 4), finding(2, 3), finding(0, 1)])])).map(
      (r) => (r.locations as { physicalLocation: { region: unknown } }[])[0]?.physicalLocation.region,
    );
    expect(regions).toEqual([
      { startLine: 2, startColumn: 2, endLine: 2, endColumn: 3 },
      // From the end of line 1 to the start of line 2: column 1 of line 2 is not before column 3.
      { startLine: 1, startColumn: 3, endLine: 2, endColumn: 1 },
      { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    ]);
  });

  it("leaves out the rule index of a rule the driver does not list", () => {
    const [only] = results(run([result(TEXT, [finding(0, 1, { ruleId: "elsewhere" })])]));
    expect(only?.ruleId).toBe("elsewhere");
    expect(only).not.toHaveProperty("ruleIndex");
  });

  it("writes a fix as artifactChanges of the file: one replacement per edit, as offset and length", () => {
    const [only] = results(run([result(TEXT, [finding(3, 6, { fix })])]));
    expect(only?.fixes).toEqual([
      {
        description: { text: "Replace it" },
        artifactChanges: [
          {
            artifactLocation: { uri: "dir/a.provex.yaml", uriBaseId: "%SRCROOT%" },
            replacements: [
              { deletedRegion: { charOffset: 5, charLength: 1 }, insertedContent: { text: "X" } },
              { deletedRegion: { charOffset: 3, charLength: 1 }, insertedContent: { text: "YZ" } },
            ],
          },
        ],
      },
    ]);
    const [plain] = results(run([result(TEXT, [finding(3, 6)])]));
    expect(plain).not.toHaveProperty("fixes");
  });

  it("writes a suppressed finding after the file's findings, with an inSource suppression (justification when given)", () => {
    const out = results(
      run([
        result(TEXT, [finding(4, 5)], {
          suppressed: [suppressed(0, 1, "kept on purpose"), suppressed(1, 2, "")],
        }),
      ]),
    );
    expect(out.map((r) => r.suppressions)).toEqual([
      undefined,
      [{ kind: "inSource", justification: "kept on purpose" }],
      [{ kind: "inSource" }],
    ]);
    expect(
      out.map((r) => {
        const { region } = (r.locations as { physicalLocation: { region: Record<string, number> } }[])[0]!
          .physicalLocation;
        return [region.startLine, region.startColumn];
      }),
    ).toEqual([
      [2, 2],
      [1, 1],
      [1, 2],
    ]);
  });

  it("percent-encodes each segment of the relative path, keeping the slashes", () => {
    const [only] = results(run([result(TEXT, [finding(0, 1)], { relativePath: "my dir/ü,x#.yaml" })]));
    const location = (only!.locations as { physicalLocation: { artifactLocation: unknown } }[])[0];
    expect(location?.physicalLocation.artifactLocation).toEqual({
      uri: "my%20dir/%C3%BC%2Cx%23.yaml",
      uriBaseId: "%SRCROOT%",
    });
  });

  it("formatSarif prints the log as indented JSON with a final newline", () => {
    const text = formatResults("sarif", [], context);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",');
    expect(JSON.parse(text)).toEqual(sarifLog([], context));
  });
});

describe("ESLint's JSON (LintResult)", () => {
  it("writes each message with ESLint's severity numbers, 1-based columns, the merged fix, in LintResult's field order", () => {
    const [out] = eslintResults([
      result(TEXT, [
        finding(1, 5, { fix }),
        finding(4, 6, { ruleId: "second-rule", severity: "warning", message: "w", fix }),
      ]),
    ]);
    expect(out).toEqual({
      filePath: "/repo/dir/a.provex.yaml",
      messages: [
        {
          ruleId: "first-rule",
          severity: 2,
          message: "m",
          line: 1,
          column: 2,
          endLine: 2,
          endColumn: 3,
          fix: { range: [3, 6], text: "YZdX" },
        },
        {
          ruleId: "second-rule",
          severity: 1,
          message: "w",
          line: 2,
          column: 2,
          endLine: 2,
          endColumn: 4,
          fix: { range: [3, 6], text: "YZdX" },
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 1,
      source: TEXT,
      usedDeprecatedRules: [],
    });
    expect(Object.keys(out ?? {})).toEqual([
      "filePath",
      "messages",
      "suppressedMessages",
      "errorCount",
      "fatalErrorCount",
      "warningCount",
      "fixableErrorCount",
      "fixableWarningCount",
      "source",
      "usedDeprecatedRules",
    ]);
  });

  it("marks a config-syntax error fatal (ESLint's parsing error) and counts it; a config-syntax warning is not fatal", () => {
    const [out] = eslintResults([
      result(TEXT, [
        finding(0, 1, { ruleId: "config-syntax" }),
        finding(1, 2, { ruleId: "config-syntax", severity: "warning" }),
        finding(2, 3, { ruleId: "config-type" }),
      ]),
    ]);
    expect(out?.messages.map((m) => m.fatal)).toEqual([true, undefined, undefined]);
    expect(Object.keys(out?.messages[0] ?? {}).slice(0, 3)).toEqual(["ruleId", "fatal", "severity"]);
    expect(out?.messages[1]).not.toHaveProperty("fatal");
    expect([out?.errorCount, out?.fatalErrorCount, out?.warningCount]).toEqual([2, 1, 1]);
    expect([out?.fixableErrorCount, out?.fixableWarningCount]).toEqual([0, 0]);
  });

  it("lists suppressed findings as suppressedMessages with their suppressions, counted nowhere", () => {
    const [out] = eslintResults([result(TEXT, [], { suppressed: [suppressed(3, 4, "why")] })]);
    expect(out?.messages).toEqual([]);
    expect(out?.suppressedMessages).toEqual([
      {
        ruleId: "first-rule",
        severity: 2,
        message: "m",
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 2,
        suppressions: [{ kind: "directive", justification: "why" }],
      },
    ]);
    expect([out?.errorCount, out?.warningCount]).toEqual([0, 0]);
    // No problem reported: no source either.
    expect(out).not.toHaveProperty("source");
    expect(out).not.toHaveProperty("output");
  });

  it("gives output, not source, when --fix changed the file; neither for a clean file", () => {
    const [fixed, clean] = eslintResults([
      result(TEXT, [finding(0, 1, { severity: "warning" })], { output: TEXT }),
      result(TEXT, []),
    ]);
    expect(fixed?.output).toBe(TEXT);
    expect(fixed).not.toHaveProperty("source");
    expect(Object.keys(fixed ?? {}).at(-2)).toBe("output");
    expect(clean).not.toHaveProperty("source");
    expect(clean).not.toHaveProperty("output");
    expect(
      eslintResults([result(TEXT, [], { output: "changed" })]).map((r) => [r.output, "source" in r]),
    ).toEqual([["changed", false]]);
  });

  it("formatJson prints the results on one line with a final newline", () => {
    const text = formatResults("json", [result(TEXT, [finding(0, 1)])], {
      rules,
      root: "/",
      toolVersion: "0",
    });
    expect(text.endsWith("]\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(2);
    expect(JSON.parse(text)).toEqual(eslintResults([result(TEXT, [finding(0, 1)])]));
  });
});

describe("stylish", () => {
  const marked: Colours = {
    red: (t) => `<r>${t}</r>`,
    yellow: (t) => `<y>${t}</y>`,
    dim: (t) => `<d>${t}</d>`,
    bold: (t) => `<b>${t}</b>`,
  };
  const format = (results: LintFileResult[], colours?: Colours) =>
    formatResults("stylish", results, {
      rules,
      root: "/",
      toolVersion: "0",
      ...(colours ? { colours } : {}),
    });

  it("colours the file name, positions, severities, rule ids and an error summary", () => {
    expect(
      format([result(TEXT, [finding(0, 1), finding(3, 4, { severity: "warning", message: "mm" })])], marked),
    ).toBe(
      [
        "<b>dir/a.provex.yaml</b>",
        "  <d>1:1</d>  <r>error  </r>  m   <d>first-rule</d>",
        "  <d>2:1</d>  <y>warning</y>  mm  <d>first-rule</d>",
        "",
        "<r><b>✖ 2 problems (1 error, 1 warning)</b></r>",
        "",
      ].join("\n"),
    );
  });

  it("says problem, error and warning in the singular for one, in yellow when there are only warnings", () => {
    const out = format([result(TEXT, [finding(0, 1, { severity: "warning", fix })])], marked);
    expect(out.split("\n").slice(-3)).toEqual([
      "<y><b>✖ 1 problem (0 errors, 1 warning)</b></y>",
      "  0 errors and 1 warning potentially fixable with the `--fix` option.",
      "",
    ]);
    const errors = format([result(TEXT, [finding(0, 1, { fix }), finding(1, 2), finding(3, 4, { fix })])]);
    expect(errors.split("\n").slice(-3)).toEqual([
      "✖ 3 problems (3 errors, 0 warnings)",
      "  2 errors and 0 warnings potentially fixable with the `--fix` option.",
      "",
    ]);
  });

  it("skips files without findings and pads positions to the widest of the file", () => {
    const long = `${"x\n".repeat(11)}y`;
    const out = format([
      result("", [], { relativePath: "clean.yaml" }),
      result(long, [finding(0, 1), finding(22, 23)]),
    ]);
    expect(out.split("\n").slice(0, 3)).toEqual([
      "dir/a.provex.yaml",
      "  1:1   error    m  first-rule",
      "  12:1  error    m  first-rule",
    ]);
  });

  it("escapes control characters of the file name", () => {
    const out = format([result(TEXT, [finding(0, 1)], { relativePath: "a\u001b[2J.yaml" })]);
    expect(out.split("\n")[0]).toBe("a\\u001b[2J.yaml");
  });
});

describe("printable", () => {
  it("writes line breaks as \\n, tabs as a space, other controls and bidi overrides as \\u escapes", () => {
    expect(printable("a\nb\tc\u0000d\u202ee\u2066f\u007f")).toBe("a\\nb c\\u0000d\\u202ee\\u2066f\\u007f");
    expect(printable("plain ü text")).toBe("plain ü text");
  });
});

describe("countOf", () => {
  it("counts errors, warnings and the fixable ones over every file", () => {
    expect(
      countOf([
        result(TEXT, [finding(0, 1, { fix }), finding(0, 1, { severity: "warning" })]),
        result(TEXT, [
          finding(0, 1, { severity: "warning", fix }),
          finding(0, 1, { severity: "warning", fix }),
        ]),
      ]),
    ).toEqual({ errors: 1, warnings: 3, fixableErrors: 1, fixableWarnings: 2 });
  });
});

describe("github", () => {
  it("writes ::error for errors and ::warning for warnings, one line each, with the rule in the title", () => {
    const out = formatResults(
      "github",
      [result(TEXT, [finding(1, 5, { message: "e" }), finding(4, 4, { severity: "warning", message: "w" })])],
      { rules, root: "/", toolVersion: "0" },
    );
    expect(out).toBe(
      [
        "::error file=dir/a.provex.yaml,line=1,col=2,endLine=2,endColumn=3,title=provex(first-rule)::e",
        "::warning file=dir/a.provex.yaml,line=2,col=2,endLine=2,endColumn=2,title=provex(first-rule)::w",
        "",
      ].join("\n"),
    );
    expect(formatResults("github", [result(TEXT, [])], { rules, root: "/", toolVersion: "0" })).toBe("");
  });
});
