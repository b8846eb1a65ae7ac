import type { EvaluationContext } from "../functions/index.js";

/** What Entra would do with a user (SPEC §e). */
export type PreviewAction = "Create" | "Update" | "Skip" | "Disable" | "Error";

/** The four steps of provision on demand, in order. */
export type PreviewStepName = "import" | "scope" | "match" | "action";

export type StepStatus = "success" | "skipped" | "failure";

/** One step as the Entra portal shows it, with its "View details". */
export interface PreviewStep {
  readonly name: PreviewStepName;
  /** Entra's title for the step, e.g. "Determine if user is in scope" ("group" for a group mapping). */
  readonly title: string;
  readonly status: StepStatus;
  /** One sentence saying what happened. */
  readonly description: string;
  /** The step's details: attributes read, each filter and clause, each matching attempt, each exported value. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A request Entra would send to the SCIM app. */
export interface ScimRequest {
  readonly method: "POST" | "PATCH";
  /** `/Users` or `/Users/{id}`. */
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A warning about one attribute of one user. */
export interface PreviewWarning {
  /** `iif-null-condition`, `switch-on-reference`, `provex-only`, `reference-not-exported`, … */
  readonly code: string;
  /** The target attribute concerned. */
  readonly target: string;
  readonly message: string;
}

/** The target object a user matched. */
export interface PreviewMatch {
  readonly id: string;
  /** The target attribute that matched, e.g. `userName`. */
  readonly attribute: string;
  readonly value: string;
}

/** One attribute an export changes: what the target holds now (null on create) and what it gets. */
export interface AttributeChange {
  readonly target: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/**
 * For a target that is not a SCIM app (Salesforce, an on-premises LDAP or ECMA app, …): the attribute
 * changes Entra would export through the app's connector, in place of SCIM requests.
 */
export interface AttributeExportPreview {
  /** The rule's target directory, e.g. `salesforce.com`. */
  readonly directory: string;
  readonly changes: readonly AttributeChange[];
}

/** The preview of one source user. */
export interface UserPreview {
  /** The user's position in the input (0-based). */
  readonly index: number;
  /** How the user is named in reports: objectId, else userPrincipalName, else `#n`. */
  readonly id: string;
  readonly displayName: string | undefined;
  readonly action: PreviewAction;
  /** For Skip: `ImportSkipped`, `NotEffectivelyEntitled` or `RedundantExport`. */
  readonly skipReason?: string;
  /** For Error: the code (`DuplicateTargetEntries`, `MandatoryFieldsMissing`, an evaluation error's code…). */
  readonly error?: { readonly code: string; readonly message: string; readonly target?: string };
  /** One line a provisioning admin reads first. */
  readonly summary: string;
  /** The matched target object, or null (no match, or matching not attempted). */
  readonly match: PreviewMatch | null;
  /** The four steps; empty when the preview was asked for no details (`details: false`). */
  readonly steps: readonly PreviewStep[];
  /** What Entra would send to a SCIM app; empty for a target that is not SCIM (see `attributeChanges`). */
  readonly requests: readonly ScimRequest[];
  /** For a target that is not SCIM, the attribute changes of a Create or Update; otherwise undefined. */
  readonly attributeChanges?: AttributeExportPreview;
  readonly warnings: readonly PreviewWarning[];
}

/** Options of {@link preview}. */
export interface PreviewOptions {
  /** The target app's directory before the run: a JSON array of SCIM resources. */
  readonly target?: readonly unknown[];
  /** Clock and randomness for Now, Guid and RandomString (SelectUniqueValue's `exists` is the target's). */
  readonly context?: EvaluationContext;
  /**
   * A random source per target attribute, instead of `context.random` (the review commands give each
   * mapping its own seeded stream, so that adding a mapping does not shift another's Guid()).
   */
  readonly randomFor?: (targetAttribute: string) => () => number;
  /**
   * The name of the object mapping to use; default: the first enabled one whose source object is User
   * (never another object type: without one, every user is an Error `no-object-mapping`).
   */
  readonly objectMapping?: string;
  /**
   * Show the values that flow through Redact instead of `[Redact]` (the CLI's `--show-redacted`).
   * Default false: a secret never reaches any part of the result.
   */
  readonly showRedacted?: boolean;
  /** Build each step with its details (default true); false gives lean results with `steps: []`. */
  readonly details?: boolean;
  /**
   * How the target is shown: `scim` (SCIM requests) or `attributes` (the attribute changes Entra would
   * export). Default: recognised from the configuration (docs/configuration.md, "SCIM and other targets").
   */
  readonly targetKind?: "scim" | "attributes";
}
