import { beforeAll, describe, expect, it } from "vitest";

// Integers are exact to 64 bits: decimal from -2^63 to 2^63 - 1, hex up to &HFFFFFFFFFFFFFFFF. The
// bounds themselves are numbers; one past them is number-out-of-range, with a message that gives the range.

// Imported inside the tests: a parser module that fails to load then fails these tests, instead of
// leaving a test file with no tests at all.
const loadParser = () => import("../../src/parser/index.js");
// Loaded once before the tests too, its failure left to them: in the mutation runs, code first run inside a
// test counts as run by that test alone, so the tables the parser builds while it loads would be tested
// against this file's first test only (the mutation runs take the quickest file first, and this is it),
// while code first run in beforeAll counts as run by every test of the set.
beforeAll(async () => {
  await loadParser().catch(() => undefined);
});

async function problems(text: string) {
  const { parse } = await loadParser();
  return parse(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, ...d.span }));
}

describe("64-bit integer literals", () => {
  it("reads the largest and smallest decimal integers without a problem", async () => {
    const { parse } = await loadParser();
    expect(await problems("9223372036854775807")).toEqual([]);
    expect(await problems("-9223372036854775808")).toEqual([]);
    expect(parse("9223372036854775807").ast).toMatchObject({ kind: "number", value: 2n ** 63n - 1n });
    expect(await problems("&HFFFFFFFFFFFFFFFF")).toEqual([]);
  });

  it("reports one past either bound, over the number's span", async () => {
    const outOfRange = (end: number) => [{ code: "number-out-of-range", severity: "error", start: 0, end }];
    expect(await problems("9223372036854775808")).toEqual(outOfRange(19));
    expect(await problems("-9223372036854775809")).toEqual(outOfRange(20));
  });

  it("says which range integers have", async () => {
    const { parse } = await loadParser();
    expect(parse("-9223372036854775809").diagnostics[0]?.message).toBe(
      "-9223372036854775809 does not fit in 64 bits: integers run from -9223372036854775808 to 9223372036854775807 (hex up to &HFFFFFFFFFFFFFFFF).",
    );
  });
});

describe("bare constants", () => {
  it("are known in any case and given back in their canonical spelling", async () => {
    const { canonicalConstant, knownConstants } = await loadParser();
    for (const name of knownConstants) {
      expect(canonicalConstant(name.toUpperCase())).toBe(name);
      expect(canonicalConstant(name.toLowerCase())).toBe(name);
    }
    expect(canonicalConstant("vbtextcompare")).toBe("vbTextCompare");
    expect(canonicalConstant("Nothing")).toBeUndefined();
  });
});
