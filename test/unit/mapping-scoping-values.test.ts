import { describe, expect, it } from "vitest";
import { evaluateScope, type ScopingFilter, type ScopingOperator } from "../../src/index.js";

/** How a clause reads the user's value: Booleans as True/False, integers with spaces (SPEC Part 1 §d.2). */
function holds(operator: ScopingOperator, values: string[], actual: unknown): boolean {
  const span = { start: 0, end: 0 };
  const filters: ScopingFilter[] = [
    { name: "f", extra: {}, span, clauses: [{ attribute: "a", operator, values, extra: {}, span }] },
  ];
  return evaluateScope(filters, { a: actual }).inScope;
}

describe("EQUALS on a Boolean attribute", () => {
  it.each(["True", "true", "TRUE"])("a true attribute equals %j", (value) => {
    expect(holds("EQUALS", [value], true)).toBe(true);
    expect(holds("NOT_EQUALS", [value], true)).toBe(false);
  });

  it.each(["False", "false", "FALSE"])("a false attribute equals %j, and a true one does not", (value) => {
    expect(holds("EQUALS", [value], false)).toBe(true);
    expect(holds("EQUALS", [value], true)).toBe(false);
  });

  it("stays case-sensitive for the text True", () => {
    expect(holds("EQUALS", ["true"], "True")).toBe(false);
    expect(holds("EQUALS", ["True"], "True")).toBe(true);
  });
});

describe("integer clauses ignore spaces around the numbers", () => {
  it("on the user's value", () => {
    expect(holds("GREATER_THAN", ["5"], " 10 ")).toBe(true);
    expect(holds("GREATER_THAN", ["5"], "10 ")).toBe(true);
    expect(holds("GREATER_THAN_OR_EQUALS", ["5"], " 5")).toBe(true);
    expect(holds("GREATER_THAN", ["5"], " 5 ")).toBe(false);
  });

  it("on the clause's value", () => {
    expect(holds("GREATER_THAN", [" 5 "], "6")).toBe(true);
    expect(holds("GREATER_THAN_OR_EQUALS", [" 7"], 7)).toBe(true);
    expect(holds("GREATER_THAN_OR_EQUALS", [" 7"], 6)).toBe(false);
  });

  it("compares as integers beyond 2^53, and negative ones", () => {
    expect(holds("GREATER_THAN", ["9007199254740992"], "9007199254740993")).toBe(true);
    expect(holds("GREATER_THAN", ["-3"], "-2")).toBe(true);
    expect(holds("GREATER_THAN", ["-2"], "-3")).toBe(false);
  });
});
