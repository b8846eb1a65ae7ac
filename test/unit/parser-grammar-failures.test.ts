import { afterEach, describe, expect, it, vi } from "vitest";
import { ExpressionGrammar } from "../../src/parser/grammar.js";
import { parse } from "../../src/parser/index.js";

// What parse does when the grammar itself throws. A stack overflow (RangeError) can happen whatever
// the input, when parse is called with the caller's stack nearly full: it must come back as a clean,
// positioned diagnostic. Anything else is a bug in provex and must not be disguised as one: it is
// rethrown unchanged. (parser-limits-and-leftovers.test.ts makes a real overflow; here the grammar is
// made to throw, so that each kind of error is certain to reach parse.)

afterEach(() => {
  vi.restoreAllMocks();
});

const TEXT = 'Join(".", [givenName], [surname])';

describe("an error thrown inside the grammar", () => {
  it("a stack overflow becomes nesting-too-deep over the whole text, with an error tree, and the next parse works", () => {
    vi.spyOn(ExpressionGrammar.prototype, "parseTokens").mockImplementationOnce(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    const result = parse(TEXT);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message])).toEqual([
      [
        "nesting-too-deep",
        "error",
        0,
        TEXT.length,
        "Calls are nested more than 100 deep here; provex does not parse deeper nesting. Simplify the expression.",
      ],
    ]);
    expect(result.ast).toEqual({ kind: "error", span: { start: 0, end: TEXT.length } });
    expect(parse(TEXT).diagnostics).toEqual([]);
    expect(parse(TEXT).ast).toMatchObject({ kind: "call", name: "Join" });
  });

  it("any other error is rethrown as it is, not reported as a diagnostic", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'span')");
    vi.spyOn(ExpressionGrammar.prototype, "parseTokens").mockImplementationOnce(() => {
      throw bug;
    });
    expect(() => parse(TEXT)).toThrow(bug);
    expect(parse(TEXT).diagnostics).toEqual([]);
  });
});
