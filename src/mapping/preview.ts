import type { EvaluationContext } from "../functions/index.js";
import { compileMapping } from "./compile-mapping.js";
import { attributeTable } from "./directories.js";
import { computeExports, type FlowInput, MappingFailure } from "./flow.js";
import { matchInTarget, matchingMappings, matchingValues } from "./matching.js";
import type { MappingConfig, ObjectMapping } from "./model.js";
import type { PreviewOptions, PreviewStep, PreviewWarning, UserPreview } from "./preview-types.js";
import { referenceResolver } from "./references.js";
import { createRequest, disableRequest, updateRequest } from "./scim-request.js";
import { evaluateScope } from "./scoping.js";
import { isAssigned, isSoftDeleted, sourceAttributes, userLabel } from "./source-user.js";
import { TargetDirectory } from "./target-directory.js";
import { failed, skipped, step, type UserOutcome, unique } from "./user-outcome.js";

/** Previews users one at a time (the CLI streams JSONL through it); see {@link preview}. */
export interface Previewer {
  previewUser(user: unknown, index: number): UserPreview;
}

/**
 * What Entra's provision on demand would do for each user, in order (SPEC §c, §d, §e, Part 1): the
 * Import, Scope, Match and Action steps with their details, the action, the SCIM request(s) and
 * per-attribute warnings. Expressions are compiled once per configuration. Never throws: a user whose
 * evaluation fails gets action `Error` with the error's code and the mapping's target attribute.
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
  const object = chooseObjectMapping(config, options.objectMapping);
  if (!object) {
    return {
      previewUser: (user, index) =>
        failed(baseOf(user, index), [], [], {
          code: "no-object-mapping",
          message:
            "The configuration has no enabled object mapping for users; add one (or name it with objectMapping).",
        }),
    };
  }
  const sourceTable = attributeTable(config, object, "source");
  const targetTable = attributeTable(config, object, "target");
  const compiled = object.mappings.map((mapping) => compileMapping(mapping, config.dialect, sourceTable));
  const matchers = matchingMappings(compiled);
  const redactedAttributes = new Set(compiled.flatMap((c) => c.redactedAttributes));
  const directory = new TargetDirectory(options.target ?? []);
  // One instant for the whole run, so that Now() agrees across users and steps.
  const context = { ...options.context, now: options.context?.now ?? new Date() };
  const exists = (attribute: string, value: string) => directory.exists(attribute, value);
  // Built once per target attribute, not once per user and mapping: evaluation is the hot path.
  const contexts = new Map<string, EvaluationContext>();
  const contextFor = (targetAttribute: string): EvaluationContext => {
    let found = contexts.get(targetAttribute);
    if (!found) {
      found = { ...context, targetAttribute, exists };
      contexts.set(targetAttribute, found);
    }
    return found;
  };
  const endpoint = /group/i.test(object.targetObjectName) ? "/Groups" : "/Users";
  const references = referenceResolver(population, matchers, directory, targetTable, (attributes) =>
    flowInput(attributes, "create", []),
  );

  function flowInput(
    attributes: Readonly<Record<string, unknown>>,
    mode: FlowInput["mode"],
    warnings: PreviewWarning[],
  ): FlowInput {
    return { attributes, mode, contextFor, targetTable, resolveReference: references.resolve, warnings };
  }

  function previewUser(user: unknown, index: number): UserPreview {
    const attributes = sourceAttributes(user);
    const base = baseOf(user, index);
    const steps: PreviewStep[] = [];
    const warnings: PreviewWarning[] = [];
    if (!attributes) {
      return failed(base, steps, warnings, {
        code: "invalid-user",
        message: "A user must be an object of attributes keyed by Entra attribute names.",
      });
    }
    try {
      return run(attributes, base, steps, warnings);
    } catch (error) {
      if (error instanceof MappingFailure) {
        steps.push(
          step("action", "failure", `${error.target}: ${error.message}`, {
            target: error.target,
            code: error.code,
          }),
        );
        return failed(base, steps, warnings, {
          code: error.code,
          message: error.message,
          target: error.target,
        });
      }
      return failed(base, steps, warnings, {
        code: "internal-error",
        message: `provex failed on this user: ${String(error)}`,
      });
    }
  }

  function run(
    attributes: Readonly<Record<string, unknown>>,
    base: UserOutcome,
    steps: PreviewStep[],
    warnings: PreviewWarning[],
  ): UserPreview {
    const values = matchingValues(matchers, flowInput(attributes, "create", warnings));
    // Null attributes are not imported (Entra's Import step lists only present ones); Redact hides values.
    const read = Object.fromEntries(
      Object.entries(attributes)
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([name, value]) => [name, redactedAttributes.has(name) ? "[Redact]" : value]),
    );
    if (values.every((v) => v.value === null)) {
      const names = values.map((v) => v.target).join(", ");
      steps.push(
        step(
          "import",
          "skipped",
          `No matching attribute has a value (${names}), so the user cannot be imported.`,
          { attributes: read, matchingValues: values },
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
    steps.push(
      step("import", "success", `Read ${Object.keys(read).length} attributes.`, {
        attributes: read,
        matchingValues: values,
      }),
    );

    const active = !isSoftDeleted(attributes);
    const assigned = config.assignment === "assigned" ? isAssigned(attributes) : true;
    const scope = evaluateScope(object?.scope ?? null, attributes);
    const scopeDetails = {
      IsActive: active,
      Assigned: assigned,
      ScopeSyncAll: config.assignment !== "assigned",
      IsInProvisioningScope: scope.inScope,
      filters: scope.filters,
    };
    if (!assigned || !scope.inScope) {
      const why = !assigned
        ? "not assigned to the app (no appRoleAssignments)"
        : "out of scope: no scoping filter holds";
      steps.push(step("scope", "skipped", `The user is ${why}.`, scopeDetails));
      return skipped(base, steps, warnings, "NotEffectivelyEntitled", why);
    }
    const held = scope.filters.find((filter) => filter.result);
    steps.push(
      step(
        "scope",
        "success",
        `In scope${held ? ` (filter "${held.name}")` : ""}${active ? "." : ", but not active in the source (soft-deleted or disabled)."}`,
        scopeDetails,
      ),
    );

    const outcome = matchInTarget(values, directory, targetTable);
    const attempt = outcome.attempt;
    if (outcome.found.length > 1 && attempt) {
      const ids = attempt.matches.join(", ");
      steps.push(
        step(
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
    const match =
      resource && attempt
        ? { id: TargetDirectory.idOf(resource), attribute: attempt.attribute, value: attempt.value ?? "" }
        : null;
    references.record(attributes, match?.id);
    steps.push(
      step(
        "match",
        "success",
        match
          ? `Matched ${match.id} by ${match.attribute}.`
          : "No target object matches; the user would be created.",
        { attempts: outcome.attempts, matched: match?.id ?? null },
      ),
    );

    const withMatch = { ...base, match };
    if (!active) {
      if (!resource || !match) {
        steps.push(
          step("action", "skipped", "Not active in the source and not in the target: nothing to do.", {}),
        );
        return skipped(
          withMatch,
          steps,
          warnings,
          "NotEffectivelyEntitled",
          "not active in the source (soft-deleted or account disabled)",
        );
      }
      const request = disableRequest(resource, `${endpoint}/${match.id}`);
      if (!request) {
        steps.push(step("action", "skipped", "The target object is already disabled.", {}));
        return skipped(
          withMatch,
          steps,
          warnings,
          "RedundantExport",
          "the target object is already disabled",
        );
      }
      steps.push(
        step("action", "success", `Disable ${match.id} (active = false).`, {
          changes: [{ target: "active", oldValue: true, newValue: false }],
        }),
      );
      return {
        ...withMatch,
        action: "Disable",
        summary: `Disable ${match.id}: the user is soft-deleted in the source`,
        steps,
        requests: [request],
        warnings: unique(warnings),
      };
    }
    if (resource && match) {
      const { exports, notes } = computeExports(compiled, flowInput(attributes, "update", warnings));
      const { request, changes } = updateRequest(exports, resource, `${endpoint}/${match.id}`);
      if (!request) {
        steps.push(
          step("action", "skipped", "Every exported value already equals the target's.", {
            attributes: notes,
          }),
        );
        return skipped(withMatch, steps, warnings, "RedundantExport", `${match.id} is already up to date`);
      }
      const names = changes.map((c) => c.target);
      steps.push(
        step("action", "success", `Update ${names.length} attribute${names.length === 1 ? "" : "s"}.`, {
          changes,
          attributes: notes,
        }),
      );
      return {
        ...withMatch,
        action: "Update",
        summary: `Update ${match.id}: ${names.join(", ")}`,
        steps,
        requests: [request],
        warnings: unique(warnings),
      };
    }
    const { exports, notes } = computeExports(compiled, flowInput(attributes, "create", warnings));
    const missing = targetTable.required.filter((name) => !exports.some((e) => e.target === name));
    if (missing.length > 0) {
      steps.push(
        step("action", "failure", `Required target attributes have no value: ${missing.join(", ")}.`, {
          attributes: notes,
          missing,
        }),
      );
      return failed(withMatch, steps, warnings, {
        code: "MandatoryFieldsMissing",
        message: `The create needs ${missing.join(", ")}, but ${missing.length === 1 ? "it has" : "they have"} no value; map ${missing.length === 1 ? "it" : "them"} or give a default value.`,
        target: missing[0],
      });
    }
    const request = createRequest(exports, endpoint);
    const shown = exports.map((e) => ({ target: e.target, value: e.shown }));
    steps.push(
      step("action", "success", `Create with ${exports.length} attributes.`, {
        exported: shown,
        attributes: notes,
      }),
    );
    return {
      ...withMatch,
      action: "Create",
      summary: `Create: POST ${endpoint} with ${exports.length} attributes`,
      steps,
      requests: [request],
      warnings: unique(warnings),
    };
  }

  return { previewUser };
}

function chooseObjectMapping(config: MappingConfig, name: string | undefined): ObjectMapping | undefined {
  const objects = Array.isArray(config?.objects) ? config.objects : [];
  if (name !== undefined) return objects.find((object) => object.name === name);
  const enabled = objects.filter((object) => object.enabled);
  return enabled.find((object) => object.sourceObjectName.toLowerCase() === "user") ?? enabled[0];
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
