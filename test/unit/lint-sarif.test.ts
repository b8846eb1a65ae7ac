import { describe, expect, it } from "vitest";
import { type LintFileResult, sarifLog } from "../../src/lint/formatters/index.js";
import { lintReport, lintRules } from "../../src/lint/index.js";
import { failures, validate } from "../helpers/sarif.js";

/** Results for every kind of finding: errors, warnings, fixes, suppressed ones, odd file names. */
function sampleResults(): LintFileResult[] {
  const broken = [
    "dialect: entr",
    "mappings:",
    "  - { target: userName, attribute: userPrincipalName, match: 1 }",
    "  # provex-disable-next-line unknown-property -- kept on purpose",
    "  - { target: title, attribute: jobTitle, colour: blue }",
    "  - target: displayName",
    "    expression: 'jion(\" \", [givenName], [surname])'",
    "  # provex-disable-next-line arity",
    "  - { target: nickName, attribute: nick }",
    "",
  ].join("\n");
  const syntax = '{\n  "synchronizationRules": [\n';
  return [
    { name: "configs/users mapping.provex.yaml", text: broken },
    { name: "configs/ünïcode,schema.json", text: syntax },
  ].map(({ name, text }) => {
    const report = lintReport(text);
    return {
      filePath: `/work/repo/${name}`,
      relativePath: name,
      text,
      findings: report.findings,
      suppressed: report.suppressed,
    };
  });
}

describe("the sarif formatter", () => {
  const log = sarifLog(sampleResults(), { rules: lintRules, root: "/work/repo", toolVersion: "1.2.3" });

  it("writes a Windows root as an RFC 8089 file URI: the drive's colon kept, the rest percent-encoded", () => {
    const baseUri = (root: string) =>
      sarifLog([], { rules: lintRules, root, toolVersion: "1.2.3" }).runs[0]!.originalUriBaseIds["%SRCROOT%"];
    expect(baseUri("C:\\work\\my repo")).toEqual({ uri: "file:///C:/work/my%20repo/" });
    expect(baseUri("d:\\")).toEqual({ uri: "file:///d:/" });
    // A colon anywhere but a drive letter is data, encoded as before.
    expect(baseUri("/srv/a:b")).toEqual({ uri: "file:///srv/a%3Ab/" });
    expect(baseUri("/CD:/x")).toEqual({ uri: "file:///CD%3A/x/" });
  });

  it("writes what GitHub code scanning needs: relative uri with uriBaseId, rule descriptions, help and level", () => {
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds["%SRCROOT%"]).toEqual({ uri: "file:///work/repo/" });
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(lintRules.map((rule) => rule.meta.id));
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/lint-rules\.md#[a-z-]+$/);
      expect(["error", "warning"]).toContain(rule.defaultConfiguration.level);
    }
    const results = run.results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: Record<string, number>;
        };
      }[];
      suppressions?: unknown[];
    }[];
    expect(results.length).toBeGreaterThan(3);
    for (const result of results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      const location = result.locations[0]!.physicalLocation;
      expect(location.artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(location.artifactLocation.uri).not.toMatch(/^\/|^file:/);
    }
    expect(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(
      "configs/users%20mapping.provex.yaml",
    );
    const unknown = results.find((r) => r.ruleId === "unknown-property");
    expect(unknown?.suppressions).toEqual([{ kind: "inSource", justification: "kept on purpose" }]);
    const value = results.find((r) => r.ruleId === "config-value");
    expect(value?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 1,
      startColumn: 10,
      endLine: 1,
      endColumn: 14,
    });
  });

  it("passes the SARIF SDK's validator (sarif-multitool validate) without errors or warnings", () => {
    expect(failures(validate(log))).toEqual([]);
  }, 120_000);

  it("is checked by a validator that does reject a broken log", () => {
    const broken = structuredClone(log) as {
      runs: { originalUriBaseIds: Record<string, { uri: string }> }[];
    };
    broken.runs[0]!.originalUriBaseIds["%SRCROOT%"] = { uri: "file:///work/repo" };
    expect(failures(validate(broken)).join("\n")).toContain("SARIF1004");
  }, 120_000);
});
