import { ruleDocsUrl } from "../rules-markdown.js";
import type { LintFinding, LintRule } from "../types.js";
import { type FormatContext, type LintFileResult, type LocatedFinding, locate } from "./result.js";

const SRCROOT = "%SRCROOT%";

/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer): one run of the `provex` tool whose
 * driver lists every rule (short and full description, help link into docs/lint-rules.md, default
 * level), and one result per finding with a location relative to `%SRCROOT%` (the folder linted from).
 * Findings hidden by a provex-disable comment are results with an `inSource` suppression, as SARIF
 * says.
 */
export function formatSarif(results: readonly LintFileResult[], context: FormatContext): string {
  return `${JSON.stringify(sarifLog(results, context), null, 2)}\n`;
}

export function sarifLog(results: readonly LintFileResult[], context: FormatContext) {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.meta.id, index]));
  const sarifResults: unknown[] = [];
  for (const result of results) {
    const uri = encodeUriPath(result.relativePath);
    for (const located of locate(result, result.findings, context))
      sarifResults.push(sarifResult(located, uri, ruleIndex));
    for (const located of locate(result, result.suppressed, context)) {
      const given = ("suppressions" in located.finding ? located.finding.suppressions : []) as readonly {
        justification: string;
      }[];
      const reasons = given.map(({ justification }) => ({
        kind: "inSource",
        ...(justification ? { justification } : {}),
      }));
      sarifResults.push({
        ...sarifResult(located, uri, ruleIndex),
        // An empty suppressions array means "not suppressed" to SARIF readers (code scanning would show
        // the finding as open): a suppressed finding that carries no reason of its own still gets one.
        suppressions: reasons.length > 0 ? reasons : [{ kind: "inSource" }],
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "provex",
            semanticVersion: context.toolVersion,
            informationUri: "https://github.com/provex/provex",
            rules: context.rules.map(reportingDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.root) } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
}

function reportingDescriptor(rule: LintRule) {
  const { meta } = rule;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: `${meta.summary}.` },
    fullDescription: { text: meta.description },
    helpUri: ruleDocsUrl(meta.id),
    help: {
      text: `${meta.description} See ${ruleDocsUrl(meta.id)}`,
      markdown: `${meta.description}\n\n[Documentation](${ruleDocsUrl(meta.id)})`,
    },
    defaultConfiguration: { level: level(meta.defaultSeverity) },
    properties: {
      tags: ["provex", meta.category],
      precision: "very-high",
      "problem.severity": meta.defaultSeverity,
    },
  };
}

function sarifResult(
  { finding, start, end }: LocatedFinding,
  uri: string,
  ruleIndex: ReadonlyMap<string, number>,
) {
  const index = ruleIndex.get(finding.ruleId);
  // SARIF regions end just past their last character, like the findings' spans; an empty span is
  // widened to one column so that viewers have something to underline.
  const endColumn = end.line === start.line && end.column <= start.column ? start.column + 1 : end.column;
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: SRCROOT },
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn },
        },
      },
    ],
    ...(finding.fix ? { fixes: [sarifFix(finding, uri)] } : {}),
  };
}

function sarifFix(finding: LintFinding, uri: string) {
  const fix = finding.fix!;
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: SRCROOT },
        replacements: fix.edits.map((edit) => ({
          deletedRegion: { charOffset: edit.span.start, charLength: edit.span.end - edit.span.start },
          insertedContent: { text: edit.text },
        })),
      },
    ],
  };
}

function level(severity: LintFinding["severity"]): "error" | "warning" {
  return severity === "error" ? "error" : "warning";
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

/** A relative path as a relative URI reference: each segment percent-encoded, `/` kept. */
function encodeUriPath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * `file:///abs/folder/` (with the trailing slash SARIF requires of a base URI). A Windows drive keeps its
 * colon, `file:///C:/repo/`, as RFC 8089 writes it: `C%3A` is a folder named "C:" to a URI reader.
 */
function directoryUri(root: string): string {
  const slashed = root.replaceAll("\\", "/");
  const absolute = slashed.startsWith("/") ? slashed : `/${slashed}`;
  const encoded = encodeUriPath(absolute).replace(/^\/([A-Za-z])%3A(?=\/|$)/, "/$1:");
  return `file://${encoded}${absolute.endsWith("/") ? "" : "/"}`;
}
