import { describe, expect, it } from "vitest";
import { rules } from "../../../src/lint/rules/index.js";
import { runRules } from "../../../src/lint/run-rules.js";
import { loadConfig } from "../../../src/mapping/index.js";
import { shown } from "./findings.js";

// A configuration built in code (or by a loader that does not trace a part) has no `locations`: each
// finding then points at the enclosing node the model does know — the clause, the mapping, the object
// mapping — and no rule fails or offers a fix it cannot place.

/** The configuration without any `locations` (what a caller that builds one in code passes). */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "locations")
      .map(([key, inner]) => [key, withoutLocations(inner)]),
  );
}

const text = `entra:
  directories:
    - name: AAD
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: department }
            - { name: givenName }
object:
  name: Users
  target: urn:ietf:params:scim:schemas:core:2.0:Group
scope:
  filters:
    - clauses:
        - { attribute: Department, operator: GREATER_THAN, value: x }
        - { attribute: department, operator: EQUALS }
        - { attribute: department, operator: REGEX_MATCH, value: '(a' }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: mail
    attribute: givenName
    match: 1
  - target: mail
    expression: 'SelectUniqueValue([GivenName], [b])'
  - target: nick
    constant: x
    default: y
  - target: loc
    none: true
  - target: title
    attribute: GivenName
`;

describe("findings of a configuration without locations", () => {
  it("point at the clause, the mapping or the object mapping, and offer no fix they cannot place", () => {
    const config = withoutLocations(loadConfig(text)) as ReturnType<typeof loadConfig>;
    const findings = runRules({ text, config, rules }).map((finding) => shown(text, finding));
    const clause = (line: number) => text.split("\n")[line - 1]!.trim().slice(2);
    const mapping = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
    expect(findings.map(({ at, covers }) => [...at, covers]).map((f) => f.join(" "))).toEqual(
      [
        [11, 3, mapping("name: Users", "scope:")],
        [16, 11, clause(16)],
        [16, 11, clause(16)],
        [17, 11, clause(17)],
        [18, 11, clause(18)],
        [23, 5, mapping("target: mail\n    attribute", "  - target: mail\n    expression")],
        [26, 5, mapping("target: mail\n    expression", "  - target: nick")],
        [27, 18, "SelectUniqueValue"],
        [27, 36, "[GivenName]"],
        [27, 49, "[b]"],
        [28, 5, mapping("target: nick", "  - target: loc")],
        [31, 5, mapping("target: loc", "  - target: title")],
        [34, 16, "GivenName"],
      ].map((f) => f.join(" ")),
    );
    expect(runRules({ text, config, rules }).map((f) => f.ruleId)).toEqual([
      "object-mapping-target-kind",
      "scope-unknown-attribute",
      "scope-operator-value",
      "scope-operator-value",
      "scope-operator-value",
      "matching-priority-duplicate",
      "duplicate-target",
      "unique-value-not-create-only",
      "attribute-name-case",
      "unknown-attribute",
      "unnecessary-default",
      "none-without-default",
      "attribute-name-case",
    ]);
    // An expression's own text (and a direct mapping's attribute) is still traced by the lint engine, so
    // those fixes stay; the clause's, the default's and the flow type's have nowhere to go.
    expect(findings.filter((f) => f.fix).map((f) => f.covers)).toEqual(["[GivenName]", "GivenName"]);
  });
});
