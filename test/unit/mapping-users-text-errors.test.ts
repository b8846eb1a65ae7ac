import { describe, expect, it } from "vitest";
import { parseCsvUsers, parseJsonUsers, parseTargetText, parseUsersText } from "../../src/index.js";
import { failure } from "../helpers/errors.js";

/**
 * What a user who pastes or uploads sample users (or a target directory) sees when the text is wrong:
 * the whole message, word for word — what is wrong, where (CSV line; JSON line and column), and the
 * three shapes users may take — and the span of the offending text in the file as given.
 */
const SHAPES = "Users are a JSON array, JSON Lines, or CSV with a header row.";

/** The error `run` throws, as [code, message, span]. */
function error(run: () => unknown): [string, string, unknown] {
  const thrown = failure(run);
  return [thrown.code, thrown.message, thrown.span];
}

describe("which shape a users text is read as", () => {
  it("[ is a JSON array, { one object or JSON Lines, anything else CSV; blank text is no users", () => {
    expect(parseUsersText(' \n [{"a": 1}, [2], 3]')).toEqual([{ a: 1 }, [2], 3]);
    expect(parseUsersText('\n{"a": 1}\n')).toEqual([{ a: 1 }]);
    expect(parseUsersText('{"a": 1}\r\n{"b": 2}\r\n\r\n   \n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseUsersText("a,b\n1,2")).toEqual([{ a: "1", b: "2" }]);
    expect(parseUsersText("\uFEFF \r\n\t")).toEqual([]);
  });

  it("a JSON document that is not a list or an object is refused", () => {
    for (const text of ["null", '"s"', "42", "true"])
      expect(error(() => parseJsonUsers(text))).toEqual([
        "invalid-users",
        `Give the users as a JSON array of objects. ${SHAPES}`,
        undefined,
      ]);
    expect(parseJsonUsers('{"a": 1}')).toEqual([{ a: 1 }]);
  });
});

describe("JSON users: the line and column of the mistake, and its span", () => {
  it("a JSON array", () => {
    expect(error(() => parseUsersText("[1,]"))).toEqual([
      "invalid-users",
      `Users JSON, line 1, column 3: JSON allows no comma before ']': remove the trailing comma. ${SHAPES}`,
      { start: 2, end: 3 },
    ]);
    expect(error(() => parseJsonUsers("[1,"))).toEqual([
      "invalid-users",
      `Users JSON, line 1, column 4: The JSON ends before the '[' opened at line 1, column 1 is closed; the file may be cut off (it needs ] at least). ${SHAPES}`,
      { start: 3, end: 3 },
    ]);
  });

  it("JSON Lines: each line on its line of the file, after blank lines, CRLF and a byte order mark", () => {
    const bare =
      'x is not JSON: text goes in double quotes ("x"), and the only bare words are true, false and null.';
    expect(error(() => parseUsersText('{"a":1} x'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 1, column 9: ${bare} ${SHAPES}`,
      { start: 8, end: 9 },
    ]);
    expect(error(() => parseUsersText('\uFEFF{"a":1}\n{x}'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 2, column 2: ${bare} ${SHAPES}`,
      { start: 10, end: 11 },
    ]);
    expect(error(() => parseUsersText('{"a":1}\n\n  {x}'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 3, column 4: ${bare} ${SHAPES}`,
      { start: 12, end: 13 },
    ]);
    expect(error(() => parseUsersText('{"a":1}\r\n{x}'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 2, column 2: ${bare} ${SHAPES}`,
      { start: 10, end: 11 },
    ]);
    // Blank lines first, or only a byte order mark before the line: still the file's line and column.
    expect(error(() => parseUsersText("\n\n{x}"))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 3, column 2: ${bare} ${SHAPES}`,
      { start: 3, end: 4 },
    ]);
    expect(error(() => parseUsersText("\uFEFF{x}"))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 1, column 3: ${bare} ${SHAPES}`,
      { start: 2, end: 3 },
    ]);
    expect(error(() => parseUsersText("\uFEFF\n{x}"))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 2, column 2: ${bare} ${SHAPES}`,
      { start: 3, end: 4 },
    ]);
    expect(error(() => parseUsersText('{"a":1}\r\n\r\n[1,'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 3, column 4: The JSON ends before the '[' opened at line 3, column 1 is closed; the file may be cut off (it needs ] at least). ${SHAPES}`,
      { start: 14, end: 14 },
    ]);
    // A line's CR is not part of it: a number cut off at the line's end is reported at its end.
    expect(error(() => parseUsersText('{"a":1}\r\n[1.\r\n'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 2, column 4: This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no leading + or dot, digits after '.', 'e' and '-'). ${SHAPES}`,
      { start: 12, end: 12 },
    ]);
    expect(error(() => parseUsersText('{"a":1}\n{"b":}'))).toEqual([
      "invalid-users",
      `Users JSON Lines, line 2, column 6: A value is missing after ':' (a string, number, true, false, null, object or list). ${SHAPES}`,
      { start: 13, end: 14 },
    ]);
  });

  it("the error carries the diagnostic the message was made from", () => {
    const thrown = failure(() => parseUsersText('{"a":1}\n{"b":}'));
    expect(thrown.diagnostics.map((d) => [d.code, d.severity, d.span])).toEqual([
      ["config-syntax", "error", { start: 13, end: 14 }],
    ]);
  });
});

describe("CSV users: the line and what to do", () => {
  const cases: [string, string][] = [
    [
      'a,b\nx,"y\n',
      'CSV line 2: a quoted cell is not closed; add its closing " (a quote inside a quoted cell is written "").',
    ],
    [
      'a\n1\n"x',
      'CSV line 3: a quoted cell is not closed; add its closing " (a quote inside a quoted cell is written "").',
    ],
    [
      'a\n["x"]\n',
      'CSV line 2: a " appears inside an unquoted cell; quote the whole cell and double the quote ("say ""hi""").',
    ],
    [
      'a,b\n"x"y,z\n',
      'CSV line 2: text follows the closing quote of a cell; put the whole cell in quotes and double any " inside it.',
    ],
    [
      "a,b\n1,2\n3,4,5",
      "CSV line 3: the row has more cells than the header has names; quote cells that contain commas, or add the column's name to the header.",
    ],
    ["", "CSV users need a header row of attribute names."],
    [" , \n1,2", "CSV users need a header row of attribute names."],
    [
      "a,a\n1,2",
      'CSV line 1: the header names "a" twice (columns 1 and 2); each attribute needs one column.',
    ],
    [
      "\n\nb,a, b\n1,2,3",
      'CSV line 3: the header names "b" twice (columns 1 and 3); each attribute needs one column.',
    ],
    [
      `${"x".repeat(50)},${"x".repeat(50)}\n1,2`,
      `CSV line 1: the header names "${"x".repeat(40)}…" twice (columns 1 and 2); each attribute needs one column.`,
    ],
    [
      `a,\n1,${"y".repeat(50)}`,
      `CSV line 2: column 2 holds "${"y".repeat(40)}…" but has no name in the header row; name it or remove the column.`,
    ],
    [
      "a,,c\n\n\n1,2,3",
      'CSV line 4: column 2 holds "2" but has no name in the header row; name it or remove the column.',
    ],
  ];
  for (const [text, message] of cases)
    it(JSON.stringify(text), () => {
      expect(error(() => parseCsvUsers(text))).toEqual(["invalid-users", `${message} ${SHAPES}`, undefined]);
    });

  it("header names are trimmed; empty rows and empty cells give nothing; unnamed empty cells are fine", () => {
    expect(parseCsvUsers(" a , b \n1,2\n\n,\n3,")).toEqual([{ a: "1", b: "2" }, { a: "3" }]);
    expect(parseCsvUsers("a,\n1,\n")).toEqual([{ a: "1" }]);
    // Several unnamed columns are not one name given twice.
    expect(parseCsvUsers("a,,,b\n1,,,2")).toEqual([{ a: "1", b: "2" }]);
  });

  it("a cell that is a JSON list is a multi-valued attribute; any other cell stays text", () => {
    expect(parseCsvUsers('a\n"[1,2]"\n"[x"\n"{}"\n"[""a""]"\n"""[1]"""\n"[1]x"\n" [1]"\ntrue')).toEqual([
      { a: [1, 2] },
      { a: "[x" },
      { a: "{}" },
      { a: ["a"] },
      { a: '"[1]"' },
      { a: "[1]x" },
      { a: " [1]" },
      { a: "true" },
    ]);
  });
});

describe("the target directory from text", () => {
  it("blank text, with or without a byte order mark, is an empty directory", () => {
    expect(parseTargetText("\uFEFF  \n")).toEqual([]);
    expect(parseTargetText("")).toEqual([]);
  });

  it("anything but a list or a ListResponse's Resources list is refused, saying what it must be", () => {
    for (const text of ['{"id": 1}', "null", '{"Resources": 5}', '"x"'])
      expect(error(() => parseTargetText(text))).toEqual([
        "invalid-target",
        "The target directory must be a JSON array of SCIM resources (or a SCIM ListResponse).",
        undefined,
      ]);
  });

  it("a JSON mistake has its line and column, and the span counts the byte order mark", () => {
    expect(error(() => parseTargetText("[1,]"))).toEqual([
      "invalid-target",
      "Target directory JSON, line 1, column 3: JSON allows no comma before ']': remove the trailing comma.",
      { start: 2, end: 3 },
    ]);
    expect(error(() => parseTargetText('[\n  {"id": "1"},\n  {"id": 2,}\n]'))).toEqual([
      "invalid-target",
      "Target directory JSON, line 3, column 11: JSON allows no comma before '}': remove the trailing comma.",
      { start: 27, end: 28 },
    ]);
    const withBom = failure(() => parseTargetText("\uFEFF[1,]"));
    expect(withBom.span).toEqual({ start: 3, end: 4 });
  });
});
