import { describe, expect, it } from "vitest";
import { parseTestFile } from "../../src/review/index.js";

// What parseTestFile refuses in an expectation file (`*.provex-test.yaml`) and where it says so: each
// refusal's code, message and span (the text it covers, found in the file by hand), what is kept of the
// file or the case, and the inputs that look wrong but are accepted.

/** The diagnostics as [code, message, start offset, the text the span covers]. */
function problems(text: string) {
  return parseTestFile(text).diagnostics.map((d) => [
    d.code,
    d.message,
    d.span.start,
    text.slice(d.span.start, d.span.end),
  ]);
}

const NOT_A_MAPPING =
  "An expectation file is a mapping with config: and cases:; see docs/cli.md (provex test).";
const NO_NAME = "A case needs a name: what it checks, in a few words.";
const BAD_USER =
  "user: is a user's attributes (a mapping), or the objectId, userPrincipalName, mailNickname or #n of a user in the users file.";
const BAD_EXPECT = "expect: is a mapping of action, skipReason, scope, match, error, warnings, attributes.";
const NULL_ATTRIBUTE =
  "Write { absent: true } for an attribute that must not be sent (a null is never sent).";

/** A file with one case `n` whose user is `u`, and the given lines after `user:`. */
const oneCase = (...lines: string[]) =>
  `config: a\ncases:\n  - name: n\n    user: u\n${lines.map((line) => `    ${line}\n`).join("")}`;

describe("parseTestFile: a file with nothing to read", () => {
  it("an empty file, or one of comments only, is refused at its start (no crash, no case)", () => {
    for (const text of ["", "# a comment only\n", "\n\n"]) {
      expect(problems(text)).toEqual([["test-file", NOT_A_MAPPING, 0, ""]]);
      expect(parseTestFile(text).file).toEqual({ cases: [] });
    }
  });

  it("a YAML syntax error stops the reading: only the syntax errors are reported, nothing is kept", () => {
    const text = "config: [a\ncases: 5\n";
    const { file, diagnostics } = parseTestFile(text);
    expect(diagnostics.map((d) => d.code)).toEqual(["test-file-syntax"]);
    expect(file).toEqual({ cases: [] });
    // A repeated key is a syntax error too: the well-formed rest of the file is not read either.
    const repeated = parseTestFile(
      "config: a.yaml\nconfig: b.yaml\ncases:\n  - name: n\n    user: u\n    expect: {}\n",
    );
    expect(repeated.diagnostics.map((d) => d.code)).toEqual(["test-file-syntax"]);
    expect(repeated.file).toEqual({ cases: [] });
  });

  it("a file without config: has no config field at all (not one that is undefined)", () => {
    const { file } = parseTestFile("cases: []\n");
    expect(Object.keys(file)).toEqual(["cases"]);
    expect(Object.hasOwn(file, "config")).toBe(false);
  });
});

describe("parseTestFile: a case's name and user", () => {
  it("an empty or null name is no name: refused at the value, and the case is dropped", () => {
    for (const written of ["name:", "name: ~", "name: null"]) {
      const text = `config: a\ncases:\n  - ${written}\n    user: u\n    expect: {}\n`;
      const value = text.indexOf(written) + "name:".length;
      const found = problems(text);
      expect(found).toHaveLength(1);
      expect(found[0]?.slice(0, 2)).toEqual(["test-file", NO_NAME]);
      // At the value: after `name:`, on the case's first line.
      expect(found[0]?.[2]).toBeGreaterThanOrEqual(value);
      expect(found[0]?.[2]).toBeLessThanOrEqual(text.indexOf("\n", value));
      expect(parseTestFile(text).file.cases).toEqual([]);
    }
    // A name that YAML reads as a number or a boolean is its text.
    const named = parseTestFile("config: a\ncases:\n  - name: false\n    user: u\n    expect: {}\n");
    expect(named.diagnostics).toEqual([]);
    expect(named.file.cases.map((c) => c.name)).toEqual(["false"]);
  });

  it("a user that is neither a mapping nor a text is refused at the value, and the case is dropped", () => {
    for (const value of ["5", "true", "~", "[u]"]) {
      const text = `config: a\ncases:\n  - name: n\n    user: ${value}\n    expect: {}\n`;
      expect(problems(text)).toEqual([["test-file", BAD_USER, text.indexOf(value, 25), value]]);
      expect(parseTestFile(text).file.cases).toEqual([]);
    }
    // A quoted number is a text: a reference into the users file.
    const quoted = parseTestFile("config: a\ncases:\n  - name: n\n    user: '5'\n    expect: {}\n");
    expect(quoted.diagnostics).toEqual([]);
    expect(quoted.file.cases[0]?.user).toBe("5");
  });
});

describe("parseTestFile: expect:", () => {
  it("a text, a number or a list is refused at the value; the case is kept without expectations", () => {
    for (const value of ["Create", "5", "true", "[action]"]) {
      const text = oneCase(`expect: ${value}`);
      expect(problems(text)).toEqual([["test-file", BAD_EXPECT, text.indexOf(value, 30), value]]);
      expect(parseTestFile(text).file.cases.map((c) => [c.name, c.expect])).toEqual([["n", {}]]);
    }
  });

  it("an empty or null expect: is no expectation and no problem", () => {
    for (const value of ["", " ~", " null"]) {
      const { file, diagnostics } = parseTestFile(oneCase(`expect:${value}`));
      expect(diagnostics).toEqual([]);
      expect(file.cases[0]?.expect).toEqual({});
    }
  });

  it("a refused attribute expectation leaves no entry for that attribute", () => {
    const text = oneCase(
      "expect:",
      "  attributes:",
      "    a: null",
      "    b: { absent: false }",
      "    c: { pattern: 5 }",
      "    d: { pattern: '(' }",
      "    title: Rep",
    );
    const { file, diagnostics } = parseTestFile(text);
    expect(diagnostics).toHaveLength(4);
    const attributes = file.cases[0]?.expect.attributes ?? {};
    expect(Object.keys(attributes)).toEqual(["title"]);
    expect(attributes).toStrictEqual({ title: { kind: "equals", value: "Rep" } });
  });

  it("reads an attribute's value of any kind as exact: a text, a number, a list, a mapping", () => {
    const { file, diagnostics } = parseTestFile(
      oneCase(
        "expect:",
        "  attributes:",
        "    title: Rep",
        "    employeeId: 100042",
        "    emails: [a, b]",
        "    phone: { type: work }",
        "    empty: {}",
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(file.cases[0]?.expect.attributes).toStrictEqual({
      title: { kind: "equals", value: "Rep" },
      employeeId: { kind: "equals", value: 100042 },
      emails: { kind: "equals", value: ["a", "b"] },
      phone: { kind: "equals", value: { type: "work" } },
      empty: { kind: "equals", value: {} },
    });
  });
});

describe("parseTestFile: a key written without a value ({ key } or ? key)", () => {
  // YAML gives `{ action }` no value at all; it is read as the empty null `action:` holds, and refused
  // at the end of its key, never at the top of the file.
  it("an expectation: refused at its key, and its position is the key's line", () => {
    const text = oneCase("expect: { action, scope: in }");
    const key = text.indexOf("action") + "action".length;
    expect(problems(text)).toEqual([
      ["test-file", "action: is one of Create, Update, Skip, Disable, Error.", key, ""],
    ]);
    const [item] = parseTestFile(text).file.cases;
    expect(item?.expect).toEqual({ scope: "in" });
    expect(item?.positions.action).toEqual({ line: 5, column: 21 });
    expect(item?.positions.scope).toEqual({ line: 5, column: 30 });
  });

  it("an attribute: refused at its key as a null, with its position on the key's line", () => {
    const text = oneCase("expect:", "  attributes: { locale, title: Rep }");
    const key = text.indexOf("locale") + "locale".length;
    expect(problems(text)).toEqual([["test-file", NULL_ATTRIBUTE, key, ""]]);
    const [item] = parseTestFile(text).file.cases;
    expect(item?.expect.attributes).toStrictEqual({ title: { kind: "equals", value: "Rep" } });
    expect(item?.positions["attributes.locale"]).toEqual({ line: 6, column: 27 });
  });

  it("with:, snapshot: and the root's fields: each refused at its key", () => {
    const text = "config: a\nseed: 1\n? now\ncases:\n  - { name: n, user: u, with, snapshot, expect: {} }\n";
    expect(problems(text)).toEqual([
      [
        "test-file",
        "with: is a mapping of attributes to set on the user (null removes one).",
        text.indexOf("with") + 4,
        "",
      ],
      ["test-file", "snapshot: is true or false.", text.indexOf("snapshot") + 8, ""],
      ["test-file", "now must be a text (an ISO 8601 instant).", text.indexOf("now") + 3, ""],
    ]);
    const flowRoot = "{ config, cases: [] }\n";
    expect(problems(flowRoot)).toEqual([
      ["test-file", "config must be a text (a path relative to this file).", "{ config".length, ""],
    ]);
  });
});
