import { describe, expect, it } from "vitest";
import {
  evaluateScope,
  type ScopingClause,
  type ScopingFilter,
  type ScopingOperator,
} from "../../src/index.js";
import { evaluateClause } from "../../src/mapping/scoping.js";

/**
 * Scoping clauses beyond one value (a Graph clause's `targetOperand.values` is a list: the clause holds
 * when any value does, the NOT_ operators when none does), their errors, and clauses a program built
 * wrong. From the survivors of the mutation run of src/mapping/scoping.ts.
 */
const span = { start: 0, end: 0 };
function clauseOf(attribute: string, operator: ScopingOperator, values: unknown): ScopingClause {
  return { attribute, operator, values, extra: {}, span } as unknown as ScopingClause;
}
function filterOf(attribute: string, operator: ScopingOperator, ...values: string[]): ScopingFilter[] {
  return [{ name: "f", extra: {}, span, clauses: [clauseOf(attribute, operator, values)] }];
}
const holds = (filters: ScopingFilter[], attributes: Record<string, unknown>) =>
  evaluateScope(filters, attributes).inScope;

describe("a clause with several values holds when any of them does", () => {
  it.each([
    ["EQUALS", "department", "Sales", ["Marketing", "Sales"], true],
    ["NOT_EQUALS", "department", "Sales", ["Marketing", "Sales"], false],
    ["NOT_EQUALS", "department", "Legal", ["Marketing", "Sales"], true],
    ["REGEX_MATCH", "mail", "ada@fabrikam.com", ["@contoso\\.com$", "@fabrikam\\.com$"], true],
    ["NOT_REGEX_MATCH", "mail", "ada@fabrikam.com", ["@contoso\\.com$", "@fabrikam\\.com$"], false],
    ["GREATER_THAN", "level", "5", ["9", "3"], true],
    ["GREATER_THAN_OR_EQUALS", "level", "5", ["9", "5"], true],
    ["INCLUDES", "title", "Senior Engineer", ["Manager", "Engineer"], true],
    ["ENDS_WITH", "mail", "ada@fabrikam.com", ["@contoso.com", "@fabrikam.com"], true],
  ] as const)("%s on %s = %j with values %j is %s", (operator, attribute, actual, values, expected) => {
    expect(holds(filterOf(attribute, operator, ...values), { [attribute]: actual })).toBe(expected);
  });
});

describe("clause errors", () => {
  it("a multi-valued attribute fails its clause with a message naming it", () => {
    const [filter] = evaluateScope(filterOf("proxyAddresses", "EQUALS", "x"), {
      proxyAddresses: ["x"],
    }).filters;
    expect(filter?.clauses[0]).toStrictEqual({
      attribute: "proxyAddresses",
      operator: "EQUALS",
      values: ["x"],
      actual: ["x"],
      result: false,
      error: {
        code: "multivalued-scope-attribute",
        message: "proxyAddresses is multi-valued; scoping filters cannot test it.",
      },
    });
  });

  it("an integer clause on text that only starts with digits is clause-not-integer", () => {
    const result = evaluateClause(clauseOf("level", "GREATER_THAN", ["3"]), { level: "12abc" });
    expect(result).toMatchObject({ result: false, error: { code: "clause-not-integer" } });
    expect(result.error?.message).toBe(
      'GREATER_THAN compares integers only; "12abc" is not one, so the clause fails.',
    );
  });
});

describe("evaluateClause and clauses a program built wrong", () => {
  it("evaluateClause gives one clause's result with the value it saw", () => {
    expect(
      evaluateClause(clauseOf("department", "EQUALS", ["Sales"]), { department: "Sales" }),
    ).toStrictEqual({
      attribute: "department",
      operator: "EQUALS",
      values: ["Sales"],
      actual: "Sales",
      result: true,
    });
  });

  it("a clause whose values are not a list compares with no value", () => {
    expect(evaluateClause(clauseOf("department", "EQUALS", "Sales"), { department: "Sales" })).toStrictEqual({
      attribute: "department",
      operator: "EQUALS",
      values: [],
      actual: "Sales",
      result: false,
    });
  });

  it("an unknown operator holds for nobody, without an error", () => {
    const bogus = clauseOf("department", "BOGUS" as ScopingOperator, ["Sales"]);
    expect(evaluateClause(bogus, { department: "Sales" })).toStrictEqual({
      attribute: "department",
      operator: "BOGUS",
      values: ["Sales"],
      actual: "Sales",
      result: false,
    });
    expect(holds([{ name: "f", extra: {}, span, clauses: [bogus] }], { department: "Sales" })).toBe(false);
  });
});
