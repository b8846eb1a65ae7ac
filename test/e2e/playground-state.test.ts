import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineColumnAt } from "../../playground/src/json-error.js";
import {
  EMPTY_STATE,
  expressionNesting,
  jsonNesting,
  LIMITS,
  readState,
  sameWork,
} from "../../playground/src/state.js";

// Pure parts of the playground, tested without a browser.
describe("the playground's saved state and link bounds", () => {
  it("reads a state with defaults for missing fields and ignores fields of the wrong type", () => {
    const read = readState(
      JSON.stringify({
        mode: "mapping",
        expression: 42,
        users: "[]",
        overrides: { 3: "[x]", bad: "y", 4: 5 },
        selectedUser: -1,
      }),
    );
    expect(read).toEqual({
      ok: true,
      state: { ...EMPTY_STATE, mode: "mapping", users: "[]", overrides: { 3: "[x]" }, selectedUser: 0 },
    });
  });

  it("refuses states past the bounds, saying why", () => {
    const refused = (json: string) => {
      const read = readState(json);
      return read.ok ? "accepted" : read.reason;
    };
    expect(refused(JSON.stringify({ expression: "x".repeat(LIMITS.expression + 1) }))).toMatch(
      /100,001 characters long/,
    );
    expect(refused(JSON.stringify({ expression: `${"(".repeat(201)}${")".repeat(201)}` }))).toMatch(
      /nests 201 levels/,
    );
    expect(refused(JSON.stringify({ overrides: { 1: "[".repeat(300) } }))).toMatch(
      /edited mapping #2 nests 300/,
    );
    expect(refused(`${"[".repeat(65)}${"]".repeat(65)}`)).toBe("Its data is nested too deeply.");
    expect(refused("{not json")).toMatch(/not valid JSON/);
    expect(refused(JSON.stringify({ expression: `(${'"((((("'.repeat(50)})` }))).toBe("accepted");
  });

  it("counts nesting outside string literals only", () => {
    expect(expressionNesting('Join("((((", [a], Trim([b]))')).toBe(3);
    expect(expressionNesting('"\\"(("')).toBe(0);
    expect(jsonNesting('{"a": "[[[", "b": [[1]]}')).toBe(3);
  });

  it("tells the same work apart from different work, whenever it was saved", () => {
    expect(sameWork({ ...EMPTY_STATE, savedAt: 1 }, { ...EMPTY_STATE, savedAt: 2 })).toBe(true);
    expect(sameWork(EMPTY_STATE, { ...EMPTY_STATE, expression: "[a]" })).toBe(false);
  });
});

describe("jsonErrorOffset (line:column of a broken input)", () => {
  it("finds the first offending character", () => {
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("[1,2")).toBe(4);
    expect(jsonErrorOffset('{"c":"\\q"}')).toBe(6);
    expect(jsonErrorOffset("[01]")).toBe(2);
    expect(jsonErrorOffset("[".repeat(1_000_000))).toBe(1_000_000);
    expect(lineColumnAt("ab\ncd\nef", 7)).toEqual({ line: 3, column: 2 });
  });

  it("agrees with JSON.parse on which texts are valid", () => {
    const almostJson = fc.oneof(
      fc.json(),
      fc.json().map((text) => text.slice(0, -1)),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom(",", "}", "]", '"', ":", "x")).map(([text, at, char]) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + char + text.slice(index);
      }),
    );
    fc.assert(
      fc.property(almostJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(text);
        expect(offset === undefined).toBe(valid);
        if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
