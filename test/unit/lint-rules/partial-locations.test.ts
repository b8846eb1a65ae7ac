import { describe, expect, it } from "vitest";
import { rules } from "../../../src/lint/rules/index.js";
import { runRules } from "../../../src/lint/run-rules.js";
import { loadConfig } from "../../../src/mapping/index.js";
import { type Shown, shown } from "./findings.js";
import { entraSources, provexYaml } from "./helpers.js";

// Every part of a configuration's `locations` is optional, and so are a mapping's expression offsets: a
// caller that builds or edits a configuration in code may give some of them or none. Each finding then
// points at the nearest part whose place is known, no rule fails, and a fix is offered only where its
// characters can still be placed.

type Edit = (key: string, value: unknown) => unknown;

/** `value` with `edit` applied to every property at every depth (undefined drops the property). */
function reshaped(value: unknown, edit: Edit): unknown {
  if (Array.isArray(value)) return value.map((item) => reshaped(item, edit));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const kept = edit(key, reshaped(inner, edit));
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

/** Drops `locations` entirely, and the mappings' expression offsets when `offsets` is false. */
const noLocations =
  (offsets: boolean): Edit =>
  (key, value) =>
    key === "locations" || (key === "expressionOffsets" && !offsets) ? undefined : value;

/** Keeps `locations` but without the listed parts, and drops the expression offsets. */
const locationsWithout =
  (...parts: string[]): Edit =>
  (key, value) => {
    if (key === "expressionOffsets") return undefined;
    if (key !== "locations" || typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([part]) => !parts.includes(part)));
  };

/** All findings of all rules on `text` whose loaded configuration was reshaped by `edit`. */
function findings(text: string, edit: Edit): Shown[] {
  const config = reshaped(loadConfig(text), edit) as ReturnType<typeof loadConfig>;
  return runRules({ text, config, rules }).map((finding) => shown(text, finding));
}

/** Rule id, position and covered text of a finding, and whether it has a fix. */
const brief = (finding: Shown) => [finding.at.join(":"), finding.covers, finding.fix ? "fix" : "no fix"];

const schemaHead = `entra:
  directories:
    - name: AAD
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: country }
`;

describe("a direct mapping whose attribute cannot be traced", () => {
  it("in provex YAML: the case finding points at the mapping and offers no fix", () => {
    const text = provexYaml("  - target: c\n    attribute: Country\n", schemaHead);
    const mapping = text.slice(text.indexOf("target: c"));
    const all = findings(text, noLocations(false));
    expect(all.map(brief)).toEqual([["13:5", mapping, "no fix"]]);
    expect(all[0]?.message).toBe(
      "The source schema spells this attribute [country]; attribute names are case-sensitive, so [Country] reads nothing.",
    );
  });

  it("in Entra JSON: traced by its name alone, the finding is on the name, without a fix (the source's place is unknown)", () => {
    const text = entraSources(
      '      { "targetAttributeName": "c", "source": { "type": "Attribute", "name": "Country" } }',
    );
    expect(findings(text, noLocations(true)).map(brief)).toEqual([["9:79", "Country", "no fix"]]);
    const mapping = text.slice(text.indexOf('{ "targetAttributeName": "c"'), text.indexOf(" }\n    ]") + 2);
    expect(findings(text, noLocations(false)).map(brief)).toEqual([["9:7", mapping, "no fix"]]);
  });

  it("in Entra JSON with the source's place known: the fix still rewrites the source's name", () => {
    const text = entraSources(
      '      { "targetAttributeName": "c", "source": { "type": "Attribute", "name": "Country" } }',
    );
    const [finding, ...rest] = findings(text, locationsWithout("expression"));
    expect(rest).toEqual([]);
    expect(finding?.at).toEqual([9, 7]);
    expect(finding?.fix).toEqual({
      description: "Write Country as country",
      edits: [{ covers: "Country", text: "country" }],
    });
  });
});

describe("a scoping clause whose values cannot be traced", () => {
  it("gets the findings about its values on its operator", () => {
    const text = `${schemaHead.replace("country", "department")}scope:
  filters:
    - clauses:
        - { attribute: department, operator: GREATER_THAN, value: ten }
        - { attribute: department, operator: REGEX_MATCH, value: '(a' }
${provexYaml("")}`;
    expect(findings(text, locationsWithout("values")).map(brief)).toEqual([
      ["12:46", "GREATER_THAN", "no fix"],
      ["13:46", "REGEX_MATCH", "no fix"],
    ]);
  });
});

describe("an object mapping without locations", () => {
  it("gets the finding about its matching attribute on the whole object mapping", () => {
    const text =
      "objects:\n  - name: Users\n    source: User\n    target: urn:ietf:params:scim:schemas:core:2.0:User\n    mappings:\n      - { target: userName, attribute: userPrincipalName }\n";
    const all = findings(text, noLocations(true));
    expect(all.map(brief)).toEqual([["2:5", text.slice(text.indexOf("name: Users")), "no fix"]]);
    expect(all[0]?.message).toMatch(/^Users has no matching attribute/);
  });
});
