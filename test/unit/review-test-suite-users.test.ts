import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import { resolveTestSuite, type TestFile } from "../../src/review/index.js";

// resolveTestSuite: which entry of the users file a case's `user:` text names (`#n` only as a whole,
// else by objectId, userPrincipalName or mailNickname), entries that are no user, with: on top of them,
// and a suite that carries only what the file gives.

const config = loadConfig(
  "object: { name: U, source: User, target: User }\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
);
const position = { line: 2, column: 5 };
const caseOf = (user: TestFile["cases"][number]["user"], extra?: Record<string, unknown>) => ({
  name: `case ${JSON.stringify(user)}`,
  user,
  with: extra,
  expect: {},
  snapshot: false,
  position,
  positions: {},
  offsets: { start: 10, end: 20 },
});
const resolve = (users: unknown[], ...cases: ReturnType<typeof caseOf>[]) =>
  resolveTestSuite({ cases }, { name: "s", config, users });

describe("resolveTestSuite: #n names the n-th user only when it is the whole text", () => {
  // Twelve users; some mailNicknames look like positions.
  const users = Array.from({ length: 12 }, (_, i) => ({
    objectId: `o${i + 1}`,
    mailNickname: `nick${i + 1}`,
  }));
  users[2] = { objectId: "o3", mailNickname: "#1a" };
  users[3] = { objectId: "o4", mailNickname: "a#2" };

  it("#10 and #12 are the tenth and the twelfth user (positions of more than one digit)", () => {
    const { suite, diagnostics } = resolve(users, caseOf("#10"), caseOf("#12"), caseOf("#1"));
    expect(diagnostics).toEqual([]);
    expect(suite.cases.map((c) => c.user)).toEqual([users[9], users[11], users[0]]);
  });

  it("a text that only starts or ends with #n is a name: found by mailNickname, or unknown", () => {
    const { suite, diagnostics } = resolve(
      users,
      caseOf("#1a"),
      caseOf("a#2"),
      caseOf("#2 "),
      caseOf("x#3"),
      caseOf("#"),
    );
    expect(suite.cases.map((c) => c.user)).toEqual([users[2], users[3]]);
    expect(diagnostics.map((d) => [d.code, d.message, d.span])).toEqual(
      ['"#2 "', '"x#3"', '"#"'].map((reference) => [
        "test-unknown-user",
        `No user of the users file has objectId, userPrincipalName or mailNickname ${reference} (nor is it #1…#12).`,
        { start: 10, end: 20 },
      ]),
    );
  });
});

describe("resolveTestSuite: without a users file", () => {
  it("no text names a user, not even #1: the message says to give users: or the attributes inline", () => {
    const { suite, diagnostics } = resolveTestSuite(
      { cases: [caseOf("#1"), caseOf("o1"), caseOf({ objectId: "inline" })] },
      { name: "s", config },
    );
    expect(suite.cases.map((c) => c.user)).toEqual([{ objectId: "inline" }]);
    expect(diagnostics.map((d) => [d.code, d.message, d.span])).toEqual(
      ['"#1"', '"o1"'].map((reference) => [
        "test-unknown-user",
        `The case names the user ${reference}, but the file has no users: (a users file to take it from); give users: or the user's attributes inline.`,
        { start: 10, end: 20 },
      ]),
    );
  });
});

describe("resolveTestSuite: entries of the users file that are no user", () => {
  const named = (objectId: string) => Object.assign(() => undefined, { objectId });
  const users: unknown[] = [null, "o1", 7, named("f1"), { objectId: "o1", userPrincipalName: "ada@c.com" }];

  it("are passed over when a user is looked up by name: a null, a text, a number, a function", () => {
    const { suite, diagnostics } = resolve(users, caseOf("o1"), caseOf("f1"));
    expect(suite.cases.map((c) => c.user)).toEqual([users[4]]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'No user of the users file has objectId, userPrincipalName or mailNickname "f1" (nor is it #1…#5).',
    ]);
  });

  it("are still the n-th entry for #n; with: on top of one starts from no attributes", () => {
    const { suite, diagnostics } = resolve(
      users,
      caseOf("#1"),
      caseOf("#1", { department: "Sales", title: null }),
      caseOf("#2", { department: "Ops" }),
    );
    expect(diagnostics).toEqual([]);
    expect(suite.cases.map((c) => c.user)).toEqual([null, { department: "Sales" }, { department: "Ops" }]);
  });

  it("with: on top of a user whose value is a list starts from no attributes", () => {
    const { suite } = resolve([["a", "b"]], caseOf("#1", { department: "Sales" }));
    expect(suite.cases[0]?.user).toStrictEqual({ department: "Sales" });
  });
});

describe("resolveTestSuite: with:", () => {
  it("null removes an attribute the user has, and one with: itself sets; the copy is plain data", () => {
    const users = [{ objectId: "o1", mailNickname: "ada", title: "Rep" }];
    const { suite } = resolve(users, caseOf("o1", { title: null, department: "Sales", manager: null }));
    const user = suite.cases[0]?.user as Record<string, unknown>;
    expect(user).toStrictEqual({ objectId: "o1", mailNickname: "ada", department: "Sales" });
    expect(Object.keys(user)).toEqual(["objectId", "mailNickname", "department"]);
    // Each attribute of the copy can be changed and removed, as in any object read from JSON.
    expect(Object.getOwnPropertyDescriptor(user, "department")).toEqual({
      value: "Sales",
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(users[0]).toEqual({ objectId: "o1", mailNickname: "ada", title: "Rep" });
  });
});

describe("resolveTestSuite: the suite carries only what the file gives", () => {
  it("no seed, target, users or context fields when the file gives none", () => {
    const { suite } = resolveTestSuite({ cases: [] }, { name: "s", config });
    expect(Object.keys(suite)).toEqual(["name", "config", "cases", "context"]);
    expect(suite.cases).toEqual([]);
    expect(Object.keys(suite.context ?? {})).toEqual([]);
  });

  it("the seed 0 is a seed; an empty defaultDomain is none", () => {
    const { suite } = resolveTestSuite({ cases: [], seed: 0, defaultDomain: "" }, { name: "s", config });
    expect(suite.seed).toBe(0);
    expect(Object.keys(suite)).toEqual(["name", "config", "cases", "context", "seed"]);
    expect(Object.keys(suite.context ?? {})).toEqual([]);
  });

  it("the cases in file order, each once", () => {
    const { suite } = resolve([{ objectId: "o1" }], caseOf("o1"), caseOf({ objectId: "inline" }));
    expect(suite.cases.map((c) => c.name)).toEqual(['case "o1"', 'case {"objectId":"inline"}']);
  });
});
