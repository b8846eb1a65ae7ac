import type { EvaluationContext } from "../functions/index.js";
import type { PreviewAction } from "../mapping/preview-types.js";

/** Options of {@link diffPreviews} and {@link createDiffer}. */
export interface DiffOptions {
  /** The target app's directory before the run (a JSON array of SCIM resources), the same for both sides. */
  readonly target?: readonly unknown[];
  /**
   * The clock and tenant for both configurations: `now` (default: the real clock, read once, so both
   * sides see the same instant) and `defaultDomain`. Its `random` is not used: see `seed`.
   */
  readonly context?: Omit<EvaluationContext, "random">;
  /**
   * Guid() and RandomString() draw from a stream restarted for each user from this seed and the user's
   * position (default 0), on both sides: an unchanged mapping gives the same value in both configurations.
   */
  readonly seed?: number;
  /** Show the values that flow through Redact (default false: they stay `[Redact]` everywhere). */
  readonly showRedacted?: boolean;
  /** How the target is shown (`scim` or `attributes`), when the configurations are recognised wrongly. */
  readonly targetKind?: "scim" | "attributes";
}

/** What one configuration does with a user, as far as the diff compares it. */
export interface DiffSide {
  readonly action: PreviewAction;
  /** For Skip: `ImportSkipped`, `NotEffectivelyEntitled` or `RedundantExport`. */
  readonly skipReason?: string;
  /**
   * Whether the user is in the provisioning scope (assignment, when modelled, and the scoping filters);
   * null when the user is not imported (ImportSkipped, not an object, no user object mapping).
   */
  readonly inScope: boolean | null;
  /** The id of the matched target object, or null. */
  readonly match: string | null;
}

/** A target attribute whose exported value differs: `old`/`new` are absent when not sent on that side. */
export interface AttributeDiff {
  readonly target: string;
  /** `added`: sent by the new configuration only; `removed`: by the old only; `changed`: another value. */
  readonly change: "added" | "removed" | "changed";
  readonly old?: unknown;
  readonly new?: unknown;
}

/** An error or warning of a user's preview, as the diff lists it. */
export interface DiffProblem {
  readonly code: string;
  /** The target attribute concerned, when there is one. */
  readonly target?: string;
  readonly message: string;
}

/** Problems that appear with the new configuration and that vanish with it. */
export interface ProblemDiff {
  readonly new: readonly DiffProblem[];
  readonly vanished: readonly DiffProblem[];
}

/** One user whose result differs between the two configurations. */
export interface UserDiff {
  /** The user's position in the input (0-based). */
  readonly index: number;
  /** How reports name the user: objectId, else userPrincipalName, else `#n`. */
  readonly id: string;
  readonly displayName?: string;
  readonly old: DiffSide;
  readonly new: DiffSide;
  /** `entered` or `left` the provisioning scope; absent when scope did not change. */
  readonly scope?: "entered" | "left";
  /** True when the action (or its skip reason) differs. */
  readonly actionChanged: boolean;
  /** True when the matched target object differs. */
  readonly matchChanged: boolean;
  /** The target attributes whose exported value differs, in the new configuration's mapping order. */
  readonly attributes: readonly AttributeDiff[];
  readonly errors: ProblemDiff;
  readonly warnings: ProblemDiff;
}

/** How many users move from one action to another. */
export interface ActionMove {
  /** An action label: `Create`, `Update`, `Disable`, `Error`, or `Skip (reason)`. */
  readonly from: string;
  readonly to: string;
  readonly users: number;
}

/** For one target attribute, how many users' exported value changes, and how. */
export interface AttributeCount {
  readonly target: string;
  readonly users: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** The whole diff in numbers. */
export interface DiffSummary {
  readonly users: number;
  readonly changed: number;
  /** Users whose result is identical: counted, not listed. */
  readonly unchanged: number;
  readonly actionChanged: number;
  readonly actions: readonly ActionMove[];
  readonly scope: { readonly entered: number; readonly left: number };
  readonly matchChanged: number;
  /** Most users first, then by name. */
  readonly attributes: readonly AttributeCount[];
  /** Users with a new error, or with an error that vanished (likewise warnings). */
  readonly errors: { readonly new: number; readonly vanished: number };
  readonly warnings: { readonly new: number; readonly vanished: number };
}

/** What {@link diffPreviews} returns: the users whose result differs, in input order, and the summary. */
export interface PreviewDiff {
  readonly users: readonly UserDiff[];
  readonly summary: DiffSummary;
  /**
   * Why a side can preview no user (no enabled User object mapping): every user is then an Error
   * there. Absent when both sides run.
   */
  readonly problems?: { readonly old?: string; readonly new?: string };
}
