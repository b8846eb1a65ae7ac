import type { TokenType } from "chevrotain";
import * as t from "../lexer/tokens.js";

// LL(1) decisions of the grammar as tables indexed by a token's `tokenTypeIdx`, for the fast parser's
// shortcuts (grammar.ts): the same choices Chevrotain's lookahead makes from the grammar's first sets,
// made by one array read instead of a lookahead-function call. A test holds the fast parser to the
// results of the recovering one, which takes every decision through Chevrotain itself.

function tableOf(select: (type: TokenType, categories: readonly TokenType[]) => number): number[] {
  const table: number[] = [];
  for (const type of t.allTokens) {
    const value = select(type, type.CATEGORIES ?? []);
    if (value !== 0 && type.tokenTypeIdx !== undefined) table[type.tokenTypeIdx] = value;
  }
  return table;
}

/** What a token is as the first of an operand (0 when it cannot begin one). */
export const OPERAND_ATTRIBUTE = 1;
export const OPERAND_STRING = 2;
export const OPERAND_NUMBER = 3;
export const OPERAND_NAME = 4;
export const OPERAND_START = tableOf((type, categories) =>
  categories.includes(t.AttributeToken)
    ? OPERAND_ATTRIBUTE
    : categories.includes(t.StringToken)
      ? OPERAND_STRING
      : categories.includes(t.NumberToken)
        ? OPERAND_NUMBER
        : type === t.Identifier
          ? OPERAND_NAME
          : 0,
);

/**
 * Tokens that can begin a tail of `expression` (1): a comparison operator, a word (AND/OR) or a Connect
 * operator. A superset of what the tails' own lookahead accepts is all it must be.
 */
export const TAIL_START = tableOf((type, categories) =>
  type === t.Identifier || type === t.UnsupportedOperator || categories.includes(t.ComparisonOperator)
    ? 1
    : 0,
);

/** Tokens that are skipped with a diagnostic inside an argument list (1). */
export const STRAY = tableOf((_, categories) => (categories.includes(t.StrayToken) ? 1 : 0));

export const LPAREN = t.LParen.tokenTypeIdx as number;
export const RPAREN = t.RParen.tokenTypeIdx as number;
export const COMMA = t.Comma.tokenTypeIdx as number;
