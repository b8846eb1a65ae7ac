import { afterEach, describe, expect, it, vi } from "vitest";
import { compile, evaluate, evaluateAll } from "../../src/evaluator/index.js";
import { failure } from "../helpers/errors.js";

/**
 * What each kind of compiled expression's `evaluate` reads of the caller's object and context: a literal
 * nothing at all, a direct mapping of an absent attribute only that property, and a batch one clock.
 */

/** An object every operation on which throws (a revoked Proxy). */
function revoked(): Record<string, unknown> {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe("a literal's evaluate returns its value without touching the attributes", () => {
  for (const [text, expected] of [
    ['"Contoso Ltd"', "Contoso Ltd"],
    ["42", 42n],
    ["True", true],
    ["vbTextCompare", 1n],
    ['""', null],
  ] as const) {
    it(`${text} gives ${String(expected)} even for an object that refuses every operation`, () => {
      const compiled = compile(text);
      expect(compiled.evaluate(revoked())).toBe(expected);
      expect(compiled.evaluate(null)).toBe(expected);
      expect(evaluate(text, revoked())).toBe(expected);
    });
  }

  it("while any other expression reads the object, and fails with the object's own error", () => {
    expect(() => compile('Join(".", "a", [a])').evaluate(revoked())).toThrow(TypeError);
    expect(() => compile('Left("abc", [n])').evaluate(revoked())).toThrow(TypeError);
  });
});

describe("a direct mapping reads only its attribute", () => {
  it("an attribute the object does not have reads as null without asking the object anything else", () => {
    const asked: string[] = [];
    const guarded = new Proxy({} as Record<string, unknown>, {
      get(target, key) {
        asked.push(`get ${String(key)}`);
        return Reflect.get(target, key);
      },
      getPrototypeOf() {
        throw new Error("the prototype was read");
      },
      has() {
        throw new Error("in was used");
      },
    });
    expect(compile("[mail]").evaluate(guarded)).toBeNull();
    expect(asked).toEqual(["get mail"]);
  });
});

describe("evaluateAll reads the clock once for the whole batch", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("Now() in every expression is the same instant, even when the clock moves during the batch", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2024, 0, 2, 3, 4, 5);
    vi.setSystemTime(start);
    const attributes = {
      get tick() {
        vi.setSystemTime(Date.now() + 3_600_000);
        return "moved";
      },
    };
    const expressions = [compile("Now()"), compile("IIF(IsPresent([tick]), Now(), Now())"), compile("Now()")];
    const [first, second, third] = evaluateAll(expressions, attributes);
    expect(first).toStrictEqual({
      kind: "datetime",
      ticks: BigInt(start) * 10_000n + 621_355_968_000_000_000n,
    });
    expect(second).toStrictEqual(first);
    expect(third).toStrictEqual(first);
    // One evaluate on its own reads the clock again, after the getter moved it.
    expect(expressions[1]?.evaluate(attributes)).not.toStrictEqual(first);
  });
});

describe("compile: diagnostics in source order", () => {
  it("of two at the same place the shorter comes first, wherever each was found", () => {
    // The parser's missing-parenthesis error (0–5) is found before the checker's name-case warning (0–4).
    const error = failure(() => compile("left([a]"));
    expect(error.diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ["function-name-case", 0, 4],
      ["missing-close-paren", 0, 5],
      ["arity", 0, 8],
    ]);
  });
});
