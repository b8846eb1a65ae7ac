import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/index.js";
import { parseTestFile, resolveTestSuite, type TestFile } from "../../src/review/index.js";

// Reading expectation files (`*.provex-test.yaml`) and resolving their users: each problem's code,
// severity, message and span (offsets found in the text by hand), and every field read.

/** The diagnostics as [code, severity, message, the text the span covers]. */
function problems(text: string) {
  return parseTestFile(text).diagnostics.map((d) => [
    d.code,
    d.severity,
    d.message,
    text.slice(d.span.start, d.span.end),
  ]);
}

describe("parseTestFile: a well-formed file", () => {
  const text = `config: app.yaml
target: target.json
users: users.json
now: 2026-03-01T09:00:00Z
seed: 4294967297
defaultDomain: contoso.com
cases:
  - name: Ada is created
    user: ada@contoso.com
    with: { department: Sales, jobTitle: null }
    expect:
      action: Create
      skipReason: RedundantExport
      scope: in
      match: none
      error: ProvexError
      warnings: [W1, W2]
      attributes:
        title: Rep
        locale: { absent: true }
        userName: { pattern: '^ada@' }
        roles: [a, b]
        phone: { other: 1 }
  - name: inline
    user: { userPrincipalName: b@contoso.com }
    snapshot: true
  - name: 7
    user: "#2"
    expect: { match: t-1, error: ~, scope: out }
`;
  // Read inside each test, not while the file is collected: per-test coverage (mutation runs) sees it so.
  const read = () => parseTestFile(text);

  it("reads every root field, the seed as an unsigned 32-bit number", () => {
    const { file, diagnostics } = read();
    expect(diagnostics).toEqual([]);
    expect({ ...file, cases: file.cases.length }).toEqual({
      config: "app.yaml",
      target: "target.json",
      users: "users.json",
      now: "2026-03-01T09:00:00Z",
      seed: 1,
      defaultDomain: "contoso.com",
      cases: 3,
    });
  });

  it("reads each case: name, user, with, expectations, snapshot, positions and offsets", () => {
    const [ada, inline, seven] = read().file.cases;
    expect(ada).toEqual({
      name: "Ada is created",
      user: "ada@contoso.com",
      with: { department: "Sales", jobTitle: null },
      expect: {
        action: "Create",
        skipReason: "RedundantExport",
        scope: "in",
        match: null,
        error: "ProvexError",
        warnings: ["W1", "W2"],
        attributes: {
          title: { kind: "equals", value: "Rep" },
          locale: { kind: "absent" },
          userName: { kind: "pattern", pattern: "^ada@" },
          roles: { kind: "equals", value: ["a", "b"] },
          phone: { kind: "equals", value: { other: 1 } },
        },
      },
      snapshot: false,
      position: { line: 8, column: 5 },
      positions: {
        action: { line: 12, column: 15 },
        skipReason: { line: 13, column: 19 },
        scope: { line: 14, column: 14 },
        match: { line: 15, column: 14 },
        error: { line: 16, column: 14 },
        warnings: { line: 17, column: 17 },
        attributes: { line: 19, column: 9 },
        "attributes.title": { line: 19, column: 16 },
        "attributes.locale": { line: 20, column: 17 },
        "attributes.userName": { line: 21, column: 19 },
        "attributes.roles": { line: 22, column: 16 },
        "attributes.phone": { line: 23, column: 16 },
      },
      offsets: { start: text.indexOf("name: Ada"), end: text.indexOf("  - name: inline") },
    });
    expect(inline).toMatchObject({
      name: "inline",
      user: { userPrincipalName: "b@contoso.com" },
      with: undefined,
      expect: {},
      snapshot: true,
      position: { line: 24, column: 5 },
    });
    expect(seven).toMatchObject({
      name: "7",
      user: "#2",
      expect: { match: "t-1", error: null, scope: "out" },
      snapshot: false,
    });
  });

  it("an empty expect: is no expectation, and optional root fields stay absent", () => {
    const parsed = parseTestFile("config: a.yaml\ncases:\n  - name: n\n    user: u\n    expect:\n");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.file).toEqual({
      config: "a.yaml",
      cases: [expect.objectContaining({ name: "n", user: "u", expect: {}, snapshot: false })],
    });
    expect(Object.keys(parsed.file)).toEqual(["config", "cases"]);
  });
});

describe("parseTestFile: every problem is positioned and says what to write", () => {
  it("a YAML syntax error, and a file that is not a mapping", () => {
    const broken = parseTestFile("config: [a\n");
    expect(broken.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(["test-file-syntax", "error"]);
    expect(broken.diagnostics[0]?.message).not.toContain("\n");
    expect(broken.file).toEqual({ cases: [] });
    expect(problems("- a\n- b\n")).toEqual([
      [
        "test-file",
        "error",
        "An expectation file is a mapping with config: and cases:; see docs/cli.md (provex test).",
        "- a\n- b\n",
      ],
    ]);
    expect(parseTestFile("- a\n").file).toEqual({ cases: [] });
    const duplicate = parseTestFile("config: a\nconfig: b\ncases: []\n");
    // The YAML library's message, its first line only, without the code frame; at the repeated key.
    expect(duplicate.diagnostics).toEqual([
      {
        code: "test-file-syntax",
        severity: "error",
        message: "Map keys must be unique",
        span: { start: 10, end: 11 },
      },
    ]);
  });

  it("unknown keys at each level, with the keys it takes", () => {
    const text =
      "config: a.yaml\nconfg: x\ncases:\n  - name: n\n    user: u\n    expekt: {}\n    expect: { acton: Create }\n";
    expect(problems(text)).toEqual([
      [
        "test-file",
        "error",
        'the file takes config, target, users, now, seed, defaultDomain, cases; not "confg".',
        "confg",
      ],
      ["test-file", "error", 'a case takes name, user, with, expect, snapshot; not "expekt".', "expekt"],
      [
        "test-file",
        "error",
        'expect: takes action, skipReason, scope, match, error, warnings, attributes; not "acton".',
        "acton",
      ],
    ]);
    // A key that is not a text, cut to 60 characters.
    expect(problems(`config: a\n? [x]\n: 1\n${"k".repeat(70)}: 2\ncases: []\n`)).toEqual([
      [
        "test-file",
        "error",
        'the file takes config, target, users, now, seed, defaultDomain, cases; not "?".',
        "[x]",
      ],
      [
        "test-file",
        "error",
        `the file takes config, target, users, now, seed, defaultDomain, cases; not "${"k".repeat(60)}".`,
        "k".repeat(70),
      ],
    ]);
  });

  it("root fields of the wrong kind", () => {
    expect(problems("config: 5\ntarget: ''\nnow: [1]\nseed: 1.5\ncases: {}\n")).toEqual([
      ["test-file", "error", "config must be a text (a path relative to this file).", "5"],
      ["test-file", "error", "seed must be a whole number.", "1.5"],
      ["test-file", "error", "cases: must be a list of cases, each with name:, user: and expect:.", "{}"],
      ["test-file", "error", "target must be a text (a path relative to this file).", "''"],
      ["test-file", "error", "now must be a text (an ISO 8601 instant).", "[1]"],
    ]);
    expect(problems("seed: '3'\nconfig: a\ncases: []\n")).toEqual([
      ["test-file", "error", "seed must be a whole number.", "'3'"],
    ]);
    expect(problems(`seed: ${2 ** 53}\nconfig: a\ncases: []\n`)).toEqual([
      ["test-file", "error", "seed must be a whole number.", `${2 ** 53}`],
    ]);
    expect(parseTestFile("seed: -1\nconfig: a\ncases: []\n").file.seed).toBe(4294967295);
    expect(parseTestFile("seed: 0\nconfig: a\ncases: []\n").file.seed).toBe(0);
  });

  it("a file without config: or cases:", () => {
    const text = "target: t.json\n";
    expect(problems(text)).toEqual([
      ["test-file", "error", "The file needs config: the configuration's path, relative to it.", text],
      ["test-file", "error", "cases: must be a list of cases, each with name:, user: and expect:.", text],
    ]);
    // config: given but empty is reported once, as a value of the wrong kind.
    expect(problems("config:\ncases: []\n")).toEqual([
      ["test-file", "error", "config must be a text (a path relative to this file).", ""],
    ]);
  });

  it("cases of the wrong shape, and a name or a user missing", () => {
    const text = `config: a
cases:
  - just text
  - user: u
    expect: {}
  - name: ""
    user: u
    expect: {}
  - name: n
    user: [1]
    expect: {}
  - name: m
    user: u
`;
    expect(problems(text)).toEqual([
      [
        "test-file",
        "error",
        "A case is a mapping with name:, user: and expect: (or snapshot: true).",
        "just text",
      ],
      [
        "test-file",
        "error",
        "A case needs a name: what it checks, in a few words.",
        "user: u\n    expect: {}\n",
      ],
      ["test-file", "error", "A case needs a name: what it checks, in a few words.", '""'],
      [
        "test-file",
        "error",
        "user: is a user's attributes (a mapping), or the objectId, userPrincipalName, mailNickname or #n of a user in the users file.",
        "[1]",
      ],
      [
        "test-file",
        "error",
        "A case needs expect: (what must hold), or snapshot: true to have provex test --update write it.",
        "name: m\n    user: u\n",
      ],
    ]);
    // Only the last case is kept (a case without a name or user is dropped).
    expect(parseTestFile(text).file.cases.map((c) => c.name)).toEqual(["m"]);
    expect(problems("config: a\ncases:\n  - name: n\n    expect: {}\n")).toEqual([
      [
        "test-file",
        "error",
        "user: is a user's attributes (a mapping), or the objectId, userPrincipalName, mailNickname or #n of a user in the users file.",
        "name: n\n    expect: {}\n",
      ],
    ]);
  });

  it("with: and snapshot: of the wrong kind", () => {
    expect(
      problems("config: a\ncases:\n  - name: n\n    user: u\n    with: [x]\n    snapshot: yes\n"),
    ).toEqual([
      [
        "test-file",
        "error",
        "with: is a mapping of attributes to set on the user (null removes one).",
        "[x]",
      ],
      ["test-file", "error", "snapshot: is true or false.", "yes"],
      [
        "test-file",
        "error",
        "A case needs expect: (what must hold), or snapshot: true to have provex test --update write it.",
        "name: n\n    user: u\n    with: [x]\n    snapshot: yes\n",
      ],
    ]);
    expect(
      parseTestFile("config: a\ncases:\n  - name: n\n    user: u\n    snapshot: false\n").diagnostics,
    ).toHaveLength(1);
  });

  it("each expectation of the wrong kind", () => {
    const text = `config: a
cases:
  - name: n
    user: u
    expect:
      action: Created
      skipReason: 1
      scope: inside
      match: 5
      error: [x]
      warnings: [W1, 2]
      attributes: [title]
`;
    expect(problems(text)).toEqual([
      ["test-file", "error", "action: is one of Create, Update, Skip, Disable, Error.", "Created"],
      ["test-file", "error", "skipReason: is ImportSkipped, NotEffectivelyEntitled or RedundantExport.", "1"],
      ["test-file", "error", "scope: is in or out.", "inside"],
      ["test-file", "error", "match: is none, or the matched target object's id.", "5"],
      ["test-file", "error", "error: is none, or the user's error code.", "[x]"],
      ["test-file", "error", "warnings: is a list of warning codes ([] for none).", "[W1, 2]"],
      [
        "test-file",
        "error",
        "attributes: maps target attributes to a value, { absent: true } or { pattern: <regex> }.",
        "[title]",
      ],
    ]);
    // The case is kept, with none of the broken expectations.
    expect(parseTestFile(text).file.cases[0]?.expect).toEqual({ attributes: {} });
    expect(problems("config: a\ncases:\n  - name: n\n    user: u\n    expect: [action]\n")).toEqual([
      [
        "test-file",
        "error",
        "expect: is a mapping of action, skipReason, scope, match, error, warnings, attributes.",
        "[action]",
      ],
    ]);
    expect(problems("config: a\ncases:\n  - name: n\n    user: u\n    expect: { warnings: W1 }\n")).toEqual([
      ["test-file", "error", "warnings: is a list of warning codes ([] for none).", "W1"],
    ]);
  });

  it("attribute expectations of the wrong form", () => {
    const text = `config: a
cases:
  - name: n
    user: u
    expect:
      attributes:
        a: null
        b: { absent: false }
        c: { pattern: 5 }
        d: { pattern: '(' }
        e:
        ? [k]
        : 1
`;
    const found = problems(text);
    expect(found.slice(0, 3)).toEqual([
      [
        "test-file",
        "error",
        "Write { absent: true } for an attribute that must not be sent (a null is never sent).",
        "null",
      ],
      ["test-file", "error", "absent: true is the only form.", "false"],
      ["test-file", "error", "pattern: is a .NET regular expression, as text.", "5"],
    ]);
    expect(found[3]?.[0]).toBe("test-file");
    expect(found[3]?.[2]).toMatch(/^pattern: .+/);
    expect(found[3]?.[3]).toBe("'('");
    // A missing value is an empty null, reported where it would stand: on its key's line.
    expect(found[4]).toEqual([
      "test-file",
      "error",
      "Write { absent: true } for an attribute that must not be sent (a null is never sent).",
      "",
    ]);
    const empty = parseTestFile(text).diagnostics[4]?.span.start ?? -1;
    const line = text.indexOf("        e:");
    expect(empty).toBeGreaterThan(line);
    expect(empty).toBeLessThanOrEqual(line + "        e:".length + 1);
    expect(found[5]).toEqual(["test-file", "error", "An attribute's name is a text.", "[k]"]);
    expect(found).toHaveLength(6);
    expect(parseTestFile(text).file.cases[0]?.expect.attributes).toEqual({});
    // A mapping of two keys, or of another key, is an exact value.
    const values = parseTestFile(
      "config: a\ncases:\n  - name: n\n    user: u\n    expect:\n      attributes:\n        a: { absent: true, pattern: x }\n        b: { value: 1 }\n        __proto__: 2\n",
    );
    expect(values.diagnostics).toEqual([]);
    const attributes = values.file.cases[0]?.expect.attributes ?? {};
    expect(attributes.a).toEqual({ kind: "equals", value: { absent: true, pattern: "x" } });
    expect(attributes.b).toEqual({ kind: "equals", value: { value: 1 } });
    expect(Object.getOwnPropertyDescriptor(attributes, "__proto__")?.value).toEqual({
      kind: "equals",
      value: 2,
    });
  });

  it("two cases of the same name: a warning at the second", () => {
    const text =
      "config: a\ncases:\n  - name: x\n    user: u\n    expect: {}\n  - name: x\n    user: v\n    expect: {}\n";
    const second = text.lastIndexOf("name: x");
    expect(parseTestFile(text).diagnostics).toEqual([
      {
        code: "test-file",
        severity: "warning",
        message: 'Two cases are named "x"; reports tell them apart by line only.',
        span: { start: second, end: text.length },
      },
    ]);
  });
});

describe("resolveTestSuite", () => {
  const config = loadConfig(
    "object: { name: U, source: User, target: User }\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n",
  );
  const people = [
    { objectId: "o1", userPrincipalName: "ada@c.com", mailNickname: "ada", department: "A" },
    { objectId: "o2", userPrincipalName: "bob@c.com", mailNickname: "bobby", department: "B" },
    "not a user",
  ];
  const position = { line: 1, column: 1 };
  const fileCase = (user: TestFile["cases"][number]["user"], extra?: Record<string, unknown>) => ({
    name: `case ${JSON.stringify(user)}`,
    user,
    with: extra,
    expect: { action: "Create" as const },
    snapshot: false,
    position,
    positions: {},
    offsets: { start: 3, end: 9 },
  });

  it("finds users by objectId, userPrincipalName, mailNickname or #n, and applies with:", () => {
    const file: TestFile = {
      cases: [
        fileCase("o2"),
        fileCase("ada@c.com"),
        fileCase("bobby"),
        fileCase("#1", { department: "Z", jobTitle: "T", mailNickname: null }),
        fileCase({ userPrincipalName: "inline@c.com" }),
        fileCase("#3", { x: 1 }),
      ],
      defaultDomain: "contoso.com",
      seed: 9,
    };
    const now = new Date("2026-03-01T00:00:00Z");
    const { suite, diagnostics } = resolveTestSuite(file, {
      name: "s.yaml",
      config,
      users: people,
      now,
      target: [],
    });
    expect(diagnostics).toEqual([]);
    expect(suite.cases.map((c) => c.user)).toEqual([
      people[1],
      people[0],
      people[1],
      { objectId: "o1", userPrincipalName: "ada@c.com", department: "Z", jobTitle: "T" },
      { userPrincipalName: "inline@c.com" },
      { x: 1 },
    ]);
    expect(suite.cases[0]).toEqual({
      name: 'case "o2"',
      user: people[1],
      expect: { action: "Create" },
      snapshot: false,
      position,
      positions: {},
    });
    expect(suite).toMatchObject({
      name: "s.yaml",
      target: [],
      users: people,
      context: { now, defaultDomain: "contoso.com" },
      seed: 9,
    });
    // with: copies: the users file is left as it was.
    expect(people[0]).toEqual({
      objectId: "o1",
      userPrincipalName: "ada@c.com",
      mailNickname: "ada",
      department: "A",
    });
  });

  it("leaves out what the file does not give", () => {
    const { suite } = resolveTestSuite({ cases: [] }, { name: "s", config });
    expect(suite).toEqual({ name: "s", config, cases: [], context: {} });
  });

  it("an unknown user is an error at the case, worded by whether there is a users file", () => {
    const file: TestFile = { cases: [fileCase("nobody"), fileCase("#4"), fileCase("#0")] };
    const { suite, diagnostics } = resolveTestSuite(file, { name: "s", config, users: people });
    expect(suite.cases).toEqual([]);
    const message =
      'No user of the users file has objectId, userPrincipalName or mailNickname "nobody" (nor is it #1…#3).';
    expect(diagnostics[0]).toEqual({
      code: "test-unknown-user",
      severity: "error",
      message,
      span: { start: 3, end: 9 },
    });
    expect(diagnostics.map((d) => d.message.slice(0, 70))).toHaveLength(3);
    const without = resolveTestSuite({ cases: [fileCase("ada")] }, { name: "s", config });
    expect(without.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        "test-unknown-user",
        'The case names the user "ada", but the file has no users: (a users file to take it from); give users: or the user\'s attributes inline.',
      ],
    ]);
  });
});
