import { render } from "../evaluator/index.js";
import { isFlowSkipped } from "../functions/index.js";
import type { AttributeTable } from "./directories.js";
import type { PlannedMapping, UserValues } from "./flow.js";
import { TargetDirectory } from "./target-directory.js";

/** A matching attribute's value for one user (null: no value, so it cannot be used). */
export interface MatchingValue {
  readonly target: string;
  readonly priority: number;
  readonly value: string | null;
}

/** One attempt of the Match step: an attribute, its value, the target objects found. */
export interface MatchAttempt {
  readonly attribute: string;
  readonly priority: number;
  readonly value: string | null;
  readonly matches: readonly string[];
}

export interface MatchOutcome {
  readonly attempts: readonly MatchAttempt[];
  /** The target objects found by the first attribute that found any (more than one: DuplicateTargetEntries). */
  readonly found: readonly unknown[];
  readonly attempt: MatchAttempt | undefined;
}

/** Evaluates each matching attribute for the user (the Import step needs at least one value). */
export function matchingValues(matchers: readonly PlannedMapping[], values: UserValues): MatchingValue[] {
  const result: MatchingValue[] = new Array(matchers.length);
  for (let i = 0; i < matchers.length; i++) {
    const planned = matchers[i] as PlannedMapping;
    const value = values.of(planned);
    const rendered = isFlowSkipped(value) ? null : render(value);
    const text = Array.isArray(rendered) ? (rendered[0] ?? null) : rendered;
    result[i] = {
      target: planned.target,
      priority: planned.mapping.matchingPriority,
      value: text === "" ? null : text,
    };
  }
  return result;
}

/** Tries the matching attributes in order and stops at the first one that finds target objects. */
export function matchInTarget(
  values: readonly MatchingValue[],
  directory: TargetDirectory,
  targetTable: AttributeTable,
): MatchOutcome {
  const attempts: MatchAttempt[] = [];
  for (const { target, priority, value } of values) {
    if (value === null) {
      attempts.push({ attribute: target, priority, value, matches: [] });
      continue;
    }
    const found = directory.find(target, value, targetTable.get(target)?.caseExact ?? false);
    const attempt = { attribute: target, priority, value, matches: found.map(idLabel) };
    attempts.push(attempt);
    if (found.length > 0) return { attempts, found, attempt };
  }
  return { attempts, found: [], attempt: undefined };
}

/** How a target object is named in the Match step: its id, or "(no id)". */
export function idLabel(resource: unknown): string {
  return TargetDirectory.knownIdOf(resource) ?? "(no id)";
}
