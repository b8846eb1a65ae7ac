import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/diagnostics/index.js";
import { applyFixes } from "../../src/lint/apply-fixes.js";
import { applyDirectives, findDirectives } from "../../src/lint/directives.js";
import type { LintFinding } from "../../src/lint/types.js";

// The directive comments of docs/lint-rules.md, stated on the engine directly: what each kind covers,
// where a region ends, and what `unused-disable-directive` says and removes. Findings are made by hand
// at known offsets, so that the expected lines are plain to see.

const KNOWN = new Set(["rule-a", "rule-b", "rule-c"]);
/** A finding of `ruleId` at the first occurrence of `marker` in `text`. */
const at = (text: string, marker: string, ruleId = "rule-a"): LintFinding => {
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`no ${marker}`);
  return { ruleId, severity: "error", message: "m", span: { start, end: start + marker.length } };
};
const run = (text: string, findings: LintFinding[], severity: "warning" | "error" | undefined = "warning") =>
  applyDirectives(findings, findDirectives(text), new LineIndex(text), KNOWN, severity);
const line = (text: string, finding: LintFinding) => new LineIndex(text).locate(finding.span.start).line;

describe("findDirectives", () => {
  it("reads the kind, each id with its span in the file, and the reason after --", () => {
    const text = "a: 1 # provex-disable-line rule-a, provex/rule-b  rule-c -- why not\n";
    const [directive, ...rest] = findDirectives(text);
    expect(rest).toEqual([]);
    expect(directive?.kind).toBe("disable-line");
    expect(directive?.comment).toEqual({ start: 5, end: text.length - 1 });
    expect(directive?.reason).toBe("why not");
    expect(directive?.ids.map(({ id, span }) => [id, text.slice(span.start, span.end)])).toEqual([
      ["rule-a", "rule-a"],
      ["rule-b", "provex/rule-b"],
      ["rule-c", "rule-c"],
    ]);
  });

  it("tells the four kinds apart, in file order, and allows no space after #", () => {
    const text = [
      "#provex-enable",
      "# provex-disable rule-a",
      "# provex-disable-next-line",
      "a: 1 # provex-disable-line -- just a reason",
      "",
    ].join("\n");
    const found = findDirectives(text);
    expect(found.map((d) => [d.kind, d.ids.length, d.reason])).toEqual([
      ["enable", 0, ""],
      ["disable", 1, ""],
      ["disable-next-line", 0, ""],
      ["disable-line", 0, "just a reason"],
    ]);
    expect(found.map((d) => d.comment.start)).toEqual([0, 15, 39, 71]);
  });

  it("is not fooled by longer words, by a -- inside an id, or by text without a directive", () => {
    expect(findDirectives("# provex-disabled rule-a\n# provex-enablement\n# see provex-disable\n")).toEqual(
      [],
    );
    const [dashed] = findDirectives("# provex-disable rule--a --\n");
    expect(dashed?.ids.map((entry) => entry.id)).toEqual(["rule--a"]);
    expect(dashed?.reason).toBe("");
    expect(findDirectives("a: 1\n# a comment\n")).toEqual([]);
  });

  it("finds directives nested in mappings and sequences, not only at the top", () => {
    const text = "mappings:\n  - target: a\n    # provex-disable-next-line rule-a\n    attribute: b\n";
    expect(findDirectives(text).map((d) => [d.kind, d.comment.start])).toEqual([["disable-next-line", 28]]);
  });
});

describe("applyDirectives", () => {
  it("provex-disable-next-line covers the next line only; provex-disable-line its own line only", () => {
    const text = "x0\n# provex-disable-next-line\nx2\nx3 # provex-disable-line\nx4\n";
    const findings = ["x0", "x2", "x3", "x4"].map((marker) => at(text, marker));
    const outcome = run(text, findings);
    expect(outcome.kept.map((f) => line(text, f))).toEqual([1, 5]);
    expect(outcome.suppressed.map((f) => line(text, f))).toEqual([3, 4]);
    expect(outcome.unused).toEqual([]);
  });

  it("a region runs from its comment to the enable that re-enables every id it names", () => {
    const text = [
      "x1",
      "# provex-disable rule-a, rule-b",
      "x3",
      "# provex-enable rule-a",
      "x5",
      "# provex-enable rule-b, rule-a",
      "x7",
      "",
    ].join("\n");
    const findings = ["x1", "x3", "x5", "x7"].map((marker) => at(text, marker));
    expect(run(text, findings).kept.map((f) => line(text, f))).toEqual([1, 7]);
  });

  it("an enable without ids ends every region; an enable with ids does not end a region of every rule", () => {
    const all = "# provex-disable rule-a\nx2\n# provex-enable\nx4\n";
    expect(run(all, [at(all, "x2"), at(all, "x4")]).kept.map((f) => line(all, f))).toEqual([4]);
    const everyRule = "# provex-disable\nx2\n# provex-enable rule-a\nx4\n";
    expect(run(everyRule, [at(everyRule, "x2"), at(everyRule, "x4")]).kept).toEqual([]);
  });

  it("a region starts at its comment: a finding earlier on the same line stays", () => {
    const text = "x1 # provex-disable\nx2\n";
    expect(run(text, [at(text, "x1"), at(text, "x2")]).kept.map((f) => line(text, f))).toEqual([1]);
  });

  it("a directive naming ids hides only those rules; a suppressed finding keeps every covering reason", () => {
    const text = "# provex-disable rule-b -- first\n# provex-disable-next-line -- second\nx3\n";
    const outcome = run(text, [at(text, "x3", "rule-a"), at(text, "x3", "rule-b")]);
    expect(outcome.suppressed.map((f) => [f.ruleId, f.suppressions])).toEqual([
      ["rule-a", [{ kind: "directive", justification: "second" }]],
      [
        "rule-b",
        [
          { kind: "directive", justification: "first" },
          { kind: "directive", justification: "second" },
        ],
      ],
    ]);
    expect(outcome.kept).toEqual([]);
    expect(outcome.unused).toEqual([]);
  });

  it("without directives keeps every finding", () => {
    const findings = [at("x1\n", "x1")];
    expect(applyDirectives(findings, [], new LineIndex("x1\n"), KNOWN, "warning")).toEqual({
      kept: findings,
      suppressed: [],
      unused: [],
    });
  });
});

describe("unused-disable-directive", () => {
  it("reports a directive that hides nothing, at the comment, at the setting's severity, with a fix that removes its line", () => {
    const text = "x1\n  # provex-disable-next-line\nx3\n";
    const [unused, ...rest] = run(text, [at(text, "x1")], "error").unused;
    expect(rest).toEqual([]);
    expect(unused).toEqual({
      ruleId: "unused-disable-directive",
      severity: "error",
      span: { start: 5, end: 31 },
      message: "Unused provex-disable-next-line directive (no problems were reported).",
      fix: { description: "Remove the directive", edits: [{ span: { start: 3, end: 32 }, text: "" }] },
    });
    expect(applyFixes(text, [unused!])).toBe("x1\nx3\n");
  });

  it("removes a trailing comment with the blanks before it, and a CRLF line with its line break", () => {
    const trailing = "x1 \t # provex-disable-line\nx2\n";
    const [unusedTrailing] = run(trailing, []).unused;
    expect(applyFixes(trailing, [unusedTrailing!])).toBe("x1\nx2\n");
    const crlf = "x1\r\n# provex-disable rule-a\r\nx3\r\n";
    const [unusedCrlf] = run(crlf, []).unused;
    expect(applyFixes(crlf, [unusedCrlf!])).toBe("x1\r\nx3\r\n");
    const first = "# provex-disable\nx2\n";
    const [unusedFirst] = run(first, []).unused;
    expect(unusedFirst?.fix?.edits).toEqual([{ span: { start: 0, end: 17 }, text: "" }]);
  });

  it("names the unused ids, keeps the used ones and the reason in its fix", () => {
    const text = "x1 # provex-disable-line rule-a, rule-b, rule-c -- a reason\n";
    const [unused] = run(text, [at(text, "x1", "rule-b")]).unused;
    expect(unused?.message).toBe(
      "Unused provex-disable-line directive (no problems were reported from 'rule-a', 'rule-c').",
    );
    expect(unused?.fix?.description).toBe("Remove 'rule-a', 'rule-c'");
    expect(applyFixes(text, [unused!])).toBe("x1 # provex-disable-line rule-b -- a reason\n");
    const noReason = "x1 # provex-disable-line rule-a, rule-b\n";
    const [withoutReason] = run(noReason, [at(noReason, "x1", "rule-a")]).unused;
    expect(applyFixes(noReason, [withoutReason!])).toBe("x1 # provex-disable-line rule-a\n");
  });

  it("names an id that is no rule, and removes the whole directive when none of its ids is used", () => {
    const text = "x1\n# provex-disable-next-line rule-a, rul-b\nx3\n";
    const [unused] = run(text, []).unused;
    expect(unused?.message).toBe(
      "Unused provex-disable-next-line directive: there is no rule 'rul-b' (see docs/lint-rules.md for the ids).",
    );
    expect(unused?.fix?.description).toBe("Remove the directive");
    expect(applyFixes(text, [unused!])).toBe("x1\nx3\n");
  });

  it("never reports an enable, nor anything when its severity is off", () => {
    const text = "# provex-enable rule-a\n# provex-disable\n";
    expect(run(text, []).unused.map((f) => f.message)).toEqual([
      "Unused provex-disable directive (no problems were reported).",
    ]);
    expect(applyDirectives([], findDirectives(text), new LineIndex(text), KNOWN, undefined).unused).toEqual(
      [],
    );
  });

  it("a directive without ids that hid one finding is used", () => {
    const text = "# provex-disable-next-line\nx2\n# provex-disable-next-line rule-a\nx4\n";
    const outcome = run(text, [at(text, "x2", "rule-c"), at(text, "x4", "rule-a")]);
    expect(outcome.unused).toEqual([]);
    expect(outcome.kept).toEqual([]);
  });

  it("removes a directive on the last line of a file without a final line break", () => {
    const text = "x1\n# provex-disable";
    const [unused] = run(text, []).unused;
    expect(unused?.fix?.edits).toEqual([{ span: { start: 3, end: 19 }, text: "" }]);
    expect(applyFixes(text, [unused!])).toBe("x1\n");
  });

  it("names every id that is no rule, and strips provex/ only as a prefix", () => {
    const text = "x1 # provex-disable-line rul-a, xprovex/rule-b\n";
    const [unused] = run(text, []).unused;
    expect(unused?.message).toBe(
      "Unused provex-disable-line directive: there is no rule 'rul-a', 'xprovex/rule-b' (see docs/lint-rules.md for the ids).",
    );
  });

  it("a region is ended only by a later enable, never by one before it", () => {
    const text = "# provex-enable\n# provex-disable rule-a\nx3\n";
    expect(run(text, [at(text, "x3")]).kept).toEqual([]);
  });
});
