import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/diagnostics/index.js";
import { applyFixes } from "../../src/lint/apply-fixes.js";
import { applyDirectives, findDirectives } from "../../src/lint/directives.js";
import type { LintFinding } from "../../src/lint/types.js";

// Where directive comments are found and what exactly they cover: among ordinary comments and YAML's
// rarer shapes, the first and last offsets of a region, old Mac line breaks (a lone CR) when an unused
// directive is removed, and the ids an unused directive's fix keeps.

const KNOWN = new Set(["rule-a", "rule-b", "rule-c", "rule-d"]);
const finding = (start: number, end: number, ruleId = "rule-a"): LintFinding => ({
  ruleId,
  severity: "error",
  message: "m",
  span: { start, end },
});
const run = (text: string, findings: LintFinding[]) =>
  applyDirectives(findings, findDirectives(text), new LineIndex(text), KNOWN, "warning");

describe("findDirectives among other comments and YAML shapes", () => {
  it("finds a directive after ordinary comments, and keeps them out of the list", () => {
    const text = "# a note\nmappings: # another note\n  # provex-disable-next-line rule-a\n  - target: a\n";
    const found = findDirectives(text);
    expect(found.map((d) => [d.kind, d.comment.start, d.ids.map((entry) => entry.id)])).toEqual([
      ["disable-next-line", text.indexOf("# provex"), ["rule-a"]],
    ]);
  });

  it("finds directives after an entry with an empty key (`: value`) and after an explicit key (`? key`)", () => {
    const text = "a: 1\n: 2\n? b\n: 3 # provex-disable-line\n# provex-disable rule-b\nc: 4\n";
    expect(findDirectives(text).map((d) => [d.kind, d.comment.start])).toEqual([
      ["disable-line", text.indexOf("# provex-disable-line")],
      ["disable", text.indexOf("# provex-disable rule-b")],
    ]);
  });

  it("gives the directives of flow collections, block scalars and later documents in file order", () => {
    const text = [
      "# provex-disable rule-a",
      "a: [x, # provex-disable-line rule-b",
      "  y]",
      "b: | # provex-disable-line rule-c",
      "  text",
      "---",
      "# provex-enable",
      "c: 1 # provex-disable-line rule-d",
      "",
    ].join("\n");
    const found = findDirectives(text);
    expect(found.map((d) => [d.kind, d.ids.map((entry) => entry.id).join()])).toEqual([
      ["disable", "rule-a"],
      ["disable-line", "rule-b"],
      ["disable-line", "rule-c"],
      ["enable", ""],
      ["disable-line", "rule-d"],
    ]);
    const starts = found.map((d) => d.comment.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("a region's first and last offsets", () => {
  const text = "x1\n# provex-disable rule-a\nx3\n# provex-enable rule-a\nx5\n";
  const disableAt = text.indexOf("# provex-disable");
  const enableAt = text.indexOf("# provex-enable");

  it("covers a finding that starts at the disable comment's first character", () => {
    const outcome = run(text, [finding(disableAt, disableAt + 3)]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.suppressed.map((f) => f.span.start)).toEqual([disableAt]);
  });

  it("does not cover a finding that starts at the enable comment's first character, but does the one before", () => {
    const outcome = run(text, [finding(enableAt - 1, enableAt), finding(enableAt, enableAt + 3)]);
    expect(outcome.suppressed.map((f) => f.span.start)).toEqual([enableAt - 1]);
    expect(outcome.kept.map((f) => f.span.start)).toEqual([enableAt]);
  });
});

describe("removing an unused directive after a lone CR (an old Mac line break)", () => {
  // YAML's CST runs a comment to the next LF, but a CR alone still ends the line before the directive
  // (LineIndex counts it as a line break), so the directive stands alone and goes with its LF.
  it("takes the directive's whole line, LF included, when a CR alone ends the line before it", () => {
    const text = "x1\r# provex-disable-next-line rule-a\nx3\n";
    const [unused, ...rest] = run(text, []).unused;
    expect(rest).toEqual([]);
    expect(new LineIndex(text).locate(unused!.span.start)).toMatchObject({ line: 2, column: 1 });
    expect(unused?.fix?.edits).toEqual([{ span: { start: 3, end: 37 }, text: "" }]);
    expect(applyFixes(text, [unused!])).toBe("x1\rx3\n");
  });

  it("takes the blanks before a directive standing alone after a CR", () => {
    const text = "x1\r  # provex-disable\nx3\n";
    const [unused] = run(text, []).unused;
    expect(applyFixes(text, [unused!])).toBe("x1\rx3\n");
  });
});

describe("the fix of a directive with some ids unused", () => {
  it("keeps every used id, comma-separated, in file order", () => {
    const text = "x1 # provex-disable-line rule-a, rule-b, rule-c, rule-d\n";
    const [unused] = run(text, [
      finding(0, 2, "rule-a"),
      finding(0, 2, "rule-c"),
      finding(0, 2, "rule-d"),
    ]).unused;
    expect(unused?.message).toBe(
      "Unused provex-disable-line directive (no problems were reported from 'rule-b').",
    );
    expect(unused?.fix).toEqual({
      description: "Remove 'rule-b'",
      edits: [
        {
          span: { start: 3, end: text.length - 1 },
          text: "# provex-disable-line rule-a, rule-c, rule-d",
        },
      ],
    });
  });
});
