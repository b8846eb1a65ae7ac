import { describe, expect, it } from "vitest";
import { compile, evaluate, render } from "../../src/evaluator/index.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import { FLOW_SKIPPED, isFlowSkipped, renderDateTime } from "../../src/functions/index.js";
import { READ_SITES } from "../../src/functions/read-sites.js";
import * as api from "../../src/index.js";
import { parse } from "../../src/parser/index.js";
import { failure } from "../helpers/errors.js";

describe("compile", () => {
  it("compiles once and evaluates many times", () => {
    const upn = compile('Join("@", ToLower([mailNickname]), "contoso.com")');
    expect(upn.evaluate({ mailNickname: "JSmith" })).toBe("jsmith@contoso.com");
    expect(upn.evaluate({ mailNickname: "Ada" })).toBe("ada@contoso.com");
    expect(upn.ast.kind).toBe("call");
  });

  it("throws invalid-expression with every diagnostic for syntax and check errors", () => {
    const syntax = failure(() => compile('Join(".", [a]'));
    expect(syntax.code).toBe("invalid-expression");
    expect(syntax.diagnostics.length).toBeGreaterThan(0);
    const checked = failure(() => compile("Jion([a])"));
    expect(checked.diagnostics.map((d) => d.code)).toEqual(["unknown-function"]);
    expect(checked.span).toEqual({ start: 0, end: 4 });
  });

  it("keeps warnings on the compiled expression", () => {
    const compiled = compile('join(".", [a])');
    expect(compiled.diagnostics.map((d) => d.code)).toEqual(["function-name-case"]);
    expect(compiled.evaluate({ a: "x" })).toBe("x");
  });

  it("accepts a tree and honours the dialect and schema options", () => {
    expect(compile(parse('Left("abc", 1)').ast).evaluate({})).toBe("a");
    expect(compile('Extract("a@b", "@")', { dialect: "provex" }).diagnostics).toEqual([]);
    expect(compile("[mail]", { schema: ["Mail"] }).diagnostics.map((d) => d.code)).toEqual([
      "attribute-name-case",
    ]);
  });

  it("refuses a tree with error nodes", () => {
    expect(failure(() => compile({ kind: "error", span: { start: 0, end: 1 } })).code).toBe("syntax-error");
  });
});

describe("values", () => {
  it('evaluates an expression that is exactly "" to null, but a nested "" to ""', () => {
    expect(evaluate('""', {})).toBeNull();
    expect(evaluate('Append("", "")', {})).toBe("");
  });

  it("reads attributes by own property only", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(evaluate(`IsNull([${name}])`, {})).toBe(true);
    }
    expect(evaluate("[constructor]", { constructor: "mine" })).toBe("mine");
  });

  it("reads only own strings of objects that are not plain, on every fast path", () => {
    // An object whose prototype supplies strings: a class instance's getters, or Object.create.
    const inherited = Object.assign(Object.create({ a: "inherited", b: "inherited" }), { b: "own" });
    const direct = compile("[a]");
    const join = compile('Join(".", [a], [b])');
    const joinBoth = compile('Join(".", [b], [b])');
    expect(direct.evaluate(inherited)).toBeNull();
    expect(join.evaluate(inherited)).toBe("own");
    expect(joinBoth.evaluate(inherited)).toBe("own.own");
    // The same expressions on a plain object right after, and before again (remembered objects).
    expect(join.evaluate({ a: "Ada", b: "Lovelace" })).toBe("Ada.Lovelace");
    expect(direct.evaluate({ a: "Ada" })).toBe("Ada");
    expect(join.evaluate(inherited)).toBe("own");
    class User {
      get a() {
        return "getter";
      }
      b = "field";
    }
    const user = new User() as unknown as Record<string, unknown>;
    expect(join.evaluate(user)).toBe("field");
    expect(direct.evaluate(user)).toBeNull();
    // Lists too: an inherited list reads as absent, an own one (plain or not) as itself.
    const count = compile("Count([list])");
    const roles = compile("AppRoleAssignmentsComplex([list])");
    const carrying = Object.create({ list: ["x", "y"] });
    expect(count.evaluate(carrying)).toBe(0n);
    expect(compile("[list]").evaluate(carrying)).toBeNull();
    expect(compile("[list]").evaluate({ list: ["x", "y"] })).toEqual(["x", "y"]);
    expect(roles.evaluate(carrying)).toBeNull();
    expect(count.evaluate({ list: ["x", "y"] })).toBe(2n);
    expect(count.evaluate(Object.assign(Object.create({ list: ["z"] }), { list: ["x", "y"] }))).toBe(2n);
    expect(count.evaluate(Object.assign(Object.create(null), { list: ["x"] }))).toBe(1n);
    expect(render(roles.evaluate({ list: [{ value: "Admin" }, "User"] }))).toEqual(["Admin", "User"]);
    // Null-prototype objects are plain: their strings are all their own.
    const bare = Object.assign(Object.create(null), { a: "x", b: "y" });
    expect(join.evaluate(bare)).toBe("x.y");
  });

  it("reads only own strings in Join's whole-expression entry, at every one of its read sites", () => {
    // Each pair of attribute names takes the next of READ_SITES identical read sites: check them all,
    // one more (sharing), and the first pair compiled again (reusing its site).
    for (let copy = 0; copy <= READ_SITES + 1; copy++) {
      const suffix = copy === READ_SITES + 1 ? "0" : String(copy);
      const [a, b] = [`a${suffix}`, `b${suffix}`];
      const join = compile(`Join(".", [${a}], [${b}])`);
      /** An object with these keys renamed to this pair's names, over `prototype`. */
      const shaped = (prototype: object | null, own: { a?: unknown; b?: unknown }) => {
        const object = Object.create(prototype) as Record<string, unknown>;
        if ("a" in own) object[a] = own.a;
        if ("b" in own) object[b] = own.b;
        return object;
      };
      const carrying = shaped(Object.prototype, { a: "inherited", b: "inherited" });
      expect(join.evaluate(shaped(carrying, { a: "own" }))).toBe("own");
      expect(join.evaluate(shaped(carrying, { b: "own" }))).toBe("own");
      expect(join.evaluate(shaped(carrying, {}))).toBe("");
      // A prototype that carries only one of the two, the other absent everywhere.
      expect(join.evaluate(shaped(shaped(Object.prototype, { a: "inherited" }), {}))).toBe("");
      expect(join.evaluate(shaped(shaped(Object.prototype, { b: "inherited" }), { a: "x" }))).toBe("x");
      // Null-prototype objects, one side absent.
      expect(join.evaluate(shaped(null, { b: "y" }))).toBe("y");
      expect(join.evaluate(shaped(null, { a: "x" }))).toBe("x");
      expect(join.evaluate(shaped(null, {}))).toBe("");
      // No attributes at all, and values that are not strings (the general rules).
      expect(join.evaluate(null)).toBe("");
      expect(join.evaluate(undefined)).toBe("");
      expect(join.evaluate({ [a]: 1, [b]: true })).toBe("1.True");
      expect(join.evaluate({ [a]: ["x", "y"], [b]: "z" })).toBe("x.y.z");
      expect(join.evaluate({ [a]: "", [b]: "z" })).toBe("z");
      expect(join.evaluate({ [a]: "Ada", [b]: "Lovelace" })).toBe("Ada.Lovelace");
      // Getters run once each, first source first.
      const order: string[] = [];
      const getter = (name: string, value: string) => ({
        enumerable: true,
        get: () => {
          order.push(name);
          return value;
        },
      });
      const watched = Object.defineProperties({}, { [a]: getter("a", "x"), [b]: getter("b", "y") });
      expect(join.evaluate(watched)).toBe("x.y");
      expect(order).toEqual(["a", "b"]);
    }
    // Object.prototype's members are never attributes; own ones named alike are.
    const members = compile('Join(".", [constructor], [toString])');
    expect(members.evaluate({})).toBe("");
    expect(members.evaluate({ constructor: "c" })).toBe("c");
    expect(members.evaluate({ constructor: "c", toString: "t" })).toBe("c.t");
  });

  it("evaluates re-entrantly: a getter that evaluates the same expression sees its own object", () => {
    // Each Trim reads the attributes from the shared state, after the getter of [b] has run.
    const join = compile('Join(".", Trim([b]), Trim([a]))');
    const direct = compile("[b]");
    const outer = {
      a: "outer",
      get b() {
        return `${join.evaluate({ a: "inner", b: "x" })}|${direct.evaluate({ b: "y" })}`;
      },
    };
    expect(join.evaluate(outer)).toBe("x.inner|y.outer");
    expect(direct.evaluate(outer)).toBe("x.inner|y");
    // After a failure inside, the expression evaluates the next object correctly.
    const failing = compile('Join(".", [a], Item([list], 5))');
    expect(failure(() => failing.evaluate({ a: "x", list: ["one"] })).code).toBe("item-out-of-range");
    expect(failing.evaluate({ a: "x", list: ["1", "2", "3", "4", "5"] })).toBe("x.5");
  });

  it("converts attribute values: numbers to exact integers, arrays, role objects, dates", () => {
    expect(evaluate("[n]", { n: 42 })).toBe(42n);
    expect(evaluate("[n]", { n: 1.5 })).toBe("1.5");
    expect(evaluate("[n]", { n: 129699324000000000n })).toBe(129699324000000000n);
    expect(evaluate("[b]", { b: false })).toBe(false);
    expect(evaluate("[m]", { m: ["a", 1, null] })).toEqual(["a", "1"]);
    expect(render(evaluate("[d]", { d: new Date(Date.UTC(2021, 6, 2, 15, 33, 38)) }))).toBe(
      "7/2/2021 3:33:38 PM",
    );
    expect(render(evaluate("[r]", { r: [{ value: "Admin", id: "1" }, "User"] }))).toEqual(["Admin", "User"]);
    expect(failure(() => evaluate("Left([o], 1)", { o: { some: "object" } })).code).toBe(
      "invalid-attribute-value",
    );
  });

  it("keeps integers exact beyond 2^53", () => {
    expect(render(evaluate("[n]", { n: "9223372036854775807" }))).toBe("9223372036854775807");
    expect(evaluate("9223372036854775807 > 9223372036854775806", {})).toBe(true);
  });
});

describe("render", () => {
  it("renders every kind of value", () => {
    expect(render(null)).toBeNull();
    expect(render(FLOW_SKIPPED)).toBeNull();
    expect(render("x")).toBe("x");
    expect(render(true)).toBe("True");
    expect(render(false)).toBe("False");
    expect(render(-12n)).toBe("-12");
    expect(render(["a", "b"])).toEqual(["a", "b"]);
    expect(render({ kind: "roles", roles: [{ value: "Admin" }] })).toEqual(["Admin"]);
  });

  it("renders DateTime as M/d/yyyy h:mm:ss tt in UTC", () => {
    const ticks = (iso: string) => BigInt(Date.parse(iso)) * 10_000n + 621_355_968_000_000_000n;
    expect(renderDateTime({ kind: "datetime", ticks: ticks("2012-01-01T23:00:00Z") })).toBe(
      "1/1/2012 11:00:00 PM",
    );
    expect(renderDateTime({ kind: "datetime", ticks: ticks("2020-03-16T00:05:09Z") })).toBe(
      "3/16/2020 12:05:09 AM",
    );
    expect(renderDateTime({ kind: "datetime", ticks: ticks("1601-01-01T12:00:00Z") })).toBe(
      "1/1/1601 12:00:00 PM",
    );
    expect(renderDateTime({ kind: "datetime", ticks: 0n })).toBe("1/1/0001 12:00:00 AM");
  });

  it("tells the flow-skipped result apart", () => {
    expect(isFlowSkipped(evaluate("IgnoreFlowIfNullOrEmpty([x])", {}))).toBe(true);
    expect(isFlowSkipped(null)).toBe(false);
  });
});

describe("evaluation errors", () => {
  it("carry the span of the failing call, not of the whole expression", () => {
    const text = 'Join(",", "a", Item([p], 5))';
    const error = failure(() => evaluate(text, { p: ["x"] }));
    expect(error.code).toBe("item-out-of-range");
    expect(error.span).toEqual({ start: text.indexOf("Item"), end: text.length - 1 });
  });

  it("are raised at evaluation even when the arguments are constant (no folding of failures)", () => {
    const compiled = compile('Item("a", 2)');
    expect(failure(() => compiled.evaluate({})).code).toBe("item-out-of-range");
  });

  it("come from the context's randomness only when it is called (laziness)", () => {
    let draws = 0;
    const random = () => {
      draws++;
      return 0.5;
    };
    compile("IIF(IsPresent([a]), [a], Guid())").evaluate({ a: "x" }, { random });
    expect(draws).toBe(0);
    compile("IIF(IsPresent([a]), [a], Guid())").evaluate({}, { random });
    expect(draws).toBe(16);
  });
});

describe("public API", () => {
  it("exports the contract's names from src/index.ts", () => {
    for (const name of [
      "check",
      "compile",
      "evaluate",
      "render",
      "isFlowSkipped",
      "functions",
      "parse",
      "graphParameterKeys",
    ]) {
      expect(api, name).toHaveProperty(name);
    }
    expect(
      api.render(
        api.evaluate('Join(".", [givenName], [surname])', { givenName: "Ada", surname: "Lovelace" }),
      ),
    ).toBe("Ada.Lovelace");
  });
});

describe("deeply nested trees built by programs", () => {
  it("fail with nesting-too-deep instead of overflowing the stack", () => {
    let ast: import("../../src/parser/index.js").Expression = {
      kind: "string",
      value: "x",
      span: { start: 0, end: 3 },
    };
    for (let depth = 0; depth < 100_000; depth++) {
      ast = {
        kind: "call",
        name: "Trim",
        nameSpan: { start: 0, end: 4 },
        arguments: [ast],
        span: { start: 0, end: 3 },
      };
    }
    expect(failure(() => compile(ast)).code).toBe("nesting-too-deep");
  });
});

describe("compile: the diagnostics it keeps and the error it throws", () => {
  it("merges the parse and check diagnostics in source order", () => {
    const text = 'join(".", [a], InStr([b], "x", 1, vbtextcompare))';
    expect(compile(text).diagnostics.map((d) => [d.code, d.span.start])).toEqual([
      ["function-name-case", 0],
      ["constant-name-case", text.indexOf("vbtextcompare")],
    ]);
  });

  it("orders diagnostics by start, then by end, the parse diagnostics first among equals", () => {
    const diagnostics = failure(() => compile("Left(vbtextcompare)")).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ["arity", 0, 19],
      ["constant-name-case", 5, 18],
      ["argument-kind", 5, 18],
    ]);
  });

  it("reports a direct mapping's unusable value at the reference", () => {
    const error = failure(() => compile("[a]").evaluate({ a: {} }));
    expect(error.code).toBe("invalid-attribute-value");
    expect(error.span).toEqual({ start: 0, end: 3 });
  });

  it("has no parse diagnostics when given a tree", () => {
    expect(compile(parse('Join(".", [a])').ast).diagnostics).toEqual([]);
  });

  it("throws the first error's message, counting the others", () => {
    expect(failure(() => compile("Jion([a])")).message).toBe("Unknown function Jion; did you mean Join?");
    const two = failure(() => compile("Jion(Lft([a]))"));
    expect(two.message).toBe("Unknown function Jion; did you mean Join? (and 1 more)");
    expect(two.span).toEqual({ start: 0, end: 4 });
    expect(failure(() => compile("Jion(Lft([a]), Mdd([b]))")).message).toBe(
      "Unknown function Jion; did you mean Join? (and 2 more)",
    );
  });
});

describe("walkEvaluate (the oracle of the compiled evaluator's property test)", () => {
  it("fails an unknown function at its name, a syntax error where it is, an unusable value at the reference", () => {
    const unknown = failure(() => walkEvaluate(parse("Jion([a])").ast, {}));
    expect([unknown.code, unknown.message, unknown.span]).toEqual([
      "unknown-function",
      "Unknown function Jion.",
      { start: 0, end: 4 },
    ]);
    const syntax = failure(() => walkEvaluate(parse("[a] = ").ast, {}));
    expect([syntax.code, syntax.message, syntax.span]).toEqual([
      "syntax-error",
      "The expression has syntax errors.",
      { start: 5, end: 5 },
    ]);
    expect(failure(() => walkEvaluate(parse("[a]").ast, { a: {} })).span).toEqual({ start: 0, end: 3 });
  });
});

describe("the bare constants' values", () => {
  it("True and False are booleans, the compare modes VBA's numbers, the encodings their names", () => {
    expect(evaluate('IIF(True, "a", "b")')).toBe("a");
    expect(evaluate('IIF(False, "a", "b")')).toBe("b");
    expect(evaluate('InStr("aB", "b", 1, vbTextCompare)')).toBe(2n);
    expect(evaluate('InStr("aB", "b", 1, vbBinaryCompare)')).toBe(0n);
    expect(evaluate('ConvertFromBase64("YQBiAA==", Unicode)')).toBe("ab");
    expect(evaluate('ConvertFromBase64("YWI=", UTF8)')).toBe("ab");
    expect(evaluate('ConvertFromBase64("YWI=", ASCII)')).toBe("ab");
  });
});
