import { ProvexError } from "../diagnostics/index.js";
import { isResourceLimit, MappingFailure, type UserInput, UserValues } from "./flow.js";
import { matchInTarget, matchingValues } from "./matching.js";
import type { MappingConfig } from "./model.js";
import { chooseObjectMapping } from "./object-choice.js";
import { previewAction } from "./preview-action.js";
import { buildPlan, type PreviewPlan } from "./preview-plan.js";
import type { PreviewOptions, PreviewStep, PreviewWarning, UserPreview } from "./preview-types.js";
import { addSecretTexts, REDACTED, redactTexts } from "./redaction.js";
import { referenceResolver } from "./references.js";
import type { ClauseResult, FilterResult } from "./scoping.js";
import { isAssigned, isSoftDeleted, sourceAttributes, userLabel } from "./source-user.js";
import { TargetDirectory } from "./target-directory.js";
import { failed, skipped, step, type UserOutcome } from "./user-outcome.js";

/** Previews users one at a time (the CLI streams JSONL through it); see {@link preview}. */
export interface Previewer {
  previewUser(user: unknown, index: number): UserPreview;
  /**
   * Why no user can be previewed (the configuration has no enabled User object mapping, or the one
   * named does not exist); every user's result is then this Error. Undefined when the preview can run.
   */
  readonly problem?: { readonly code: string; readonly message: string };
}

/**
 * What Entra's provision on demand would do for each user, in order (SPEC §c, §d, §e, Part 1): the
 * Import, Scope, Match and Action steps with their details, the action, the SCIM request(s) (or, for a
 * target that is not SCIM, the attribute changes) and per-attribute warnings. Expressions are compiled
 * once per configuration. Values that flow through Redact show as `[Redact]` everywhere unless
 * `showRedacted` is set. Never throws: a user whose evaluation fails, or whose values are too large to
 * preview, gets action `Error` with the error's code and the mapping's target attribute.
 */
export function preview(
  config: MappingConfig,
  users: Iterable<unknown>,
  options: PreviewOptions = {},
): UserPreview[] {
  // Callers from plain JavaScript may pass anything; a non-list previews nobody rather than throwing.
  const list = isIterable(users) && typeof users !== "string" ? users : [];
  const population = Array.isArray(list) ? list : undefined;
  const previewer = createPreviewer(config, options, population);
  const results: UserPreview[] = [];
  let index = 0;
  for (const user of list) results.push(previewer.previewUser(user, index++));
  return results;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof (value as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] === "function";
}

/**
 * A previewer for one configuration and target directory. `population` (all source users, when known)
 * lets references such as `manager` resolve to users not previewed yet; without it, references resolve
 * to users already previewed.
 */
export function createPreviewer(
  config: MappingConfig,
  options: PreviewOptions = {},
  population?: readonly unknown[],
): Previewer {
  const choice = chooseObjectMapping(config, options.objectMapping);
  if (!choice.object) {
    const problem = choice.problem;
    return { problem, previewUser: (user, index) => failed(baseOf(user, index), undefined, [], problem) };
  }
  const plan = buildPlan(config, choice.object, options);
  const references = referenceResolver(population, (attributes) => {
    const values = new UserValues(inputFor(attributes, [], undefined), plan.mappings.length);
    values.evaluate(plan.matcherBatch);
    const outcome = matchInTarget(matchingValues(plan.matchers, values), plan.directory, plan.targetTable);
    return outcome.found.length === 1 ? TargetDirectory.knownIdOf(outcome.found[0]) : undefined;
  });
  const resolveReference = (sourceId: string) => references.resolve(sourceId);
  const inputFor = (
    attributes: Readonly<Record<string, unknown>>,
    warnings: PreviewWarning[],
    secrets: Set<string> | undefined,
  ): UserInput => ({ attributes, resolveReference, warnings, secrets });

  function previewUser(user: unknown, index: number): UserPreview {
    const base = baseOf(user, index);
    const steps: PreviewStep[] | undefined = plan.details ? [] : undefined;
    const warnings: PreviewWarning[] = [];
    const attributes = sourceAttributes(user);
    if (!attributes) {
      return failed(base, steps, warnings, {
        code: "invalid-user",
        message: "A user must be an object of attributes keyed by Entra attribute names.",
      });
    }
    const secrets = plan.hidesSecrets ? secretTextsOf(plan, user, attributes) : undefined;
    let result: UserPreview;
    try {
      result = run(inputFor(attributes, warnings, secrets), base, steps);
    } catch (error) {
      result = failure(error, base, steps, warnings);
    }
    if (!secrets || secrets.size === 0) return result;
    try {
      return redactTexts(result, secrets);
    } catch (error) {
      return failure(error, base, undefined, []);
    }
  }

  function failure(
    error: unknown,
    base: UserOutcome,
    steps: PreviewStep[] | undefined,
    warnings: PreviewWarning[],
  ): UserPreview {
    if (error instanceof MappingFailure) {
      const { code, message, target } = error;
      steps?.push(step(plan.titles, "action", "failure", `${target}: ${message}`, { target, code }));
      return failed(base, steps, warnings, { code, message, target });
    }
    if (error instanceof ProvexError && error.code === "value-too-large") {
      return failed(base, undefined, [], { code: error.code, message: error.message });
    }
    if (isResourceLimit(error)) {
      // The steps so far may hold the very value that was too large: leave them out.
      return failed(base, undefined, [], {
        code: "value-too-large",
        message: "This user's values are too large to preview (past what JavaScript can hold or nest).",
      });
    }
    return failed(base, steps, warnings, {
      code: "internal-error",
      message: `provex failed on this user: ${String(error)}`,
    });
  }

  function run(input: UserInput, base: UserOutcome, steps: PreviewStep[] | undefined): UserPreview {
    const { attributes, warnings } = input;
    const values = new UserValues(input, plan.mappings.length);
    values.evaluate(plan.matcherBatch);
    const matching = matchingValues(plan.matchers, values);
    const imported = steps ? { attributes: importedAttributes(plan, input), matchingValues: matching } : {};
    if (!hasAnyValue(matching)) {
      const names = matching.map((v) => v.target).join(", ");
      steps?.push(
        step(
          plan.titles,
          "import",
          "skipped",
          `No matching attribute has a value (${names}), so the ${plan.noun} cannot be imported.`,
          imported,
        ),
      );
      return skipped(
        base,
        steps,
        warnings,
        "ImportSkipped",
        `no value for any matching attribute (${names})`,
      );
    }
    steps?.push(
      step(
        plan.titles,
        "import",
        "success",
        `Read ${Object.keys(imported.attributes ?? {}).length} attributes.`,
        imported,
      ),
    );

    const active = !isSoftDeleted(attributes);
    const assignedOnly = plan.config.assignment === "assigned";
    const assigned = assignedOnly ? isAssigned(attributes) : true;
    let inScope: boolean;
    if (steps) {
      const scope = plan.scope.explain(attributes);
      inScope = scope.inScope;
      const details = {
        IsActive: active,
        Assigned: assigned,
        ScopeSyncAll: !assignedOnly,
        IsInProvisioningScope: scope.inScope,
        filters: input.secrets ? scope.filters.map((f) => hideSecretClauses(f, plan)) : scope.filters,
      };
      const held = scope.filters.find((filter) => filter.result);
      if (assigned && inScope) {
        const where = held ? ` (filter "${held.name}")` : "";
        const note = active ? "." : ", but not active in the source (soft-deleted or disabled).";
        steps.push(step(plan.titles, "scope", "success", `In scope${where}${note}`, details));
      } else {
        steps.push(
          step(plan.titles, "scope", "skipped", `The ${plan.noun} is ${outOfScope(assigned)}.`, details),
        );
      }
    } else {
      inScope = assigned && plan.scope.holds(attributes);
    }
    if (!assigned || !inScope) {
      return skipped(base, steps, warnings, "NotEffectivelyEntitled", outOfScope(assigned));
    }

    const outcome = matchInTarget(matching, plan.directory, plan.targetTable);
    const attempt = outcome.attempt;
    if (outcome.found.length > 1 && attempt) {
      const ids = attempt.matches.join(", ");
      steps?.push(
        step(
          plan.titles,
          "match",
          "failure",
          `${outcome.found.length} target objects have ${attempt.attribute} = ${attempt.value}: ${ids}.`,
          { attempts: outcome.attempts },
        ),
      );
      return failed(base, steps, warnings, {
        code: "DuplicateTargetEntries",
        message: `More than one target object matches ${attempt.attribute} "${attempt.value}" (${ids}); remove the duplicates in the app or match on a unique attribute.`,
        target: attempt.attribute,
      });
    }
    const resource = outcome.found[0];
    let match: UserOutcome["match"] = null;
    if (resource !== undefined && attempt) {
      const id = TargetDirectory.knownIdOf(resource);
      if (id === undefined) {
        const message = `The target object matched by ${attempt.attribute} "${attempt.value}" has no id, so Entra could not address it (PATCH ${plan.endpoint}/{id}); give every object in the target file its "id".`;
        steps?.push(step(plan.titles, "match", "failure", message, { attempts: outcome.attempts }));
        return failed(base, steps, warnings, {
          code: "target-without-id",
          message,
          target: attempt.attribute,
        });
      }
      match = { id, attribute: attempt.attribute, value: attempt.value ?? "" };
    }
    references.record(attributes, match?.id);
    steps?.push(
      step(
        plan.titles,
        "match",
        "success",
        match
          ? `Matched ${match.id} by ${match.attribute}.`
          : `No target object matches; the ${plan.noun} would be created.`,
        { attempts: outcome.attempts, matched: match?.id ?? null },
      ),
    );
    const matched: UserOutcome = { index: base.index, id: base.id, displayName: base.displayName, match };
    return previewAction(plan, matched, { values, resource, active, steps, warnings });
  }

  return { previewUser };
}

function hasAnyValue(matching: readonly { readonly value: string | null }[]): boolean {
  for (const item of matching) if (item.value !== null) return true;
  return false;
}

function outOfScope(assigned: boolean): string {
  return assigned
    ? "out of scope: no scoping filter holds"
    : "not assigned to the app (no appRoleAssignments)";
}

/**
 * The attributes the Import step lists: present ones only (Entra imports no null), secret ones as
 * `[Redact]`. The user's own object when nothing is left out or hidden, rather than a copy per user.
 */
function importedAttributes(plan: PreviewPlan, input: UserInput): Readonly<Record<string, unknown>> {
  const { attributes, secrets } = input;
  let copy = false;
  for (const name in attributes) {
    if (!Object.hasOwn(attributes, name)) continue;
    const value = attributes[name];
    if (typeof value === "object" && value !== null && nestedDeeperThan(value, MAX_ATTRIBUTE_DEPTH))
      throw new ProvexError(
        "value-too-large",
        `Attribute ${name} is nested more than ${MAX_ATTRIBUTE_DEPTH} levels deep, too deep to preview; an attribute is a value, a list of values or a list of role objects.`,
      );
    if (value === null || value === undefined || (secrets && plan.secretAttributes.has(name))) copy = true;
  }
  if (!copy) return attributes;
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([name, value]) => [name, secrets && plan.secretAttributes.has(name) ? REDACTED : value]),
  );
}

/** Attribute values are flat (a list of role objects is two levels); past this they cannot be shown. */
const MAX_ATTRIBUTE_DEPTH = 32;

/** Whether a value nests deeper than `limit` levels, walked without recursion (the input may be hostile). */
function nestedDeeperThan(value: object, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const item of level) {
      for (const key in item as Record<string, unknown>) {
        const child = (item as Record<string, unknown>)[key];
        if (typeof child === "object" && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return false;
}

/**
 * A clause on a secret attribute shows `[Redact]` for the value it saw (booleans and numbers too) and for
 * the values it compares with: a clause `EQUALS "…"` that holds would spell the secret out.
 */
function hideSecretClauses(filter: FilterResult, plan: PreviewPlan): FilterResult {
  if (!filter.clauses.some((clause) => plan.secretAttributes.has(clause.attribute))) return filter;
  const clauses = filter.clauses.map((clause): ClauseResult => {
    if (!plan.secretAttributes.has(clause.attribute)) return clause;
    const hidden = new Set<string>();
    addSecretTexts(clause.values, hidden);
    addSecretTexts(clause.actual, hidden);
    return {
      ...clause,
      values: clause.values.map(() => REDACTED),
      actual: clause.actual === null ? null : REDACTED,
      ...(clause.error
        ? { error: { ...clause.error, message: redactTexts(clause.error.message, hidden) } }
        : {}),
    };
  });
  return { ...filter, clauses };
}

/** The user's values of the configuration's secret attributes, as texts the output must not show. */
function secretTextsOf(
  plan: PreviewPlan,
  user: unknown,
  attributes: Readonly<Record<string, unknown>>,
): Set<string> {
  const texts = new Set<string>();
  for (const name of plan.secretAttributes) {
    if (Object.hasOwn(attributes, name)) addSecretTexts(attributes[name], texts);
    const raw = (user as Record<string, unknown>)[name];
    if (raw !== attributes[name] && Object.hasOwn(user as object, name)) addSecretTexts(raw, texts);
  }
  return texts;
}

function baseOf(user: unknown, index: number): UserOutcome {
  const attributes =
    typeof user === "object" && user !== null && !Array.isArray(user)
      ? (user as Record<string, unknown>)
      : undefined;
  const displayName = attributes?.displayName;
  return {
    index,
    id: userLabel(attributes, index),
    displayName: typeof displayName === "string" ? displayName : undefined,
    match: null,
  };
}
