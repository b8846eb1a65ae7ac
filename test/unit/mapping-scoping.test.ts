import { describe, expect, it } from "vitest";
import {
  evaluateScope,
  loadConfig,
  preview,
  type ScopingFilter,
  type ScopingOperator,
} from "../../src/index.js";
import { compileScope } from "../../src/mapping/scoping.js";

/** One filter with one clause, as the loader would build it. */
function clause(attribute: string, operator: ScopingOperator, ...values: string[]): ScopingFilter[] {
  const span = { start: 0, end: 0 };
  return [{ name: "f", extra: {}, span, clauses: [{ attribute, operator, values, extra: {}, span }] }];
}

const holds = (filters: ScopingFilter[], attributes: Record<string, unknown>) =>
  evaluateScope(filters, attributes).inScope;

describe("scoping operators (SPEC Part 1, §d.2)", () => {
  it("EQUALS is exact and case-sensitive", () => {
    expect(holds(clause("department", "EQUALS", "Sales"), { department: "Sales" })).toBe(true);
    expect(holds(clause("department", "EQUALS", "Sales"), { department: "sales" })).toBe(false);
    expect(holds(clause("department", "EQUALS", "Sales"), { department: "Sales " })).toBe(false);
  });

  it("NOT_EQUALS is case-sensitive and false on null or empty", () => {
    expect(holds(clause("department", "NOT_EQUALS", "Sales"), { department: "sales" })).toBe(true);
    expect(holds(clause("department", "NOT_EQUALS", "Sales"), { department: "Sales" })).toBe(false);
    expect(holds(clause("department", "NOT_EQUALS", "Sales"), {})).toBe(false);
    expect(holds(clause("department", "NOT_EQUALS", "Sales"), { department: "" })).toBe(false);
  });

  it("IS_TRUE and IS_FALSE read booleans and their True/False text", () => {
    expect(holds(clause("accountEnabled", "IS_TRUE"), { accountEnabled: true })).toBe(true);
    expect(holds(clause("accountEnabled", "IS_TRUE"), { accountEnabled: "True" })).toBe(true);
    expect(holds(clause("accountEnabled", "IS_TRUE"), { accountEnabled: false })).toBe(false);
    expect(holds(clause("IsSoftDeleted", "IS_FALSE"), { IsSoftDeleted: "False" })).toBe(true);
    expect(holds(clause("IsSoftDeleted", "IS_FALSE"), {})).toBe(false);
  });

  it("IS_NULL holds for absent, null and empty; IS_NOT_NULL is its negation", () => {
    for (const attributes of [{}, { jobTitle: null }, { jobTitle: "" }]) {
      expect(holds(clause("jobTitle", "IS_NULL"), attributes)).toBe(true);
      expect(holds(clause("jobTitle", "IS_NOT_NULL"), attributes)).toBe(false);
    }
    expect(holds(clause("jobTitle", "IS_NOT_NULL"), { jobTitle: "x" })).toBe(true);
    expect(holds(clause("jobTitle", "IS_NULL"), { jobTitle: "x" })).toBe(false);
  });

  it("REGEX_MATCH is an unanchored, case-sensitive .NET search", () => {
    const fabrikam = clause("userPrincipalName", "REGEX_MATCH", "@fabrikam\\.com$");
    expect(holds(fabrikam, { userPrincipalName: "ethan@fabrikam.com" })).toBe(true);
    expect(holds(fabrikam, { userPrincipalName: "ethan@FABRIKAM.com" })).toBe(false);
    expect(holds(fabrikam, { userPrincipalName: "ethan@fabrikam.com.evil" })).toBe(false);
    // Unanchored: the documented workerID pattern also matches inside a longer number [sf-workerid-*].
    expect(
      holds(clause("workerID", "REGEX_MATCH", "(1[0-9][0-9][0-9][0-9][0-9][0-9])"), { workerID: "21000000" }),
    ).toBe(true);
    // .NET syntax: named groups and inline options.
    expect(holds(clause("d", "REGEX_MATCH", "(?i)^(?<dept>sales)$"), { d: "SALES" })).toBe(true);
  });

  it("a compiled REGEX_MATCH keeps its pattern for every user, and a pattern that does not compile fails each time", () => {
    const scope = compileScope(clause("d", "REGEX_MATCH", "^s", "x$"));
    expect(["sales", "bot", "tax", "ops"].map((d) => scope.holds({ d }))).toEqual([true, false, true, false]);
    const broken = compileScope(clause("d", "REGEX_MATCH", "(a"));
    for (const d of ["a", "b"]) {
      expect(broken.holds({ d })).toBe(false);
      expect(broken.explain({ d }).filters[0]?.clauses[0]?.error?.code).toBe("invalid-regex");
    }
  });

  it("NOT_REGEX_MATCH negates, but is false on null or empty (documented)", () => {
    const notContoso = clause("userPrincipalName", "NOT_REGEX_MATCH", "@contoso\\.com$");
    expect(holds(notContoso, { userPrincipalName: "a@fabrikam.com" })).toBe(true);
    expect(holds(notContoso, { userPrincipalName: "a@contoso.com" })).toBe(false);
    expect(holds(notContoso, {})).toBe(false);
  });

  it("GREATER_THAN and GREATER_THAN_OR_EQUALS compare integers; a non-integer is a clause error", () => {
    expect(holds(clause("level", "GREATER_THAN", "5"), { level: "10" })).toBe(true);
    expect(holds(clause("level", "GREATER_THAN", "5"), { level: 5 })).toBe(false);
    expect(holds(clause("level", "GREATER_THAN_OR_EQUALS", "5"), { level: 5 })).toBe(true);
    // Numerically, not as text ("10" < "9" as strings).
    expect(holds(clause("level", "GREATER_THAN", "9"), { level: "10" })).toBe(true);
    const result = evaluateScope(clause("level", "GREATER_THAN", "5"), { level: "ten" });
    expect(result.inScope).toBe(false);
    expect(result.filters[0]?.clauses[0]?.error?.code).toBe("clause-not-integer");
  });

  it("INCLUDES is a case-sensitive substring test; ENDS_WITH a case-sensitive suffix test", () => {
    expect(holds(clause("title", "INCLUDES", "Sales"), { title: "Inside Sales Rep" })).toBe(true);
    expect(holds(clause("title", "INCLUDES", "sales"), { title: "Inside Sales Rep" })).toBe(false);
    expect(holds(clause("mail", "ENDS_WITH", "@contoso.com"), { mail: "a@contoso.com" })).toBe(true);
    expect(holds(clause("mail", "ENDS_WITH", "@contoso.com"), { mail: "a@Contoso.com" })).toBe(false);
    expect(holds(clause("mail", "ENDS_WITH", "@contoso.com"), {})).toBe(false);
  });

  it("every binary operator is false on a null or empty attribute", () => {
    const binary: ScopingOperator[] = [
      "EQUALS",
      "NOT_EQUALS",
      "REGEX_MATCH",
      "NOT_REGEX_MATCH",
      "GREATER_THAN",
      "GREATER_THAN_OR_EQUALS",
      "INCLUDES",
      "ENDS_WITH",
    ];
    for (const operator of binary) {
      expect(holds(clause("x", operator, "1"), {}), operator).toBe(false);
      expect(holds(clause("x", operator, "1"), { x: "" }), operator).toBe(false);
    }
  });

  it("ANDs the clauses of a filter and ORs the filters; no filters means everyone", () => {
    const span = { start: 0, end: 0 };
    const c = (attribute: string, value: string) => ({
      attribute,
      operator: "EQUALS" as const,
      values: [value],
      extra: {},
      span,
    });
    const filters: ScopingFilter[] = [
      { name: "a", extra: {}, span, clauses: [c("x", "1"), c("y", "2")] },
      { name: "b", extra: {}, span, clauses: [c("z", "3")] },
    ];
    expect(holds(filters, { x: "1", y: "2" })).toBe(true);
    expect(holds(filters, { x: "1", y: "0" })).toBe(false);
    expect(holds(filters, { z: "3" })).toBe(true);
    expect(evaluateScope(filters, { x: "1" }).filters.map((f) => f.clauses.map((k) => k.result))).toEqual([
      [true, false],
      [false],
    ]);
    expect(holds([], {})).toBe(true);
    expect(evaluateScope(null, {}).inScope).toBe(true);
  });

  it("a multi-valued attribute fails its clause", () => {
    const result = evaluateScope(clause("proxyAddresses", "INCLUDES", "smtp"), {
      proxyAddresses: ["smtp:a"],
    });
    expect(result.inScope).toBe(false);
    expect(result.filters[0]?.clauses[0]?.error?.code).toBe("multivalued-scope-attribute");
  });
});

describe("assignment scoping", () => {
  const yaml = (assignment: string) => `assignment: ${assignment}
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
`;

  it("with 'assigned', a user without appRoleAssignments is NotEffectivelyEntitled; an empty list is default access", () => {
    const config = loadConfig(yaml("assigned"));
    const [unassigned, defaultAccess] = preview(config, [
      { userPrincipalName: "a@x" },
      { userPrincipalName: "b@x", appRoleAssignments: [] },
    ]);
    expect(unassigned?.skipReason).toBe("NotEffectivelyEntitled");
    expect(unassigned?.steps[1]?.details).toMatchObject({ Assigned: false });
    expect(defaultAccess?.action).toBe("Create");
  });

  it("with 'all' (or unsaid), every user counts as assigned", () => {
    for (const assignment of ["all"]) {
      const [user] = preview(loadConfig(yaml(assignment)), [{ userPrincipalName: "a@x" }]);
      expect(user?.action).toBe("Create");
    }
  });
});
