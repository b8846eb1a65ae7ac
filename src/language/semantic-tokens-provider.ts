import type { IToken } from "chevrotain";
import { lookupFunction } from "../functions/index.js";
import { tokenize } from "../lexer/index.js";
import * as t from "../lexer/tokens.js";
import { canonicalConstant } from "../parser/index.js";
import type { SemanticToken, SemanticTokenType } from "./types.js";

/** The token types in the order an LSP legend lists them. */
export const semanticTokenTypes: readonly SemanticTokenType[] = [
  "function",
  "variable",
  "string",
  "number",
  "keyword",
  "operator",
  "invalid",
];
export const semanticTokenModifiers = ["defaultLibrary", "unknown"] as const;

/**
 * Classifies every token: a name followed by `(` is a function (`defaultLibrary` when the registry
 * knows it, `unknown` otherwise), any other bare name a constant (keyword) or invalid, `[…]` a variable.
 * Parentheses and commas are left to the editor's own colouring.
 */
export function semanticTokens(text: string): SemanticToken[] {
  const { tokens } = tokenize(text);
  const result: SemanticToken[] = [];
  tokens.forEach((token, index) => {
    const classified = classify(token, tokens[index + 1]);
    if (classified) {
      result.push({
        start: token.startOffset,
        length: token.image.length,
        type: classified.type,
        modifiers: classified.modifiers,
      });
    }
  });
  return result;
}

function classify(
  token: IToken,
  next: IToken | undefined,
): Pick<SemanticToken, "type" | "modifiers"> | undefined {
  const type = token.tokenType;
  if (type === t.Identifier) {
    if (next?.tokenType === t.LParen) {
      return { type: "function", modifiers: lookupFunction(token.image) ? ["defaultLibrary"] : ["unknown"] };
    }
    return canonicalConstant(token.image)
      ? { type: "keyword", modifiers: [] }
      : { type: "invalid", modifiers: [] };
  }
  if (type === t.AttributeReference || type === t.UnterminatedAttribute)
    return { type: "variable", modifiers: [] };
  if (type === t.HexNumber || type === t.DecimalNumber) return { type: "number", modifiers: [] };
  if (
    type === t.StringLiteral ||
    type === t.UnterminatedString ||
    type === t.SmartQuotedString ||
    type === t.SingleQuotedString
  ) {
    return { type: "string", modifiers: [] };
  }
  if (type === t.LParen || type === t.RParen || type === t.Comma) return undefined;
  if (
    type === t.UnsupportedOperator ||
    type === t.StrayBracket ||
    type === t.DoubleEqual ||
    type === t.BangEqual
  ) {
    return { type: "invalid", modifiers: [] };
  }
  return { type: "operator", modifiers: [] };
}
