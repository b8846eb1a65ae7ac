import { describe, expect, it } from "vitest";
import { readAttribute } from "../../src/evaluator/attributes.js";
import { compile } from "../../src/evaluator/index.js";
import type { RoleList } from "../../src/functions/index.js";
import { failure } from "../helpers/errors.js";

const site = { name: "[a]", span: { start: 3, end: 6 } };
const read = (value: unknown) => readAttribute({ a: value }, "a", site);

describe("readAttribute: what the caller's attribute values become", () => {
  it("reads own properties only: a name of Object's prototype, or an inherited one, is absent", () => {
    expect(readAttribute({}, "toString", site)).toBeNull();
    expect(readAttribute(Object.create({ a: "x" }), "a", site)).toBeNull();
    expect(readAttribute({ a: "x" }, "b", site)).toBeNull();
  });

  it("keeps strings, booleans and bigints; null and undefined are absent", () => {
    expect(read("x")).toBe("x");
    expect(read("")).toBe("");
    expect(read(true)).toBe(true);
    expect(read(false)).toBe(false);
    expect(read(5n)).toBe(5n);
    expect(read(null)).toBeNull();
    expect(read(undefined)).toBeNull();
  });

  it("makes a safe integer a bigint and any other number its text", () => {
    expect(read(42)).toBe(42n);
    expect(read(-7)).toBe(-7n);
    expect(read(1.5)).toBe("1.5");
    expect(read(2 ** 60)).toBe(String(2 ** 60));
  });

  it("reads a Date, or a { kind: 'datetime', ticks } value, as a DateTime", () => {
    // 1970-01-01 is 621,355,968,000,000,000 ticks (100 ns) after 0001-01-01.
    expect(read(new Date(0))).toStrictEqual({ kind: "datetime", ticks: 621_355_968_000_000_000n });
    expect(read({ kind: "datetime", ticks: 5n })).toStrictEqual({ kind: "datetime", ticks: 5n });
  });

  it("keeps an array of strings as it is, without copying it", () => {
    const list = ["a", "b"];
    expect(read(list)).toBe(list);
    const empty: string[] = [];
    expect(read(empty)).toBe(empty);
  });

  it("makes an array of scalars their texts, leaving out null and undefined", () => {
    expect(read([1, null, "x", undefined, true])).toStrictEqual(["1", "x", "true"]);
  });

  it("makes an array holding a role object app-role assignments, strings as roles of that value", () => {
    expect(
      read([{ value: "Admin", displayName: "Administrator", id: "1" }, null, "User", undefined]),
    ).toStrictEqual({
      kind: "roles",
      roles: [
        { id: "1", value: "Admin", displayName: "Administrator" },
        { value: "User", displayName: "User" },
      ],
    });
  });

  it("leaves out of a role the id and displayName it does not have, and makes the others text", () => {
    const roles = (...items: unknown[]) => {
      const value = read(items);
      expect(value).toHaveProperty("kind", "roles");
      return (value as RoleList).roles;
    };
    expect(roles({ value: "A" })).toStrictEqual([{ value: "A" }]);
    expect(roles({ value: "A", id: null, displayName: null })).toStrictEqual([{ value: "A" }]);
    expect(roles({ value: "A", id: 7 })).toStrictEqual([{ id: "7", value: "A" }]);
    expect(roles({ value: "A", id: "x" })).toStrictEqual([{ id: "x", value: "A" }]);
    expect(roles({ value: "A", displayName: 8 })).toStrictEqual([{ value: "A", displayName: "8" }]);
    expect(roles({ value: "A", displayName: "d" })).toStrictEqual([{ value: "A", displayName: "d" }]);
    expect(roles({ value: 5, id: 1, displayName: 2 })).toStrictEqual([
      { id: "1", value: "5", displayName: "2" },
    ]);
  });

  it("refuses any other value with invalid-attribute-value at the reference, saying what it takes", () => {
    const refused = [
      {},
      { kind: "datetime", ticks: 5 },
      { kind: "other", ticks: 5n },
      Object.assign(() => undefined, { kind: "datetime", ticks: 5n }),
      Symbol("s"),
      [{ value: "A" }, 5],
      [{ value: "A" }, { displayName: "no value" }],
      [{ value: "A" }, { value: null }],
    ];
    for (const value of refused) {
      const error = failure(() => read(value));
      expect(error.code, String(typeof value)).toBe("invalid-attribute-value");
      expect(error.span).toStrictEqual({ start: 3, end: 6 });
      expect(error.message).toBe(
        "Attribute [a] holds a value provex cannot use; give a string, number, boolean, array of strings, or role objects { value, displayName?, id? }.",
      );
    }
  });
});

describe("an inherited string is never an attribute, whatever the object was before", () => {
  it("sees a prototype replaced between two evaluations of the same object", () => {
    const object: Record<string, unknown> = { b: "own" };
    for (const text of ["[b]", "Trim([b])"]) {
      // Each path reads an own string first (the object is plain), then [a] once the prototype holds one.
      Object.setPrototypeOf(object, Object.prototype);
      expect(compile(text).evaluate(object)).toBe("own");
      Object.setPrototypeOf(object, { a: "inherited" });
      expect(compile("[a]").evaluate(object)).toBeNull();
      expect(compile("Trim([a])").evaluate(object)).toBeNull();
      expect(readAttribute(object, "a", site)).toBeNull();
    }
  });
});
