import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/index.js";
import { runTests, type TestCase, type TestSuite } from "../../src/review/index.js";

// runTests: what a case's actual result holds and how it is told — the suite's context reaching the
// expressions, the warnings in a stable order, attributes as plain data — and the clock that times it.

const config = loadConfig(`object: { name: U, source: User, target: User }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: nickName, expression: 'Extract([x], "a", "b")' }
  - { target: title, expression: 'IIF([department]="Sales", "s", "o")' }
  - { target: emails, expression: 'Join("@", [mailNickname], DefaultDomain())' }
`);
const user = { userPrincipalName: "ada@c.com", mailNickname: "ada", x: "a1b" };
const one = (overrides: Partial<TestCase> = {}): TestCase => ({
  name: "case",
  user,
  expect: {},
  snapshot: false,
  position: { line: 3, column: 5 },
  positions: {},
  ...overrides,
});
const suiteOf = (cases: TestCase[], extra: Partial<TestSuite> = {}): TestSuite => ({
  name: "s.provex-test.yaml",
  config,
  cases,
  context: { now: new Date("2026-03-01T00:00:00Z"), defaultDomain: "contoso.com" },
  ...extra,
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("runTests: the suite's context", () => {
  it("reaches the expressions: DefaultDomain() is the suite's defaultDomain", () => {
    const results = runTests(
      suiteOf([one({ expect: { attributes: { emails: { kind: "equals", value: "ada@contoso.com" } } } })]),
    );
    expect(results.cases[0]?.actual.attributes.emails).toBe("ada@contoso.com");
    expect(results.cases[0]?.failures).toEqual([]);
    // Without one, the expression fails as it says.
    const without = runTests(suiteOf([one()], { context: { now: new Date("2026-03-01T00:00:00Z") } }));
    expect(without.cases[0]?.actual.action).toBe("Error");
    expect(without.cases[0]?.actual.error?.code).toBe("default-domain-missing");
  });
});

describe("runTests: warnings", () => {
  // Extract (a provex extension) warns first, then the IIF on a null department: not in code order.
  it("are the codes in the order the preview raised them; a failure tells them sorted, with commas", () => {
    const results = runTests(
      suiteOf([
        one({ expect: { warnings: ["provex-only"] } }),
        one({ expect: { warnings: ["iif-null-condition", "provex-only"] } }),
        one({ expect: { warnings: ["provex-only", "iif-null-condition"] } }),
      ]),
    );
    expect(results.cases[0]?.actual.warnings).toEqual(["provex-only", "iif-null-condition"]);
    expect(results.cases[0]?.failures).toEqual([
      {
        field: "warnings",
        expected: "provex-only",
        actual: "iif-null-condition, provex-only",
        message: "warnings: expected provex-only, actual iif-null-condition, provex-only",
        position: { line: 3, column: 5 },
      },
    ]);
    // The same codes in any order hold.
    expect(results.cases.slice(1).map((c) => c.failures)).toEqual([[], []]);
  });
});

describe("runTests: the actual attributes", () => {
  it("are plain data: each entry can be changed or removed by the caller", () => {
    const attributes = { ...runTests(suiteOf([one()])).cases[0]?.actual }.attributes as Record<
      string,
      unknown
    >;
    expect(Object.getOwnPropertyDescriptor(attributes, "userName")).toEqual({
      value: "ada@c.com",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    attributes.userName = "changed";
    delete attributes.title;
    expect(attributes).toEqual({ userName: "changed", nickName: "1", emails: "ada@contoso.com" });
  });
});

describe("runTests: the clock", () => {
  /** A clock that moves by `step` at each reading. */
  const ticking = (start: number, step: number) => {
    let now = start;
    return () => {
      now += step;
      return now;
    };
  };

  it("times the suite and each case on the monotonic performance clock", () => {
    vi.spyOn(performance, "now").mockImplementation(ticking(1000, 2.5));
    vi.spyOn(Date, "now").mockImplementation(ticking(0, 1000));
    const results = runTests(suiteOf([one(), one()]));
    // Two readings a case, one before and one after all of them.
    expect(results.cases.map((c) => c.duration)).toEqual([2.5, 2.5]);
    expect(results.duration).toBe(12.5);
  });

  it("falls back to Date.now where there is no performance clock", () => {
    vi.stubGlobal("performance", undefined);
    vi.spyOn(Date, "now").mockImplementation(ticking(0, 4));
    const results = runTests(suiteOf([one()]));
    expect(results.cases.map((c) => c.duration)).toEqual([4]);
    expect(results.duration).toBe(12);
  });
});
