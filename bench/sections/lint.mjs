// Section 6: lint of a generated Entra schema with 1,000 attribute mappings through the library's `lint`
// function, against `loadConfig` of the same text (what any tool must do first) in the same process.
// Until the library exports `lint`, the section reports "not available".
import { readFileSync } from "node:fs";
import * as provex from "../../dist/index.js";
import { interleave } from "../lib/timing.mjs";

const FIXTURE = new URL("../../test/fixtures/shared/entra-scim-schema.json", import.meta.url);

/**
 * The fixture schema with its user object mapping grown to `count` mappings: the fixture's own 21,
 * then copies of them (every kind: direct, expression, constant, none) writing to distinct extension
 * attributes, so the text is shaped exactly like a real export.
 */
export function generatedSchema(count = 1000) {
  const schema = JSON.parse(readFileSync(FIXTURE, "utf8"));
  const object = schema.synchronizationRules[0].objectMappings.find((o) => o.enabled);
  const originals = object.attributeMappings;
  const mappings = [...originals];
  for (let i = originals.length; i < count; i++) {
    const copy = structuredClone(originals[i % originals.length]);
    copy.targetAttributeName = `urn:ietf:params:scim:schemas:extension:litware:2.0:User:attribute${i}`;
    copy.matchingPriority = 0;
    mappings.push(copy);
  }
  object.attributeMappings = mappings;
  return JSON.stringify(schema, null, 2);
}

export function libraryLintAvailable() {
  return typeof provex.lint === "function";
}

export async function runLint({ rounds = 7, count = 1000 } = {}) {
  if (!libraryLintAvailable()) return { available: false };
  const text = generatedSchema(count);
  const loaded = provex.loadConfig(text, { format: "entra" });
  const mappingCount = loaded.objects.find((o) => o.enabled)?.mappings.length ?? 0;
  let findings;
  const set = await interleave(
    {
      lint: { run: () => (findings = provex.lint(text)) },
      load: { run: () => provex.loadConfig(text, { format: "entra" }) },
    },
    { rounds },
  );
  const list = Array.isArray(findings) ? findings : (findings?.findings ?? []);
  return {
    available: true,
    mappings: mappingCount,
    bytes: text.length,
    findings: list.length,
    lint: set.lint.median,
    load: set.load.median,
    ratio: set.lint.median / set.load.median,
  };
}
