import type { MappingConfig } from "../mapping/model.js";
import { chooseObjectMapping } from "../mapping/object-choice.js";
import { createPreviewer, type Previewer } from "../mapping/preview.js";
import type { UserPreview } from "../mapping/preview-types.js";
import { type CompiledScope, compileScope } from "../mapping/scoping.js";
import { isAssigned, sourceAttributes } from "../mapping/source-user.js";
import type { DiffOptions, DiffSide } from "./diff-types.js";
import { TargetAttributes } from "./exported-values.js";
import { PerUserRandom } from "./seeded-random.js";

/**
 * One configuration as the review commands run it: compiled once, previewed lean (no step details),
 * with the shared clock and a per-user, per-mapping seeded random stream; and what a result says about
 * the scope and what it sends.
 */
export class Side {
  readonly previewer: Previewer;
  readonly targets: TargetAttributes;
  private readonly scope: CompiledScope | undefined;
  private readonly assignedOnly: boolean;
  private readonly random: PerUserRandom;

  constructor(config: MappingConfig, options: DiffOptions, now: Date, population?: readonly unknown[]) {
    this.random = new PerUserRandom(options.seed ?? 0);
    this.previewer = createPreviewer(
      config,
      {
        target: options.target,
        context: { ...options.context, now },
        randomFor: this.random.randomFor,
        showRedacted: options.showRedacted === true,
        details: false,
        targetKind: options.targetKind,
      },
      population,
    );
    this.targets = new TargetAttributes(config);
    const object = chooseObjectMapping(config).object;
    this.scope = object ? compileScope(object.scope) : undefined;
    this.assignedOnly = config.assignment === "assigned";
  }

  preview(user: unknown, index: number): UserPreview {
    this.random.restart(index);
    return this.previewer.previewUser(user, index);
  }

  side(user: unknown, result: UserPreview): DiffSide {
    return {
      action: result.action,
      ...(result.skipReason !== undefined ? { skipReason: result.skipReason } : {}),
      inScope: this.inScope(user, result),
      match: result.match?.id ?? null,
    };
  }

  private inScope(user: unknown, result: UserPreview): boolean | null {
    if (!this.scope || result.skipReason === "ImportSkipped") return null;
    const attributes = sourceAttributes(user);
    if (!attributes) return null;
    return (!this.assignedOnly || isAssigned(attributes)) && this.scope.holds(attributes);
  }
}
