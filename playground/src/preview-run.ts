import { loadConfig, type MappingConfig, parseTargetText, parseUsersText, preview } from "../../src/index.js";
import type { Failure, MappingSummary, PreviewRequest, PreviewResponse } from "./evaluation-protocol.js";

// Failure is built here rather than imported from the worker, which would run the worker's setup.
const fail = (id: number, stage: Failure["stage"], code: string, message: string): Failure => ({
  id,
  ok: false,
  stage,
  code,
  message,
  span: undefined,
});

/** The first enabled user mapping, as preview picks it by default. */
function userObjectIndex(config: MappingConfig): number {
  return config.objects.findIndex(
    (object) => object.enabled && object.sourceObjectName.toLowerCase() === "user",
  );
}

/** The source attributes the configuration's schema defines for the user mapping (for the editor). */
function sourceAttributes(config: MappingConfig, objectIndex: number): string[] | undefined {
  const object = config.objects[objectIndex];
  if (!object) return undefined;
  const directory = config.rules[object.rule]?.extra.sourceDirectoryName;
  const found = config.directories.find(
    (candidate) =>
      candidate.object === object.sourceObjectName &&
      (typeof directory !== "string" || candidate.directory === directory),
  );
  return found?.attributes.map((attribute) => attribute.name);
}

/** Loads the configuration, applies the playground's expression edits, previews every user. */
export function runPreview(request: PreviewRequest): PreviewResponse {
  const { id } = request;
  let users: unknown[];
  try {
    users = parseUsersText(request.usersJson);
  } catch (error) {
    return fail(id, "users", "invalid-users", (error as Error).message);
  }
  let target: unknown[];
  try {
    target = parseTargetText(request.targetJson);
  } catch (error) {
    return fail(id, "target", "invalid-target", (error as Error).message);
  }
  const started = performance.now();
  let config = loadConfig(request.configText);
  const objectIndex = userObjectIndex(config);
  const object = config.objects[objectIndex];
  if (object && Object.keys(request.overrides).length > 0) {
    const mappings = object.mappings.map((mapping, index) => {
      const edited = request.overrides[index];
      return edited === undefined
        ? mapping
        : { ...mapping, type: "expression" as const, expression: edited, expressionOffsets: undefined };
    });
    const objects = config.objects.map((candidate, index) =>
      index === objectIndex ? { ...candidate, mappings } : candidate,
    );
    config = { ...config, objects };
  }
  const results = preview(config, users, { target });
  const mappings: MappingSummary[] = (config.objects[objectIndex]?.mappings ?? []).map((mapping, index) => ({
    index,
    target: mapping.target,
    expression: mapping.expression,
  }));
  return {
    id,
    ok: true,
    configDiagnostics: config.diagnostics,
    mappings,
    sourceAttributes: sourceAttributes(config, objectIndex),
    users: results,
    workerMs: performance.now() - started,
  };
}
