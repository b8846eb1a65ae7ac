import { describe, expect, it } from "vitest";
import {
  type CaseActual,
  type Colours,
  formatTestResults,
  type TestResults,
} from "../../src/review/index.js";
import { xml } from "../../src/review/test-report.js";

// The four formats of `provex test` for results written by hand: every line and field stated exactly.

const actual: CaseActual = {
  action: "Create",
  scope: "in",
  match: null,
  error: null,
  warnings: [],
  attributes: { userName: "a@contoso.com" },
};

const suite: TestResults = {
  name: "suites/a.provex-test.yaml",
  passed: 1,
  failed: 1,
  duration: 1500,
  cases: [
    {
      name: "passes",
      status: "passed",
      position: { line: 3, column: 5 },
      failures: [],
      actual,
      duration: 12,
    },
    {
      name: "fails <&>",
      status: "failed",
      position: { line: 10, column: 5 },
      failures: [
        {
          field: "action",
          expected: "Update",
          actual: "Create",
          message: "action: expected Update, actual Create",
          position: { line: 12, column: 15 },
        },
        {
          field: "attributes.title",
          expected: '"A"',
          actual: "not sent",
          message: 'title: expected "A", actual not sent',
          position: { line: 14, column: 16 },
        },
      ],
      actual,
      duration: 3.4567,
    },
  ],
};

/** A second suite: every case passes, and a clock that ran backwards. */
const other: TestResults = {
  name: "b,c:d.yaml",
  passed: 1,
  failed: 0,
  duration: -5,
  cases: [
    { name: "ok", status: "passed", position: { line: 1, column: 3 }, failures: [], actual, duration: 0 },
  ],
};

const TAGS: Colours = {
  red: (t) => `<red>${t}</red>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  cyan: (t) => `<cyan>${t}</cyan>`,
  dim: (t) => `<dim>${t}</dim>`,
  bold: (t) => `<bold>${t}</bold>`,
};

describe("formatTestResults: stylish", () => {
  it("lists each case at its line and column, each failure under it, then the totals", () => {
    expect(formatTestResults("stylish", [suite])).toBe(
      [
        "suites/a.provex-test.yaml",
        "  3:5     ✓ passes",
        "  10:5    ✗ fails <&>",
        "    12:15   action: expected Update, actual Create",
        '    14:16   title: expected "A", actual not sent',
        "",
        "1 passed, 1 failed",
        "",
      ].join("\n"),
    );
  });

  it("colours passes cyan, failures red, positions dim; the totals red only when a case fails", () => {
    expect(formatTestResults("stylish", [suite], { colours: TAGS })).toBe(
      [
        "<bold>suites/a.provex-test.yaml</bold>",
        "  <dim>3:5     </dim><cyan>✓</cyan> passes",
        "  <dim>10:5    </dim><red>✗</red> fails <&>",
        "    <dim>12:15   </dim>action: expected Update, actual Create",
        '    <dim>14:16   </dim>title: expected "A", actual not sent',
        "",
        "<red><bold>1 passed, 1 failed</bold></red>",
        "",
      ].join("\n"),
    );
    expect(formatTestResults("stylish", [other], { colours: TAGS })).toBe(
      "<bold>b,c:d.yaml</bold>\n  <dim>1:3     </dim><cyan>✓</cyan> ok\n\n<bold>1 passed, 0 failed</bold>\n",
    );
  });

  it("shows line breaks and invisible characters in names escaped", () => {
    const odd: TestResults = { ...other, name: "x\ny", cases: [{ ...other.cases[0]!, name: "a\u202eb" }] };
    expect(formatTestResults("stylish", [odd])).toBe(
      "x\\u000ay\n  1:3     ✓ a\\u202eb\n\n1 passed, 0 failed\n",
    );
  });
});

describe("formatTestResults: json", () => {
  it("writes version 1, each suite's cases with their failures and actual result, and the totals", () => {
    const report = JSON.parse(formatTestResults("json", [suite, other]));
    expect(report).toEqual({
      version: 1,
      suites: [
        {
          file: "suites/a.provex-test.yaml",
          passed: 1,
          failed: 1,
          cases: [
            { name: "passes", line: 3, column: 5, status: "passed", failures: [], actual },
            {
              name: "fails <&>",
              line: 10,
              column: 5,
              status: "failed",
              failures: [
                {
                  field: "action",
                  expected: "Update",
                  actual: "Create",
                  message: "action: expected Update, actual Create",
                  line: 12,
                  column: 15,
                },
                {
                  field: "attributes.title",
                  expected: '"A"',
                  actual: "not sent",
                  message: 'title: expected "A", actual not sent',
                  line: 14,
                  column: 16,
                },
              ],
              actual,
            },
          ],
        },
        {
          file: "b,c:d.yaml",
          passed: 1,
          failed: 0,
          cases: [{ name: "ok", line: 1, column: 3, status: "passed", failures: [], actual }],
        },
      ],
      summary: { suites: 2, cases: 3, passed: 2, failed: 1 },
    });
    expect(formatTestResults("json", [])).toBe(
      '{\n  "version": 1,\n  "suites": [],\n  "summary": {\n    "suites": 0,\n    "cases": 0,\n    "passed": 0,\n    "failed": 0\n  }\n}\n',
    );
  });
});

describe("formatTestResults: junit", () => {
  it("writes testsuites › testsuite › testcase › failure with counts, times and the place of each failure", () => {
    const text = formatTestResults("junit", [suite, other], {
      timestamp: new Date("2026-03-01T09:00:00.123Z"),
    });
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="provex test" tests="3" failures="1" errors="0" time="1.495">',
        '  <testsuite name="suites/a.provex-test.yaml" tests="2" failures="1" errors="0" skipped="0" time="1.500" timestamp="2026-03-01T09:00:00" hostname="localhost" id="0" package="provex">',
        "    <properties/>",
        '    <testcase name="passes" classname="suites/a.provex-test.yaml" time="0.012"/>',
        '    <testcase name="fails &lt;&amp;&gt;" classname="suites/a.provex-test.yaml" time="0.003">',
        '      <failure message="action: expected Update, actual Create" type="action">suites/a.provex-test.yaml:12:15&#10;expected: Update&#10;actual: Create</failure>',
        '      <failure message="title: expected &quot;A&quot;, actual not sent" type="attributes.title">suites/a.provex-test.yaml:14:16&#10;expected: &quot;A&quot;&#10;actual: not sent</failure>',
        "    </testcase>",
        "    <system-out/>",
        "    <system-err/>",
        "  </testsuite>",
        '  <testsuite name="b,c:d.yaml" tests="1" failures="0" errors="0" skipped="0" time="0.000" timestamp="2026-03-01T09:00:00" hostname="localhost" id="1" package="provex">',
        "    <properties/>",
        '    <testcase name="ok" classname="b,c:d.yaml" time="0.000"/>',
        "    <system-out/>",
        "    <system-err/>",
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("xml() writes the five entities, keeps line breaks and tabs as references, escapes what XML cannot hold", () => {
    expect(xml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
    expect(xml("1\n2\r3\t4")).toBe("1&#10;2&#13;3&#9;4");
    expect(xml("\u0001\u0008\u000b\u001f \ud7ff\ue000\ufffd\ufffe\uffff")).toBe(
      "\\u0001\\u0008\\u000b\\u001f \ud7ff\ue000\ufffd\\ufffe\\uffff",
    );
    // A lone surrogate cannot be written; a pair (an astral character) is kept.
    expect(xml("\ud800x\udfff😀")).toBe("\\ud800x\\udfff😀");
  });
});

describe("formatTestResults: github", () => {
  it("writes one ::error per failure at its line and column, then the totals", () => {
    const named: TestResults = { ...suite, name: "x,y:z.yaml" };
    expect(formatTestResults("github", [named, other])).toBe(
      [
        "::error file=x%2Cy%3Az.yaml,line=12,col=15,title=provex test%3A fails <&>::action: expected Update, actual Create",
        '::error file=x%2Cy%3Az.yaml,line=14,col=16,title=provex test%3A fails <&>::title: expected "A", actual not sent',
        "2 passed, 1 failed",
        "",
      ].join("\n"),
    );
    expect(formatTestResults("github", [other])).toBe("1 passed, 0 failed\n");
  });
});
