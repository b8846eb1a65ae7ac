import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig } from "../../src/index.js";
import {
  addSecretTexts,
  REDACTED,
  readsSecret,
  redactTexts,
  secretAttributesOf,
} from "../../src/mapping/redaction.js";
import { parse } from "../../src/parser/index.js";

/**
 * The pieces of Redact's output boundary (SPEC Part 1 "Redact"), stated one by one: which attributes a
 * configuration makes secret, which expressions read a secret (the preview's mappings and `provex eval`),
 * the texts under which a secret value can show, and the scrub of a result. The leak tests of whole
 * previews are in mapping-redact.test.ts and test/property/redact.property.test.ts.
 */
function config(...expressions: string[]): MappingConfig {
  const loaded = loadConfig(
    [
      "mappings:",
      "  - { target: userName, attribute: userPrincipalName, match: 1 }",
      ...expressions.map((e, i) => `  - { target: a${i}, expression: '${e}' }`),
    ].join("\n"),
  );
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}
const secretsOf = (...expressions: string[]) => [...secretAttributesOf(config(...expressions))].sort();

describe("secretAttributesOf: the attributes read inside a Redact call", () => {
  it("only the attributes inside the call, at any depth, whatever the case of its name", () => {
    expect(secretsOf('Join(",", [plain], Redact(Join("-", [pw], Mid([pin], 1, 2))))')).toEqual(["pin", "pw"]);
    expect(secretsOf("REDACT([badge])", "redact([token])")).toEqual(["badge", "token"]);
  });

  it("a comparison inside Redact makes both sides secret; one outside keeps its other side plain", () => {
    expect(secretsOf('Redact(IIF([flag] = "1", [left], "x"))')).toEqual(["flag", "left"]);
    expect(secretsOf('IIF([plain] = Redact([pw]), "a", "b")')).toEqual(["pw"]);
  });

  it("a configuration without Redact has no secret attribute", () => {
    expect(secretsOf('Join(",", [pw], [redactedName])')).toEqual([]);
  });

  it("every object mapping counts, and a program-built configuration of any shape gives none", () => {
    const two = loadConfig(`objects:
  - name: Users
    source: User
    target: User
    mappings:
      - { target: userName, attribute: userPrincipalName, match: 1 }
  - name: Groups
    source: Group
    target: Group
    enabled: false
    mappings:
      - { target: displayName, expression: 'Redact([groupSecret])', match: 1 }
`);
    expect(two.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...secretAttributesOf(two)]).toEqual(["groupSecret"]);
    expect(secretAttributesOf({ objects: "none" } as unknown as MappingConfig).size).toBe(0);
    expect(secretAttributesOf({ objects: [{ mappings: "none" }] } as unknown as MappingConfig).size).toBe(0);
    expect(secretAttributesOf(undefined as unknown as MappingConfig).size).toBe(0);
    // An expression that is not text is no expression, even one whose text would say Redact.
    const listed = { objects: [{ mappings: [{ expression: ["Redact([pw])"] }] }] };
    expect(secretAttributesOf(listed as unknown as MappingConfig).size).toBe(0);
  });
});

describe("readsSecret: an expression whose values are secrets", () => {
  const secret = new Set(["pw"]);
  const reads = (text: string) => readsSecret(parse(text).ast, secret);

  it("reading a secret attribute anywhere, or calling Redact at all, even on a literal", () => {
    expect(reads('Join(",", [plain], ToLower([pw]))')).toBe(true);
    expect(reads('Redact("literal")')).toBe(true);
    expect(reads('Join(",", [plain], Redact("literal"))')).toBe(true);
    expect(reads('IIF(Redact("x") = "x", "a", "b")')).toBe(true);
    expect(reads('IIF("x" = Redact("x"), "a", "b")')).toBe(true);
  });

  it("an expression of plain attributes and literals, or no expression, reads none", () => {
    expect(reads('IIF([plain] = "x", ToLower([other]), "b")')).toBe(false);
    expect(reads('"Redact"')).toBe(false);
    expect(readsSecret(undefined, secret)).toBe(false);
  });
});

describe("addSecretTexts: every text under which a value could show", () => {
  const textsOf = (value: unknown) => {
    const into = new Set<string>();
    addSecretTexts(value, into);
    return [...into];
  };

  it("a string, a number's digits, a bigint's digits; not an empty string, a boolean or null", () => {
    expect(textsOf("S3CRET")).toEqual(["S3CRET"]);
    expect(textsOf(8675309)).toEqual(["8675309"]);
    expect(textsOf(12345678901234567890n)).toEqual(["12345678901234567890"]);
    expect(textsOf("")).toEqual([]);
    expect(textsOf(true)).toEqual([]);
    expect(textsOf(null)).toEqual([]);
    expect(textsOf(undefined)).toEqual([]);
  });

  it("each item of a list, and a role's value, display name and id (also inside a role list)", () => {
    expect(textsOf(["a1", ["b2", 3]])).toEqual(["a1", "b2", "3"]);
    expect(textsOf({ value: "V", displayName: "D", id: "I", other: "not shown" })).toEqual(["V", "D", "I"]);
    expect(textsOf({ roles: [{ value: "R1", displayName: "Role one", id: "r-1" }] })).toEqual([
      "R1",
      "Role one",
      "r-1",
    ]);
    expect(textsOf({ roles: "not a role list" })).toEqual([]);
  });
});

describe("redactTexts: the scrub of a result", () => {
  it("with no secret, the very same value comes back", () => {
    const value = { a: "x", b: [1] };
    expect(redactTexts(value, new Set())).toBe(value);
  });

  it("every occurrence in every string, keys included, in a deep copy", () => {
    const value = { "S3CRET-key": ["S3CRET", { deep: "pre S3CRET post S3CRET" }], plain: "kept" };
    const copy = redactTexts(value, new Set(["S3CRET"]));
    expect(copy).toStrictEqual({
      [`${REDACTED}-key`]: [REDACTED, { deep: `pre ${REDACTED} post ${REDACTED}` }],
      plain: "kept",
    });
    expect(value["S3CRET-key"][0]).toBe("S3CRET");
  });

  it("strings scrubbed one after the other: a secret late in one and early in the next are both hidden", () => {
    expect(redactTexts(["xxxxxxxxS3CRET", "S3CRET", "no", "S3CRET"], new Set(["S3CRET"]))).toStrictEqual([
      `xxxxxxxx${REDACTED}`,
      REDACTED,
      "no",
      REDACTED,
    ]);
  });

  it("the longest secret wins where one holds another: no tail of it is left", () => {
    expect(redactTexts("x ABCDEF x ABC", new Set(["ABC", "ABCDEF"]))).toBe(`x ${REDACTED} x ${REDACTED}`);
  });

  it("a secret's characters are literal, never a pattern", () => {
    const secret = "a.b*c+d?e^f$g{1}(h)|i[j]k\\l";
    expect(redactTexts(`<${secret}>`, new Set([secret]))).toBe(`<${REDACTED}>`);
    expect(redactTexts("1+1 is not 11; a.b is not axb", new Set(["1+1", "a.b"]))).toBe(
      `${REDACTED} is not 11; ${REDACTED} is not axb`,
    );
  });

  it("a number whose digits are a secret becomes [Redact]; other numbers, booleans and null stay", () => {
    expect(
      redactTexts({ pin: 8675309, other: 42, flag: true, none: null }, new Set(["8675309"])),
    ).toStrictEqual({ pin: REDACTED, other: 42, flag: true, none: null });
  });

  it("a key __proto__ stays an own data key of the copy", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "S3CRET"}}') as object;
    const copy = redactTexts(hostile, new Set(["S3CRET"])) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toStrictEqual({ polluted: REDACTED });
  });
});
