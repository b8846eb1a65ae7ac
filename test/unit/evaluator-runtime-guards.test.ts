import { afterEach, describe, expect, it, vi } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, evaluateAll } from "../../src/evaluator/index.js";
import { dateTimeFromDate } from "../../src/functions/index.js";
import { failure } from "../helpers/errors.js";

afterEach(() => {
  vi.useRealTimers();
});

/** Attributes whose `[a]` throws `error` when read. */
const throwing = (error: Error) => ({
  get a(): string {
    throw error;
  },
});

describe("the stack-overflow guard", () => {
  it("reports a stack overflow during evaluation as nesting-too-deep, saying what to do", () => {
    const deep = (): never => deep();
    const attributes = {
      get a(): string {
        return deep();
      },
    };
    const error = failure(() => compile("Trim([a])").evaluate(attributes));
    expect(error.code).toBe("nesting-too-deep");
    expect(error.message).toBe("The expression is nested too deeply to compile or evaluate; simplify it.");
  });

  it("lets a RangeError that is not a stack overflow through as it is", () => {
    const invalid = new RangeError("Invalid array length");
    for (const text of ["Trim([a])", 'Join(".", Guid(), [a])', "[a]"]) {
      expect(() => compile(text).evaluate(throwing(invalid)), text).toThrow(invalid);
    }
    expect(() => evaluateAll([compile("Trim([a])")], throwing(invalid))).toThrow(invalid);
  });

  it("lets an error of another kind that mentions the call stack through as it is", () => {
    const typeError = new TypeError("the call stack of the caller is unknown");
    expect(() => compile("Trim([a])").evaluate(throwing(typeError))).toThrow(typeError);
    expect(() => evaluateAll([compile("Trim([a])")], throwing(typeError))).toThrow(typeError);
  });

  it("keeps a ProvexError raised inside as it is", () => {
    const raised = new ProvexError("user-error", "from a getter");
    expect(failure(() => compile("Trim([a])").evaluate(throwing(raised)))).toBe(raised);
    expect(evaluateAll([compile("Trim([a])")], throwing(raised))).toStrictEqual([raised]);
  });
});

describe("the runtime context of one evaluation", () => {
  it("reads the real clock once per evaluation, and again for the next", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-03-01T10:00:00Z"));
    const attributes = {
      get later(): string {
        vi.setSystemTime(new Date("2024-03-01T11:30:00Z"));
        return "x";
      },
    };
    // The clock moves between the two Now() calls of one evaluation: both see the first instant.
    const same = compile('DateDiff("n", Now(), IIF(IsNull([later]), Now(), Now()))');
    expect(same.evaluate(attributes)).toBe(0n);
    expect(evaluateAll([same], attributes)).toStrictEqual([0n]);
    // The next evaluation reads the clock again.
    const now = compile("Now()");
    expect(now.evaluate({})).toStrictEqual(dateTimeFromDate(new Date("2024-03-01T11:30:00Z")));
    // The clock is read on first use, not when the evaluation starts.
    vi.setSystemTime(new Date("2024-03-01T10:00:00Z"));
    const afterRead = compile("IIF(IsNull([later]), Now(), Now())");
    expect(afterRead.evaluate(attributes)).toStrictEqual(dateTimeFromDate(new Date("2024-03-01T11:30:00Z")));
  });

  it('gives `exists` the mapping\'s target attribute, or "" without one', () => {
    const asked: string[] = [];
    const exists = (target: string, value: string) => {
      asked.push(`${target}:${value}`);
      return value === "a";
    };
    const unique = compile('SelectUniqueValue("a", "b")');
    expect(unique.evaluate({}, { exists })).toBe("b");
    expect(unique.evaluate({}, { exists, targetAttribute: "mail" })).toBe("b");
    expect(asked).toStrictEqual([":a", ":b", "mail:a", "mail:b"]);
    expect(unique.evaluate({})).toBe("a");
  });

  it("draws from the context's random source when it gives one", () => {
    const guid = compile("Guid()");
    const zeros = guid.evaluate({}, { random: () => 0 });
    expect(zeros).toBe(guid.evaluate({}, { random: () => 0 }));
    expect(zeros).not.toBe(guid.evaluate({}, { random: () => 0.5 }));
    expect(guid.evaluate({})).not.toBe(guid.evaluate({}));
  });
});
