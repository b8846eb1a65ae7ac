import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { functions } from "../../../src/functions/index.js";
import { quoteString } from "../../../src/parser/index.js";
import { lintText, rule } from "./helpers.js";

/**
 * The rule side of positions: an expression is embedded in a configuration file with the file's
 * escapes, character by character, so the file offset of every expression character is known by
 * construction; a rule's finding must start and end at the file offsets of the expression characters
 * it names. (The loader side — that the loader traces each character — is the config-io tests'.)
 */
type Encoder = (unit: string) => string;

/** `wrap` writes the encoded value after `expression: `; `lead` is how many characters precede the value there. */
const encoders: Record<
  string,
  {
    encode: Encoder;
    wrap: (value: string) => string;
    lead?: number;
    json: boolean;
    accepts?: (e: string) => boolean;
  }
> = {
  json: { encode: (unit) => JSON.stringify(unit).slice(1, -1), wrap: (v) => `"${v}"`, json: true },
  // YAML double-quoted: JSON's escapes are YAML's too; some characters go as \x or \u escapes.
  "yaml double-quoted": {
    encode: (unit) => {
      const code = unit.charCodeAt(0);
      if (code === 0xe9) return "\\xe9";
      if (code === 0x2603) return "\\u2603";
      return JSON.stringify(unit).slice(1, -1);
    },
    wrap: (v) => `"${v}"`,
    json: false,
  },
  "yaml single-quoted": {
    encode: (unit) => (unit === "'" ? "''" : unit),
    wrap: (v) => `'${v}'`,
    json: false,
  },
  // A plain scalar holds the text as is, where YAML would not read it as something else.
  "yaml plain": {
    encode: (unit) => unit,
    wrap: (v) => v,
    lead: 0,
    json: false,
    accepts: (e) => !/: | #|\t|\s$/.test(e),
  },
  // Block scalars: the text as is, on an indented line of its own.
  "yaml literal": { encode: (unit) => unit, wrap: (v) => `|\n      ${v}`, lead: 8, json: false },
  "yaml folded": { encode: (unit) => unit, wrap: (v) => `>-\n      ${v}`, lead: 9, json: false },
};

/** The file and the file offset of each expression character (plus one past the end). */
function embed(expression: string, format: keyof typeof encoders): { text: string; offsets: number[] } {
  const { encode, wrap, json, lead = 1 } = encoders[format]!;
  const head = json
    ? `{"synchronizationRules": [{"id": "r", "objectMappings": [{"name": "Users", "sourceObjectName": "User", "targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:User", "attributeMappings": [\n  {"targetAttributeName": "userName", "source": {"type": "Attribute", "name": "userPrincipalName"}, "matchingPriority": 1},\n  {"targetAttributeName": "displayName", "source": {"type": "Function", "expression": `
    : `mappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n  - target: displayName\n    expression: `;
  const tail = json ? "}}\n]}]}]}\n" : "\n";
  const offsets: number[] = [];
  let body = "";
  for (const unit of expression) {
    // Iterating a string yields code points; offsets are per UTF-16 unit.
    for (let i = 0; i < unit.length; i++) {
      offsets.push(head.length + lead + body.length);
      body += encode(unit[i]!);
    }
  }
  offsets.push(head.length + lead + body.length);
  return { text: head + wrap(body) + tail, offsets };
}

// Text for string literals: quotes, backslashes, YAML indicators, non-ASCII (é, ☃, an astral emoji).
const literalText = fc.string({
  unit: fc.constantFrom("a", "Z", " ", '"', "\\", "'", "#", ":", "é", "☃", "😀", "[", "]", ",", "(", "\t"),
  maxLength: 12,
});
const unknownName = fc
  .stringMatching(/^Zq[a-z]{2,8}$/)
  .filter(
    (name) =>
      !functions.has(name) && ![...functions.keys()].some((k) => k.toLowerCase() === name.toLowerCase()),
  );
const format = fc.constantFrom(...(Object.keys(encoders) as (keyof typeof encoders)[]));

describe("finding positions inside escaped values", () => {
  it("unknown-function's span is exactly the function name in the file", () => {
    fc.assert(
      fc.property(literalText, literalText, unknownName, format, (before, after, name, where) => {
        const prefix = `Join(${quoteString(before)}, `;
        const expression = `${prefix}${name}(${quoteString(after)}), [givenName])`;
        fc.pre(encoders[where]!.accepts?.(expression) ?? true);
        const { text, offsets } = embed(expression, where);
        const findings = lintText(text, { rules: [rule("unknown-function")] });
        expect(findings.map((f) => f.span)).toEqual([
          { start: offsets[prefix.length], end: offsets[prefix.length + name.length] },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it("invalid-regex's span starts at the backslash of the backreference, through both levels of escapes", () => {
    fc.assert(
      fc.property(literalText, format, (before, where) => {
        // A pattern that is valid up to the backreference: the prefix is escaped for the regex.
        const safe = before.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
        const pattern = `(a)${safe}\\1`;
        const literal = quoteString(pattern);
        const head = "Replace([mobile], , ";
        const expression = `${head}${literal}, , "", , )`;
        fc.pre(encoders[where]!.accepts?.(expression) ?? true);
        // The backreference's backslash is the pattern's last-but-one character; in the literal it is
        // written as two backslashes, starting here:
        const inLiteral = literal.length - 1 - 3;
        const { text, offsets } = embed(expression, where);
        const [finding, ...rest] = lintText(text, { rules: [rule("invalid-regex")] });
        expect(rest).toEqual([]);
        expect(finding?.message).toMatch(/backreference/);
        expect(finding?.span.start).toBe(offsets[head.length + inLiteral]);
      }),
      { numRuns: 300 },
    );
  });
});
