import type { ActionMove, AttributeCount, DiffSide, DiffSummary, UserDiff } from "./diff-types.js";

/** An action as reports show it: `Skip (RedundantExport)`, `Create`. */
export function actionLabel(side: Pick<DiffSide, "action" | "skipReason">): string {
  return side.action === "Skip" && side.skipReason ? `Skip (${side.skipReason})` : side.action;
}

/** Adds up the users of a diff as they stream past, in constant memory (per attribute and action pair). */
export class DiffTally {
  private users = 0;
  private changed = 0;
  private actionChanged = 0;
  private matchChanged = 0;
  private readonly moves = new Map<string, { from: string; to: string; users: number }>();
  private readonly attributes = new Map<string, { added: number; removed: number; changed: number }>();
  private readonly scope = { entered: 0, left: 0 };
  private readonly errors = { new: 0, vanished: 0 };
  private readonly warnings = { new: 0, vanished: 0 };

  /** Counts one user: its diff, or undefined when its result is identical. */
  add(diff: UserDiff | undefined): void {
    this.users++;
    if (!diff) return;
    this.changed++;
    if (diff.actionChanged) {
      this.actionChanged++;
      const from = actionLabel(diff.old);
      const to = actionLabel(diff.new);
      const key = `${from}\u0000${to}`;
      const move = this.moves.get(key) ?? { from, to, users: 0 };
      move.users++;
      this.moves.set(key, move);
    }
    if (diff.matchChanged) this.matchChanged++;
    if (diff.scope) this.scope[diff.scope]++;
    for (const attribute of diff.attributes) {
      const count = this.attributes.get(attribute.target) ?? { added: 0, removed: 0, changed: 0 };
      count[attribute.change]++;
      this.attributes.set(attribute.target, count);
    }
    if (diff.errors.new.length > 0) this.errors.new++;
    if (diff.errors.vanished.length > 0) this.errors.vanished++;
    if (diff.warnings.new.length > 0) this.warnings.new++;
    if (diff.warnings.vanished.length > 0) this.warnings.vanished++;
  }

  summary(): DiffSummary {
    const actions: ActionMove[] = [...this.moves.values()].sort(
      (a, b) => b.users - a.users || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    );
    const attributes: AttributeCount[] = [...this.attributes]
      .map(([target, count]) => ({ target, users: count.added + count.removed + count.changed, ...count }))
      .sort((a, b) => b.users - a.users || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    return {
      users: this.users,
      changed: this.changed,
      unchanged: this.users - this.changed,
      actionChanged: this.actionChanged,
      actions,
      scope: { ...this.scope },
      matchChanged: this.matchChanged,
      attributes,
      errors: { ...this.errors },
      warnings: { ...this.warnings },
    };
  }
}
