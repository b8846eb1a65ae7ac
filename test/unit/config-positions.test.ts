import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineIndex, loadConfig, type Span } from "../../src/index.js";
import { checkLocation } from "../helpers/locations.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const entraText = readFileSync(join(FIXTURES, "entra-scim-schema.json"), "utf8");
const provexText = readFileSync(join(FIXTURES, "provex-config.yaml"), "utf8");

const slice = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

/** The first mapping of a one-mapping provex YAML whose expression is written as `scalar` (CRLF kept). */
function expressionIn(scalar: string) {
  const crlf = scalar.includes("\r\n");
  const body = `mappings:\n  - target: t\n    expression: ${scalar.replace(/\r\n/g, "\n")}\n    default: d\n`;
  const text = crlf ? body.replace(/\n/g, "\r\n") : body;
  const config = loadConfig(text);
  const mapping = config.objects[0]?.mappings[0];
  return { text, config, mapping, location: mapping?.locations?.expression };
}

describe("block scalars: every character traced (issue 9 Positions, issue 10)", () => {
  const cases: [string, string, string][] = [
    ["literal, clip", '|\n      Join(" ",\n        [a])\n', 'Join(" ",\n  [a])\n'],
    ["literal, strip", "|-\n      Trim([a])\n\n", "Trim([a])"],
    ["literal, keep", "|+\n      Trim([a])\n\n\n", "Trim([a])\n\n\n\n"],
    ["literal, indentation indicator", "|2-\n        Trim([a])\n       x\n", "  Trim([a])\n x"],
    ["literal, leading empty lines", "|-\n\n\n      Trim([a])\n", "\n\nTrim([a])"],
    ["literal, comment after the header", "|- # why\n      Trim([a])\n", "Trim([a])"],
    ["folded", '>-\n      Join(" ",\n      [a],\n\n      [b])\n', 'Join(" ", [a],\n[b])'],
    ["folded, more-indented lines", ">-\n      a\n        b\n      c\n", "a\n  b\nc"],
    ["folded, keep", ">+\n      a\n      b\n\n", "a b\n\n\n"],
    ["literal with CRLF", "|-\r\n      a\r\n      b\r\n", "a\nb"],
  ];
  for (const [name, scalar, value] of cases) {
    it(name, () => {
      const { text, config, mapping, location } = expressionIn(scalar);
      expect(config.diagnostics.filter((d) => d.code.startsWith("config"))).toEqual([]);
      expect(mapping?.expression).toBe(value);
      expect(location?.style).toBe(scalar.startsWith(">") ? "folded" : "literal");
      checkLocation(text, value, location);
      expect(location?.offsets).toHaveLength((mapping?.expression?.length ?? 0) + 1);
    });
  }

  it("places a block scalar's diagnostic on its own line, not on the mapping's first line", () => {
    const text =
      'mappings:\n  - target: displayName\n    expression: |\n      Join(" ",\n        [givenName],\n        Jion([surname]))\n';
    const [problem, ...rest] = loadConfig(text).diagnostics;
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("unknown-function");
    expect(new LineIndex(text).locate(problem?.span.start ?? 0)).toEqual({ line: 6, column: 9 });
    expect(slice(text, problem?.span)).toBe("Jion");
  });

  it("traces plain multi-line and single-quoted scalars with folding and ''", () => {
    const plain = expressionIn('Join(" ",\n      [a],\n\n      [b])');
    expect(plain.mapping?.expression).toBe('Join(" ", [a],\n[b])');
    checkLocation(plain.text, plain.mapping?.expression ?? "", plain.location);
    const quoted = expressionIn("'IIF([a]=''x'',\n      \"y\", \"z\")'");
    expect(quoted.mapping?.expression).toBe('IIF([a]=\'x\', "y", "z")');
    checkLocation(quoted.text, quoted.mapping?.expression ?? "", quoted.location);
  });
});

describe("locations of every property the linter points at", () => {
  it("Entra JSON: target, expression, default, source, flow type, matching priority, clauses, object names", () => {
    const config = loadConfig(entraText);
    const users = config.objects[0];
    expect(slice(entraText, users?.locations?.name)).toBe('"Provision Microsoft Entra ID Users"');
    expect(slice(entraText, users?.locations?.enabled)).toBe("true");
    expect(slice(entraText, users?.locations?.sourceObjectName)).toBe('"User"');
    const userName = users?.mappings.find((m) => m.target === "userName");
    expect(userName?.locations?.target?.style).toBe("json");
    checkLocation(entraText, "userName", userName?.locations?.target);
    checkLocation(entraText, "[userPrincipalName]", userName?.locations?.expression);
    expect(slice(entraText, userName?.locations?.matchingPriority)).toBe("1");
    expect(slice(entraText, userName?.locations?.flowType)).toBe('"Always"');
    expect(slice(entraText, userName?.locations?.source)?.startsWith("{\n")).toBe(true);
    const locale = users?.mappings.find((m) => m.target === "locale");
    checkLocation(entraText, "en-US", locale?.locations?.defaultValue);
    expect(locale?.locations?.expression).toBeUndefined();
    const phone = users?.mappings.find((m) => m.target === 'phoneNumbers[type eq "mobile"].value');
    checkLocation(entraText, 'Replace([mobile], , "[()\\\\s-]+", , "", , )', phone?.locations?.expression);
    const regex = users?.scope?.[1]?.clauses[0];
    checkLocation(entraText, "userPrincipalName", regex?.locations?.attribute);
    expect(slice(entraText, regex?.locations?.operator)).toBe('"REGEX_MATCH"');
    checkLocation(entraText, "@fabrikam\\.com$", regex?.locations?.values?.[0]);
  });

  it("provex YAML: a direct mapping's [name] is synthesized and points into the name", () => {
    const config = loadConfig(provexText);
    const userName = config.objects[0]?.mappings.find((m) => m.target === "userName");
    const location = userName?.locations?.expression;
    expect(location?.style).toBe("synthesized");
    const offsets = location?.offsets ?? [];
    expect(offsets).toHaveLength("[userPrincipalName]".length + 1);
    // "[" and "]" sit on the name's first and last characters; the name's characters on themselves.
    expect(provexText.slice(offsets[1], (offsets.at(-3) ?? 0) + 1)).toBe("userPrincipalName");
    expect(offsets[0]).toBe(offsets[1]);
    expect(offsets.at(-2)).toBe(offsets.at(-3));
    expect(userName?.expressionOffsets).toEqual(offsets);
    expect(slice(provexText, userName?.locations?.matchingPriority)).toBe("1");
  });

  it("a constant's quoted literal points each character (and its backslash) at the value", () => {
    const text = "mappings:\n  - target: t\n    constant: 'say \"hi\"'\n";
    const mapping = loadConfig(text).objects[0]?.mappings[0];
    expect(mapping?.expression).toBe('"say \\"hi\\""');
    const offsets = mapping?.locations?.expression?.offsets ?? [];
    const valueStart = text.indexOf("say");
    expect(offsets.slice(0, 7)).toEqual([
      valueStart,
      valueStart,
      valueStart + 1,
      valueStart + 2,
      valueStart + 3,
      valueStart + 4,
      valueStart + 4,
    ]);
  });

  it("an Entra Attribute source without expression text traces [name] from its name", () => {
    const text =
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [\n  {"targetAttributeName": "t", "source": {"type": "Attribute", "name": "mail\\u0020x", "parameters": []}}]}]}]}';
    const mapping = loadConfig(text).objects[0]?.mappings[0];
    expect(mapping?.expression).toBe("[mail x]");
    expect(mapping?.locations?.expression?.style).toBe("synthesized");
    const offsets = mapping?.locations?.expression?.offsets ?? [];
    expect(text.slice(offsets[5], (offsets[5] ?? 0) + 6)).toBe("\\u0020");
  });

  it("a Function tree without expression text gets its diagnostics on the source object", () => {
    const text =
      '{"synchronizationRules": [{"objectMappings": [{"attributeMappings": [\n  {"targetAttributeName": "t",\n   "source": {"type": "Function", "name": "Jion", "parameters": []}}]}]}]}';
    const config = loadConfig(text);
    const problem = config.diagnostics.find((d) => d.code === "unknown-function");
    expect(slice(text, problem?.span)).toBe(slice(text, config.objects[0]?.mappings[0]?.locations?.source));
    expect(new LineIndex(text).locate(problem?.span.start ?? 0)).toEqual({ line: 3, column: 14 });
  });
});
