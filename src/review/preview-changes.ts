import type { MappingConfig } from "../mapping/model.js";
import type { PreviewAction, UserPreview } from "../mapping/preview-types.js";
import { compareResults } from "./compare.js";
import { type ExportedValues, exportedValuesWithoutConfig, TargetAttributes } from "./exported-values.js";

/**
 * What changed for users between two previews of the same users (before and after an edit of the
 * configuration): the playground's "what changed". The comparison itself is {@link compareResults}, the
 * one `provex diff` uses; this adapter keeps the playground's shapes.
 */

/** One user's result on one side of the comparison. */
export interface UserResult {
  readonly action: PreviewAction;
  readonly summary: string;
}

/** A target attribute whose exported value differs (`undefined`: not exported on that side). */
export interface AttributeChange {
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A user whose result differs between the two previews. */
export interface UserResultChange {
  /** The user's position in the input (0-based), as in {@link UserPreview.index}. */
  readonly index: number;
  readonly id: string;
  readonly displayName: string | undefined;
  readonly before: UserResult;
  readonly after: UserResult;
  /** The exported values that differ: the edited side's mapping order, then those it no longer sends. */
  readonly attributes: readonly AttributeChange[];
}

/** The comparison of two whole previews. */
export interface PreviewComparison {
  /** Users whose action, match, exported values, errors or warnings differ, in input order. */
  readonly changed: readonly UserResultChange[];
  readonly unchanged: number;
  /** Per action after the edit, how many changed users moved into it from another action. */
  readonly actionMoves: readonly {
    readonly from: PreviewAction;
    readonly to: PreviewAction;
    readonly count: number;
  }[];
}

/**
 * The two configurations, when known: exported values are then read from the requests alone; without
 * them a create's values come from its Action step, so the previews must carry details.
 */
export interface ComparedConfigs {
  readonly before: MappingConfig;
  readonly after: MappingConfig;
}

type Exports = (result: UserPreview | undefined) => ExportedValues;

function exportsOf(configs: ComparedConfigs | undefined): { before: Exports; after: Exports } {
  const none: ExportedValues = new Map();
  if (!configs) {
    const read: Exports = (result) => (result ? exportedValuesWithoutConfig(result) : none);
    return { before: read, after: read };
  }
  const before = new TargetAttributes(configs.before);
  const after = new TargetAttributes(configs.after);
  return {
    before: (result) => (result ? before.exportedValues(result) : none),
    after: (result) => (result ? after.exportedValues(result) : none),
  };
}

/**
 * Compares one user's preview before and after an edit; undefined when nothing Entra would do differs
 * (action, match, exported values, errors and warnings).
 */
export function compareUserPreviews(
  before: UserPreview,
  after: UserPreview,
  configs?: ComparedConfigs,
): UserResultChange | undefined {
  const exports = exportsOf(configs);
  return changeOf(before, after, exports);
}

function changeOf(
  before: UserPreview,
  after: UserPreview,
  exports: { before: Exports; after: Exports },
): UserResultChange | undefined {
  const comparison = compareResults(before, after, exports.before(before), exports.after(after));
  if (comparison.same) return undefined;
  return {
    index: after.index,
    id: after.id,
    displayName: after.displayName,
    before: { action: before.action, summary: before.summary },
    after: { action: after.action, summary: after.summary },
    attributes: comparison.attributes.map((a) => ({ target: a.target, before: a.old, after: a.new })),
  };
}

/**
 * Compares two previews of the same users, matched by {@link UserPreview.index}; a user present on one
 * side only counts as changed (its missing side reads as an `Error` with an empty summary).
 */
export function comparePreviews(
  before: readonly UserPreview[],
  after: readonly UserPreview[],
  configs?: ComparedConfigs,
): PreviewComparison {
  const exports = exportsOf(configs);
  const byIndex = new Map(before.map((user) => [user.index, user]));
  const changed: UserResultChange[] = [];
  let unchanged = 0;
  for (const user of after) {
    const old = byIndex.get(user.index);
    byIndex.delete(user.index);
    const change = old ? changeOf(old, user, exports) : onlyOneSide(undefined, user, exports);
    if (change) changed.push(change);
    else unchanged++;
  }
  for (const old of byIndex.values()) changed.push(onlyOneSide(old, undefined, exports));
  changed.sort((a, b) => a.index - b.index);
  const moves = new Map<string, { from: PreviewAction; to: PreviewAction; count: number }>();
  for (const change of changed) {
    if (change.before.action === change.after.action) continue;
    const key = `${change.before.action}>${change.after.action}`;
    const move = moves.get(key) ?? { from: change.before.action, to: change.after.action, count: 0 };
    move.count++;
    moves.set(key, move);
  }
  return { changed, unchanged, actionMoves: [...moves.values()] };
}

function onlyOneSide(
  before: UserPreview | undefined,
  after: UserPreview | undefined,
  exports: { before: Exports; after: Exports },
): UserResultChange {
  const user = (after ?? before) as UserPreview;
  const side = (preview: UserPreview | undefined): UserResult =>
    preview ? { action: preview.action, summary: preview.summary } : { action: "Error", summary: "" };
  const old = exports.before(before);
  const updated = exports.after(after);
  const attributes: AttributeChange[] = [];
  for (const [target, value] of updated) attributes.push({ target, before: old.get(target), after: value });
  for (const [target, value] of old)
    if (!updated.has(target)) attributes.push({ target, before: value, after: undefined });
  return {
    index: user.index,
    id: user.id,
    displayName: user.displayName,
    before: side(before),
    after: side(after),
    attributes,
  };
}
