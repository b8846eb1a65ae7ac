import type { IToken } from "chevrotain";
import type { Span } from "../diagnostics/index.js";
import { tokenize } from "../lexer/index.js";
import * as t from "../lexer/tokens.js";

/** The call whose argument list holds a position, as far as the text before the position tells. */
export interface EnclosingCall {
  /** The function name as written, or undefined for a parenthesis that follows no name. */
  readonly name: string | undefined;
  readonly nameSpan: Span | undefined;
  /** The argument position (0-based), counting empty arguments between commas. */
  readonly argumentIndex: number;
}

/** Where a position sits relative to the tokens, which decides what completion offers. */
export type TokenPlace =
  | {
      readonly kind: "attribute";
      readonly nameSpan: Span;
      readonly token: IToken;
      /** False for a reference with no closing `]` (its name runs to the end of the line). */
      readonly closed: boolean;
    }
  | { readonly kind: "string" }
  | { readonly kind: "word"; readonly span: Span }
  | { readonly kind: "between" };

export interface PositionContext {
  readonly tokens: readonly IToken[];
  readonly place: TokenPlace;
  /** Innermost call first. */
  readonly calls: readonly EnclosingCall[];
}

const end = (token: IToken) => token.startOffset + token.image.length;

/**
 * Reads the token stream up to `offset` with a stack of open calls. Works on any half-typed text (no
 * parse needed): `Join(".", [a], ` is inside Join at argument 2. Chevrotain's content assist would need
 * a parser of the grammar's exact shape; the token stream answers the questions an editor asks.
 */
export function positionContext(text: string, offset: number): PositionContext {
  const { tokens } = tokenize(text);
  const stack: { name: string | undefined; nameSpan: Span | undefined; argumentIndex: number }[] = [];
  let place: TokenPlace = { kind: "between" };
  let previous: IToken | undefined;
  for (const token of tokens) {
    if (token.startOffset >= offset) break;
    const type = token.tokenType;
    if (end(token) >= offset) place = placeInside(token, offset);
    if (type === t.LParen) {
      const named = previous?.tokenType === t.Identifier && previous;
      stack.push({
        name: named ? named.image : undefined,
        nameSpan: named ? { start: named.startOffset, end: end(named) } : undefined,
        argumentIndex: 0,
      });
    } else if (type === t.Comma) {
      const top = stack.at(-1);
      if (top) top.argumentIndex++;
    } else if (type === t.RParen) {
      stack.pop();
    }
    previous = token;
  }
  return { tokens, place, calls: stack.reverse() };
}

/** A token that starts before the position and ends at or after it. */
function placeInside(token: IToken, offset: number): TokenPlace {
  const type = token.tokenType;
  const tokenEnd = end(token);
  if (type === t.AttributeReference || type === t.UnterminatedAttribute) {
    const closed = type === t.AttributeReference;
    // Past the closing bracket the attribute is finished: a fresh position follows.
    if (closed && offset === tokenEnd) return { kind: "between" };
    return {
      kind: "attribute",
      nameSpan: { start: token.startOffset + 1, end: closed ? tokenEnd - 1 : tokenEnd },
      token,
      closed,
    };
  }
  if (type === t.StringLiteral || type === t.SmartQuotedString || type === t.SingleQuotedString) {
    return offset < tokenEnd || token.image.length === 1 ? { kind: "string" } : { kind: "between" };
  }
  if (type === t.UnterminatedString) return { kind: "string" };
  if (type === t.Identifier) return { kind: "word", span: { start: token.startOffset, end: tokenEnd } };
  return { kind: "between" };
}
