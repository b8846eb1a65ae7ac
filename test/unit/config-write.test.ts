import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  convertConfig,
  evaluate,
  graphParameterKeys,
  loadConfig,
  ProvexError,
  render,
  writeConfig,
} from "../../src/index.js";
import { parse, toGraphSource } from "../../src/parser/index.js";
import { failure } from "../helpers/errors.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraText = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");

/** Entra → Entra and Entra → provex (YAML and JSON) → Entra, each as plain data. */
function roundTrips(text: string): unknown[] {
  const direct = JSON.parse(writeConfig(loadConfig(text), { format: "entra" }));
  const viaYaml = convertConfig(convertConfig(text, { format: "provex" }).text ?? "", { format: "entra" });
  const viaJson = convertConfig(convertConfig(text, { format: "provex", json: true }).text ?? "", {
    format: "entra",
  });
  return [direct, JSON.parse(viaYaml.text ?? "null"), JSON.parse(viaJson.text ?? "null")];
}

describe("write-back is lossless (issue 10)", () => {
  it("gives back the shared fixture, unchanged, through either format", () => {
    for (const back of roundTrips(entraText)) expect(back).toEqual(JSON.parse(entraText));
  });

  it("adds none of the properties a trimmed export leaves out, and invents no id or name", () => {
    const trimmed = {
      synchronizationRules: [
        {
          objectMappings: [
            {
              sourceObjectName: "User",
              attributeMappings: [
                { targetAttributeName: "userName", source: { type: "Attribute", name: "userPrincipalName" } },
                { targetAttributeName: "displayName", defaultValue: "x" },
              ],
            },
            {},
          ],
        },
      ],
    };
    const text = JSON.stringify(trimmed, null, 2);
    expect(loadConfig(text).diagnostics).toEqual([]);
    for (const back of roundTrips(text)) expect(back).toEqual(trimmed);
  });

  it("gives back null, other spellings and numbers where the model normalises them", () => {
    const odd = {
      synchronizationRules: [
        {
          id: 7,
          objectMappings: [
            {
              name: null,
              enabled: null,
              scope: {
                groups: [
                  {
                    clauses: [
                      { operatorName: "NOT EQUALS", sourceOperandName: "a", targetOperand: { values: [5] } },
                    ],
                  },
                ],
              },
              attributeMappings: [
                {
                  targetAttributeName: "t",
                  flowType: "always",
                  matchingPriority: null,
                  defaultValue: 5,
                  source: null,
                },
              ],
            },
          ],
        },
      ],
    };
    const text = JSON.stringify(odd);
    expect(loadConfig(text).diagnostics).toEqual([]);
    for (const back of roundTrips(text)) expect(back).toEqual(odd);
  });

  it("writes what was edited: an absent property that now differs from its default is written", () => {
    const text = JSON.stringify({
      synchronizationRules: [{ objectMappings: [{ attributeMappings: [{ targetAttributeName: "t" }] }] }],
    });
    const config = loadConfig(text);
    const object = config.objects[0];
    const mapping = object?.mappings[0];
    if (!object || !mapping) throw new Error("no mapping");
    const edited = {
      ...config,
      objects: [
        {
          ...object,
          enabled: false,
          mappings: [{ ...mapping, flowType: "ObjectAddOnly" as const, matchingPriority: 2 }],
        },
      ],
    };
    const written = JSON.parse(writeConfig(edited, { format: "entra" }));
    expect(written.synchronizationRules[0].objectMappings[0]).toEqual({
      enabled: false,
      attributeMappings: [{ targetAttributeName: "t", flowType: "ObjectAddOnly", matchingPriority: 2 }],
    });
  });

  it("keeps the bookkeeping out of Entra JSON, and under entra: in the provex format", () => {
    const text = JSON.stringify({
      synchronizationRules: [{ objectMappings: [{ attributeMappings: [{ targetAttributeName: "t" }] }] }],
    });
    expect(writeConfig(loadConfig(text), { format: "entra" })).not.toMatch(/provex:/);
    const yaml = convertConfig(text, { format: "provex" }).text ?? "";
    expect(yaml).toContain(
      "  - target: t\n    none: true\n    entra:\n      provex:absent:\n        - source\n        - defaultValue\n",
    );
  });

  it("refuses to write a configuration with errors: a ProvexError with the diagnostics, never a SyntaxError", () => {
    for (const text of [
      '{"synchronizationRules": [',
      "mappings:\n  - target: [",
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [{}]}]}]}',
    ]) {
      const config = loadConfig(text);
      for (const format of ["entra", "provex"] as const) {
        const error = failure(() => writeConfig(config, { format }));
        expect(error).toBeInstanceOf(ProvexError);
        expect(error.code).toBe("config-has-errors");
        expect(error.diagnostics.map((d) => d.code)).toEqual(
          config.diagnostics.filter((d) => d.severity === "error").map((d) => d.code),
        );
        expect(error.span).toEqual(config.diagnostics.find((d) => d.severity === "error")?.span);
      }
    }
  });

  it("writes a number kept as plain data exactly, and refuses one it could not keep", () => {
    const kept = '{"synchronizationRules": [], "version": 9007199254740991, "ratio": 0.1, "big": 1e300}';
    expect(JSON.parse(writeConfig(loadConfig(kept), { format: "entra" }))).toEqual(JSON.parse(kept));
    const lossy = loadConfig('{"synchronizationRules": [], "version": 123456789012345678901234567890}');
    expect(lossy.diagnostics.map((d) => [d.code, d.span.start])).toEqual([["config-value", 40]]);
  });
});

describe("a Graph source tree without expression text (issue 10)", () => {
  /** Graph's attributeMappingSource tree of `text`, with every `expression` property left out. */
  const treeOf = (text: string) =>
    JSON.parse(
      JSON.stringify(toGraphSource(parse(text).ast, graphParameterKeys), (key, value) =>
        key === "expression" ? undefined : value,
      ),
    );
  const exportWith = (source: unknown) => ({
    synchronizationRules: [
      { objectMappings: [{ attributeMappings: [{ targetAttributeName: "t", source }] }] },
    ],
  });

  it("keeps 3 a number and vbBinaryCompare a compare mode, and writes the tree back unchanged", () => {
    const tree = treeOf('InStr("repEated", "e", 3, vbBinaryCompare)');
    // The tree names the start position and the compare mode only as Constant names.
    expect(JSON.stringify(tree)).toContain('"name":"3"');
    const document = exportWith(tree);
    const text = JSON.stringify(document, null, 2);
    const config = loadConfig(text);
    expect(config.diagnostics).toEqual([]);
    const expression = config.objects[0]?.mappings[0]?.expression ?? "";
    expect(expression).toBe('InStr("repEated", "e", 3, vbBinaryCompare)');
    expect(render(evaluate(expression, {}))).toBe("7");
    for (const back of roundTrips(text)) expect(back).toEqual(document);
  });

  it("reads Mid's positions and DateAdd's negative count as numbers", () => {
    for (const written of ["Mid([upn], 1, 3)", 'DateAdd("d", -10, [hired])']) {
      const config = loadConfig(JSON.stringify(exportWith(treeOf(written))));
      expect(config.diagnostics, written).toEqual([]);
      expect(config.objects[0]?.mappings[0]?.expression).toBe(written);
    }
  });
});
