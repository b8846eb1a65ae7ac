import { describe, expect, it } from "vitest";
import { parseUsersText } from "../../src/index.js";
import { failure } from "../helpers/errors.js";

/** A JSON Lines error is placed in the file: the line and column in front, and those named in its words. */
describe("JSON Lines users: positions in the file", () => {
  it("the bracket a cut-off line leaves open is named by its line in the file, not in the line", () => {
    const text = '{"a":1}\n[1';
    const error = failure(() => parseUsersText(text));
    expect(error.code).toBe("invalid-users");
    expect(error.message).toBe(
      "Users JSON Lines, line 2, column 3: The JSON ends before the '[' opened at line 2, column 1 is closed; the file may be cut off (it needs ] at least). Users are a JSON array, JSON Lines, or CSV with a header row.",
    );
    expect(error.span).toEqual({ start: 10, end: 10 });
    expect(error.diagnostics.map((d) => d.span)).toEqual([{ start: 10, end: 10 }]);
  });

  it("after a byte order mark and CRLF line ends, the span still points at the offending text", () => {
    const text = '\uFEFF{"mail":"a"}\r\n\r\n{"mail": [1, 2}\r\n';
    const error = failure(() => parseUsersText(text));
    expect(error.message).toMatch(
      /^Users JSON Lines, line 3, column 15: '\}' cannot close the '\[' opened at line 3, column 10; use '\]'\./,
    );
    expect(text.slice(error.span?.start, error.span?.end)).toBe("}");
  });
});
