import { describe, expect, it } from "vitest";
import { MAX_EXPRESSION_LENGTH, MAX_INPUT_LENGTH, MAX_NESTING_DEPTH, parse } from "../../src/parser/index.js";

// The limits parse enforces (Entra's 10,000 characters, provex's 1 MiB and nesting depth), what it says
// when the text is empty or goes on after a complete expression, and the tree it gives back then.

const problems = (text: string) =>
  parse(text).diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message]);
const stringOf = (length: number) => `"${"x".repeat(length - 2)}"`;

describe("Entra's length limit", () => {
  it("accepts exactly 10,000 characters and warns from one more, over the characters past the limit", () => {
    expect(MAX_EXPRESSION_LENGTH).toBe(10_000);
    expect(problems(stringOf(10_000))).toEqual([]);
    expect(problems(stringOf(10_001))).toEqual([
      [
        "expression-too-long",
        "warning",
        10_000,
        10_001,
        "This expression has 10001 characters; Entra accepts at most 10000. Shorten it or split the logic over several mappings.",
      ],
    ]);
  });
});

describe("provex's input limit", () => {
  it("reads a text of exactly 1 MiB", () => {
    const result = parse(stringOf(MAX_INPUT_LENGTH));
    expect(result.ast.kind).toBe("string");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["expression-too-long"]);
  });

  it("refuses a text over 1 MiB with that one problem and an error tree over the whole text", () => {
    const result = parse("x".repeat(MAX_INPUT_LENGTH + 1));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["input-too-large"]);
    expect(result.ast).toEqual({ kind: "error", span: { start: 0, end: MAX_INPUT_LENGTH + 1 } });
  });
});

describe("the nesting limit", () => {
  it("refuses calls nested deeper, at the first call too deep, with an error tree over the whole text", () => {
    const text = `${"F(".repeat(MAX_NESTING_DEPTH + 1)}${")".repeat(MAX_NESTING_DEPTH + 1)}`;
    const result = parse(text);
    expect(problems(text)).toEqual([
      [
        "nesting-too-deep",
        "error",
        201,
        202,
        "Calls are nested more than 100 deep here; provex does not parse deeper nesting. Simplify the expression.",
      ],
    ]);
    expect(result.ast).toEqual({ kind: "error", span: { start: 0, end: text.length } });
  });
});

describe("a stack overflow inside the grammar", () => {
  it("is reported as nesting-too-deep over the whole text, and the next parse works", () => {
    // 100 calls deep: within the nesting limit, so only the caller's deep stack can make it overflow.
    const text = `${"IIF([a] = F(".repeat(50)}1${"), 1, 2)".repeat(50)}`;
    const parseText = parse;
    // Recurse until the stack is full, then parse on the way back: the first parse that gets past the
    // tokenizer runs out of stack inside the grammar. (Deeper levels have no room to call parse at all.)
    const nearTheLimit = (): ReturnType<typeof parse> | undefined => {
      try {
        return nearTheLimit() ?? parseText(text);
      } catch {
        return undefined;
      }
    };
    const result = nearTheLimit();
    expect(result?.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ["nesting-too-deep", 0, text.length],
    ]);
    expect(result?.ast).toEqual({ kind: "error", span: { start: 0, end: text.length } });
    expect(parse(text).diagnostics).toEqual([]);
  });
});

describe("an empty expression", () => {
  it("is an error over the whole (blank) text, saying what to write", () => {
    expect(problems("   ")).toEqual([
      [
        "empty-expression",
        "error",
        0,
        3,
        'The expression is empty: write a function call, an [attribute], or "" to send no value.',
      ],
    ]);
    expect(parse("   ").ast).toEqual({ kind: "error", span: { start: 0, end: 3 } });
  });

  it("is reported even when a warning was found (a blank text too long for Entra)", () => {
    expect(problems(" ".repeat(10_001)).map(([code, , start, end]) => [code, start, end])).toEqual([
      ["empty-expression", 0, 10_001],
      ["expression-too-long", 10_000, 10_001],
    ]);
  });

  it("is not reported on top of another error that left no expression", () => {
    expect(problems(")").map(([code]) => code)).toEqual(["unexpected-token"]);
    expect(parse(")").ast).toEqual({ kind: "error", span: { start: 0, end: 1 } });
  });
});

describe("the order of the problems", () => {
  it("is by start, and by end among problems that start at one place", () => {
    // `true` starts at offset 10,000, where the length warning starts too; the warning runs to the end.
    const text = `Join("${"x".repeat(9_991)}", true)`;
    expect(problems(text).map(([code, , start, end]) => [code, start, end])).toEqual([
      ["constant-name-case", 10_000, 10_004],
      ["expression-too-long", 10_000, 10_005],
    ]);
  });
});

describe("text after a complete expression", () => {
  it("is reported at its first token, with advice by what that token is, and the expression kept", () => {
    const leftover = (token: string, advice: string) =>
      `Unexpected '${token}' after the end of the expression: ${advice}.`;
    expect(problems(")")).toEqual([
      ["unexpected-token", "error", 0, 1, leftover(")", "remove this ')' (it closes nothing)")],
    ]);
    expect(problems("[a],")).toEqual([
      ["unexpected-token", "error", 3, 4, leftover(",", "a comma only separates a function's arguments")],
    ]);
    const single = "an expression is a single value; combine values with a function such as Join";
    expect(problems("[a] [b]")).toEqual([["unexpected-token", "error", 4, 7, leftover("[b]", single)]]);
    expect(parse("[a] [b]").ast).toEqual({ kind: "attribute", name: "a", span: { start: 0, end: 3 } });
  });
});
