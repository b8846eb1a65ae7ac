import type { PreviewAction, UserPreview } from "../mapping/preview-types.js";

/**
 * What changed for users between two previews of the same users (before and after an edit of the
 * configuration): the playground's "what changed" summary, and the seed of `provex diff`. Pure and
 * small so that the review commands can reuse or replace it.
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
  /** The exported values that differ, in the target attributes' order after the edit. */
  readonly attributes: readonly AttributeChange[];
}

/** The comparison of two whole previews. */
export interface PreviewComparison {
  /** Users whose action, summary, requests or exported values differ, in input order. */
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
 * Compares one user's preview before and after an edit; undefined when nothing a reviewer would see
 * differs (action, summary, error, SCIM requests and exported values).
 */
export function compareUserPreviews(before: UserPreview, after: UserPreview): UserResultChange | undefined {
  const attributes = attributeChanges(exportedValues(before), exportedValues(after));
  const same =
    before.action === after.action &&
    before.summary === after.summary &&
    before.error?.code === after.error?.code &&
    attributes.length === 0 &&
    stableJson(before.requests) === stableJson(after.requests);
  if (same) return undefined;
  return {
    index: after.index,
    id: after.id,
    displayName: after.displayName,
    before: { action: before.action, summary: before.summary },
    after: { action: after.action, summary: after.summary },
    attributes,
  };
}

/**
 * Compares two previews of the same users, matched by {@link UserPreview.index}; a user present on one
 * side only counts as changed (its missing side reads as an `Error` with an empty summary).
 */
export function comparePreviews(
  before: readonly UserPreview[],
  after: readonly UserPreview[],
): PreviewComparison {
  const byIndex = new Map(before.map((user) => [user.index, user]));
  const changed: UserResultChange[] = [];
  let unchanged = 0;
  for (const user of after) {
    const old = byIndex.get(user.index);
    byIndex.delete(user.index);
    const change = old ? compareUserPreviews(old, user) : onlyOneSide(undefined, user);
    if (change) changed.push(change);
    else unchanged++;
  }
  for (const old of byIndex.values()) changed.push(onlyOneSide(old, undefined));
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

function onlyOneSide(before: UserPreview | undefined, after: UserPreview | undefined): UserResultChange {
  const user = (after ?? before) as UserPreview;
  const side = (preview: UserPreview | undefined): UserResult =>
    preview ? { action: preview.action, summary: preview.summary } : { action: "Error", summary: "" };
  return {
    index: user.index,
    id: user.id,
    displayName: user.displayName,
    before: side(before),
    after: side(after),
    attributes: attributeChanges(exportedValues(before), exportedValues(after)),
  };
}

/**
 * The value exported for each target attribute, read from the Action step's details (`exported` for a
 * create, `attributes` with outcome `exported` for an update or a redundant export).
 */
export function exportedValues(user: UserPreview | undefined): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const details = user?.steps.find((step) => step.name === "action")?.details;
  if (!details) return values;
  for (const key of ["exported", "attributes"] as const) {
    const list = details[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (typeof entry !== "object" || entry === null) continue;
      const { target, value, outcome } = entry as { target?: unknown; value?: unknown; outcome?: unknown };
      if (typeof target !== "string") continue;
      if (outcome !== undefined && outcome !== "exported") continue;
      values.set(target, value);
    }
  }
  return values;
}

function attributeChanges(before: Map<string, unknown>, after: Map<string, unknown>): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const [target, value] of after) {
    const old = before.get(target);
    if (!before.has(target) || stableJson(old) !== stableJson(value))
      changes.push({ target, before: old, after: value });
  }
  for (const [target, old] of before)
    if (!after.has(target)) changes.push({ target, before: old, after: undefined });
  return changes;
}

/** JSON with bigints as text: preview values may hold integers from the evaluator. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? `${item}n` : item)) ?? "undefined";
}
