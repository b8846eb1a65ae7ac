import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  evaluateScope,
  SCOPING_OPERATORS,
  type ScopingFilter,
  type ScopingOperator,
} from "../../src/index.js";

/**
 * Runs the documented scoping-filter examples (the `scoping` dialect of doc-examples.json). Each is a
 * clause written the way the Entra docs write it — `attribute OPERATOR value`, the operator in words
 * (`NOT REGEX MATCH`) — with one user's attribute and the documented result. Where the documentation's
 * own result is wrong (`consistent: false`, e.g. an unanchored regex it reads as anchored), the corrected
 * `computed` value is the expectation.
 */

interface ScopingExample {
  id: string;
  expression: string;
  inputs: Record<string, unknown>;
  expected: unknown;
  consistent: boolean;
  computed?: unknown;
  dialect: string;
}

const examples: ScopingExample[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "doc-examples.json"), "utf8"),
);
const scoping = examples.filter((example) => example.dialect === "scoping");

/** Longest first, so that `NOT REGEX MATCH` is not read as `NOT_EQUALS`' prefix or `REGEX MATCH`. */
const OPERATORS_IN_WORDS = [...SCOPING_OPERATORS]
  .map((operator) => ({ operator, words: operator.replaceAll("_", " ") }))
  .sort((a, b) => b.words.length - a.words.length);

/** `department EQUALS sales` → the one-clause filter the loader would build from the Entra UI. */
function clauseOf(text: string): { attribute: string; operator: ScopingOperator; value: string } {
  const space = text.indexOf(" ");
  const attribute = text.slice(0, space);
  const rest = text.slice(space + 1);
  const found = OPERATORS_IN_WORDS.find(({ words }) => rest.startsWith(`${words} `));
  if (!found) throw new Error(`no scoping operator in ${JSON.stringify(text)}`);
  return { attribute, operator: found.operator, value: rest.slice(found.words.length + 1) };
}

function filterOf(text: string): ScopingFilter[] {
  const { attribute, operator, value } = clauseOf(text);
  const span = { start: 0, end: text.length };
  return [
    {
      name: "documented",
      extra: {},
      span,
      clauses: [{ attribute, operator, values: [value], extra: {}, span }],
    },
  ];
}

describe("documented scoping examples", () => {
  it("covers the whole scoping dialect of the file, with both results and the documentation's mistakes", () => {
    expect(scoping.length).toBe(16);
    const expectations = scoping.map((example) => (example.consistent ? example.expected : example.computed));
    expect(expectations.filter((result) => result === true).length).toBeGreaterThanOrEqual(4);
    expect(expectations.filter((result) => result === false).length).toBeGreaterThanOrEqual(4);
    expect(scoping.filter((example) => !example.consistent).length).toBe(3);
  });

  it("reads each documented clause as attribute, operator and value", () => {
    expect(clauseOf("userPrincipalName NOT REGEX MATCH .*\\@domain.com")).toEqual({
      attribute: "userPrincipalName",
      operator: "NOT_REGEX_MATCH",
      value: ".*\\@domain.com",
    });
    expect(clauseOf("department EQUALS sales")).toEqual({
      attribute: "department",
      operator: "EQUALS",
      value: "sales",
    });
  });

  it.each(scoping.map((example) => [example.id, example] as const))("%s", (_id, example) => {
    const expected = example.consistent ? example.expected : example.computed;
    expect(typeof expected).toBe("boolean");
    const result = evaluateScope(filterOf(example.expression), example.inputs);
    // A documented clause never errors (bad pattern, non-integer): it holds or it does not.
    expect(result.filters[0]?.clauses[0]?.error).toBeUndefined();
    expect(result.inScope).toBe(expected);
  });
});
