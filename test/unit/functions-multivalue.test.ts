import { describe, expect, it } from "vitest";
import { compile, evaluate, render } from "../../src/evaluator/index.js";
import { isRoleList } from "../../src/functions/index.js";
import { failure } from "../helpers/errors.js";

const show = (text: string, attributes: Record<string, unknown> = {}) => render(evaluate(text, attributes));

const proxies = { p: ["SMTP:a@contoso.com", "smtp:b@contoso.com", "SMTP:a@contoso.com"] };

describe("Count", () => {
  it("counts values; a single value is 1 and null is 0", () => {
    expect(evaluate("Count([p])", proxies)).toBe(3n);
    expect(evaluate("Count([p])", { p: "one" })).toBe(1n);
    expect(evaluate("Count([p])", {})).toBe(0n);
  });
});

describe("Item", () => {
  it("is 1-based", () => expect(show("Item([p], 2)", proxies)).toBe("smtp:b@contoso.com"));
  it("fails with item-out-of-range below 1 or past the end, with the call's span", () => {
    for (const index of [0, 4, -1]) {
      const text = `Item([p], ${index})`;
      const error = failure(() => evaluate(text, proxies));
      expect(error.code).toBe("item-out-of-range");
      expect(error.span).toEqual({ start: 0, end: text.length });
    }
  });
  it("gives null for a null attribute", () => expect(show("Item([p], 1)")).toBeNull());
});

describe("Join", () => {
  it("joins with the separator, skipping null and empty sources", () => {
    expect(show('Join(", ", "", [surname], [givenName])', { givenName: "John", surname: "Doe" })).toBe(
      "Doe, John",
    );
    expect(show('Join(".", [a], [b], [c])', { a: "x", c: "z" })).toBe("x.z");
  });
  it("skips every empty source, whichever of two or three sources it is", () => {
    // Each combination of empty and non-empty sources, against the rule itself (filter, then join).
    for (let mask = 0; mask < 8; mask++) {
      const values = ["x", "y", "z"].map((value, index) => ((mask >> index) & 1 ? value : ""));
      const expected = values.filter((value) => value !== "").join("-");
      const [a, b, c] = values;
      expect(show('Join("-", [a], [b], [c])', { a, b, c }), values.join("|")).toBe(expected);
      expect(show('Join("-", [a], [b])', { a, b }), values.join("|")).toBe(
        [a, b].filter((value) => value !== "").join("-"),
      );
      // Nested, so through the evaluation state rather than the whole-expression entry.
      expect(show('ToLower(Join("-", [a], [b]))', { a, b }), values.join("|")).toBe(
        [a, b].filter((value) => value !== "").join("-"),
      );
    }
  });
  it("flattens multi-valued sources and renders numbers", () => {
    expect(show('Join(";", [p], 1000)', { p: ["a", "", "b"] })).toBe("a;b;1000");
  });
  it('gives "" when every source is skipped, and treats a null separator as ""', () => {
    expect(show('Join(".", [a])')).toBe("");
    expect(show('Join([sep], "a", "b")')).toBe("ab");
  });
});

describe("Split", () => {
  it("splits without trimming", () => {
    expect(show('Split([x], ",")', { x: "PermissionSetOne, PermissionSetTwo" })).toEqual([
      "PermissionSetOne",
      " PermissionSetTwo",
    ]);
  });
  it("keeps empty parts, returns the whole text for an empty delimiter, null for null", () => {
    expect(show('Split("a,,b", ",")')).toEqual(["a", "", "b"]);
    expect(show('Split("abc", "")')).toEqual(["abc"]);
    expect(show('Split([x], ",")')).toBeNull();
  });
});

describe("RemoveDuplicates", () => {
  it("keeps the first occurrence, ordinally", () => {
    expect(show("RemoveDuplicates([p])", proxies)).toEqual(["SMTP:a@contoso.com", "smtp:b@contoso.com"]);
    expect(show("RemoveDuplicates([p])", { p: ["a", "A", "a"] })).toEqual(["a", "A"]);
    expect(show("RemoveDuplicates([p])")).toBeNull();
  });
});

describe("app roles", () => {
  const roles = [
    { id: "r1", value: "Admin", displayName: "Administrator" },
    { id: "r2", value: "User", displayName: "User" },
  ];
  it("SingleAppRoleAssignment returns the one role's value, null for none", () => {
    expect(show("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: ["Admin"] })).toBe(
      "Admin",
    );
    expect(show("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: [roles[0]] })).toBe(
      "Admin",
    );
    expect(show("SingleAppRoleAssignment([appRoleAssignments])", { appRoleAssignments: [] })).toBeNull();
    expect(show("SingleAppRoleAssignment([appRoleAssignments])")).toBeNull();
  });
  it("SingleAppRoleAssignment fails with single-app-role-multiple for several roles", () => {
    const error = failure(() => evaluate("SingleAppRoleAssignment([r])", { r: roles }));
    expect(error.code).toBe("single-app-role-multiple");
    expect(error.span).toEqual({ start: 0, end: 28 });
  });
  it("AppRoleAssignmentsComplex and the assertive form yield role objects with their PATCH mode", () => {
    const complex = evaluate("AppRoleAssignmentsComplex([r])", { r: roles });
    const assertive = evaluate("AssertiveAppRoleAssignmentsComplex([r])", { r: ["User", "Test"] });
    if (!complex || !isRoleList(complex) || !assertive || !isRoleList(assertive))
      throw new Error("expected roles");
    expect(complex.roles).toEqual(roles);
    expect(complex.patch).toBe("add");
    expect(assertive.roles).toEqual([
      { value: "User", displayName: "User" },
      { value: "Test", displayName: "Test" },
    ]);
    expect(assertive.patch).toBe("replace");
    expect(render(complex)).toEqual(["Admin", "User"]);
  });
});

describe("Guid and RandomString", () => {
  const counter = () => {
    let n = 0;
    return () => (((n++ * 0.6180339887) % 1) + 1) % 1;
  };
  it("Guid is lower-case 8-4-4-4-12, version 4, and reproducible from the context", () => {
    const guid = compile("Guid()");
    const first = guid.evaluate({}, { random: counter() });
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guid.evaluate({}, { random: counter() })).toBe(first);
    expect(guid.evaluate({})).not.toBe(guid.evaluate({}));
  });
  it("RandomString meets every minimum and avoids characters", () => {
    for (let seed = 0; seed < 20; seed++) {
      const value = String(compile('RandomString(10, 2, 2, 2, 1, "?,0")').evaluate({}));
      expect(value).toHaveLength(10);
      expect(value.replace(/[^0-9]/g, "").length).toBeGreaterThanOrEqual(2);
      expect(value.replace(/[^A-Z]/g, "").length).toBeGreaterThanOrEqual(2);
      expect(value.replace(/[^a-z]/g, "").length).toBeGreaterThanOrEqual(1);
      expect(value.replace(/[A-Za-z0-9]/g, "").length).toBeGreaterThanOrEqual(2);
      expect(value).not.toMatch(/[?,0]/);
    }
  });
  it("RandomString rejects impossible requests with random-string-invalid", () => {
    for (const text of [
      "RandomString(3, 1, 1, 1, 1)",
      "RandomString(257, 0, 0, 0, 0)",
      "RandomString(0, 0, 0, 0, 0)",
      'RandomString(4, 1, 0, 0, 0, "0123456789")',
    ]) {
      expect(failure(() => evaluate(text, {})).code, text).toBe("random-string-invalid");
    }
  });
});

describe("ConvertToBase64 and ConvertToUTF8Hex", () => {
  it("encode UTF-16LE as Base64 and UTF-8 as upper-case hex", () => {
    expect(show('ConvertToBase64("Hello world!")')).toBe("SABlAGwAbABvACAAdwBvAHIAbABkACEA");
    expect(show('ConvertToUTF8Hex("Hello world!")')).toBe("48656C6C6F20776F726C6421");
    expect(show("ConvertToBase64([s])", { s: "é€😀" })).toBe("6QCsID3YAN4=");
    expect(show("ConvertToUTF8Hex([s])", { s: "é€" })).toBe("C3A9E282AC");
  });
  it("round-trip through ConvertFromBase64", () => {
    expect(show("ConvertFromBase64(ConvertToBase64([s]))", { s: "Zoë 😀" })).toBe("Zoë 😀");
  });
  it("give null for null and reject several values", () => {
    expect(show("ConvertToBase64([x])")).toBeNull();
    expect(show("ConvertToUTF8Hex([x])")).toBeNull();
    expect(failure(() => evaluate("ConvertToUTF8Hex([l])", { l: ["a", "b"] })).code).toBe(
      "multi-valued-argument",
    );
  });
});

describe("ConvertFromBase64, DNComponent, StringFromSid", () => {
  it("decodes UTF-16LE by default, UTF8 and ASCII on request", () => {
    expect(show('ConvertFromBase64("SABlAGwAbABvACAAdwBvAHIAbABkACEA")')).toBe("Hello world!");
    expect(show('ConvertFromBase64("SGVsbG8gd29ybGQh", UTF8)')).toBe("Hello world!");
    expect(show('ConvertFromBase64("SGk=", ASCII)')).toBe("Hi");
    expect(show("ConvertFromBase64([x])")).toBeNull();
    expect(failure(() => evaluate('ConvertFromBase64("***")', {})).code).toBe("invalid-base64");
    // .NET's Convert.FromBase64String needs padding to a multiple of four characters.
    expect(failure(() => evaluate('ConvertFromBase64("SGk")', {})).code).toBe("invalid-base64");
    const error = failure(() => evaluate('Left(ConvertFromBase64("SGk=", [e]), 1)', { e: "EBCDIC" }));
    expect(error.code).toBe("invalid-encoding");
    expect(error.span).toEqual({ start: 5, end: 35 });
  });
  it("DNComponent returns the Nth component's value, null out of range", () => {
    const dn = { dn: "cn=Joe\\, Jr,ou=Sales, dc=contoso,dc=com" };
    expect(show("DNComponent([dn], 1)", dn)).toBe("Joe\\, Jr");
    expect(show("DNComponent([dn], 2)", dn)).toBe("Sales");
    expect(show("DNComponent([dn], 3)", dn)).toBe("contoso");
    expect(show("DNComponent([dn], 9)", dn)).toBeNull();
    expect(show("DNComponent([dn], 1)")).toBeNull();
  });
  it("StringFromSid formats a binary SID given as Base64", () => {
    expect(show('StringFromSid("AQUAAAAAAAUVAAAAoGXPfnhLm1/nfIdwUAQAAA==")')).toBe(
      "S-1-5-21-2127521184-1604012920-1887927527-1104",
    );
    expect(show('StringFromSid("AQEAAAAAAAEAAAAA")')).toBe("S-1-1-0");
    expect(failure(() => evaluate('StringFromSid("AQU=")', {})).code).toBe("invalid-sid");
  });
});

describe("null and argument rules shared by the builtins", () => {
  it("give null for a null main input", () => {
    for (const text of [
      "StripSpaces([x])",
      "NormalizeDiacritics([x])",
      "Redact([x])",
      "AppRoleAssignmentsComplex([x])",
      'ToUpper([x], "tr-TR")',
      "CBool([x])",
    ]) {
      expect(evaluate(text, {}), text).toBeNull();
    }
  });
  it("reject out-of-range modes and unknown encodings", () => {
    expect(failure(() => evaluate('InStr("a", "b", 1, [m])', { m: 5 })).code).toBe("argument-out-of-range");
    expect(failure(() => evaluate('ConvertFromBase64("SGk=", [e])', { e: "EBCDIC" })).code).toBe(
      "invalid-encoding",
    );
  });
});
