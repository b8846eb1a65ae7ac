import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExpression } from "../../playground/src/expression-run.js";
import { readUsers } from "../../playground/src/input-parsing.js";
import { parseCsvUsers, parseJsonUsers, parseTargetText, parseUsersText } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { failure } from "../helpers/errors.js";

describe("CSV users are parsed by csv-parse and malformed rows are reported with their line (issue 10)", () => {
  it("a stray quote inside an unquoted cell", () => {
    const error = failure(() => parseCsvUsers('givenName,surname\nAda,Love"lace\n'));
    expect(error.code).toBe("invalid-users");
    expect(error.message).toMatch(/^CSV line 2: a " appears inside an unquoted cell/);
  });

  it("a quoted cell that is never closed", () => {
    expect(failure(() => parseCsvUsers('givenName,surname\nAda,"Lovelace\nAlan,Turing\n')).message).toMatch(
      /^CSV line 3: a quoted cell is not closed/,
    );
  });

  it("text after a closing quote", () => {
    expect(failure(() => parseCsvUsers('a,b\n"x"y,z\n')).message).toMatch(
      /^CSV line 2: text follows the closing quote/,
    );
  });

  it("more cells than the header names, instead of dropping the extra value", () => {
    expect(
      failure(() => parseCsvUsers("givenName,surname\nAda,Lovelace\nAlan,Turing,extra\n")).message,
    ).toMatch(/^CSV line 3: the row has more cells than the header has names/);
  });

  it("a header that names a column twice", () => {
    expect(failure(() => parseCsvUsers("mail,givenName,mail\na,b,c\n")).message).toMatch(
      /^CSV line 1: the header names "mail" twice \(columns 1 and 3\)/,
    );
  });

  it("a value in a column without a name, instead of dropping it", () => {
    expect(failure(() => parseCsvUsers("mail,,title\na,b,c\n")).message).toMatch(
      /^CSV line 2: column 2 holds "b" but has no name/,
    );
    // An unnamed column that holds nothing (a trailing comma) loses nothing and is fine.
    expect(parseCsvUsers("mail,\na,\n")).toEqual([{ mail: "a" }]);
  });

  it("a __proto__ column is an own attribute of the user, never its prototype", () => {
    const [user] = parseCsvUsers("__proto__,constructor,mail\nx,y,z\n") as [Record<string, unknown>];
    expect(Object.getPrototypeOf(user)).toBe(Object.prototype);
    expect(Object.hasOwn(user, "__proto__")).toBe(true);
    expect(user).toEqual(JSON.parse('{"__proto__":"x","constructor":"y","mail":"z"}'));
  });

  it("short rows leave the remaining attributes absent; mixed line endings are rows", () => {
    expect(parseCsvUsers("a,b,c\r\n1\n2,3\r4,5,6\n")).toEqual([
      { a: "1" },
      { a: "2", b: "3" },
      { a: "4", b: "5", c: "6" },
    ]);
  });
});

describe("a UTF-8 byte order mark is accepted by every data reader (issue 10)", () => {
  it("JSON users, JSON Lines users (their first line), CSV users and the target directory", () => {
    expect(parseUsersText('\uFEFF[{"a":"1"}]')).toEqual([{ a: "1" }]);
    expect(parseUsersText('\uFEFF{"a":"1"}\n{"a":"2"}\n')).toEqual([{ a: "1" }, { a: "2" }]);
    expect(parseUsersText("\uFEFFmail\nx\n")).toEqual([{ mail: "x" }]);
    expect(parseCsvUsers("\uFEFFmail\nx\n")).toEqual([{ mail: "x" }]);
    expect(parseTargetText('\uFEFF[{"id":"1"}]')).toEqual([{ id: "1" }]);
  });

  it("the playground's attributes in expression mode, where an error keeps its line:column", () => {
    const run = (attributesJson: string) =>
      runExpression({ kind: "expression", id: 1, expression: "[a]", attributesJson });
    expect(run('\uFEFF{"a": "x"}')).toMatchObject({ ok: true });
    expect(run('\uFEFF{\n  "a": x\n}')).toMatchObject({
      ok: false,
      code: "attributes-json",
      line: 2,
      column: 8,
      message: expect.stringMatching(/^The attributes are not valid JSON: x is not JSON/),
    });
  });
});

describe("JSON data errors give line and column, never 'position 34' (issue 10)", () => {
  it("users JSON", () => {
    const error = failure(() => parseJsonUsers('[\n  {"mail": "a"},\n  {"mail": "b",}\n]'));
    expect(error.message).toMatch(/^Users JSON, line 3, column 15: JSON allows no comma before '\}'/);
    expect(error.message).not.toMatch(/position/);
    expect(error.span).toEqual({ start: 33, end: 34 });
  });

  it("JSON Lines users: the line of the file and the column in it", () => {
    for (const text of ['{"mail":"a"}\n\n{"mail": b}\n', '\uFEFF{"mail":"a"}\r\n\r\n{"mail": b}\r\n']) {
      const error = failure(() => parseUsersText(text));
      expect(error.message).toMatch(/^Users JSON Lines, line 3, column 10: b is not JSON/);
      // The span is the file's (the playground places the error by it), not the line's.
      expect(text.slice(error.span?.start, error.span?.end)).toBe("b");
      expect(error.span?.start).toBe(text.lastIndexOf("b"));
    }
  });

  it("the playground places a JSON Lines error on its line of the pasted users", () => {
    expect(readUsers('{"mail":"a"}\n\n{"mail": b}\n')).toMatchObject({
      ok: false,
      problem: {
        code: "invalid-users",
        line: 3,
        column: 10,
        message: expect.stringMatching(/^b is not JSON/),
      },
    });
  });

  it("the target directory", () => {
    const error = failure(() => parseTargetText('{"Resources": [{"id": "1"} {"id": "2"}]}'));
    expect(error.code).toBe("invalid-target");
    expect(error.message).toMatch(/^Target directory JSON, line 1, column 28: A comma is missing/);
  });

  it("provex eval --attributes", async () => {
    const run = await runCli(["eval", "[a]", "--attributes", '{\n  "a": "x",\n}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2, column 11: JSON allows no comma before '\}'/);
    expect(run.stderr).not.toMatch(/position/);
  });
});

describe("provex lint's JSON inputs are strict JSON with file:line:column errors (issue 10)", () => {
  /** A folder holding `files`, and the path of its one configuration. */
  function folder(files: Record<string, string>): { root: string; config: string } {
    const root = mkdtempSync(join(tmpdir(), "provex-data-"));
    const config = join(root, "c.provex.yaml");
    writeFileSync(config, "mappings:\n  - { target: userName, attribute: mail, match: 1 }\n");
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    return { root, config };
  }

  it("--schema with a JSON list of names", async () => {
    const { root, config } = folder({ "names.json": '["mail",\n "givenName",]' });
    const run = await runCli(["lint", "--schema", join(root, "names.json"), config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/names\.json:2:13: JSON allows no comma before '\]'/);
    expect(run.stderr).not.toMatch(/is not valid JSON|position/);
    const bom = folder({ "names.json": '\uFEFF["mail"]' });
    expect((await runCli(["lint", "--schema", join(bom.root, "names.json"), bom.config])).code).toBe(0);
  });

  it("--schema with an Entra export that is not JSON: the syntax error, not 'needs its directories'", async () => {
    const { root, config } = folder({ "entra.json": '{"directories": [\n  {"name": "x",}]}' });
    const run = await runCli(["lint", "--schema", join(root, "entra.json"), config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/entra\.json:2:15: JSON allows no comma before '\}'/);
    expect(run.stderr).not.toMatch(/directories/);
  });

  it("a provex.config.json settings file", async () => {
    const { config } = folder({ "provex.config.json": '{"rules": {"unknown-property": "warn",}}' });
    const run = await runCli(["lint", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/provex\.config\.json:1:38: JSON allows no comma before '\}'/);
  });
});
