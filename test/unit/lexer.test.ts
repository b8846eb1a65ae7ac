import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lexer/index.js";

const kinds = (text: string) => tokenize(text).tokens.map((t) => t.tokenType.name);
const images = (text: string) => tokenize(text).tokens.map((t) => t.image);
const problems = (text: string) => tokenize(text).diagnostics.map((d) => ({ code: d.code, ...d.span }));

describe("lexer tokens", () => {
  it("reads a call with attribute references and a string", () => {
    expect(kinds('Join(".", [givenName], [surname])')).toEqual([
      "Identifier",
      "LParen",
      "StringLiteral",
      "Comma",
      "AttributeReference",
      "Comma",
      "AttributeReference",
      "RParen",
    ]);
  });

  it("skips spaces, tabs, newlines and a byte-order mark anywhere", () => {
    expect(images("\uFEFF Left (\n\t[a] ,\r\n 1 ) ")).toEqual(["Left", "(", "[a]", ",", "1", ")"]);
  });

  it("reads decimal integers with an optional minus, and VBA hex in either case", () => {
    expect(kinds("12 -10 0 &HF7 &hff")).toEqual([
      "DecimalNumber",
      "DecimalNumber",
      "DecimalNumber",
      "HexNumber",
      "HexNumber",
    ]);
    expect(images("-10 &HF7")).toEqual(["-10", "&HF7"]);
  });

  it("reads every comparison operator, longest first", () => {
    expect(kinds("= <> < <= > >=")).toEqual([
      "Equal",
      "NotEqual",
      "Less",
      "LessOrEqual",
      "Greater",
      "GreaterOrEqual",
    ]);
    expect(images("<><=>=")).toEqual(["<>", "<=", ">="]);
  });

  it("keeps escapes inside a string token and allows line breaks in it", () => {
    expect(images('"a\\"b\\\\" "x\ny"')).toEqual(['"a\\"b\\\\"', '"x\ny"']);
    expect(problems('"a\\"b\\\\" "x\ny"')).toEqual([]);
  });

  it("reads attribute names with dots, dashes, colons and spaces up to the next ]", () => {
    expect(images("[passwordProfile.password] [mS-DS-ConsistencyGuid] [urn:x:2.0:User:a] [a b]")).toEqual([
      "[passwordProfile.password]",
      "[mS-DS-ConsistencyGuid]",
      "[urn:x:2.0:User:a]",
      "[a b]",
    ]);
  });

  it("reads identifiers, which become function names or constants", () => {
    expect(kinds("vbTextCompare True _x1")).toEqual(["Identifier", "Identifier", "Identifier"]);
  });

  it("reads Connect Sync operators as one unsupported-operator token each", () => {
    expect(kinds("& + - * / && || !")).toEqual(Array(8).fill("UnsupportedOperator"));
  });
});

describe("lexer diagnostics", () => {
  it("reports an unterminated string at its opening quote and stops it at the end of the line", () => {
    expect(problems('Left("abc, 1)')).toEqual([{ code: "unterminated-string", start: 5, end: 6 }]);
    expect(images('"abc\n[x]')).toEqual(['"abc', "[x]"]);
  });

  it("reports an unterminated attribute reference at its bracket", () => {
    expect(problems("Trim([abc")).toEqual([{ code: "unterminated-attribute", start: 5, end: 6 }]);
    expect(images("[abc\n)")).toEqual(["[abc", ")"]);
  });

  it("reports typographic and single quotes, keeping the string", () => {
    expect(problems("\u201Cabc\u201D")).toEqual([{ code: "smart-quote", start: 0, end: 5 }]);
    expect(problems("'abc'")).toEqual([{ code: "single-quoted-string", start: 0, end: 5 }]);
    expect(kinds("'abc'")).toEqual(["SingleQuotedString"]);
  });

  it("reports == and != with the operator to use", () => {
    expect(problems("[a] == [b]")).toEqual([{ code: "invalid-operator", start: 4, end: 6 }]);
    expect(problems("[a] != [b]")).toEqual([{ code: "invalid-operator", start: 4, end: 6 }]);
  });

  it("reports each run of unknown characters once, with its extent", () => {
    expect(problems("Left(~~[a], 1) #")).toEqual([
      { code: "unexpected-character", start: 5, end: 7 },
      { code: "unexpected-character", start: 15, end: 16 },
    ]);
  });

  it("reads astral characters inside strings and attributes as ordinary text", () => {
    expect(problems('"😀" [名前]')).toEqual([]);
  });
});
