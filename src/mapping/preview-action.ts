import { type AttributeExport, computeExports, type FlowNote, type UserValues } from "./flow.js";
import type { PreviewPlan } from "./preview-plan.js";
import type {
  AttributeChange,
  AttributeExportPreview,
  PreviewStep,
  PreviewWarning,
  UserPreview,
} from "./preview-types.js";
import { createRequest, diffExports, disableRequest, updateRequest } from "./scim-request.js";
import { failed, outcome, skipped, step, type UserOutcome } from "./user-outcome.js";

/** What the Action step needs from the steps before it. */
export interface ActionInput {
  readonly values: UserValues;
  /** The matched target object, or undefined. */
  readonly resource: unknown;
  /** Not soft-deleted and not disabled in the source. */
  readonly active: boolean;
  readonly steps: PreviewStep[] | undefined;
  readonly warnings: PreviewWarning[];
}

/**
 * The Action step (SPEC §e, Part 1): Create when nothing matched, Update of the attributes that differ,
 * Disable of a matched user who is not active in the source, or Skip when nothing would change. A SCIM
 * target gets the SCIM request; any other target the attribute changes Entra would export, so labelled.
 */
export function previewAction(plan: PreviewPlan, base: UserOutcome, input: ActionInput): UserPreview {
  const { values, resource, active, steps, warnings } = input;
  const match = base.match;
  const scim = plan.target.kind === "scim";
  const where = plan.target.directory || "the target app";
  const notScim = scim
    ? ""
    : `the attribute changes Entra would export to ${where} (not a SCIM app, so no SCIM request)`;
  const say = (status: PreviewStep["status"], description: string, details: Record<string, unknown>) =>
    steps?.push(step(plan.titles, "action", status, description, details));

  if (!active) {
    if (resource === undefined || !match) {
      say("skipped", "Not active in the source and not in the target: nothing to do.", {});
      return skipped(
        base,
        steps,
        warnings,
        "NotEffectivelyEntitled",
        "not active in the source (soft-deleted or account disabled)",
      );
    }
    const request = disableRequest(resource, `${plan.endpoint}/${match.id}`);
    if (!request) {
      say("skipped", "The target object is already disabled.", {});
      return skipped(base, steps, warnings, "RedundantExport", "the target object is already disabled");
    }
    // SCIM disables with active = false; another app's connector does it its own way (often through
    // the mapping of IsSoftDeleted), which the preview cannot know: it shows no attribute change.
    const changes: AttributeChange[] = scim ? [{ target: "active", oldValue: true, newValue: false }] : [];
    say(
      "success",
      scim
        ? `Disable ${match.id} (active = false).`
        : `Disable ${match.id}: Entra disables the object in ${where} through the app's connector (not a SCIM app, so no SCIM request).`,
      { changes },
    );
    const summary = `Disable ${match.id}: the ${plan.noun} is soft-deleted in the source`;
    return outcome(base, "Disable", summary, steps, warnings, {
      requests: scim ? [request] : undefined,
      attributeChanges: scim ? undefined : attributeChanges(plan, changes),
    });
  }

  const notes: FlowNote[] | undefined = steps ? [] : undefined;
  if (resource !== undefined && match) {
    values.evaluate(plan.updateBatch);
    const exports = computeExports(plan.mappings, values, "update", notes);
    let changes: AttributeChange[];
    let request: UserPreview["requests"][number] | undefined;
    if (scim) ({ request, changes } = updateRequest(exports, resource, `${plan.endpoint}/${match.id}`));
    else changes = diffExports(exports, resource);
    if (changes.length === 0) {
      say("skipped", "Every exported value already equals the target's.", { attributes: notes });
      return skipped(base, steps, warnings, "RedundantExport", `${match.id} is already up to date`);
    }
    const names = changes.map((c) => c.target);
    const count = `${names.length} attribute${names.length === 1 ? "" : "s"}`;
    say("success", scim ? `Update ${count}.` : `Update ${count}: ${notScim}.`, {
      changes,
      attributes: notes,
    });
    return outcome(
      base,
      "Update",
      scim
        ? `Update ${match.id}: ${names.join(", ")}`
        : `Update ${match.id} in ${where}: ${names.join(", ")}`,
      steps,
      warnings,
      scim
        ? { requests: request ? [request] : undefined }
        : { attributeChanges: attributeChanges(plan, changes) },
    );
  }

  values.evaluate(plan.createBatch);
  const exports = computeExports(plan.mappings, values, "create", notes);
  const missing = missingRequired(plan, exports);
  if (missing.length > 0) {
    say("failure", `Required target attributes have no value: ${missing.join(", ")}.`, {
      attributes: notes,
      missing,
    });
    const one = missing.length === 1;
    return failed(base, steps, warnings, {
      code: "MandatoryFieldsMissing",
      message: `The create needs ${missing.join(", ")}, but ${one ? "it has" : "they have"} no value; map ${one ? "it" : "them"} or give a default value.`,
      target: missing[0],
    });
  }
  const count = `${exports.length} attributes`;
  if (steps) {
    const exported = exports.map((e) => ({ target: e.target, value: e.shown }));
    say("success", scim ? `Create with ${count}.` : `Create with ${count}: ${notScim}.`, {
      exported,
      attributes: notes,
    });
  }
  if (scim) {
    return outcome(base, "Create", `Create: POST ${plan.endpoint} with ${count}`, steps, warnings, {
      requests: [createRequest(exports, plan.endpoint)],
    });
  }
  const changes = exports.map(
    (e): AttributeChange => ({ target: e.target, oldValue: null, newValue: e.shown }),
  );
  return outcome(base, "Create", `Create in ${where} with ${count} (not a SCIM app)`, steps, warnings, {
    attributeChanges: attributeChanges(plan, changes),
  });
}

function attributeChanges(plan: PreviewPlan, changes: readonly AttributeChange[]): AttributeExportPreview {
  return { directory: plan.target.directory, changes };
}

function missingRequired(plan: PreviewPlan, exports: readonly AttributeExport[]): string[] {
  if (plan.required.length === 0) return [];
  return plan.required.filter((name) => !exports.some((e) => e.target === name));
}
