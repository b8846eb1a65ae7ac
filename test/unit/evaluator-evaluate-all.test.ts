import { afterEach, describe, expect, it, vi } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { type CompiledExpression, compile, evaluateAll } from "../../src/evaluator/index.js";
import { dateTimeFromDate, type EvaluationContext } from "../../src/functions/index.js";
import { parse } from "../../src/parser/index.js";

/** Something that looks like a CompiledExpression but was not made by compile(). */
const foreign = (evaluate: CompiledExpression["evaluate"]): CompiledExpression => ({
  ast: parse("[a]").ast,
  diagnostics: [],
  evaluate,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("evaluateAll: the results array", () => {
  it("fills `into` and returns it, cut or grown to one slot per expression", () => {
    const expressions = [compile("[a]"), compile('"x"')];
    const longer = ["stale", "stale", "stale", "stale"] as unknown[] as ReturnType<typeof evaluateAll>;
    const result = evaluateAll(expressions, { a: "A" }, undefined, longer);
    expect(result).toBe(longer);
    expect(result).toStrictEqual(["A", "x"]);
    const shorter: ReturnType<typeof evaluateAll> = [];
    expect(evaluateAll(expressions, { a: "A" }, undefined, shorter)).toStrictEqual(["A", "x"]);
    expect(shorter).toHaveLength(2);
  });

  it("gives a new array of one result per expression, undefined where the expression is", () => {
    const result = evaluateAll([undefined, compile("[a]"), undefined], { a: "A" });
    expect(result).toHaveLength(3);
    expect(result).toStrictEqual([undefined, "A", undefined]);
    expect(evaluateAll([], { a: "A" })).toStrictEqual([]);
  });
});

describe("evaluateAll: direct mappings and literals", () => {
  it("reads a direct mapping's own string, absent or null as null, other values converted", () => {
    const direct = compile("[a]");
    expect(evaluateAll([direct], { a: "x" })).toStrictEqual(["x"]);
    expect(evaluateAll([direct], {})).toStrictEqual([null]);
    expect(evaluateAll([direct], { a: undefined })).toStrictEqual([null]);
    expect(evaluateAll([direct], { a: null })).toStrictEqual([null]);
    expect(evaluateAll([direct], { a: 42 })).toStrictEqual([42n]);
    expect(evaluateAll([direct], { a: ["x", "y"] })).toStrictEqual([["x", "y"]]);
    expect(evaluateAll([direct], null)).toStrictEqual([null]);
    expect(evaluateAll([direct])).toStrictEqual([null]);
  });

  it("reads a direct mapping's own strings only, for objects that are not plain", () => {
    const direct = compile("[a]");
    const inherited = Object.create({ a: "inherited" }) as Record<string, unknown>;
    expect(evaluateAll([direct], inherited)).toStrictEqual([null]);
    class User {
      get a(): string {
        return "getter";
      }
      b = "field";
    }
    const user = new User() as unknown as Record<string, unknown>;
    expect(evaluateAll([direct, compile("[b]")], user)).toStrictEqual([null, "field"]);
    const own = Object.assign(Object.create({ a: "inherited" }), { a: "own" }) as Record<string, unknown>;
    expect(evaluateAll([direct], own)).toStrictEqual(["own"]);
    const bare = Object.assign(Object.create(null), { a: "bare" }) as Record<string, unknown>;
    expect(evaluateAll([direct], bare)).toStrictEqual(["bare"]);
  });

  it("reads a direct mapping's property as its own evaluate does: once, when it holds a string or nothing", () => {
    /** An object whose [a] getter gives the next of `values` at each read, over `prototype`. */
    const changing = (prototype: object | null, ...values: unknown[]) => {
      let reads = 0;
      const object = Object.create(prototype, {
        a: { enumerable: true, get: () => values[Math.min(reads++, values.length - 1)] },
      }) as Record<string, unknown>;
      return { object, reads: () => reads };
    };
    const direct = compile("[a]");
    for (const prototype of [Object.prototype, null, { other: "x" }]) {
      for (const values of [
        ["first", "second"],
        [undefined, "late"],
      ]) {
        const viaEvaluate = changing(prototype, ...values);
        const viaBatch = changing(prototype, ...values);
        const expected = values[0] ?? null;
        expect(direct.evaluate(viaEvaluate.object)).toBe(expected);
        expect(evaluateAll([direct], viaBatch.object)).toStrictEqual([expected]);
        expect([viaEvaluate.reads(), viaBatch.reads()]).toStrictEqual([1, 1]);
      }
      // Any other value: the same value, read as often, by both.
      const viaEvaluate = changing(prototype, 1, 2, 3, 4);
      const viaBatch = changing(prototype, 1, 2, 3, 4);
      expect(evaluateAll([direct], viaBatch.object)).toStrictEqual([direct.evaluate(viaEvaluate.object)]);
      expect(viaBatch.reads()).toBe(viaEvaluate.reads());
    }
  });

  it("lets an error a direct mapping's getter throws through, as its evaluate does", () => {
    const attributes = {
      get a(): string {
        throw new TypeError("a getter failed");
      },
    };
    expect(() => compile("[a]").evaluate(attributes)).toThrow(TypeError);
    expect(() => evaluateAll([compile("[a]")], attributes)).toThrow(TypeError);
    // Thrown while the value is converted: a role object's getter.
    const role = {
      a: [
        {
          get value(): string {
            throw new TypeError("a role getter failed");
          },
        },
      ],
    };
    expect(() => compile("[a]").evaluate(role)).toThrow(TypeError);
    expect(() => evaluateAll([compile("[a]")], role)).toThrow(TypeError);
    // A getter that overflows the stack: evaluate lets the RangeError through, and so does the batch.
    const deep = (): never => deep();
    const overflowing = {
      get a(): string {
        return deep();
      },
    };
    expect(() => compile("[a]").evaluate(overflowing)).toThrow(RangeError);
    expect(() => evaluateAll([compile("[a]")], overflowing)).toThrow(RangeError);
  });

  it("fails a direct mapping's unusable value in its own slot, at the reference", () => {
    const [value, next] = evaluateAll([compile("[a]"), compile("[b]")], { a: {}, b: "B" });
    expect(value).toBeInstanceOf(ProvexError);
    expect((value as ProvexError).code).toBe("invalid-attribute-value");
    expect((value as ProvexError).span).toStrictEqual({ start: 0, end: 3 });
    expect(next).toBe("B");
  });

  it("gives a literal's value, whatever the attributes", () => {
    const literals = [compile('"Contoso"'), compile("42"), compile("True"), compile('""')];
    expect(evaluateAll(literals, { a: "x" })).toStrictEqual(["Contoso", 42n, true, null]);
  });
});

describe("evaluateAll: each expression's result, errors in their own slot", () => {
  it("gives what evaluate gives, for expressions of every kind in one batch", () => {
    const texts = [
      'Join(" ", [givenName], [surname])',
      "[mail]",
      "ToUpper([surname])",
      '"x"',
      "Count([list])",
    ];
    const attributes = { givenName: "Ada", surname: "Lovelace", list: ["a", "b"] };
    const expressions = texts.map((text) => compile(text));
    expect(evaluateAll(expressions, attributes)).toStrictEqual(
      expressions.map((expression) => expression.evaluate(attributes)),
    );
  });

  it("puts a ProvexError in its slot and goes on with the next expression", () => {
    const results = evaluateAll([compile("Item([list], 5)"), compile('Error("stop")'), compile("[a]")], {
      list: ["one"],
      a: "A",
    });
    expect((results[0] as ProvexError).code).toBe("item-out-of-range");
    expect((results[1] as ProvexError).code).toBe("user-error");
    expect(results[2]).toBe("A");
  });

  it("lets any other error through: a context callback that throws stops the batch", () => {
    const context: EvaluationContext = {
      random: () => {
        throw new TypeError("no randomness here");
      },
    };
    expect(() => evaluateAll([compile("[a]"), compile("Guid()")], { a: "x" }, context)).toThrow(TypeError);
    // The next batch starts clean.
    expect(evaluateAll([compile("[a]")], { a: "x" })).toStrictEqual(["x"]);
  });

  it("fails a tree nested too deeply with nesting-too-deep in its slot", () => {
    const expression = compile("Trim([a])");
    // A getter that recurses until the stack runs out, as a runaway tree does.
    const deep = (): never => deep();
    const attributes = {
      get a(): string {
        return deep();
      },
    };
    const [result, next] = evaluateAll([expression, compile('"ok"')], attributes);
    expect(result).toBeInstanceOf(ProvexError);
    expect((result as ProvexError).code).toBe("nesting-too-deep");
    expect((result as ProvexError).message).toBe(
      "The expression is nested too deeply to compile or evaluate; simplify it.",
    );
    expect(next).toBe("ok");
  });
});

describe("evaluateAll: expressions not made by compile", () => {
  it("evaluates them through their own evaluate, with the attributes and each one's context", () => {
    const seen: unknown[] = [];
    const expression = foreign((attributes, context) => {
      seen.push([attributes, context]);
      return "foreign";
    });
    const attributes = { a: "x" };
    const contexts = [{ targetAttribute: "one" }, { targetAttribute: "two" }];
    expect(evaluateAll([expression, expression], attributes, contexts)).toStrictEqual(["foreign", "foreign"]);
    expect(seen).toStrictEqual([
      [attributes, contexts[0]],
      [attributes, contexts[1]],
    ]);
  });

  it("puts the ProvexError one throws in its slot, and lets any other error through", () => {
    const error = new ProvexError("user-error", "foreign failure");
    const failing = foreign(() => {
      throw error;
    });
    expect(evaluateAll([failing, compile('"next"')])).toStrictEqual([error, "next"]);
    const broken = foreign(() => {
      throw new RangeError("not provex's own");
    });
    expect(() => evaluateAll([broken])).toThrow(RangeError);
  });
});

describe("evaluateAll: the context", () => {
  it("gives each expression its own context when given one per expression", () => {
    const asked: string[] = [];
    const exists = (target: string, value: string) => {
      asked.push(`${target}:${value}`);
      return target === "mail" && value === "a";
    };
    const unique = compile('SelectUniqueValue("a", "b")');
    const results = evaluateAll([unique, unique, unique], {}, [
      { targetAttribute: "mail", exists },
      { targetAttribute: "upn", exists },
    ]);
    expect(results).toStrictEqual(["b", "a", "a"]);
    expect(asked).toStrictEqual(["mail:a", "mail:b", "upn:a"]);
  });

  it('gives every expression the one context given, and `exists` the target attribute "" without one', () => {
    const asked: string[] = [];
    const context: EvaluationContext = {
      exists: (target, value) => {
        asked.push(`${target}:${value}`);
        return value === "a";
      },
      defaultDomain: "contoso.com",
    };
    const results = evaluateAll(
      [compile('SelectUniqueValue("a", "b")'), compile("DefaultDomain()")],
      {},
      context,
    );
    expect(results).toStrictEqual(["b", "contoso.com"]);
    expect(asked).toStrictEqual([":a", ":b"]);
  });

  it("reads the real clock once for the whole batch when the context gives no `now`", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-03-01T10:00:00Z"));
    const now = compile("Now()");
    const at = (text: string) => dateTimeFromDate(new Date(text));
    const attributes = {
      get later(): string {
        vi.setSystemTime(new Date("2024-03-01T11:30:00Z"));
        return "moved";
      },
    };
    expect(evaluateAll([now, compile("Trim([later])"), now], attributes)).toStrictEqual([
      at("2024-03-01T10:00:00Z"),
      "moved",
      at("2024-03-01T10:00:00Z"),
    ]);
    // The next batch reads the clock again.
    expect(evaluateAll([now], {})).toStrictEqual([at("2024-03-01T11:30:00Z")]);
    // One clock for the batch even with one context per expression.
    vi.setSystemTime(new Date("2024-03-02T08:00:00Z"));
    const perExpression = evaluateAll([now, compile("Trim([later])"), now], attributes, [{}, {}, {}]);
    expect(perExpression).toStrictEqual([at("2024-03-02T08:00:00Z"), "moved", at("2024-03-02T08:00:00Z")]);
  });

  it("uses the context's `now` when it gives one", () => {
    const now = compile("Now()");
    const at = (text: string) => dateTimeFromDate(new Date(text));
    const fixed = { now: new Date("2020-05-06T00:00:00Z") };
    expect(evaluateAll([now], {}, fixed)).toStrictEqual([at("2020-05-06T00:00:00Z")]);
    expect(evaluateAll([now, now], {}, [fixed, { now: new Date("2021-07-08T00:00:00Z") }])).toStrictEqual([
      at("2020-05-06T00:00:00Z"),
      at("2021-07-08T00:00:00Z"),
    ]);
  });
});
