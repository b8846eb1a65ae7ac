import type { IToken } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import * as t from "../lexer/tokens.js";
import { abbreviate, describeToken, tokenEnd, tokenSpan } from "./nodes.js";

// The diagnostics the grammar's actions report, kept apart so that grammar.ts reads as the grammar.

export function isLogicalWord(token: IToken): boolean {
  if (token.tokenType !== t.Identifier) return false;
  const word = token.image.toLowerCase();
  return word === "and" || word === "or";
}

export function logicalWord(word: IToken): Diagnostic {
  return diagnostic(
    "unsupported-operator",
    "error",
    `The language has no ${abbreviate(word.image).toUpperCase()} operator: nest IIF calls instead ` +
      `(AND: IIF(a, IIF(b, x, y), y); OR: IIF(a, x, IIF(b, x, y))).`,
    tokenSpan(word),
  );
}

export function chainedComparison(extra: IToken): Diagnostic {
  return diagnostic(
    "chained-comparison",
    "error",
    "Only one comparison is allowed per argument: nest IIF calls to test several conditions.",
    tokenSpan(extra),
  );
}

export function expectedOperand(after: IToken): Diagnostic {
  return diagnostic(
    "expected-operand",
    "error",
    `Expected a value after ${describeToken(after)}: an [attribute], a "string", a number or a function call.`,
    { start: after.startOffset, end: tokenEnd(after) },
  );
}

export function missingComma(before: IToken, argumentSpan: { start: number; end: number }): Diagnostic {
  return diagnostic(
    "missing-comma",
    "error",
    `Expected ',' or ')' before ${describeToken(before)}: separate arguments with a comma.`,
    argumentSpan,
  );
}

export function missingCloseParen(name: IToken, open: IToken): Diagnostic {
  return diagnostic(
    "missing-close-paren",
    "error",
    `The call to ${abbreviate(name.image)} is missing its closing ')': add ')' after its last argument.`,
    { start: name.startOffset, end: tokenEnd(open) },
  );
}

export function unsupportedOperator(token: IToken): Diagnostic {
  const image = token.image;
  const advice =
    image === "&" || image === "+"
      ? `to concatenate, use Join("", a, b) or Append(a, b)`
      : image === "&&" || image === "||" || image === "|" || image === "!"
        ? "for AND/OR/NOT, nest IIF calls or use Not(…)"
        : "the Entra language has no arithmetic; see the function reference";
  return diagnostic(
    "unsupported-operator",
    "error",
    `'${image}' is a Connect Sync operator, not part of the Entra language: ${advice}.`,
    tokenSpan(token),
  );
}

export function strayToken(token: IToken): Diagnostic {
  const span = tokenSpan(token);
  if (token.tokenType === t.LParen) {
    return diagnostic(
      "unexpected-token",
      "error",
      "Parentheses only follow a function name: remove this '(' (grouping is not supported).",
      span,
    );
  }
  if (token.tokenType === t.UnsupportedOperator) return unsupportedOperator(token);
  if (token.tokenType === t.StrayBracket) {
    return diagnostic(
      "unexpected-token",
      "error",
      "This ']' closes nothing: remove it or add '[' before the name.",
      span,
    );
  }
  return diagnostic(
    "unexpected-token",
    "error",
    `Unexpected ${describeToken(token)}: a comparison needs a value on its left, e.g. [a] = "x".`,
    span,
  );
}
