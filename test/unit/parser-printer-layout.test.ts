import { describe, expect, it } from "vitest";
import { format } from "../../src/parser/index.js";

// How the printer lays out what does not fit in the width: a comparison is broken at the call on either
// side, and what follows a broken left side continues on its last line, counted from there.

const lines = (...rows: string[]) => rows.join("\n");

describe("breaking a comparison that does not fit", () => {
  // 37 characters: longer than every width used here, so it is always broken.
  const longCall = 'Join(",", [aaaaaaaaaa], [bbbbbbbbbb])';
  const brokenLongCall = ["Join(", '  ",",', "  [aaaaaaaaaa],", "  [bbbbbbbbbb]"];

  it("breaks the call on its left and keeps a plain right side after the closing parenthesis", () => {
    expect(format(`${longCall} = "x"`, { width: 30 })).toBe(lines(...brokenLongCall, ') = "x"'));
  });

  it("breaks the call on its right when only the right side holds one", () => {
    expect(format(`"x" = ${longCall}`, { width: 30 })).toBe(
      lines('"x" = Join(', ...brokenLongCall.slice(1), ")"),
    );
  });

  it("counts the right side from the last line of a broken left side: fits exactly at the width", () => {
    // After ") = " the right side starts at column 4: 4 + 26 = 30 characters.
    const right = "Left([ccccccccccccccc], 1)";
    expect(right.length).toBe(26);
    expect(format(`${longCall} = ${right}`, { width: 30 })).toBe(lines(...brokenLongCall, `) = ${right}`));
    expect(format(`${longCall} = ${right}`, { width: 29 })).toBe(
      lines(...brokenLongCall, ") = Left(", "  [ccccccccccccccc],", "  1", ")"),
    );
  });

  it("counts the right side from the column where a flat left side ends, inside an argument list", () => {
    // The comparison is IIF's first argument, at column 2; its left side ends at 2 + 12, and the right
    // side starts after " = " at column 17, followed by a comma: 17 + 23 + 1 = 41 > 40, so it breaks.
    const right = "Left([bbbbbbbbbbbb], 1)";
    expect(right.length).toBe(23);
    const text = `IIF(Left([a], 1) = ${right}, "x", "y")`;
    expect(format(text, { width: 40 })).toBe(
      lines("IIF(", "  Left([a], 1) = Left(", "    [bbbbbbbbbbbb],", "    1", "  ),", '  "x",', '  "y"', ")"),
    );
    expect(format(text, { width: 41 })).toBe(
      lines("IIF(", `  Left([a], 1) = ${right},`, '  "x",', '  "y"', ")"),
    );
  });
});

describe("a call with no arguments", () => {
  it("stays whole past the width: there is nothing to break it at", () => {
    expect(format('Join("", Now())', { width: 5 })).toBe(lines("Join(", '  "",', "  Now()", ")"));
    expect(format("Now()", { width: 3 })).toBe("Now()");
  });
});
