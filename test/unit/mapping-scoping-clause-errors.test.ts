import { describe, expect, it } from "vitest";
import type { ScopingClause } from "../../src/index.js";
import { evaluateClause } from "../../src/mapping/scoping.js";

/**
 * A clause that fails for a reason provex has no code of its own for: a configuration built by a program
 * (not loaded, so never validated) may carry values that are not text. The clause then fails with the
 * generic code `clause-error` and the error's message, rather than crashing the preview.
 */
const span = { start: 0, end: 0 };
const clauseOf = (operator: string, values: unknown[]) =>
  ({ attribute: "a", operator, values, extra: {}, span }) as unknown as ScopingClause;

describe("a clause whose values are not text fails with clause-error", () => {
  it.each([
    ["EQUALS on a Boolean attribute, value true", "EQUALS", [true], true],
    ["REGEX_MATCH, value null", "REGEX_MATCH", [null], "x"],
    ["INCLUDES, a symbol", "INCLUDES", [Symbol("s")], "x"],
  ])("%s", (_what, operator, values, actual) => {
    const result = evaluateClause(clauseOf(operator, values), { a: actual });
    expect(result).toMatchObject({ attribute: "a", operator, actual, result: false });
    expect(result.error?.code).toBe("clause-error");
    expect(result.error?.message).toMatch(/\w/);
  });
});
