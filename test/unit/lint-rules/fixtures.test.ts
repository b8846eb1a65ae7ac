import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../../src/diagnostics/index.js";
import { lint, lintAndFix } from "../../../src/lint/index.js";
import { rules } from "../../../src/lint/rules/index.js";
import type { LintFinding, TextEdit } from "../../../src/lint/types.js";

const folder = resolve(import.meta.dirname, "../../fixtures/lint");
const files = readdirSync(folder)
  .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== "expected.json")
  .sort();
const read = (name: string) => readFileSync(resolve(folder, name), "utf8");

interface Expected {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly column: number;
}
const expected: Expected[] = JSON.parse(read("expected.json"));

function located(file: string, text: string, findings: readonly LintFinding[]): Expected[] {
  const index = new LineIndex(text);
  return findings.map((finding) => {
    const { line, column } = index.locate(finding.span.start);
    return { file, rule: finding.ruleId, line, column };
  });
}

const key = (f: Expected) => `${f.file} ${f.rule} ${f.line}:${f.column}`;
const fixable = new Set(rules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id));

describe("test/fixtures/lint", () => {
  it("gives exactly the findings of expected.json, file by file", () => {
    const actual = files.flatMap((file) => located(file, read(file), lint(read(file))));
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("makes every rule fire in a provex YAML file and in an Entra JSON file", () => {
    for (const { meta } of rules) {
      const where = expected.filter((f) => f.rule === meta.id).map((f) => f.file);
      expect(
        where.some((file) => file.endsWith(".yaml")),
        `${meta.id} in YAML`,
      ).toBe(true);
      expect(
        where.some((file) => file.endsWith(".json")),
        `${meta.id} in JSON`,
      ).toBe(true);
    }
  });

  for (const file of files) {
    it(`${file}: the fixes leave no finding of a fixable rule and change only the fixed lines`, () => {
      const text = read(file);
      const before = lint(text);
      const fixes = before.flatMap((finding) => (finding.fix ? [finding.fix] : []));
      const fixed = lintAndFix(text);
      // Every fixable finding had a fix, and none is left.
      expect(before.filter((f) => fixable.has(f.ruleId) && !f.fix).map((f) => f.ruleId)).toEqual([]);
      expect(fixed.findings.filter((f) => fixable.has(f.ruleId)).map((f) => f.ruleId)).toEqual([]);
      // The other findings are still there: fixing one problem does not hide or cause another.
      const others = (findings: readonly LintFinding[]) =>
        findings
          .filter((f) => !fixable.has(f.ruleId))
          .map((f) => f.ruleId)
          .sort();
      expect(others(fixed.findings)).toEqual(others(before));
      expect(fixed.fixCount).toBe(fixes.length);
      // The output is the input with exactly these edits: nothing else changed.
      expect(fixed.output).toBe(
        applyEdits(
          text,
          fixes.flatMap((fix) => fix.edits),
        ),
      );
      // Each edit stays on the lines of the finding it repairs.
      const index = new LineIndex(text);
      for (const finding of before) {
        if (!finding.fix) continue;
        const first = index.locate(finding.span.start).line;
        const last = index.locate(finding.span.end).line;
        for (const edit of finding.fix.edits) {
          expect(index.locate(edit.span.start).line).toBeGreaterThanOrEqual(first);
          expect(index.locate(Math.max(edit.span.start, edit.span.end - 1)).line).toBeLessThanOrEqual(last);
        }
      }
    });
  }
});

/** `text` with non-overlapping edits applied (an independent check of lintAndFix). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    out += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

describe("test/fixtures/shared", () => {
  // The shared scenario is a configuration that works: no rule finds anything in it, in either format.
  for (const name of ["entra-scim-schema.json", "provex-config.yaml"]) {
    it(`${name} gives no finding`, () => {
      const text = readFileSync(resolve(import.meta.dirname, "../../fixtures/shared", name), "utf8");
      expect(lint(text).map((f) => `${f.ruleId} ${f.severity}: ${f.message}`)).toEqual([]);
    });
  }
});
