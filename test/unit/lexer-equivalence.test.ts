import { Lexer } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanTokens } from "../../src/lexer/scan-tokens.js";
import { resetStringScanner } from "../../src/lexer/scanners.js";
import { allTokens } from "../../src/lexer/tokens.js";

// The token definitions in src/lexer/tokens.ts are the specification; the tokenizer the parser runs on
// (scan-tokens.ts) is written by hand for speed. A Chevrotain Lexer built from the definitions must
// agree with it on every text: the same tokens (type, image, offset, payload) and the same runs of
// unreadable characters.
const reference = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true });

function viaChevrotain(text: string) {
  try {
    const { tokens, errors } = reference.tokenize(text);
    return {
      tokens: tokens.map((token) => [token.tokenType.name, token.startOffset, token.image, token.payload]),
      errors: errors.map((error) => [error.offset, error.length]),
    };
  } finally {
    resetStringScanner();
  }
}

function viaScanner(text: string) {
  try {
    const { tokens, errors } = scanTokens(text);
    return {
      tokens: tokens.map((token) => [token.tokenType.name, token.startOffset, token.image, token.payload]),
      errors: errors.map((error) => [error.offset, error.length]),
    };
  } finally {
    resetStringScanner();
  }
}

const agree = (text: string): void => {
  const ours = viaScanner(text);
  const theirs = viaChevrotain(text);
  // Compared as JSON first: expect's deep equality is slow over 130,000 texts.
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours).toEqual(theirs);
};

// Every character class the definitions distinguish, and the pairs that make two-character tokens.
const pieces = [
  ..."\"'[]()<>=!&|+-*/,_aZ09#@.:;?{}~`^\\ \t\n\r\v\f",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u200a",
  "\u2028",
  "\u202f",
  "\u3000",
  "\ufeff",
  "\u0085",
  "\u180e",
  "\u201C",
  "\u201D",
  "\u201E",
  "\u00AB",
  "\u00BB",
  "\u2018",
  "\u2019",
  "é",
  "\u{1F600}",
  "\uD800",
  "&H",
  "&hF",
  "&H1g",
  "-1",
  "<>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "[a]",
  '[a[b "]"]]',
  '"x\\"y"',
  "Join",
  "vbTextCompare",
  "12",
];

describe("the hand-written tokenizer", () => {
  it("agrees with a Chevrotain Lexer built from the token definitions on generated text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join("")),
        agree,
      ),
      { numRuns: 20_000 },
    );
  });

  it("agrees on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), agree), { numRuns: 10_000 });
  });

  it("agrees on every character of the Basic Multilingual Plane, between spaces and inside a word", () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      agree(` ${c} `);
      agree(`a${c}1`);
    }
  });
});
