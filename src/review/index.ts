/**
 * What a change does: the diff of two configurations' previews per user (`provex diff`), expectation
 * test suites (`provex test`) and their reports. Pure: no Node built-ins, so the playground can run it.
 */
export { type Colours, NO_COLOURS } from "./colours.js";
export { compareResults, type ResultComparison } from "./compare.js";
export { createDiffer, type Differ, diffPreviews } from "./diff.js";
export {
  GITHUB_COMMENT_LIMIT,
  MarkdownDiff,
  type MarkdownDiffOptions,
  MIN_MARKDOWN_LENGTH,
} from "./diff-markdown.js";
export { actionLabel, DiffTally } from "./diff-summary.js";
export { formatDiffSummaryText, formatUserDiffText } from "./diff-text.js";
export type {
  ActionMove,
  AttributeCount,
  AttributeDiff,
  DiffOptions,
  DiffProblem,
  DiffSide,
  DiffSummary,
  PreviewDiff,
  ProblemDiff,
  UserDiff,
} from "./diff-types.js";
export { type ExportedValues, TargetAttributes } from "./exported-values.js";
export { runTests } from "./run-tests.js";
export { PerUserRandom, seededRandom } from "./seeded-random.js";
export { parseTestFile, type TestFile, type TestFileCase } from "./test-file.js";
export { formatTestResults, TEST_FORMATS, type TestFormat, type TestReportOptions } from "./test-report.js";
export { resolveTestSuite, type TestSuiteInputs } from "./test-suite.js";
export type {
  AttributeExpectation,
  CaseActual,
  CaseResult,
  Expectation,
  TestCase,
  TestFailure,
  TestOptions,
  TestPosition,
  TestResults,
  TestSuite,
} from "./test-types.js";
export { snapshotOf, updateSnapshots } from "./test-update.js";
