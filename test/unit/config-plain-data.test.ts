import { describe, expect, it } from "vitest";
import {
  assignOwn,
  exactNumberProblem,
  integerFitsNumber,
  setOwn,
  short,
} from "../../src/mapping/plain-data.js";

/**
 * Numbers and keys read from a file are kept as plain data that writes back unchanged: a number that
 * would change is refused with what to do, and any key, `__proto__` included, is an own property.
 */

describe("numbers kept exactly, or refused", () => {
  it("a number written with more digits than a double holds is refused, saying what it would become", () => {
    expect(exactNumberProblem(9007199254740992, "9007199254740993")).toBe(
      "The number 9007199254740993 has more digits than provex can keep exactly (it would become 9007199254740992); write it as a string.",
    );
    expect(exactNumberProblem(1.0000000000000002, "1.00000000000000001")).toBe(
      "The number 1.00000000000000001 has more digits than provex can keep exactly (it would become 1.0000000000000002); write it as a string.",
    );
  });

  it("the same value written another way is exact: exponents, zeros at either end, a sign, no digits before the point", () => {
    for (const [value, raw] of [
      [100, "1e2"],
      [100, "100.0"],
      [100, "0100"],
      [100, "1E+2"],
      [0.01, "1e-2"],
      [-0, "-0"],
      [0, "0.000"],
      [1e21, "1000000000000000000000"],
      [1, "+1"],
      [-1.5, "-1.50"],
      [5, ".5e1"],
      [0.1, "0.1"],
      [0.30000000000000004, "0.30000000000000004"],
    ] as const)
      expect(exactNumberProblem(value, raw)).toBeUndefined();
    // A negative number whose digits match a positive one's is not the same number.
    expect(exactNumberProblem(5, "-5")).toBe(
      "The number -5 has more digits than provex can keep exactly (it would become 5); write it as a string.",
    );
    // Digits after the point count: 5. is not 0.5.
    expect(exactNumberProblem(0.5, "5.")).toBe(
      "The number 5. has more digits than provex can keep exactly (it would become 0.5); write it as a string.",
    );
    // Exponents of two digits, with or without a sign; leading zeros however many; zeros inside kept.
    expect(exactNumberProblem(1.2345678901234568e21, "12345678901234567890e2")).toBe(
      "The number 12345678901234567890e2 has more digits than provex can keep exactly (it would become 1.2345678901234568e+21); write it as a string.",
    );
    expect(exactNumberProblem(9.007199254740992e25, "9007199254740993e10")).toMatch(
      /^The number 9007199254740993e10 has more digits/,
    );
    expect(exactNumberProblem(100, "00100")).toBeUndefined();
    expect(exactNumberProblem(1010, "1.01e3")).toBeUndefined();
    // No digits before the point still compares the digits after it.
    expect(exactNumberProblem(0.5, ".50000000000000001")).toMatch(
      /^The number \.50000000000000001 has more digits/,
    );
    // Text that is not a decimal number (YAML's hexadecimal, a lone point) is not compared.
    expect(exactNumberProblem(5, ".")).toBeUndefined();
    expect(exactNumberProblem(12, "0x0c")).toBeUndefined();
    expect(exactNumberProblem(0, ".")).toBeUndefined();
  });

  it("infinity, NaN and integers past 2^53 − 1 are refused, the raw text cut when long", () => {
    expect(exactNumberProblem(Number.POSITIVE_INFINITY, "1e999")).toBe(
      "1e999 is not a number JSON can hold (no infinity or NaN); write a finite number, or a string.",
    );
    expect(exactNumberProblem(Number.NaN, ".nan")).toBe(
      ".nan is not a number JSON can hold (no infinity or NaN); write a finite number, or a string.",
    );
    expect(exactNumberProblem(12n ** 20n, "3833759992447475122176")).toBe(
      "The number 3833759992447475122176 is larger than provex can keep exactly (2^53 − 1); write it as a string.",
    );
    const long = "9".repeat(60);
    expect(exactNumberProblem(BigInt(long), long)).toBe(
      `The number ${"9".repeat(40)}… is larger than provex can keep exactly (2^53 − 1); write it as a string.`,
    );
  });

  it("a YAML integer fits a number when the double writes the same digits, or holds the same integer", () => {
    expect(integerFitsNumber(9007199254740992n, "9007199254740992")).toBe(true);
    expect(integerFitsNumber(9007199254740993n, "9007199254740993")).toBe(false);
    expect(integerFitsNumber(10n ** 22n, "10000000000000000000000")).toBe(true);
    expect(integerFitsNumber(-5n, "-5")).toBe(true);
    expect(integerFitsNumber(10n, "  10 ")).toBe(true);
    // 2^70 is a double exactly, but it writes back as 1.1805916207174113e+21: in decimal, not kept; in
    // hexadecimal (the same integer), kept.
    expect(integerFitsNumber(2n ** 70n, "1180591620717411303424")).toBe(false);
    expect(integerFitsNumber(2n ** 70n, " 1180591620717411303424 ")).toBe(false);
    expect(integerFitsNumber(2n ** 70n, "0x400000000000000000")).toBe(true);
    expect(integerFitsNumber(16n, "0x10")).toBe(true);
    expect(integerFitsNumber(15n, "0o17")).toBe(true);
    expect(integerFitsNumber(2n ** 60n, "0x1000000000000000")).toBe(true);
    expect(integerFitsNumber(2n ** 60n + 1n, "0x1000000000000001")).toBe(false);
  });
});

describe("keys as own properties", () => {
  it("setOwn makes __proto__ an own, enumerable, writable property and leaves the prototype alone", () => {
    const object: Record<string, unknown> = {};
    setOwn(object, "__proto__", { polluted: true });
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(object, "__proto__")).toEqual({
      value: { polluted: true },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(JSON.stringify(object)).toBe('{"__proto__":{"polluted":true}}');
  });

  it("assignOwn copies every own enumerable property that way, onto the target it returns", () => {
    const source = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, unknown>;
    const target: Record<string, unknown> = { b: 3 };
    expect(assignOwn(target, source)).toBe(target);
    expect(Object.keys(target)).toEqual(["b", "__proto__", "a"]);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(target.a).toBe(2);
  });
});

describe("quoted text in messages", () => {
  it("is cut after 40 characters with an ellipsis, or at the limit given", () => {
    expect(short("x".repeat(40))).toBe("x".repeat(40));
    expect(short("x".repeat(41))).toBe(`${"x".repeat(40)}…`);
    expect(short("abcdef", 3)).toBe("abc…");
    expect(short("abc", 3)).toBe("abc");
  });
});
