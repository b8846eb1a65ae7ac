import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/index.js";

// What the parser tells an admin about each grammar problem: code, span and the advice in the message.

const problems = (text: string) =>
  parse(text).diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]);

const CONNECT = "is a Connect Sync operator, not part of the Entra language";
const CONCATENATE = `${CONNECT}: to concatenate, use Join("", a, b) or Append(a, b).`;
const LOGIC = `${CONNECT}: for AND/OR/NOT, nest IIF calls or use Not(…).`;
const ARITHMETIC = `${CONNECT}: the Entra language has no arithmetic; see the function reference.`;
const NEST = "nest IIF calls instead (AND: IIF(a, IIF(b, x, y), y); OR: IIF(a, x, IIF(b, x, y))).";

describe("operators the language does not have", () => {
  it("AND and OR, in any case, are named in capitals with how to nest IIF instead", () => {
    expect(problems("[a] and [b]")).toEqual([
      ["unsupported-operator", 4, 7, `The language has no AND operator: ${NEST}`],
    ]);
    expect(problems("[a] Or [b]")).toEqual([
      ["unsupported-operator", 4, 6, `The language has no OR operator: ${NEST}`],
    ]);
  });

  it('a word that only begins like AND, or a string "and", is no operator', () => {
    expect(problems("F([a] andy)").map(([code]) => code)).toEqual(["unknown-constant", "missing-comma"]);
    expect(problems('F("and" [b])').map(([code]) => code)).toEqual(["missing-comma"]);
  });

  it("Connect Sync's operators get advice by kind: concatenation, logic, arithmetic", () => {
    for (const operator of ["&", "+"]) {
      expect(problems(`[a] ${operator} [b]`)).toEqual([
        ["unsupported-operator", 4, 5, `'${operator}' ${CONCATENATE}`],
      ]);
    }
    for (const operator of ["&&", "||", "|", "!"]) {
      expect(problems(`[a] ${operator} [b]`)).toEqual([
        ["unsupported-operator", 4, 4 + operator.length, `'${operator}' ${LOGIC}`],
      ]);
    }
    for (const operator of ["-", "*", "/"]) {
      expect(problems(`[a] ${operator} [b]`)).toEqual([
        ["unsupported-operator", 4, 5, `'${operator}' ${ARITHMETIC}`],
      ]);
    }
  });

  it("inside an argument list, with nothing on their left, are reported the same way", () => {
    expect(problems("F(&)")).toEqual([["unsupported-operator", 2, 3, `'&' ${CONCATENATE}`]]);
    expect(problems("F(-)")).toEqual([["unsupported-operator", 2, 3, `'-' ${ARITHMETIC}`]]);
  });
});

describe("comparisons", () => {
  it("a second comparison in one argument is reported at its operator", () => {
    expect(problems("[a] = [b] = [c]")).toEqual([
      [
        "chained-comparison",
        10,
        11,
        "Only one comparison is allowed per argument: nest IIF calls to test several conditions.",
      ],
    ]);
  });

  it("an operator with no value after it names the operator", () => {
    expect(problems("[a] <")).toEqual([
      [
        "expected-operand",
        4,
        5,
        `Expected a value after '<': an [attribute], a "string", a number or a function call.`,
      ],
    ]);
  });

  it("an operator with no value on its left, in an argument list, says a comparison needs one", () => {
    const message = (operator: string) =>
      `Unexpected '${operator}': a comparison needs a value on its left, e.g. [a] = "x".`;
    expect(problems("F(= 1)")).toEqual([["unexpected-token", 2, 3, message("=")]]);
    expect(problems("F(1, <> 2)")).toEqual([["unexpected-token", 5, 7, message("<>")]]);
  });
});

describe("argument lists", () => {
  it("a missing comma is reported over the whole argument that follows, naming its first token", () => {
    const message = (token: string) =>
      `Expected ',' or ')' before '${token}': separate arguments with a comma.`;
    expect(problems("F([a] [b])")).toEqual([["missing-comma", 6, 9, message("[b]")]]);
    expect(problems("F([a] G(1))")).toEqual([["missing-comma", 6, 10, message("G")]]);
    // A long token is cut to 30 characters in the message.
    expect(problems(`F([a] [${"x".repeat(40)}])`)).toEqual([
      ["missing-comma", 6, 48, message(`[${"x".repeat(29)}…`)],
    ]);
  });

  it("a missing ')' is reported over the name and '(' of the call, naming the call", () => {
    const message = (name: string) =>
      `The call to ${name} is missing its closing ')': add ')' after its last argument.`;
    expect(problems('Join(".", [a]')).toEqual([["missing-close-paren", 0, 5, message("Join")]]);
    // A long name is cut to 60 characters.
    expect(problems(`${"N".repeat(70)}(`)).toEqual([
      ["missing-close-paren", 0, 71, message(`${"N".repeat(60)}…`)],
    ]);
  });

  it("a stray '(' or ']' says what to remove", () => {
    expect(problems("F((1)")).toEqual([
      [
        "unexpected-token",
        2,
        3,
        "Parentheses only follow a function name: remove this '(' (grouping is not supported).",
      ],
    ]);
    expect(problems("F(])")).toEqual([
      ["unexpected-token", 2, 3, "This ']' closes nothing: remove it or add '[' before the name."],
    ]);
  });
});
