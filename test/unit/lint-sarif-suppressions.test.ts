import { describe, expect, it } from "vitest";
import type { SuppressedFinding } from "../../src/lint/directives.js";
import { type LintFileResult, sarifLog } from "../../src/lint/formatters/index.js";
import { lintRules } from "../../src/lint/index.js";
import type { LintFinding } from "../../src/lint/types.js";

// Two things a SARIF reader decides from our log: whether a result is suppressed (a non-empty
// `suppressions` array; an empty one means open), and where %SRCROOT% is (a drive letter is only the
// first segment of a Windows root).

const TEXT = "mappings:\n  - target: a\n";
const finding: LintFinding = {
  ruleId: "config-type",
  severity: "error",
  message: "m",
  span: { start: 0, end: 8 },
};
const resultWith = (suppressed: readonly SuppressedFinding[]): LintFileResult => ({
  filePath: "/r/a.provex.yaml",
  relativePath: "a.provex.yaml",
  text: TEXT,
  findings: [],
  suppressed,
});
const suppressionsOf = (suppressed: readonly SuppressedFinding[]) =>
  (
    sarifLog([resultWith(suppressed)], { rules: lintRules, root: "/r", toolVersion: "0" }).runs[0]!
      .results as {
      suppressions?: unknown;
    }[]
  ).map((result) => result.suppressions);

describe("the SARIF log's suppressions", () => {
  it("gives each reason of a suppressed finding, without a justification when the reason is empty", () => {
    expect(
      suppressionsOf([
        {
          ...finding,
          suppressions: [
            { kind: "directive", justification: "kept" },
            { kind: "directive", justification: "" },
          ],
        },
      ]),
    ).toEqual([[{ kind: "inSource", justification: "kept" }, { kind: "inSource" }]]);
  });

  it("marks a suppressed finding that carries no suppression of its own as suppressed in source, never with []", () => {
    expect(suppressionsOf([{ ...finding, suppressions: [] }])).toEqual([[{ kind: "inSource" }]]);
    // A JavaScript caller's finding without the field at all.
    expect(suppressionsOf([finding as SuppressedFinding])).toEqual([[{ kind: "inSource" }]]);
  });
});

describe("the SARIF log's %SRCROOT%", () => {
  const baseUri = (root: string) =>
    sarifLog([], { rules: lintRules, root, toolVersion: "0" }).runs[0]!.originalUriBaseIds["%SRCROOT%"];

  it("keeps the colon of a drive given without a slash after it", () => {
    expect(baseUri("C:")).toEqual({ uri: "file:///C:/" });
    expect(baseUri("z:")).toEqual({ uri: "file:///z:/" });
  });

  it("encodes a one-letter folder ending in a colon anywhere but the first segment", () => {
    expect(baseUri("/srv/c:/repo")).toEqual({ uri: "file:///srv/c%3A/repo/" });
    expect(baseUri("D:\\x\\c:")).toEqual({ uri: "file:///D:/x/c%3A/" });
  });
});
