import { describe, expect, it } from "vitest";
import {
  type CaseActual,
  type CaseResult,
  snapshotOf,
  type TestResults,
  updateSnapshots,
} from "../../src/review/index.js";

// `provex test --update`: what a snapshot writes, and where it goes in the file (nothing else changes).

const actual: CaseActual = {
  action: "Update",
  scope: "in",
  match: "t-1",
  error: null,
  warnings: ["w1"],
  attributes: { title: "Rep", 'phone[type eq "work"]': "42" },
};
const at = (line: number, column: number) => ({ line, column });
const result = (name: string, line: number, column: number, what: CaseActual = actual): CaseResult => ({
  name,
  status: "failed",
  position: at(line, column),
  failures: [],
  actual: what,
  duration: 0,
});
const results = (...cases: CaseResult[]): TestResults => ({
  name: "s",
  cases,
  passed: 0,
  failed: 0,
  duration: 0,
});

describe("snapshotOf", () => {
  it("writes every field of the actual result, in the order expect: reads them", () => {
    const snapshot = snapshotOf(actual);
    expect(snapshot).toEqual({
      action: "Update",
      scope: "in",
      match: "t-1",
      error: "none",
      warnings: ["w1"],
      attributes: actual.attributes,
    });
    expect(Object.keys(snapshot)).toEqual(["action", "scope", "match", "error", "warnings", "attributes"]);
    const skipped = snapshotOf({
      ...actual,
      action: "Skip",
      skipReason: "ImportSkipped",
      scope: null,
      match: null,
      error: { code: "E", message: "m" },
    });
    expect(Object.keys(skipped)).toEqual([
      "action",
      "skipReason",
      "match",
      "error",
      "warnings",
      "attributes",
    ]);
    expect(skipped).toMatchObject({ skipReason: "ImportSkipped", match: "none", error: "E" });
  });
});

describe("updateSnapshots", () => {
  it("adds expect: after a snapshot case's last key (after its comment), keeping the rest as written", () => {
    const text =
      "config: a\ncases:\n  - name: x   # one\n    user: u\n    snapshot: true   # two\n  - name: y\n    user: v\n    expect: { action: Skip }\n";
    const update = updateSnapshots(text, results(result("x", 3, 5)));
    expect(update).toEqual({
      text: 'config: a\ncases:\n  - name: x   # one\n    user: u\n    snapshot: true   # two\n    expect:\n      action: Update\n      scope: in\n      match: t-1\n      error: none\n      warnings:\n        - w1\n      attributes:\n        title: Rep\n        phone[type eq "work"]: "42"\n  - name: y\n    user: v\n    expect: { action: Skip }\n',
      updated: 1,
      skipped: [],
    });
  });

  it("replaces an existing expect: block, or a flow one, up to the end of its value", () => {
    const text =
      "cases:\n  - name: x\n    snapshot: true\n    expect:\n      action: Create   # stale\n\n\n  - name: y\n    snapshot: true\n    expect: { action: Skip }\n";
    const none: CaseActual = { ...actual, warnings: [], attributes: {} };
    const update = updateSnapshots(text, results(result("x", 2, 5, none), result("y", 8, 5, none)));
    const block =
      "\n      action: Update\n      scope: in\n      match: t-1\n      error: none\n      warnings: []\n      attributes: {}";
    expect(update.text).toBe(
      `cases:\n  - name: x\n    snapshot: true\n    expect:${block}\n\n\n  - name: y\n    snapshot: true\n    expect:${block}\n`,
    );
    expect(update.updated).toBe(2);
  });

  it("never folds a long value over several lines", () => {
    const long = "word ".repeat(40).trim();
    const text = "cases:\n  - name: x\n    snapshot: true\n";
    const update = updateSnapshots(
      text,
      results(result("x", 2, 5, { ...actual, warnings: [], attributes: { title: long } })),
    );
    expect(update.text).toContain(`\n        title: ${long}\n`);
  });

  it("keeps CRLF line ends, and indents by the case's column", () => {
    const text = "cases:\r\n    -   name: x\r\n        snapshot: true\r\n";
    const update = updateSnapshots(
      text,
      results(result("x", 2, 9, { ...actual, warnings: [], attributes: {} })),
    );
    expect(update.text).toBe(
      "cases:\r\n    -   name: x\r\n        snapshot: true\r\n        expect:\r\n          action: Update\r\n          scope: in\r\n          match: t-1\r\n          error: none\r\n          warnings: []\r\n          attributes: {}\r\n",
    );
  });

  it("leaves alone cases without snapshot: true, without a result, and lists flow-mapping cases", () => {
    const text =
      "cases:\n  - { name: f, snapshot: true }\n  - name: n\n    snapshot: false\n  - name: lost\n    snapshot: true\n  - just text\n";
    const update = updateSnapshots(text, results(result("f", 2, 5), result("n", 3, 5)));
    expect(update).toEqual({ text, updated: 0, skipped: ["f"] });
  });

  it("changes nothing in a file without a list of cases", () => {
    for (const text of ["", "cases: {}\n", "- a\n", "config: a\n"])
      expect(updateSnapshots(text, results(result("x", 1, 1)))).toEqual({ text, updated: 0, skipped: [] });
  });

  it("applies several edits from the end of the file, so earlier offsets stay right", () => {
    const text = "cases:\n  - name: a\n    snapshot: true\n  - name: b\n    snapshot: true\n";
    const small: CaseActual = {
      action: "Create",
      scope: null,
      match: null,
      error: null,
      warnings: [],
      attributes: {},
    };
    const update = updateSnapshots(text, results(result("a", 2, 5, small), result("b", 4, 5, small)));
    const block =
      "    expect:\n      action: Create\n      match: none\n      error: none\n      warnings: []\n      attributes: {}\n";
    expect(update.text).toBe(
      `cases:\n  - name: a\n    snapshot: true\n${block}  - name: b\n    snapshot: true\n${block}`,
    );
    // Idempotent once written.
    const again = updateSnapshots(update.text, results(result("a", 2, 5, small), result("b", 10, 5, small)));
    expect(again.text).toBe(update.text);
  });
});
