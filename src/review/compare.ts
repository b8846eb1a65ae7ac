import type { UserPreview } from "../mapping/preview-types.js";
import type { AttributeDiff, DiffProblem, ProblemDiff } from "./diff-types.js";
import type { ExportedValues } from "./exported-values.js";
import { sameValue } from "./values.js";

/** How two results of one user differ, on what Entra would do (never on wording). */
export interface ResultComparison {
  /** The action, or its skip reason, differs. */
  readonly actionChanged: boolean;
  readonly matchChanged: boolean;
  readonly attributes: readonly AttributeDiff[];
  readonly errors: ProblemDiff;
  readonly warnings: ProblemDiff;
  /** Nothing above differs. */
  readonly same: boolean;
}

/**
 * The one comparison of two previews of a user that `provex diff`, {@link diffPreviews} and the
 * playground's "what changed" all use: action and skip reason, matched object, the exported value of
 * each target attribute (added, removed, changed), and errors and warnings by code and target.
 */
export function compareResults(
  before: UserPreview,
  after: UserPreview,
  exportsBefore: ExportedValues,
  exportsAfter: ExportedValues,
): ResultComparison {
  const attributes = attributeDiffs(exportsBefore, exportsAfter);
  const errors = problemDiff(errorsOf(before), errorsOf(after));
  const warnings = problemDiff(before.warnings, after.warnings);
  const actionChanged = before.action !== after.action || before.skipReason !== after.skipReason;
  const matchChanged = (before.match?.id ?? null) !== (after.match?.id ?? null);
  const same =
    !actionChanged &&
    !matchChanged &&
    attributes.length === 0 &&
    errors.new.length === 0 &&
    errors.vanished.length === 0 &&
    warnings.new.length === 0 &&
    warnings.vanished.length === 0;
  return { actionChanged, matchChanged, attributes, errors, warnings, same };
}

function attributeDiffs(before: ExportedValues, after: ExportedValues): AttributeDiff[] {
  const diffs: AttributeDiff[] = [];
  for (const [target, value] of after) {
    if (!before.has(target)) diffs.push({ target, change: "added", new: value });
    else if (!sameValue(before.get(target), value))
      diffs.push({ target, change: "changed", old: before.get(target), new: value });
  }
  for (const [target, value] of before) {
    if (!after.has(target)) diffs.push({ target, change: "removed", old: value });
  }
  return diffs;
}

function errorsOf(result: UserPreview): DiffProblem[] {
  if (!result.error) return [];
  const { code, message, target } = result.error;
  return [{ code, message, ...(target !== undefined ? { target } : {}) }];
}

/** Problems are the same when code and target attribute are: a reworded message is no change. */
function problemDiff(before: readonly DiffProblem[], after: readonly DiffProblem[]): ProblemDiff {
  const key = (problem: DiffProblem) => `${problem.code}\u0000${problem.target ?? ""}`;
  const oldKeys = new Set(before.map(key));
  const newKeys = new Set(after.map(key));
  return {
    new: after.filter((problem) => !oldKeys.has(key(problem))).map(plainProblem),
    vanished: before.filter((problem) => !newKeys.has(key(problem))).map(plainProblem),
  };
}

function plainProblem(problem: DiffProblem): DiffProblem {
  return {
    code: problem.code,
    ...(problem.target !== undefined ? { target: problem.target } : {}),
    message: problem.message,
  };
}
