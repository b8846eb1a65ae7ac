import type {
  AttributeExportPreview,
  PreviewAction,
  PreviewMatch,
  PreviewStep,
  PreviewStepName,
  PreviewWarning,
  ScimRequest,
  StepStatus,
  UserPreview,
} from "./preview-types.js";

/** What every user result starts from. */
export interface UserOutcome {
  readonly index: number;
  readonly id: string;
  readonly displayName: string | undefined;
  readonly match: PreviewMatch | null;
}

/** An error of one user, as {@link UserPreview.error} holds it. */
export interface UserError {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

const NO_STEPS: readonly PreviewStep[] = Object.freeze([]) as readonly PreviewStep[];
const NO_REQUESTS: readonly ScimRequest[] = Object.freeze([]) as readonly ScimRequest[];

export function step(
  titles: Readonly<Record<PreviewStepName, string>>,
  name: PreviewStepName,
  status: StepStatus,
  description: string,
  details: Record<string, unknown>,
): PreviewStep {
  return { name, title: titles[name], status, description, details };
}

/**
 * A user's result. Every result has the same properties in the same order (absent ones undefined, which
 * JSON leaves out), so that the engine builds objects of one shape.
 */
export function outcome(
  base: UserOutcome,
  action: PreviewAction,
  summary: string,
  steps: readonly PreviewStep[] | undefined,
  warnings: readonly PreviewWarning[],
  extra: {
    readonly skipReason?: string;
    readonly error?: UserError;
    readonly requests?: readonly ScimRequest[];
    readonly attributeChanges?: AttributeExportPreview;
  } = {},
): UserPreview {
  return {
    index: base.index,
    id: base.id,
    displayName: base.displayName,
    action,
    skipReason: extra.skipReason,
    error: extra.error,
    summary,
    match: base.match,
    steps: steps ?? NO_STEPS,
    requests: extra.requests ?? NO_REQUESTS,
    attributeChanges: extra.attributeChanges,
    warnings: unique(warnings),
  };
}

export function skipped(
  base: UserOutcome,
  steps: readonly PreviewStep[] | undefined,
  warnings: readonly PreviewWarning[],
  skipReason: string,
  why: string,
): UserPreview {
  return outcome(base, "Skip", `Skip (${skipReason}): ${why}`, steps, warnings, { skipReason });
}

export function failed(
  base: UserOutcome,
  steps: readonly PreviewStep[] | undefined,
  warnings: readonly PreviewWarning[],
  error: UserError,
): UserPreview {
  const where = error.target ? ` (${error.target})` : "";
  return outcome(base, "Error", `Error ${error.code}${where}: ${error.message}`, steps, warnings, { error });
}

export function unique(warnings: readonly PreviewWarning[]): PreviewWarning[] {
  if (warnings.length === 0) return [];
  if (warnings.length === 1) return [warnings[0] as PreviewWarning];
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.target}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
