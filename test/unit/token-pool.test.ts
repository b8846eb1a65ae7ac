import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lexer/lexer.js";
import { TokenPool } from "../../src/lexer/token-pool.js";
import { Comma, Identifier } from "../../src/lexer/tokens.js";
import { parse } from "../../src/parser/index.js";
import { withoutSpans } from "../helpers/ast.js";

describe("the parser's token pool", () => {
  it("overwrites kept tokens on the next scan and lets go of the images the next scan did not reach", () => {
    const pool = new TokenPool(10);
    pool.begin();
    const first = [
      pool.token("abc", Identifier, 0, 1),
      pool.token("abc", Comma, 1, 2),
      pool.token("abc", Identifier, 2, 3),
    ];
    pool.end();
    expect(first.map((token) => token.image)).toEqual(["a", "b", "c"]);
    pool.begin();
    const again = pool.token("xyz", Comma, 2, 3);
    pool.end();
    expect(again).toBe(first[0]);
    expect(again).toMatchObject({
      image: "z",
      startOffset: 2,
      tokenType: Comma,
      tokenTypeIdx: Comma.tokenTypeIdx,
    });
    expect(first[1]?.image).toBe("");
    expect(first[2]?.image).toBe("");
  });

  it("keeps at most its limit of objects, and allocates the rest afresh", () => {
    const pool = new TokenPool(2);
    pool.begin();
    const first = [0, 1, 2].map((i) => pool.token("abc", Identifier, i, i + 1));
    pool.end();
    pool.begin();
    const second = [0, 1, 2].map((i) => pool.token("abc", Identifier, i, i + 1));
    pool.end();
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    expect(first[2]?.image).toBe("c");
  });

  it("never hands its tokens to tokenize's callers: their tokens survive later parses", () => {
    const { tokens } = tokenize('Join(",", [a], "b")');
    const before = tokens.map((token) => [token.image, token.startOffset, token.tokenType.name]);
    parse('Left([givenName], 1) = "x"');
    parse("Mid([x], 2, 3)");
    expect(tokens.map((token) => [token.image, token.startOffset, token.tokenType.name])).toEqual(before);
  });

  it("gives the same tree whatever was parsed before, long or short", () => {
    const small = 'IIF([country] = "USA", Join(".", [givenName], [surname]), "x")';
    const expected = withoutSpans(parse(small).ast);
    const spans = JSON.stringify(parse(small), (_, v) => (typeof v === "bigint" ? `${v}` : v));
    parse(`Join(",", ${Array.from({ length: 5000 }, (_, i) => `[a${i}]`).join(", ")})`);
    expect(withoutSpans(parse(small).ast)).toEqual(expected);
    expect(JSON.stringify(parse(small), (_, v) => (typeof v === "bigint" ? `${v}` : v))).toBe(spans);
  });
});
