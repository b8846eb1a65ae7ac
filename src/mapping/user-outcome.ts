import type {
  PreviewStep,
  PreviewStepName,
  PreviewWarning,
  StepStatus,
  UserPreview,
} from "./preview-types.js";

/** What every user result starts from. */
export type UserOutcome = Pick<UserPreview, "index" | "id" | "displayName" | "match">;

const TITLES: Record<PreviewStepName, string> = {
  import: "Import user",
  scope: "Determine if user is in scope",
  match: "Match user between source and target system",
  action: "Perform action",
};

export function step(
  name: PreviewStepName,
  status: StepStatus,
  description: string,
  details: Record<string, unknown>,
): PreviewStep {
  return { name, title: TITLES[name], status, description, details };
}

export function skipped(
  base: UserOutcome,
  steps: PreviewStep[],
  warnings: PreviewWarning[],
  skipReason: string,
  why: string,
): UserPreview {
  return {
    ...base,
    action: "Skip",
    skipReason,
    summary: `Skip (${skipReason}): ${why}`,
    steps,
    requests: [],
    warnings: unique(warnings),
  };
}

export function failed(
  base: UserOutcome,
  steps: PreviewStep[],
  warnings: PreviewWarning[],
  error: { code: string; message: string; target?: string },
): UserPreview {
  const where = error.target ? ` (${error.target})` : "";
  return {
    ...base,
    action: "Error",
    error,
    summary: `Error ${error.code}${where}: ${error.message}`,
    steps,
    requests: [],
    warnings: unique(warnings),
  };
}

export function unique(warnings: readonly PreviewWarning[]): PreviewWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.target}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
