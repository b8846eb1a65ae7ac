import { describe, expect, it } from "vitest";
import {
  type CaseActual,
  type CaseResult,
  parseTestFile,
  type TestResults,
  updateSnapshots,
} from "../../src/review/index.js";

// `provex test --update` on the ways people leave a snapshot case: where the written expect: goes, what
// happens to a comment or trailing spaces already there, and that the file reads back without problems.

const actual: CaseActual = {
  action: "Create",
  scope: "in",
  match: null,
  error: null,
  warnings: [],
  attributes: { title: "Rep" },
};
const BLOCK = [
  "      action: Create",
  "      scope: in",
  "      match: none",
  "      error: none",
  "      warnings: []",
  "      attributes:",
  "        title: Rep",
].join("\n");
/** The results of one case `x` at line 3, column 5 (the first case of the files below). */
const results = (line = 3, column = 5): TestResults => {
  const result: CaseResult = {
    name: "x",
    status: "failed",
    position: { line, column },
    failures: [],
    actual,
    duration: 0,
  };
  return { name: "s", cases: [result], passed: 0, failed: 1, duration: 0 };
};
const HEAD = "config: a\ncases:\n  - name: x\n    user: u\n    snapshot: true\n";

/** The expectations the updated file holds for its first case (and that it reads without problems). */
function readBack(text: string) {
  const { file, diagnostics } = parseTestFile(text);
  expect(diagnostics).toEqual([]);
  return file.cases[0]?.expect;
}
const WRITTEN = {
  action: "Create",
  scope: "in",
  match: null,
  error: null,
  warnings: [],
  attributes: { title: { kind: "equals", value: "Rep" } },
};

describe("updateSnapshots: an expect: left empty or with a placeholder", () => {
  it("a comment after expect: stays on the expect: line, above the written block", () => {
    const text = `${HEAD}    expect: # fill in\n  - name: y\n    user: v\n    expect: {}\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(
      `${HEAD}    expect: # fill in\n${BLOCK}\n  - name: y\n    user: v\n    expect: {}\n`,
    );
    expect(update.updated).toBe(1);
    expect(readBack(update.text)).toEqual(WRITTEN);
  });

  it("a null with a comment after it: the comment stays on the expect: line, the null goes", () => {
    const text = `${HEAD}    expect: ~   # none yet\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${HEAD}    expect: # none yet\n${BLOCK}\n`);
    expect(readBack(update.text)).toEqual(WRITTEN);
  });

  it("a flow expect: with a comment after it is replaced; the comment stays on its line", () => {
    const text = `${HEAD}    expect: { action: Skip }  # old\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${HEAD}    expect: # old\n${BLOCK}\n`);
  });

  it("a comment on the line after an empty expect: stays after the block", () => {
    const text = `${HEAD}    expect:\n    # todo\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${HEAD}    expect:\n${BLOCK}\n    # todo\n`);
    expect(readBack(update.text)).toEqual(WRITTEN);
  });

  it("an explicit key without a value (? expect) becomes expect: with the block", () => {
    const text = `${HEAD}    ? expect\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${HEAD}    expect:\n${BLOCK}\n`);
    expect(readBack(update.text)).toEqual(WRITTEN);
  });
});

describe("updateSnapshots: a case without expect:", () => {
  it("trailing spaces on the case's last line stay on it; the block goes on the next line", () => {
    const text = `config: a\ncases:\n  - name: x\n    user: u\n    snapshot: true   \n  - name: y\n    user: v\n    expect: {}\n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(
      `config: a\ncases:\n  - name: x\n    user: u\n    snapshot: true   \n    expect:\n${BLOCK}\n  - name: y\n    user: v\n    expect: {}\n`,
    );
    expect(readBack(update.text)).toEqual(WRITTEN);
  });

  it("trailing spaces after a comment on the case's last line stay there too", () => {
    const text = `${HEAD.trimEnd()} # mine  \n`;
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${HEAD.trimEnd()} # mine  \n    expect:\n${BLOCK}\n`);
  });

  it("a file without a final line end: the block goes at its end, and none is added", () => {
    const text = HEAD.trimEnd();
    const update = updateSnapshots(text, results());
    expect(update.text).toBe(`${text}\n    expect:\n${BLOCK}`);
    expect(readBack(update.text)).toEqual(WRITTEN);
  });
});

describe("updateSnapshots: which result belongs to which case", () => {
  it("a result belongs to the case at its line and column, both", () => {
    const text = HEAD;
    for (const [line, column] of [
      [3, 3],
      [3, 6],
      [4, 5],
    ] as const)
      expect(updateSnapshots(text, results(line, column))).toEqual({ text, updated: 0, skipped: [] });
    expect(updateSnapshots(text, results(3, 5)).updated).toBe(1);
  });
});
