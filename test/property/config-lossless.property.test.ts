import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertConfig, loadConfig, writeConfig } from "../../src/index.js";
import { print } from "../../src/parser/index.js";
import { expression } from "./evaluator-arbitraries.js";

/**
 * Issue 10: Entra → provex → Entra gives back the original document (same properties, same values)
 * when nothing was edited — for generated exports whose optional properties are absent, `null` or
 * present, with empty objects, unknown properties and every source tree shape.
 */

const RUNS = 300;

/** A record whose each optional key is left out, or given one of `values`. */
function optional(entries: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

const text = fc.string({ maxLength: 12 });
const unknownValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  text,
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.record({ key: text, value: text }), { maxLength: 2 }),
);
/** Properties Graph may add one day: kept as they are. */
const unknownProperties = fc.dictionary(
  fc.constantFrom("futureFlag", "x_note", "__proto__", "constructor", "toString", "@odata.type"),
  unknownValue,
  { maxKeys: 2 },
);

const attributeName = fc.constantFrom(
  "mail",
  "givenName",
  "userPrincipalName",
  'emails[type eq "work"].value',
  "x y",
);
const attributeSource = attributeName.chain((name) =>
  optional({ expression: fc.constantFrom(`[${name}]`, " "), parameters: fc.constant([]) }).map((rest) => ({
    type: "Attribute",
    name,
    ...rest,
  })),
);
const constantSource = text.chain((value) =>
  optional({ expression: fc.constant(JSON.stringify(value)), parameters: fc.constant([]) }).map((rest) => ({
    type: "Constant",
    name: value,
    ...rest,
  })),
);
const functionSource = fc
  .tuple(
    expression.map((ast) => print(ast)),
    fc.boolean(),
  )
  .map(([written, withParameters]) => ({
    type: "Function",
    name: "F",
    expression: written,
    ...(withParameters ? { parameters: [] } : {}),
  }));
const source = fc.oneof(fc.constant(null), attributeSource, constantSource, functionSource);

const attributeMapping = fc
  .tuple(
    text.filter((t) => t !== ""),
    optional({
      defaultValue: fc.oneof(fc.constant(null), text),
      exportMissingReferences: fc.oneof(fc.boolean(), fc.constant(null)),
      flowBehavior: fc.constantFrom("FlowWhenChanged", "FlowAlways", null),
      flowType: fc.constantFrom("Always", "ObjectAddOnly", "always", "AttributeAddOnly", null),
      matchingPriority: fc.oneof(fc.nat(5), fc.constant(null)),
      source,
    }),
    unknownProperties,
  )
  .map(([target, known, unknown]) => ({ ...unknown, ...known, targetAttributeName: target }));

const clause = fc
  .tuple(
    fc.constantFrom("EQUALS", "IS_NOT_NULL", "NOT EQUALS", "Greater_Than"),
    attributeName,
    optional({
      targetOperand: fc.oneof(
        fc.constant(null),
        optional({
          values: fc.oneof(fc.constant(null), fc.array(fc.oneof(text, fc.integer()), { maxLength: 2 })),
        }),
      ),
    }),
    unknownProperties,
  )
  .map(([operatorName, sourceOperandName, rest, unknown]) => ({
    ...unknown,
    ...rest,
    operatorName,
    sourceOperandName,
  }));

const filterGroup = fc
  .tuple(
    optional({
      name: fc.oneof(text, fc.constant(null)),
      clauses: fc.oneof(fc.constant(null), fc.array(clause, { maxLength: 2 })),
    }),
    unknownProperties,
  )
  .map(([known, unknown]) => ({ ...unknown, ...known }));

const scope = fc.oneof(
  fc.constant(null),
  fc
    .tuple(
      optional({
        groups: fc.oneof(fc.constant(null), fc.array(filterGroup, { maxLength: 2 })),
        inputFilterGroups: fc.constant([]),
        categoryFilterGroups: fc.constant([]),
      }),
      unknownProperties,
    )
    .map(([known, unknown]) => ({ ...unknown, ...known })),
);

const objectMapping = fc
  .tuple(
    optional({
      name: fc.oneof(text, fc.constant(null)),
      enabled: fc.oneof(fc.boolean(), fc.constant(null)),
      flowTypes: fc.constantFrom("Add, Update, Delete", "Add, Update", null),
      sourceObjectName: fc.constantFrom("User", "Group"),
      targetObjectName: fc.constantFrom("User", "urn:ietf:params:scim:schemas:core:2.0:Group", ""),
      metadata: fc.array(fc.record({ key: text, value: text }), { maxLength: 2 }),
      scope,
      attributeMappings: fc.oneof(fc.constant(null), fc.array(attributeMapping, { maxLength: 3 })),
    }),
    unknownProperties,
  )
  .map(([known, unknown]) => ({ ...unknown, ...known }));

const rule = fc
  .tuple(
    optional({
      id: fc.oneof(text, fc.constant("AD2SCIM")),
      name: text,
      priority: fc.nat(3),
      sourceDirectoryName: fc.constant("Azure Active Directory"),
      objectMappings: fc.oneof(fc.constant(null), fc.array(objectMapping, { maxLength: 2 })),
    }),
    unknownProperties,
  )
  .map(([known, unknown]) => ({ ...unknown, ...known }));

const entraExport = fc
  .tuple(
    optional({ id: text, version: text, directories: fc.constant([]) }),
    fc.array(rule, { maxLength: 2 }),
    unknownProperties,
  )
  .map(([known, synchronizationRules, unknown]) => ({ ...unknown, ...known, synchronizationRules }));

function plainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("lossless write-back of Entra exports (issue 10)", () => {
  it("Entra → Entra and Entra → provex → Entra give back the same document when nothing was edited", () => {
    fc.assert(
      fc.property(entraExport, fc.boolean(), (document, spaced) => {
        const original = JSON.stringify(document, null, spaced ? 2 : 0);
        const config = loadConfig(original);
        const errors = config.diagnostics.filter(
          (d) => d.severity === "error" && d.code.startsWith("config"),
        );
        expect(errors).toEqual([]);
        // Expression errors do not lose anything, but writeConfig refuses a configuration with errors.
        fc.pre(!config.diagnostics.some((d) => d.severity === "error"));
        expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(plainJson(document));
        const yaml = convertConfig(original, { format: "provex" });
        expect(yaml.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const back = convertConfig(yaml.text ?? "", { format: "entra" });
        expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(JSON.parse(back.text ?? "")).toEqual(plainJson(document));
        const json = convertConfig(original, { format: "provex", json: true });
        expect(JSON.parse(convertConfig(json.text ?? "", { format: "entra" }).text ?? "")).toEqual(
          plainJson(document),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

const sharedExport: unknown = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/shared/entra-scim-schema.json"), "utf8"),
);

/**
 * Properties whose absence makes the export wrong rather than trimmed (a mapping without a target, a
 * source or clause without its name or operator): pruning them would only test the error path.
 */
const NEEDED = new Set(["targetAttributeName", "type", "name", "key", "value", "parameters"]);
const NEEDED_IN_CLAUSES = new Set(["operatorName", "sourceOperandName"]);

/**
 * A copy of `value` in which each property not {@link NEEDED} is dropped when `choices` says so, and
 * an unknown property is added now and then; `choices` is read in a fixed walk order, so the
 * shrinker shrinks towards the untouched fixture.
 */
function pruned(value: unknown, choices: readonly number[], at = { index: 0 }): unknown {
  const next = () => choices[at.index++ % choices.length] ?? 0;
  if (Array.isArray(value)) return value.map((item) => pruned(item, choices, at));
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  const isClause = "operatorName" in value;
  for (const [key, item] of Object.entries(value)) {
    const needed = NEEDED.has(key) || (isClause && NEEDED_IN_CLAUSES.has(key));
    if (!needed && next() === 1) continue;
    result[key] = pruned(item, choices, at);
  }
  if (next() === 2) result.futureFlag = null;
  return result;
}

describe("lossless write-back of the shared fixture, trimmed (issue 10)", () => {
  it("gives back the shared Entra export with any optional properties left out", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(7), { minLength: 1, maxLength: 64 }), (choices) => {
        const document = pruned(sharedExport, choices);
        const original = JSON.stringify(document);
        const config = loadConfig(original);
        fc.pre(!config.diagnostics.some((d) => d.severity === "error"));
        expect(JSON.parse(writeConfig(config, { format: "entra" }))).toEqual(document);
        const yaml = convertConfig(original, { format: "provex" });
        const back = convertConfig(yaml.text ?? "", { format: "entra" });
        expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(JSON.parse(back.text ?? "")).toEqual(document);
      }),
      { numRuns: 60, examples: [[[0]]] },
    );
  });
});
