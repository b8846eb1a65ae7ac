import { describe, expect, it } from "vitest";
import { compile, evaluate, render } from "../../src/evaluator/index.js";
import { isFlowSkipped } from "../../src/functions/index.js";
import { failure } from "../helpers/errors.js";

const show = (text: string, attributes: Record<string, unknown> = {}) => render(evaluate(text, attributes));

describe("IIF", () => {
  it("selects a branch by a comparison", () => {
    const text = 'IIF([country] = "USA", [country], [department])';
    expect(show(text, { country: "USA", department: "Sales" })).toBe("USA");
    expect(show(text, { country: "Canada", department: "Sales" })).toBe("Sales");
  });
  it('accepts booleans and "True"/"False" text; null counts as false', () => {
    expect(show('IIF(IsPresent([a]), "yes", "no")', { a: "x" })).toBe("yes");
    expect(show('IIF([flag], "yes", "no")', { flag: "TRUE" })).toBe("yes");
    expect(show('IIF([flag], "yes", "no")')).toBe("no");
  });
  it("evaluates only the selected branch", () => {
    const text = 'IIF(IsPresent([a]), [a], Error("a is required"))';
    expect(show(text, { a: "v" })).toBe("v");
    expect(failure(() => evaluate(text, {})).code).toBe("user-error");
  });
  it("evaluates normally on an empty attribute (SPEC Part 1)", () => {
    expect(show('IIF([country] = "", "Other", [country])', { country: "" })).toBe("Other");
  });
  it("picks the branch of a constant condition, and still fails on an invalid constant one", () => {
    expect(show('IIF(1 = 1, "yes", Error("no"))')).toBe("yes");
    const error = failure(() => evaluate('IIF("maybe", "y", "n")', {}));
    expect(error.code).toBe("not-a-boolean");
    expect(error.span).toEqual({ start: 0, end: 22 });
  });
  it("rejects a condition that is not a boolean", () => {
    expect(failure(() => evaluate('IIF([a], "y", "n")', { a: "maybe" })).code).toBe("not-a-boolean");
  });
});

describe("Switch", () => {
  const states =
    'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")';
  it("returns the value of the first matching key, else the default", () => {
    expect(show(states, { state: "QLD" })).toBe("Australia/Brisbane");
    expect(show(states, { state: "VIC" })).toBe("Australia/Sydney");
  });
  it("compares ordinally and case-sensitively", () =>
    expect(show(states, { state: "qld" })).toBe("Australia/Sydney"));
  it('matches a "" key for both "" and null', () => {
    const text = 'Switch([x], [x], "", "Other")';
    expect(show(text, { x: "" })).toBe("Other");
    expect(show(text)).toBe("Other");
    expect(show(text, { x: "v" })).toBe("v");
  });
  it("gives null for an empty default", () =>
    expect(show('Switch([a], , "1", "one")', { a: "2" })).toBeNull());
  it("compares booleans as True/False", () => {
    expect(show('Switch(IsPresent([j]), "DefaultValue", "True", [j])', { j: "Eng" })).toBe("Eng");
  });
  it("lets the first of duplicate keys win, with constant and computed keys alike", () => {
    expect(show('Switch([a], "d", "k", "first", "k", "second")', { a: "k" })).toBe("first");
    expect(show('Switch([a], "d", [k], "first", [k], "second")', { a: "k", k: "k" })).toBe("first");
  });
  it("evaluates keys only up to the match and only the chosen value", () => {
    expect(show('Switch("a", Error("default"), "a", "A", Error("key"), Error("value"))')).toBe("A");
  });
});

describe("Coalesce", () => {
  it("returns the first non-null argument, with empty string counting as a value", () => {
    expect(show('Coalesce([a], [b], "d")', { b: "B" })).toBe("B");
    expect(show('Coalesce([a], [b], "d")', { a: "", b: "B" })).toBe("");
    expect(show('Coalesce([a], "d")')).toBe("d");
    expect(show("Coalesce([a], [b])")).toBeNull();
  });
  it("stops at the first non-null argument", () => expect(show('Coalesce("x", Error("late"))')).toBe("x"));
});

describe("SelectUniqueValue", () => {
  const text =
    'SelectUniqueValue(Join(".", [g], [s]), Join(".", Left([g], 1), [s]), Join(".", Left([g], 2), [s]))';
  const attributes = { g: "John", s: "Smith" };
  it("returns the first candidate the target does not hold", () => {
    const taken = new Set(["John.Smith"]);
    const seen: [string, string][] = [];
    const value = compile(text).evaluate(attributes, {
      targetAttribute: "userPrincipalName",
      exists: (target, candidate) => {
        seen.push([target, candidate]);
        return taken.has(candidate);
      },
    });
    expect(value).toBe("J.Smith");
    expect(seen).toEqual([
      ["userPrincipalName", "John.Smith"],
      ["userPrincipalName", "J.Smith"],
    ]);
  });
  it("treats everything as unique without an oracle", () =>
    expect(show(text, attributes)).toBe("John.Smith"));
  it("fails with select-unique-exhausted when every candidate exists", () => {
    const error = failure(() => compile(text).evaluate(attributes, { exists: () => true }));
    expect(error.code).toBe("select-unique-exhausted");
    expect(error.span).toEqual({ start: 0, end: text.length });
  });
  it("skips null and empty candidates", () => expect(show('SelectUniqueValue([a], "", "z")')).toBe("z"));
});

describe("IgnoreFlowIfNullOrEmpty", () => {
  it("yields the flow-skipped result for null and empty values", () => {
    expect(isFlowSkipped(evaluate("IgnoreFlowIfNullOrEmpty([d])", {}))).toBe(true);
    expect(isFlowSkipped(evaluate("IgnoreFlowIfNullOrEmpty([d])", { d: "" }))).toBe(true);
    expect(isFlowSkipped(evaluate("IgnoreFlowIfNullOrEmpty([d])", { d: [] }))).toBe(true);
    expect(render(evaluate("IgnoreFlowIfNullOrEmpty([d])", {}))).toBeNull();
  });
  it("passes other values through", () =>
    expect(show("IgnoreFlowIfNullOrEmpty([d])", { d: "Sales" })).toBe("Sales"));
});

describe("Error", () => {
  it("raises user-error with the message and the call's span", () => {
    const text = 'Left(Error("AccountName is required"), 2)';
    const error = failure(() => evaluate(text, {}));
    expect(error.code).toBe("user-error");
    expect(error.message).toBe("AccountName is required");
    expect(error.span).toEqual({ start: 5, end: 37 });
  });
});

describe("predicates and Not", () => {
  it("IsNull is true only for null", () => {
    expect(evaluate("IsNull([x])", {})).toBe(true);
    expect(evaluate("IsNull([x])", { x: "" })).toBe(false);
  });
  it("IsNullOrEmpty and IsPresent are each other's negation", () => {
    for (const x of [null, "", "a", [], ["a"]]) {
      expect(evaluate("IsNullOrEmpty([x])", { x })).toBe(!evaluate("IsPresent([x])", { x }));
    }
    expect(evaluate("IsNullOrEmpty([x])", { x: "" })).toBe(true);
  });
  it("IsString is true for single values only", () => {
    expect(evaluate("IsString([x])", { x: "a" })).toBe(true);
    expect(evaluate("IsString(5)", {})).toBe(true);
    expect(evaluate("IsString([x])", { x: ["a"] })).toBe(false);
    expect(evaluate("IsString([x])", {})).toBe(false);
  });
  it("Not gives False only for True (boolean or text in any case)", () => {
    expect(show("Not([s])", { s: "False" })).toBe("True");
    expect(show("Not([s])", { s: "true" })).toBe("False");
    expect(show("Not([s])", { s: true })).toBe("False");
    expect(show("Not([s])", {})).toBe("True");
    expect(show("Not([s])", { s: "abc" })).toBe("True");
  });
});

describe("CBool, CStr, BitAnd, Redact", () => {
  it("CBool converts booleans, True/False text and numbers", () => {
    expect(evaluate("CBool([a] = [b])", { a: "x", b: "x" })).toBe(true);
    expect(evaluate('CBool("false")', {})).toBe(false);
    expect(evaluate('CBool("0")', {})).toBe(false);
    expect(evaluate("CBool(-3)", {})).toBe(true);
    expect(evaluate("CBool([x])", {})).toBeNull();
    expect(failure(() => evaluate('CBool("abc")', {})).code).toBe("not-a-boolean");
  });
  it("CStr renders values as text", () => {
    expect(evaluate("CStr(42)", {})).toBe("42");
    expect(evaluate("CStr(IsNull([x]))", {})).toBe("True");
    expect(evaluate("CStr([x])", {})).toBeNull();
    expect(failure(() => evaluate("CStr([x])", { x: ["a", "b"] })).code).toBe("multi-valued-argument");
  });
  it("BitAnd works on hex, decimal and numeric strings, exactly beyond 2^53", () => {
    expect(evaluate("BitAnd(&HF, &HF7)", {})).toBe(7n);
    expect(evaluate('BitAnd("12", 4)', {})).toBe(4n);
    expect(evaluate("BitAnd(129699324000000001, 129699324000000001)", {})).toBe(129699324000000001n);
    expect(evaluate("BitAnd([x], 1)", {})).toBeNull();
  });
  it("Redact returns its argument", () => expect(show("Redact([p])", { p: "secret" })).toBe("secret"));
});

describe("comparison operators", () => {
  it("compare numbers and numeric strings numerically", () => {
    expect(evaluate('"10" > "9"', {})).toBe(true);
    expect(evaluate("[a] >= 5", { a: 5 })).toBe(true);
    expect(evaluate("-1 < 0", {})).toBe(true);
  });
  it("compare other text ordinally and case-sensitively", () => {
    expect(evaluate('"a" = "A"', {})).toBe(false);
    expect(evaluate('"B" < "a"', {})).toBe(true);
    expect(evaluate('"abc" <> "abd"', {})).toBe(true);
    expect(evaluate('"b" <= "b"', {})).toBe(true);
  });
  it("compare booleans as True/False and null as empty", () => {
    expect(evaluate('IsNull([x]) = "True"', {})).toBe(true);
    expect(evaluate('[x] = ""', {})).toBe(true);
  });
  it("reject multi-valued operands", () => {
    expect(failure(() => evaluate('[x] = "a"', { x: ["a"] })).code).toBe("multi-valued-argument");
  });
});
