import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/mapping/config-tree.js";
import { readValidJson } from "../../src/mapping/json-fast-tree.js";
import { readJsonTree, readJsonTreeWithMomoa } from "../../src/mapping/json-tree.js";

// The fast reader of valid JSON must give exactly the tree of the strict reader (momoa) — kinds,
// keys, values, spans, raw text — and must decline every text the strict reader reports a problem in,
// so that readJsonTree's diagnostics stay the strict reader's.

/** JSON whitespace only (space, tab, LF, CR), sometimes none. */
const gap = fc.stringMatching(/^[ \t\n\r]{0,3}$/);

/** JSON text of a value, with random whitespace between its tokens and escapes in its strings. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("null", "true", "false", "0", "-0", "1e3", "-12.5E-2", "123456789012345678901234"),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.string({ unit: "binary" }).map((s) => JSON.stringify(s)),
    fc.constantFrom('"\\u00e9\\n\\t\\"\\\\\\/"', '"\\ud800"', '"a\u2028b"', '"\u00a0"'),
    fc
      .array(fc.tuple(gap, tie("value"), gap), { maxLength: 4 })
      .chain((items) =>
        gap.map(
          (inside) => `[${items.length === 0 ? inside : items.map(([a, v, b]) => a + v + b).join(",")}]`,
        ),
      ),
    fc
      .uniqueArray(fc.tuple(gap, fc.string({ unit: "binary" }), gap, gap, tie("value"), gap), {
        maxLength: 4,
        selector: (entry) => entry[1],
      })
      .map(
        (entries) =>
          `{${entries.map(([a, k, b, c, v, d]) => `${a}${JSON.stringify(k)}${b}:${c}${v}${d}`).join(",")}}`,
      ),
  ),
})).value;

/** A valid text with one character deleted, replaced or inserted: mostly invalid JSON. */
const damaged = fc
  .tuple(
    jsonText,
    fc.nat(),
    fc.constantFrom("", ",", "]", "}", "{", '"', "\u0001", "\u00a0", "x", "/", "'", ":"),
    fc.boolean(),
  )
  .map(([text, at, char, replace]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + char + text.slice(replace ? i + 1 : i);
  });

describe("the fast JSON reader", () => {
  it("gives the strict reader's tree for valid JSON, surrounded by whitespace or behind a BOM", () => {
    fc.assert(
      fc.property(gap, jsonText, gap, fc.boolean(), (before, text, after, bom) => {
        const input = `${bom ? "\uFEFF" : ""}${before}${text}${after}`;
        const strict = readJsonTreeWithMomoa(input);
        expect(strict.problems).toEqual([]);
        expect(readJsonTree(input)).toEqual(strict);
        // The fast path really is taken: readJsonTree did not just fall back to momoa.
        expect(readValidJson(input.replace(/^\uFEFF/, " "))).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  it("declines every text the strict reader finds a problem in, and reports what momoa reports", () => {
    fc.assert(
      fc.property(damaged, (input) => {
        const strict = readJsonTreeWithMomoa(input);
        const fast = readValidJson(input.replace(/^\uFEFF/, " "));
        if (strict.problems.length > 0) expect(fast).toBeUndefined();
        else expect(fast).toEqual(strict.root);
        expect(readJsonTree(input)).toEqual(strict);
      }),
      { numRuns: 1000 },
    );
  });

  it("declines repeated keys, raw control characters, trailing text and nesting past the limit", () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '{"\\u0061": 1, "a": 2}',
      '["tab\there"]',
      "[1] x",
      "[1]\u00a0",
      "[1,]",
      "01",
      "",
      "[".repeat(MAX_NESTING + 1) + "]".repeat(MAX_NESTING + 1),
    ]) {
      expect(readValidJson(text), JSON.stringify(text.slice(0, 40))).toBeUndefined();
      expect(readJsonTree(text).problems.length, text.slice(0, 40)).toBeGreaterThan(0);
    }
    const deepest = "[".repeat(MAX_NESTING) + "]".repeat(MAX_NESTING);
    expect(readValidJson(deepest)).toEqual(readJsonTreeWithMomoa(deepest).root);
  });

  it("reads the shared fixtures as the strict reader does", () => {
    for (const name of ["entra-scim-schema.json", "users.json", "target-users.json"]) {
      const text = readFileSync(new URL(`../fixtures/shared/${name}`, import.meta.url), "utf8");
      expect(readValidJson(text), name).toBeDefined();
      expect(readJsonTree(text), name).toEqual(readJsonTreeWithMomoa(text));
    }
  });
});
