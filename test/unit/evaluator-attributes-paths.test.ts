import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, evaluateAll } from "../../src/evaluator/index.js";
import { traceEvaluate } from "../../src/evaluator/trace.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import type { Value } from "../../src/functions/index.js";
import { parse } from "../../src/parser/index.js";

type Attributes = Readonly<Record<string, unknown>>;

/**
 * Every way a caller's object is read: `[a]` alone through compile's evaluate and through evaluateAll,
 * `[a]` inside a call (the compiled closures), the tree-walking evaluator and the trace. Each gives the
 * value, or the ProvexError it fails with.
 */
const PATHS: Record<string, (attributes: Attributes) => Value | ProvexError> = {
  direct: (attributes) => compile("[a]").evaluate(attributes),
  batch: (attributes) => evaluateAll([compile("[a]")], attributes)[0] as Value | ProvexError,
  nested: (attributes) => {
    // The first [a] read is IsPresent's, 14 characters in: its span, moved to the start, is [a]'s.
    try {
      return compile("IIF(IsPresent([a]), [a], [a])").evaluate(attributes);
    } catch (error) {
      if (!(error instanceof ProvexError) || error.span === undefined) throw error;
      const span = { start: error.span.start - 14, end: error.span.end - 14 };
      return new ProvexError(error.code, error.message, { span });
    }
  },
  tree: (attributes) => walkEvaluate(parse("[a]").ast, attributes),
  trace: (attributes) => {
    const { outcome } = traceEvaluate(parse("[a]").ast, attributes);
    return outcome.ok
      ? outcome.value
      : new ProvexError(outcome.code, outcome.message, { span: outcome.span });
  },
};

/** What `[a]` gives for `attributes` on every path, checked to be the same. */
function read(attributes: Attributes): Value | ProvexError {
  const results = Object.entries(PATHS).map(([path, run]) => {
    try {
      return [path, run(attributes)] as const;
    } catch (error) {
      if (error instanceof ProvexError) return [path, error] as const;
      throw error;
    }
  });
  const [first] = results;
  for (const [path, value] of results) {
    if (value instanceof ProvexError && first?.[1] instanceof ProvexError) {
      expect([path, value.code, value.span], path).toStrictEqual([path, first[1].code, first[1].span]);
    } else {
      expect([path, value], path).toStrictEqual([path, first?.[1]]);
    }
  }
  return first?.[1] as Value | ProvexError;
}

describe("attribute values as every evaluation path reads them", () => {
  it("tells missing, null, undefined and the empty string apart: only the empty string is a value", () => {
    expect(read({})).toBeNull();
    expect(read({ a: null })).toBeNull();
    expect(read({ a: undefined })).toBeNull();
    expect(read({ a: "" })).toBe("");
    // No object at all reads as an object without attributes.
    expect(compile("[a]").evaluate(null)).toBeNull();
    expect(compile("[a]").evaluate(undefined)).toBeNull();
    expect(evaluateAll([compile("[a]")], null)).toStrictEqual([null]);
    expect(compile('IIF(IsPresent([a]), [a], "none")').evaluate(null)).toBe("none");
  });

  it("matches attribute names exactly, case included", () => {
    expect(read({ A: "upper" })).toBeNull();
    expect(read({ a: "lower", A: "upper" })).toBe("lower");
  });

  it("reads own properties only, of plain, null-prototype and class objects alike", () => {
    expect(read(Object.create({ a: "inherited" }))).toBeNull();
    expect(read(Object.create({ a: ["inherited"] }))).toBeNull();
    expect(read(Object.assign(Object.create({ a: "inherited" }), { a: "own" }))).toBe("own");
    expect(read(Object.assign(Object.create(null), { a: "bare" }))).toBe("bare");
    expect(read(Object.create(null))).toBeNull();
    class WithGetter {
      get a(): string {
        return "from the prototype";
      }
    }
    expect(read(new WithGetter() as unknown as Attributes)).toBeNull();
    class WithField {
      a = "field";
    }
    expect(read(new WithField() as unknown as Attributes)).toBe("field");
    const getter = Object.defineProperty({}, "a", { get: () => "own getter", enumerable: true });
    expect(read(getter)).toBe("own getter");
  });

  it("converts numbers, booleans and dates", () => {
    expect(read({ a: 42 })).toBe(42n);
    expect(read({ a: 0 })).toBe(0n);
    expect(read({ a: -0.5 })).toBe("-0.5");
    expect(read({ a: Number.NaN })).toBe("NaN");
    expect(read({ a: 12n })).toBe(12n);
    expect(read({ a: false })).toBe(false);
    expect(read({ a: new Date(0) })).toStrictEqual({ kind: "datetime", ticks: 621_355_968_000_000_000n });
    expect(read({ a: { kind: "datetime", ticks: 7n } })).toStrictEqual({ kind: "datetime", ticks: 7n });
  });

  it("reads a multi-valued attribute as its strings, scalars as their text, absent items left out", () => {
    expect(read({ a: ["x", "y"] })).toStrictEqual(["x", "y"]);
    expect(read({ a: [] })).toStrictEqual([]);
    expect(read({ a: ["x", 2, false, null, undefined] })).toStrictEqual(["x", "2", "false"]);
    expect(read({ a: [null] })).toStrictEqual([]);
  });

  it("reads role objects as app-role assignments, keeping only the fields each has", () => {
    expect(
      read({ a: [{ value: "Admin", id: "1" }, "User", null, { value: "Ops", displayName: "Operators" }] }),
    ).toStrictEqual({
      kind: "roles",
      roles: [
        { id: "1", value: "Admin" },
        { value: "User", displayName: "User" },
        { value: "Ops", displayName: "Operators" },
      ],
    });
  });

  it("refuses a value it cannot use with invalid-attribute-value at the reference", () => {
    const refused = [
      {},
      { kind: "datetime", ticks: 1 },
      [{ value: "A" }, 3],
      [{ id: "1" }],
      () => "f",
      // A function is no role object, even one that carries a value.
      [{ value: "A" }, Object.assign(() => "f", { value: "B" })],
    ];
    for (const value of refused) {
      const error = read({ a: value });
      expect(error, JSON.stringify(value)).toBeInstanceOf(ProvexError);
      const { code, span } = error as ProvexError;
      expect({ code, span }).toStrictEqual({ code: "invalid-attribute-value", span: { start: 0, end: 3 } });
    }
  });
});
