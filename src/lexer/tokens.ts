import { type CustomPatternMatcherReturn, createToken, Lexer, type TokenType } from "chevrotain";
import {
  closedAttributeReferenceEnd,
  scanAttributeReference,
  scanStringLiteral,
  scanUnterminatedString,
} from "./scanners.js";

// These definitions are the specification of the tokens: the parser is fed by the hand-written
// tokenizer of scan-tokens.ts (for speed), and test/unit/lexer-equivalence.test.ts holds it to a
// Chevrotain Lexer built from them. The grammar uses them as its token types.

// Categories let the parser ask "any string-like token" once instead of listing the malformed
// variants (unterminated, smart-quoted, single-quoted) that the lexer keeps so that a half-typed
// expression still parses into a tree.
export const StringToken = createToken({ name: "StringToken", pattern: Lexer.NA });
export const AttributeToken = createToken({ name: "AttributeToken", pattern: Lexer.NA });
export const NumberToken = createToken({ name: "NumberToken", pattern: Lexer.NA });
export const ComparisonOperator = createToken({ name: "ComparisonOperator", pattern: Lexer.NA });
/** Tokens that can never begin or continue an argument: the parser reports and skips them. */
export const StrayToken = createToken({ name: "StrayToken", pattern: Lexer.NA });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  // \s covers Unicode spaces and line breaks; U+FEFF is a byte-order mark pasted from a file.
  pattern: /[\s\uFEFF]+/,
  group: Lexer.SKIPPED,
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: (text, offset) => {
    if (text.charCodeAt(offset) !== 0x22) return null;
    const end = scanStringLiteral(text, offset);
    return end < 0 ? null : [text.slice(offset, end)];
  },
  categories: [StringToken],
  start_chars_hint: ['"'],
  line_breaks: true,
});
/** A string with no closing quote: it runs to the end of its line (SPEC: an error at its opening quote). */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: (text, offset) =>
    text.charCodeAt(offset) === 0x22 ? [text.slice(offset, scanUnterminatedString(text, offset))] : null,
  categories: [StringToken],
  start_chars_hint: ['"'],
  line_breaks: false,
});
/** Typographic quotes, as pasted from a word processor: read as a string, reported. */
export const SmartQuotedString = createToken({
  name: "SmartQuotedString",
  pattern:
    /[\u201C\u201D\u201E\u00AB\u00BB][^\u201C\u201D\u201E\u00AB\u00BB"\r\n]*[\u201C\u201D\u00AB\u00BB"]?/,
  categories: [StringToken],
  start_chars_hint: ["\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"],
});
/** 'text' as other languages write strings: read as a string, reported. */
export const SingleQuotedString = createToken({
  name: "SingleQuotedString",
  pattern: /['\u2018\u2019][^'\u2018\u2019\r\n]*['\u2018\u2019]?/,
  categories: [StringToken],
  start_chars_hint: ["'", "\u2018", "\u2019"],
});

/** `[name]`, nested groups and their quoted strings included (see {@link scanAttributeReference}). */
export const AttributeReference = createToken({
  name: "AttributeReference",
  pattern: (text, offset) => {
    if (text.charCodeAt(offset) !== 0x5b) return null;
    const end = closedAttributeReferenceEnd(text, offset);
    return end < 0 ? null : [text.slice(offset, end)];
  },
  categories: [AttributeToken],
  start_chars_hint: ["["],
  line_breaks: false,
});
/**
 * A reference that does not close before the end of its line. The token's `payload` is the
 * {@link AttributeProblem} that says which bracket or quote was left open.
 */
export const UnterminatedAttribute = createToken({
  name: "UnterminatedAttribute",
  pattern: (text, offset) => {
    if (text.charCodeAt(offset) !== 0x5b) return null;
    const scan = scanAttributeReference(text, offset);
    const unterminated: CustomPatternMatcherReturn = [text.slice(offset, scan.end)];
    unterminated.payload = scan.problem;
    return unterminated;
  },
  categories: [AttributeToken],
  start_chars_hint: ["["],
  line_breaks: false,
});

export const HexNumber = createToken({
  name: "HexNumber",
  pattern: /&[Hh][0-9A-Fa-f]+/,
  categories: [NumberToken],
  start_chars_hint: ["&"],
});
export const DecimalNumber = createToken({
  name: "DecimalNumber",
  pattern: /-?[0-9]+/,
  categories: [NumberToken],
  start_chars_hint: ["-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
});

export const NotEqual = createToken({
  name: "NotEqual",
  pattern: "<>",
  categories: [ComparisonOperator, StrayToken],
});
export const LessOrEqual = createToken({
  name: "LessOrEqual",
  pattern: "<=",
  categories: [ComparisonOperator, StrayToken],
});
export const GreaterOrEqual = createToken({
  name: "GreaterOrEqual",
  pattern: ">=",
  categories: [ComparisonOperator, StrayToken],
});
/** `==` and `!=` from other languages: parsed as `=` and `<>`, reported with the fix. */
export const DoubleEqual = createToken({
  name: "DoubleEqual",
  pattern: "==",
  categories: [ComparisonOperator, StrayToken],
});
export const BangEqual = createToken({
  name: "BangEqual",
  pattern: "!=",
  categories: [ComparisonOperator, StrayToken],
});
export const Equal = createToken({
  name: "Equal",
  pattern: "=",
  categories: [ComparisonOperator, StrayToken],
});
export const Less = createToken({ name: "Less", pattern: "<", categories: [ComparisonOperator, StrayToken] });
export const Greater = createToken({
  name: "Greater",
  pattern: ">",
  categories: [ComparisonOperator, StrayToken],
});

/**
 * Connect Sync's operators (`& + - * / && ||`), which the Entra language does not have. Lexed so
 * that the parser can say so and suggest Join/Append instead of reporting a bare unknown character.
 */
export const UnsupportedOperator = createToken({
  name: "UnsupportedOperator",
  pattern: /&&|\|\||[&+\-*/|!]/,
  categories: [StrayToken],
});

export const LParen = createToken({ name: "LParen", pattern: "(", categories: [StrayToken] });
export const RParen = createToken({ name: "RParen", pattern: ")" });
export const Comma = createToken({ name: "Comma", pattern: "," });
/** A `]` with no `[` before it. */
export const StrayBracket = createToken({ name: "StrayBracket", pattern: "]", categories: [StrayToken] });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** Order matters: Chevrotain takes the first pattern that matches, so longer forms come first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  StringLiteral,
  UnterminatedString,
  SmartQuotedString,
  SingleQuotedString,
  AttributeReference,
  UnterminatedAttribute,
  HexNumber,
  DecimalNumber,
  NotEqual,
  LessOrEqual,
  GreaterOrEqual,
  DoubleEqual,
  BangEqual,
  Equal,
  Less,
  Greater,
  UnsupportedOperator,
  LParen,
  RParen,
  Comma,
  StrayBracket,
  Identifier,
  StringToken,
  AttributeToken,
  NumberToken,
  ComparisonOperator,
  StrayToken,
];
