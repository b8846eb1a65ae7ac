import { describe, expect, it } from "vitest";
import { LineIndex, lineColumn, locateDiagnostic } from "../../src/diagnostics/index.js";
import { parse } from "../../src/parser/index.js";

describe("line and column", () => {
  it("counts 1-based lines and UTF-16 columns across \\n, \\r\\n and \\r", () => {
    const text = "ab\ncd\r\nef\rg😀h";
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, 10)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(text, 13)).toEqual({ line: 4, column: 4 }); // after the surrogate pair
  });

  it("clamps offsets outside the text", () => {
    expect(lineColumn("ab", -5)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab", 99)).toEqual({ line: 1, column: 3 });
  });

  it("maps positions back to offsets and gives each line's text", () => {
    const index = new LineIndex("one\r\ntwo\nthree");
    expect(index.offsetOf({ line: 2, column: 2 })).toBe(6);
    expect(index.lineText(1)).toBe("one");
    expect(index.lineText(3)).toBe("three");
    expect(index.lineText(9)).toBe("");
  });

  it("locates a diagnostic's start and end", () => {
    const text = 'Join(".",\n  [a] [b])';
    const [problem] = parse(text).diagnostics;
    expect(problem && locateDiagnostic(text, problem)).toEqual({
      start: { line: 2, column: 7 },
      end: { line: 2, column: 10 },
    });
  });
});
