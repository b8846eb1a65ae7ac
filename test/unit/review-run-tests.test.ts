import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import { runTests, type TestCase, type TestSuite } from "../../src/review/index.js";

/** A configuration that scopes users to department Ops and matches on userPrincipalName. */
const OPS_SCOPED = `object: { name: U, source: User, target: User }
scope:
  filters:
    - name: Ops
      clauses:
        - { attribute: department, operator: EQUALS, value: Ops }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
`;

// runTests: each expectation checked against what the configuration does, with the exact expected and
// actual text of every failure and the position it is reported at.

const config = loadConfig(`object: { name: U, source: User, target: User }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, attribute: jobTitle }
  - { target: employeeId, attribute: employeeNumber }
  - { target: nickName, expression: 'IIF([department]="Sales", "s", "o")' }
  - { target: password, expression: 'Redact([pin])' }
  - { target: externalId, expression: 'Guid()' }
  - { target: locale, expression: 'Item(Split([x], ","), 2)' }
`);
const at = (line: number, column: number) => ({ line, column });
const ada = {
  objectId: "o1",
  userPrincipalName: "ada@c.com",
  jobTitle: "Rep",
  employeeNumber: "100042",
  department: "Sales",
  pin: "4711",
  x: "a,b",
};
const one = (overrides: Partial<TestCase>): TestCase => ({
  name: "case",
  user: ada,
  expect: {},
  snapshot: false,
  position: at(1, 1),
  positions: {},
  ...overrides,
});
const suiteOf = (cases: TestCase[], extra: Partial<TestSuite> = {}): TestSuite => ({
  name: "s.provex-test.yaml",
  config,
  cases,
  context: { now: new Date("2026-03-01T00:00:00Z") },
  ...extra,
});

describe("runTests", () => {
  it("passes a case whose every expectation holds, a YAML number standing for the text sent", () => {
    const results = runTests(
      suiteOf([
        one({
          expect: {
            action: "Create",
            scope: "in",
            match: null,
            error: null,
            warnings: [],
            attributes: {
              title: { kind: "equals", value: "Rep" },
              employeeId: { kind: "equals", value: 100042 },
              userName: { kind: "pattern", pattern: "^ada@" },
              manager: { kind: "absent" },
              password: { kind: "equals", value: "[Redact]" },
            },
          },
        }),
      ]),
    );
    expect(results.cases[0]?.failures).toEqual([]);
    expect(results).toMatchObject({ name: "s.provex-test.yaml", passed: 1, failed: 0 });
    expect(results.cases[0]).toMatchObject({ name: "case", status: "passed", position: at(1, 1) });
    expect(results.duration).toBeGreaterThanOrEqual(0);
    expect(results.cases[0]?.duration).toBeGreaterThanOrEqual(0);
    const actual = results.cases[0]?.actual;
    expect(actual).toMatchObject({ action: "Create", scope: "in", match: null, error: null, warnings: [] });
    expect(Object.keys(actual?.attributes ?? {})).toEqual([
      "userName",
      "title",
      "employeeId",
      "nickName",
      "password",
      "externalId",
      "locale",
    ]);
    expect(actual?.attributes).toMatchObject({
      title: "Rep",
      nickName: "s",
      password: "[Redact]",
      locale: "b",
    });
    expect(actual).not.toHaveProperty("skipReason");
  });

  it("reports every expectation that does not hold, at its own position or its group's or the case's", () => {
    const results = runTests(
      suiteOf([
        one({
          expect: {
            action: "Update",
            skipReason: "RedundantExport",
            scope: "out",
            match: "t-1",
            error: "X",
            warnings: ["W2", "W1", "W1"],
            attributes: {
              title: { kind: "equals", value: "Boss" },
              userName: { kind: "pattern", pattern: "^bob" },
              employeeId: { kind: "absent" },
              missing: { kind: "equals", value: "x" },
              gone: { kind: "pattern", pattern: "." },
            },
          },
          position: at(1, 1),
          positions: { action: at(2, 3), attributes: at(9, 9), "attributes.title": at(10, 10) },
        }),
      ]),
    );
    expect(results).toMatchObject({ passed: 0, failed: 1 });
    expect(results.cases[0]?.status).toBe("failed");
    expect(results.cases[0]?.failures).toEqual([
      {
        field: "action",
        expected: "Update",
        actual: "Create",
        message: "action: expected Update, actual Create",
        position: at(2, 3),
      },
      {
        field: "skipReason",
        expected: "RedundantExport",
        actual: "(not skipped)",
        message: "skipReason: expected RedundantExport, actual (not skipped)",
        position: at(1, 1),
      },
      {
        field: "scope",
        expected: "out",
        actual: "in",
        message: "scope: expected out, actual in",
        position: at(1, 1),
      },
      {
        field: "match",
        expected: "t-1",
        actual: "none",
        message: "match: expected t-1, actual none",
        position: at(1, 1),
      },
      {
        field: "error",
        expected: "X",
        actual: "none",
        message: "error: expected X, actual none",
        position: at(1, 1),
      },
      {
        field: "warnings",
        expected: "W1, W2",
        actual: "none",
        message: "warnings: expected W1, W2, actual none",
        position: at(1, 1),
      },
      {
        field: "attributes.title",
        expected: '"Boss"',
        actual: '"Rep"',
        message: 'title: expected "Boss", actual "Rep"',
        position: at(10, 10),
      },
      {
        field: "attributes.userName",
        expected: "matching ^bob",
        actual: '"ada@c.com"',
        message: 'userName: expected matching ^bob, actual "ada@c.com"',
        position: at(9, 9),
      },
      {
        field: "attributes.employeeId",
        expected: "not sent",
        actual: '"100042"',
        message: 'employeeId: expected not sent, actual "100042"',
        position: at(9, 9),
      },
      {
        field: "attributes.missing",
        expected: '"x"',
        actual: "not sent",
        message: 'missing: expected "x", actual not sent',
        position: at(9, 9),
      },
      {
        field: "attributes.gone",
        expected: "matching .",
        actual: "not sent",
        message: "gone: expected matching ., actual not sent",
        position: at(9, 9),
      },
    ]);
  });

  it("an error: its code in actual, its message said with a failed action or error expectation", () => {
    const results = runTests(
      suiteOf([one({ user: { ...ada, x: "a" }, expect: { action: "Create", error: "Y", warnings: [] } })]),
    );
    const error = results.cases[0]?.actual.error;
    expect(results.cases[0]?.actual.action).toBe("Error");
    expect(error?.code).toMatch(/\S/);
    expect(error?.message).toMatch(/\S/);
    expect(results.cases[0]?.actual).toMatchObject({ scope: "in", attributes: {} });
    expect(results.cases[0]?.failures.map((f) => [f.field, f.expected, f.actual, f.message])).toEqual([
      [
        "action",
        "Create",
        "Error",
        `action: expected Create, actual Error (${error?.code}: ${error?.message})`,
      ],
      ["error", "Y", error?.code, `error: expected Y, actual ${error?.code} (${error?.message})`],
    ]);
    const none = runTests(
      suiteOf([one({ expect: { error: null } }), one({ user: { ...ada, x: "a" }, expect: { error: null } })]),
    );
    expect(none.cases.map((c) => c.failures.map((f) => `${f.expected}|${f.actual}`))).toEqual([
      [],
      [`none|${error?.code}`],
    ]);
  });

  it("warnings: the codes, each once, compared whatever their order and repeats", () => {
    const noDepartment = { ...ada, department: undefined };
    const results = runTests(
      suiteOf([
        one({ user: noDepartment, expect: { warnings: ["iif-null-condition", "iif-null-condition"] } }),
        one({ user: noDepartment, expect: { warnings: [] } }),
        one({ user: noDepartment, expect: { warnings: ["a", "iif-null-condition"] } }),
      ]),
    );
    expect(results.cases[0]?.actual.warnings).toEqual(["iif-null-condition"]);
    expect(results.cases.map((c) => c.failures.map((f) => f.message))).toEqual([
      [],
      ["warnings: expected none, actual iif-null-condition"],
      ["warnings: expected a, iif-null-condition, actual iif-null-condition"],
    ]);
  });

  it("a skipped user: its reason and the scope out; 'not evaluated' for a user that is not imported", () => {
    const results = runTests(
      suiteOf(
        [
          one({ user: ada, expect: { action: "Skip", skipReason: "NotEffectivelyEntitled", scope: "in" } }),
          one({ user: 7, expect: { scope: "out", skipReason: "ImportSkipped" } }),
        ],
        {
          config: loadConfig(OPS_SCOPED),
        },
      ),
    );
    expect(results.cases[0]?.actual).toMatchObject({
      action: "Skip",
      skipReason: "NotEffectivelyEntitled",
      scope: "out",
    });
    expect(results.cases[0]?.failures.map((f) => f.message)).toEqual(["scope: expected in, actual out"]);
    // Not an object: an Error, never imported.
    expect(results.cases[1]?.actual).toMatchObject({ action: "Error", scope: null });
    expect(results.cases[1]?.failures.map((f) => f.message)).toEqual([
      "skipReason: expected ImportSkipped, actual (not skipped)",
      "scope: expected out, actual not evaluated (the user is not imported)",
    ]);
  });

  it("a user without a matching value is not imported: ImportSkipped, scope not evaluated even with scoping filters", () => {
    const scoped = loadConfig(OPS_SCOPED);
    const results = runTests(
      suiteOf([one({ user: { objectId: "o9", department: "Ops" }, expect: { scope: "in" } })], {
        config: scoped,
      }),
    );
    expect(results.cases[0]?.actual).toMatchObject({
      action: "Skip",
      skipReason: "ImportSkipped",
      scope: null,
    });
    expect(results.cases[0]?.failures.map((f) => f.message)).toEqual([
      "scope: expected in, actual not evaluated (the user is not imported)",
    ]);
  });

  it("matches against the target directory and reports the matched id", () => {
    const target = [{ id: "t-7", userName: "ada@c.com", title: "Old" }];
    const results = runTests(
      suiteOf(
        [
          one({
            expect: {
              action: "Update",
              match: "t-7",
              attributes: { title: { kind: "equals", value: "Rep" } },
            },
          }),
          one({ expect: { match: null } }),
        ],
        { target },
      ),
    );
    expect(results.cases[0]?.failures).toEqual([]);
    expect(results.cases[0]?.actual.match).toBe("t-7");
    expect(results.cases[1]?.failures.map((f) => f.message)).toEqual(["match: expected none, actual t-7"]);
  });

  it("a pattern matches a value that is not a text by its JSON; a scalar never equals a list", () => {
    const numbers = loadConfig(`object: { name: U, source: User, target: User }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: emails, expression: 'Split([x], ",")' }
`);
    const results = runTests(
      suiteOf(
        [
          one({ expect: { attributes: { emails: { kind: "pattern", pattern: '^\\["a","b"\\]$' } } } }),
          one({ expect: { attributes: { emails: { kind: "equals", value: ["a", "b"] } } } }),
          one({ expect: { attributes: { emails: { kind: "equals", value: "a,b" } } } }),
          one({ expect: { attributes: { userName: { kind: "equals", value: true } } } }),
        ],
        { config: numbers },
      ),
    );
    expect(results.cases.map((c) => c.failures.map((f) => f.message))).toEqual([
      [],
      [],
      ['emails: expected "a,b", actual ["a","b"]'],
      ['userName: expected true, actual "ada@c.com"'],
    ]);
  });

  it("a snapshot case with no expectation yet fails and says to run --update; one with expectations is checked", () => {
    const results = runTests(
      suiteOf([
        one({ snapshot: true, position: at(4, 5) }),
        one({ snapshot: true, expect: { action: "Create" } }),
        one({ snapshot: false }),
      ]),
    );
    expect(results.cases[0]?.failures).toEqual([
      {
        field: "snapshot",
        expected: "a snapshot",
        actual: "none yet",
        message:
          "snapshot: expected a snapshot, actual none yet (This case asks for a snapshot and has none yet: run provex test --update to write it.)",
        position: at(4, 5),
      },
    ]);
    expect(results.cases.map((c) => c.status)).toEqual(["failed", "passed", "passed"]);
    expect(results).toMatchObject({ passed: 2, failed: 1 });
  });

  it("secrets stay [Redact] unless showRedacted; the seed and the case's position fix Guid()", () => {
    const suite = suiteOf([one({}), one({}), one({})], { seed: 5 });
    const hidden = runTests(suite);
    expect(JSON.stringify(hidden)).not.toContain("4711");
    expect(runTests(suite, { showRedacted: true }).cases[0]?.actual.attributes.password).toBe("4711");
    const guids = (s: TestSuite) => runTests(s).cases.map((c) => c.actual.attributes.externalId);
    const first = guids(suite);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(first).size).toBe(3);
    expect(guids(suite)).toEqual(first);
    expect(guids({ ...suite, seed: 6 })[0]).not.toBe(first[0]);
    expect(guids({ ...suite, seed: undefined })).toEqual(guids({ ...suite, seed: 0 }));
  });

  it("the suite's clock wins over the option's; the option's over the real clock", () => {
    const clock = loadConfig(`object: { name: U, source: User, target: User }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: title, expression: 'Now()' }
`);
    const title = (suite: TestSuite, now?: Date) =>
      runTests(suite, now ? { now } : {}).cases[0]?.actual.attributes.title;
    const suite = suiteOf([one({})], { config: clock });
    expect(title(suite, new Date("2030-01-01T00:00:00Z"))).toBe("3/1/2026 12:00:00 AM");
    expect(title({ ...suite, context: {} }, new Date("2030-01-02T00:00:00Z"))).toBe("1/2/2030 12:00:00 AM");
    expect(title({ ...suite, context: undefined }, new Date("2030-01-03T00:00:00Z"))).toBe(
      "1/3/2030 12:00:00 AM",
    );
  });

  it("checks only the expectations given: a matched user, warnings and a boolean standing for its text", () => {
    const target = [{ id: "t-7", userName: "ada@c.com", title: "Old" }];
    const results = runTests(
      suiteOf(
        [
          one({ expect: { action: "Update" } }),
          one({ user: { ...ada, department: undefined }, expect: {} }),
          one({
            user: { ...ada, jobTitle: "true" },
            expect: { attributes: { title: { kind: "equals", value: true } } },
          }),
        ],
        { target },
      ),
    );
    expect(results.cases[1]?.actual.warnings).toEqual(["iif-null-condition"]);
    expect(results.cases.map((c) => c.failures)).toEqual([[], [], []]);
  });

  it("times the suite around its cases, within the time the call took", () => {
    const before = performance.now();
    const results = runTests(suiteOf([one({}), one({})]));
    const took = performance.now() - before;
    expect(results.duration).toBeLessThanOrEqual(took);
    const cases = results.cases.reduce((sum, c) => sum + c.duration, 0);
    expect(cases).toBeLessThanOrEqual(results.duration);
  });

  it("never throws on cases that are not a list", () => {
    const results = runTests({ ...suiteOf([]), cases: "x" as unknown as TestCase[] });
    expect(results).toMatchObject({ cases: [], passed: 0, failed: 0 });
  });
});
