import type { MappingConfig } from "../mapping/model.js";
import { compareResults } from "./compare.js";
import { DiffTally } from "./diff-summary.js";
import type { DiffOptions, DiffSummary, PreviewDiff, UserDiff } from "./diff-types.js";
import { Side } from "./preview-side.js";

/** Diffs users one at a time (the CLI streams them); see {@link diffPreviews}. */
export interface Differ {
  /** The user's diff, or undefined when both configurations do the same; counted in the summary either way. */
  diffUser(user: unknown, index: number): UserDiff | undefined;
  /** The summary of the users diffed so far. */
  summary(): DiffSummary;
  /** Why a side can preview no user (see {@link PreviewDiff.problems}). */
  readonly problems?: PreviewDiff["problems"];
}

/**
 * A differ for two configurations over the same target directory, clock and seed. Both configurations
 * are compiled once; each user is previewed by both and compared on what Entra would export — the
 * action, the scope, the matched object, the value each target attribute is sent with, and the errors
 * and warnings — never on incidental details such as wording. `population` (all users, when known) lets
 * references such as `manager` resolve to users later in the input.
 */
export function createDiffer(
  oldConfig: MappingConfig,
  newConfig: MappingConfig,
  options: DiffOptions = {},
  population?: readonly unknown[],
): Differ {
  // One instant for both sides and every user.
  const now = options.context?.now ?? new Date();
  const before = new Side(oldConfig, options, now, population);
  const after = new Side(newConfig, options, now, population);
  const tally = new DiffTally();
  const problems = {
    ...(before.previewer.problem ? { old: before.previewer.problem.message } : {}),
    ...(after.previewer.problem ? { new: after.previewer.problem.message } : {}),
  };
  return {
    ...(problems.old || problems.new ? { problems } : {}),
    diffUser(user, index) {
      const diff = diffUser(user, index, before, after);
      tally.add(diff);
      return diff;
    },
    summary: () => tally.summary(),
  };
}

/**
 * What changes, for whom, when `oldConfig` is replaced by `newConfig` (the review of a pull request):
 * both are previewed over the same `users`, target directory, clock and seed. Per user whose result
 * differs: scope entered or left, the action before and after, the matched object, each target attribute
 * whose exported value changes (`old → new`, added and removed ones included) and new or vanished errors
 * and warnings; users whose result is identical are only counted. Values that flow through Redact stay
 * `[Redact]` unless `showRedacted` is set. Pure and never throws (a user that fails is an Error side).
 */
export function diffPreviews(
  oldConfig: MappingConfig,
  newConfig: MappingConfig,
  users: Iterable<unknown>,
  options: DiffOptions = {},
): PreviewDiff {
  const iterable =
    typeof (users as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] === "function" &&
    typeof users !== "string"
      ? users
      : [];
  const population = Array.isArray(iterable) ? iterable : undefined;
  const differ = createDiffer(oldConfig, newConfig, options, population);
  const changed: UserDiff[] = [];
  let index = 0;
  for (const user of iterable) {
    const diff = differ.diffUser(user, index++);
    if (diff) changed.push(diff);
  }
  return {
    users: changed,
    summary: differ.summary(),
    ...(differ.problems ? { problems: differ.problems } : {}),
  };
}

function diffUser(user: unknown, index: number, before: Side, after: Side): UserDiff | undefined {
  const oldResult = before.preview(user, index);
  const newResult = after.preview(user, index);
  const oldSide = before.side(user, oldResult);
  const newSide = after.side(user, newResult);
  const comparison = compareResults(
    oldResult,
    newResult,
    before.targets.exportedValues(oldResult),
    after.targets.exportedValues(newResult),
  );
  const scope =
    oldSide.inScope === null || newSide.inScope === null || oldSide.inScope === newSide.inScope
      ? undefined
      : newSide.inScope
        ? "entered"
        : "left";
  if (comparison.same && scope === undefined) return undefined;
  return {
    index,
    id: newResult.id,
    ...(newResult.displayName !== undefined ? { displayName: newResult.displayName } : {}),
    old: oldSide,
    new: newSide,
    ...(scope ? { scope } : {}),
    actionChanged: comparison.actionChanged,
    matchChanged: comparison.matchChanged,
    attributes: comparison.attributes,
    errors: comparison.errors,
    warnings: comparison.warnings,
  };
}
