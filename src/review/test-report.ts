import { escapeData, escapeProperty } from "../lint/formatters/github.js";
import { type Colours, NO_COLOURS } from "./colours.js";
import { visibleText } from "./markdown-text.js";
import type { TestResults } from "./test-types.js";

/** The formats of `provex test --format`. */
export const TEST_FORMATS = ["stylish", "json", "junit", "github"] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];

/** Options of {@link formatTestResults}. */
export interface TestReportOptions {
  readonly colours?: Colours;
  /** JUnit's `timestamp` (default: now). */
  readonly timestamp?: Date;
}

/** The results of every suite in one format. */
export function formatTestResults(
  format: TestFormat,
  suites: readonly TestResults[],
  options: TestReportOptions = {},
): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(jsonReport(suites), null, 2)}\n`;
    case "junit":
      return junitReport(suites, options.timestamp ?? new Date());
    case "github":
      return githubReport(suites);
    default:
      return stylishReport(suites, options.colours ?? NO_COLOURS);
  }
}

function totals(suites: readonly TestResults[]) {
  const cases = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
  return { suites: suites.length, cases, passed: cases - failed, failed };
}

/** `file:line:col  ✗ case — field: expected …, actual …`, grouped by file; then the totals. */
function stylishReport(suites: readonly TestResults[], colours: Colours): string {
  const out: string[] = [];
  for (const suite of suites) {
    out.push(colours.bold(visibleText(suite.name)));
    for (const result of suite.cases) {
      const where = `${result.position.line}:${result.position.column}`;
      if (result.status === "passed") {
        out.push(`  ${colours.dim(where.padEnd(8))}${colours.cyan("✓")} ${visibleText(result.name)}`);
        continue;
      }
      out.push(`  ${colours.dim(where.padEnd(8))}${colours.red("✗")} ${visibleText(result.name)}`);
      for (const failure of result.failures) {
        const at = `${failure.position.line}:${failure.position.column}`;
        out.push(`    ${colours.dim(at.padEnd(8))}${visibleText(failure.message)}`);
      }
    }
    out.push("");
  }
  const { passed, failed } = totals(suites);
  const line = `${passed} passed, ${failed} failed`;
  out.push(failed > 0 ? colours.red(colours.bold(line)) : colours.bold(line), "");
  return out.join("\n");
}

/** `{ version, suites: [{ file, cases: [{ name, line, column, status, failures, actual }] }], summary }`. */
function jsonReport(suites: readonly TestResults[]) {
  return {
    version: 1,
    suites: suites.map((suite) => ({
      file: suite.name,
      passed: suite.passed,
      failed: suite.failed,
      cases: suite.cases.map((result) => ({
        name: result.name,
        line: result.position.line,
        column: result.position.column,
        status: result.status,
        failures: result.failures.map((failure) => ({
          field: failure.field,
          expected: failure.expected,
          actual: failure.actual,
          message: failure.message,
          line: failure.position.line,
          column: failure.position.column,
        })),
        actual: result.actual,
      })),
    })),
    summary: totals(suites),
  };
}

/**
 * JUnit XML as CI systems read it (Jenkins, GitLab, Azure Pipelines, GitHub test reporters):
 * testsuites › testsuite (one per file) › testcase (one per case) › failure (one per expectation that
 * does not hold, `message` and `type` set, the text giving file:line). Text is escaped for XML and
 * characters XML 1.0 cannot hold are written as `\uXXXX`.
 */
function junitReport(suites: readonly TestResults[], timestamp: Date): string {
  const { cases, failed } = totals(suites);
  const time = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);
  const stamp = timestamp.toISOString().slice(0, 19);
  const total = suites.reduce((sum, suite) => sum + suite.duration, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="provex test" tests="${cases}" failures="${failed}" errors="0" time="${time(total)}">`,
  ];
  suites.forEach((suite, id) => {
    out.push(
      `  <testsuite name="${xml(suite.name)}" tests="${suite.cases.length}" failures="${suite.failed}" errors="0" skipped="0" time="${time(suite.duration)}" timestamp="${stamp}" hostname="localhost" id="${id}" package="provex">`,
      "    <properties/>",
    );
    for (const result of suite.cases) {
      const open = `    <testcase name="${xml(result.name)}" classname="${xml(suite.name)}" time="${time(result.duration)}"`;
      if (result.status === "passed") {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      for (const failure of result.failures) {
        const where = `${suite.name}:${failure.position.line}:${failure.position.column}`;
        out.push(
          `      <failure message="${xml(failure.message)}" type="${xml(failure.field)}">${xml(`${where}\nexpected: ${failure.expected}\nactual: ${failure.actual}`)}</failure>`,
        );
      }
      out.push("    </testcase>");
    }
    out.push("    <system-out/>", "    <system-err/>", "  </testsuite>");
  });
  out.push("</testsuites>", "");
  return out.join("\n");
}

/** XML text and attribute values: the five entities, line breaks kept as character references in attributes. */
export function xml(text: string): string {
  return text
    .replace(
      /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    )
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\t", "&#9;");
}

/** GitHub Actions workflow commands: one `::error` per failed expectation, at its line in the file. */
function githubReport(suites: readonly TestResults[]): string {
  const out: string[] = [];
  for (const suite of suites)
    for (const result of suite.cases)
      for (const failure of result.failures)
        out.push(
          `::error file=${escapeProperty(suite.name)},line=${failure.position.line},col=${failure.position.column},title=${escapeProperty(`provex test: ${result.name}`)}::${escapeData(failure.message)}`,
        );
  const { passed, failed } = totals(suites);
  out.push(`${passed} passed, ${failed} failed`);
  return `${out.join("\n")}\n`;
}
