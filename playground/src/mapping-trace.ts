import { traceEvaluate } from "../../src/evaluator/trace.js";
import { compile, type MappingConfig } from "../../src/index.js";
import { addSecretTexts, readsSecret, redactTexts, secretAttributesOf } from "../../src/mapping/redaction.js";
import { sourceAttributes } from "../../src/mapping/source-user.js";
import { userObjectIndex } from "./config-edits.js";
import type { MappingTrace } from "./evaluation-protocol.js";
import { MAX_STEPS, stepView } from "./expression-run.js";

/**
 * The step-through of one mapping's expression for one source user (mapping mode's hover values and
 * steps): the tracing walk over the user's attributes as the preview reads them. Values that flow
 * through Redact never reach the page: a mapping that calls Redact or reads a secret attribute gets no
 * trace (the page says why), and any secret attribute's value quoted by another mapping's steps shows
 * as `[Redact]`.
 */
export function traceMapping(config: MappingConfig, mappingIndex: number, user: unknown): MappingTrace {
  const mapping = config.objects[userObjectIndex(config)]?.mappings[mappingIndex];
  const attributes = sourceAttributes(user);
  if (!mapping || typeof mapping.expression !== "string" || mapping.expression === "" || !attributes)
    return { mapping: mappingIndex, steps: [] };
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(mapping.expression);
  } catch {
    // The mapping editor shows the syntax error; there is nothing to step through.
    return { mapping: mappingIndex, steps: [] };
  }
  const secretAttributes = secretAttributesOf(config);
  if (readsSecret(compiled.ast, secretAttributes)) return { mapping: mappingIndex, steps: [], hidden: true };
  let steps: MappingTrace["steps"];
  try {
    steps = traceEvaluate(compiled.ast, attributes).steps.slice(0, MAX_STEPS).map(stepView);
  } catch {
    return { mapping: mappingIndex, steps: [] };
  }
  const secrets = new Set<string>();
  for (const name of secretAttributes) {
    const key = Object.keys(attributes).find((attribute) => attribute.toLowerCase() === name.toLowerCase());
    if (key !== undefined) addSecretTexts(attributes[key], secrets);
  }
  return { mapping: mappingIndex, steps: redactTexts(steps, secrets) };
}
