import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { format, parse, printFlat } from "../../src/parser/index.js";

// What the printer says when it will not print: which problem it names, and where.

function thrown(run: () => unknown): ProvexError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProvexError);
    return error as ProvexError;
  }
  return expect.unreachable("expected a ProvexError");
}

describe("format refuses text with syntax errors", () => {
  it("names the first error, not a warning before it, with the error's span", () => {
    // `true` (a warning: write True) comes before the missing comma before [b] (an error).
    const text = "Join(true, [a] [b])";
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["constant-name-case", "warning"],
      ["missing-comma", "error"],
    ]);
    const error = thrown(() => format(text));
    expect(error.code).toBe("syntax-error");
    expect(error.message).toBe(
      "Cannot format an expression with syntax errors: Expected ',' or ')' before '[b]': separate arguments with a comma.",
    );
    expect(error.span).toEqual({ start: 15, end: 18 });
    expect(error.diagnostics).toEqual(diagnostics);
  });
});

describe("printFlat refuses a tree with an error node", () => {
  it("says why, with the error node's span", () => {
    // The operand missing after '=' (offset 8) stands as an empty error node just after it.
    const error = thrown(() => printFlat(parse("IIF([a] = , 1, 2)").ast));
    expect(error.code).toBe("syntax-error");
    expect(error.message).toBe("Cannot print a tree that contains syntax errors.");
    expect(error.span).toEqual({ start: 9, end: 9 });
  });
});
