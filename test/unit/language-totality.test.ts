import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeActions,
  complete,
  diagnose,
  formatDocument,
  hover,
  semanticTokens,
  signatureHelp,
} from "../../src/language/index.js";

// Text an editor sees while someone types: fragments of the language glued in any order, cut anywhere.
const fragment = fc.constantFrom(
  "Join(",
  "Replace(",
  "Switch(",
  "IIF(",
  "InStr(",
  "jion(",
  "[",
  "]",
  "[givenName]",
  '"',
  '"x"',
  "\u201C",
  "'",
  ",",
  ", ,",
  ")",
  "(",
  " ",
  "\n",
  "=",
  "==",
  "<>",
  "&",
  "vbtextcompare",
  "True",
  "-12",
  "&HFF",
  "😀",
);
const text = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(""));
const textAndOffset = text.chain((value) =>
  fc.tuple(fc.constant(value), fc.integer({ min: 0, max: value.length })),
);
const options = { attributes: { givenName: "Ada" }, schema: ["givenName", "surname"] };

describe("language services on any half-typed text", () => {
  it("never throw, and every range they return lies inside the text", () => {
    fc.assert(
      fc.property(textAndOffset, ([value, offset]) => {
        const inside = (span: { start: number; end: number }) =>
          span.start >= 0 && span.start <= span.end && span.end <= value.length;
        for (const item of complete(value, offset, options)) expect(inside(item.range)).toBe(true);
        const help = signatureHelp(value, offset);
        if (help) expect(help.activeParameter).toBeLessThan(help.parameters.length);
        const found = hover(value, offset, options);
        if (found) expect(inside(found.span)).toBe(true);
        const diagnostics = diagnose(value, options);
        for (const action of codeActions(value, diagnostics, undefined, options)) {
          for (const edit of action.edits) expect(inside(edit.span)).toBe(true);
        }
        for (const token of semanticTokens(value))
          expect(token.start + token.length).toBeLessThanOrEqual(value.length);
        formatDocument(value);
      }),
      { numRuns: 500 },
    );
  });
});
