import { describe, expect, it } from "vitest";
import { convertConfig, loadConfig, writeConfig } from "../../src/index.js";
import { failure } from "../helpers/errors.js";

/** Writing and converting: what is refused and why, what `from` changes, and the warnings. */

const MATCH_ZERO = "match is a matching priority: 1 is tried first; leave it out for other attributes.";

describe("writeConfig refuses a configuration with errors, saying how many and the first", () => {
  it("one error: 'an error', its code and message, 'fix it', and the span of the error", () => {
    const text = "mappings:\n  - { target: t, attribute: a, match: 0 }\n";
    const error = failure(() => writeConfig(loadConfig(text), { format: "entra" }));
    expect(error.message).toBe(
      `The configuration has an error (config-value: ${MATCH_ZERO}); fix it before writing it, or part of it would be lost.`,
    );
    expect(error.span).toEqual({ start: text.indexOf("0 }"), end: text.indexOf("0 }") + 1 });
  });

  it("two errors: '2 errors', the first one's code and message, 'fix them'", () => {
    const text =
      "mappings:\n  - { target: t, attribute: a, match: 0 }\n  - { target: u, attribute: b, match: -1 }\n";
    const error = failure(() => writeConfig(loadConfig(text), { format: "provex" }));
    expect(error.message).toBe(
      `The configuration has 2 errors (config-value: ${MATCH_ZERO}); fix them before writing it, or part of it would be lost.`,
    );
    expect(error.diagnostics).toHaveLength(2);
  });

  it("warnings do not stop it", () => {
    const config = loadConfig("mappings:\n  - { target: t, none: true }\n");
    expect(config.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["none-without-default", "warning"],
    ]);
    expect(writeConfig(config, { format: "provex" })).toContain("  - target: t\n    none: true\n");
  });
});

describe("convertConfig", () => {
  const entraText = '{"synchronizationRules": [{"objectMappings": []}]}';

  it("reads the input in the format `from` names, instead of telling it by its keys", () => {
    const asProvex = convertConfig(entraText, { format: "entra", from: "provex" });
    expect(asProvex.text).toBeUndefined();
    expect(asProvex.diagnostics.map((d) => [d.code, d.span.start])).toEqual([
      ["config-missing", 0],
      ["unknown-property", 1],
    ]);
    const told = convertConfig(entraText, { format: "provex" });
    expect(told.diagnostics).toEqual([]);
    expect(told.text).toContain("entra:\n");
  });

  it("warns that assignment cannot go into Entra's schema, at the start of the file, and only then", () => {
    const assigned = convertConfig("mappings: []\nassignment: all\n", { format: "entra" });
    expect(assigned.diagnostics).toEqual([
      {
        code: "not-representable",
        severity: "warning",
        message:
          "assignment: Entra keeps 'sync only assigned users' in the provisioning job, not in the schema; set it in the portal (Provisioning → Settings → Scope).",
        span: { start: 0, end: 0 },
      },
    ]);
    expect(assigned.text).not.toContain("assignment");
    // The provex format keeps it, so it warns of nothing; without assignment there is nothing to say.
    const kept = convertConfig("mappings: []\nassignment: all\n", { format: "provex" });
    expect(kept.diagnostics).toEqual([]);
    expect(kept.text).toContain("assignment: all\n");
    expect(convertConfig("mappings: []\n", { format: "entra" }).diagnostics).toEqual([]);
  });
});
