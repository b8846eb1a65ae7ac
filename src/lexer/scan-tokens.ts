import type { IToken, TokenType } from "chevrotain";
import {
  closedAttributeReferenceEnd,
  scanAttributeReference,
  scanStringLiteral,
  scanUnterminatedString,
} from "./scanners.js";
import { freshToken, type TokenPool } from "./token-pool.js";
import {
  AttributeReference,
  BangEqual,
  Comma,
  DecimalNumber,
  DoubleEqual,
  Equal,
  Greater,
  GreaterOrEqual,
  HexNumber,
  Identifier,
  Less,
  LessOrEqual,
  LParen,
  NotEqual,
  RParen,
  SingleQuotedString,
  SmartQuotedString,
  StrayBracket,
  StringLiteral,
  UnsupportedOperator,
  UnterminatedAttribute,
  UnterminatedString,
} from "./tokens.js";

// The tokenizer the parser runs on: one pass over the text, dispatching on each character, producing
// Chevrotain tokens (`image`, `startOffset`, `tokenTypeIdx`, `tokenType`, as Chevrotain's own lexer makes
// them with `positionTracking: "onlyOffset"`). Chevrotain's lexer tries each candidate pattern in turn
// and alone took about as long as the hand-written baseline takes to lex and parse (bench/
// parse-profile.mjs), so it could not meet the parser's speed target. The token definitions in
// tokens.ts stay the specification: test/unit/lexer-equivalence.test.ts checks that this tokenizer
// produces what a Chevrotain Lexer built from them produces, token for token and error for error.

/** A run of characters that begins no token (Chevrotain's lexing error shape: offset and length). */
export interface UnreadableRun {
  readonly offset: number;
  readonly length: number;
}

/** The tokens of `text` and the runs of characters that begin none. */
export interface ScannedTokens {
  readonly tokens: IToken[];
  readonly errors: UnreadableRun[];
  /**
   * The tokens read only so that parsing can go on (unterminated, smart- or single-quoted, `==`, `!=`),
   * each needing a diagnostic: collected here so that nobody scans every token again to find them.
   */
  readonly malformed: IToken[];
  /** The first '(' nested deeper than the `nestingLimit` given, if any (the parser refuses such text). */
  readonly tooDeep: IToken | undefined;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

// What a character can begin, by char code below 128 (the few other starts are tested directly).
// Plain numbers, not a const enum: the build does not inline those, and lookups in the hot loop cost.
const START_NONE = 0;
const START_SPACE = 1;
const START_QUOTE = 2;
const START_SINGLE_QUOTE = 3;
const START_BRACKET = 4;
const START_AMPERSAND = 5;
const START_DIGIT = 6;
const START_MINUS = 7;
const START_LESS = 8;
const START_GREATER = 9;
const START_EQUALS = 10;
const START_BANG = 11;
const START_BAR = 12;
const START_OPERATOR = 13;
const START_L_PAREN = 14;
const START_R_PAREN = 15;
const START_COMMA = 16;
const START_CLOSE_BRACKET = 17;
const START_LETTER = 18;

const ASCII_START = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const c = String.fromCharCode(code);
  let start = START_NONE;
  if (/\s/.test(c)) start = START_SPACE;
  else if (/[A-Za-z_]/.test(c)) start = START_LETTER;
  else if (/[0-9]/.test(c)) start = START_DIGIT;
  else {
    start =
      (
        {
          '"': START_QUOTE,
          "'": START_SINGLE_QUOTE,
          "[": START_BRACKET,
          "&": START_AMPERSAND,
          "-": START_MINUS,
          "<": START_LESS,
          ">": START_GREATER,
          "=": START_EQUALS,
          "!": START_BANG,
          "|": START_BAR,
          "+": START_OPERATOR,
          "*": START_OPERATOR,
          "/": START_OPERATOR,
          "(": START_L_PAREN,
          ")": START_R_PAREN,
          ",": START_COMMA,
          "]": START_CLOSE_BRACKET,
        } as Record<string, number>
      )[c] ?? START_NONE;
  }
  ASCII_START[code] = start;
}

/** JavaScript's `\s` beyond ASCII (U+FEFF, a pasted byte-order mark, is among them). */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isSmartQuoteOpen = (code: number) =>
  code === 0x201c || code === 0x201d || code === 0x201e || code === 0xab || code === 0xbb;
const isSmartQuoteClose = (code: number) =>
  code === 0x201c || code === 0x201d || code === 0xab || code === 0xbb || code === 0x22;
const isSingleQuote = (code: number) => code === 0x27 || code === 0x2018 || code === 0x2019;

function startOf(code: number): number {
  if (code < 128) return ASCII_START[code] as number;
  if (isOtherSpace(code)) return START_SPACE;
  if (isSmartQuoteOpen(code)) return START_QUOTE;
  if (code === 0x2018 || code === 0x2019) return START_SINGLE_QUOTE;
  return START_NONE;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isHexDigit = (code: number) =>
  isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
const WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) WORD[code] = /[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0;
const isWordCharacter = (code: number) => code < 128 && WORD[code] === 1;

function isSpace(code: number): boolean {
  return code < 128 ? ASCII_START[code] === START_SPACE : isOtherSpace(code);
}

function token(pool: TokenPool | undefined, text: string, type: TokenType, start: number, end: number) {
  return pool === undefined ? freshToken(text, type, start, end) : pool.token(text, type, start, end);
}

/**
 * Splits `text` into tokens; see the file comment. Linear in the text, whatever it holds. The depth of
 * '(' is counted on the way (a ')' at depth 0 counts nothing), so that the parser's nesting limit
 * needs no second pass over the tokens. With a `pool`, the tokens (and their vector) are the pool's,
 * valid until its next scan.
 */
export function scanTokens(
  text: string,
  nestingLimit = Number.POSITIVE_INFINITY,
  pool?: TokenPool,
): ScannedTokens {
  const tokens: IToken[] = pool === undefined ? [] : pool.begin();
  const errors: UnreadableRun[] = [];
  const malformed: IToken[] = [];
  const pushMalformed = (type: TokenType, start: number, end: number): void => {
    const made = token(pool, text, type, start, end);
    tokens.push(made);
    malformed.push(made);
  };
  const length = text.length;
  const push = (type: TokenType, start: number, end: number): void => {
    tokens.push(token(pool, text, type, start, end));
  };
  let offset = 0;
  let errorStart = -1;
  let depth = 0;
  let tooDeep: IToken | undefined;
  while (offset < length) {
    const code = text.charCodeAt(offset);
    const start = startOf(code);
    if (start === START_NONE) {
      if (errorStart < 0) errorStart = offset;
      offset++;
      continue;
    }
    if (errorStart >= 0) {
      errors.push({ offset: errorStart, length: offset - errorStart });
      errorStart = -1;
    }
    const next = offset + 1 < length ? text.charCodeAt(offset + 1) : -1;
    switch (start) {
      case START_SPACE: {
        let end = offset + 1;
        while (end < length && isSpace(text.charCodeAt(end))) end++;
        offset = end;
        continue;
      }
      case START_LETTER: {
        let end = offset + 1;
        while (end < length && isWordCharacter(text.charCodeAt(end))) end++;
        push(Identifier, offset, end);
        offset = end;
        continue;
      }
      case START_DIGIT:
      case START_MINUS: {
        if (start === START_MINUS && !isDigit(next)) {
          push(UnsupportedOperator, offset, offset + 1);
          offset++;
          continue;
        }
        let end = offset + 1;
        while (end < length && isDigit(text.charCodeAt(end))) end++;
        push(DecimalNumber, offset, end);
        offset = end;
        continue;
      }
      case START_QUOTE: {
        if (code === 0x22) {
          const closed = scanStringLiteral(text, offset);
          const end = closed >= 0 ? closed : scanUnterminatedString(text, offset);
          if (closed >= 0) push(StringLiteral, offset, end);
          else pushMalformed(UnterminatedString, offset, end);
          offset = end;
          continue;
        }
        let end = offset + 1;
        while (end < length) {
          const inner = text.charCodeAt(end);
          if (isSmartQuoteOpen(inner) || inner === 0x22 || inner === LINE_FEED || inner === CARRIAGE_RETURN)
            break;
          end++;
        }
        if (end < length && isSmartQuoteClose(text.charCodeAt(end))) end++;
        pushMalformed(SmartQuotedString, offset, end);
        offset = end;
        continue;
      }
      case START_SINGLE_QUOTE: {
        let end = offset + 1;
        while (end < length) {
          const inner = text.charCodeAt(end);
          if (isSingleQuote(inner) || inner === LINE_FEED || inner === CARRIAGE_RETURN) break;
          end++;
        }
        if (end < length && isSingleQuote(text.charCodeAt(end))) end++;
        pushMalformed(SingleQuotedString, offset, end);
        offset = end;
        continue;
      }
      case START_BRACKET: {
        const end = closedAttributeReferenceEnd(text, offset);
        if (end >= 0) {
          push(AttributeReference, offset, end);
          offset = end;
        } else {
          const scan = scanAttributeReference(text, offset);
          const unterminated: IToken = {
            image: text.slice(offset, scan.end),
            startOffset: offset,
            tokenTypeIdx: UnterminatedAttribute.tokenTypeIdx as number,
            tokenType: UnterminatedAttribute,
            payload: scan.problem,
          };
          tokens.push(unterminated);
          malformed.push(unterminated);
          offset = scan.end;
        }
        continue;
      }
      case START_AMPERSAND: {
        if (
          (next === 0x48 || next === 0x68) &&
          offset + 2 < length &&
          isHexDigit(text.charCodeAt(offset + 2))
        ) {
          let end = offset + 3;
          while (end < length && isHexDigit(text.charCodeAt(end))) end++;
          push(HexNumber, offset, end);
          offset = end;
        } else {
          const end = next === 0x26 ? offset + 2 : offset + 1;
          push(UnsupportedOperator, offset, end);
          offset = end;
        }
        continue;
      }
      case START_LESS: {
        const type = next === 0x3e ? NotEqual : next === 0x3d ? LessOrEqual : Less;
        const end = type === Less ? offset + 1 : offset + 2;
        push(type, offset, end);
        offset = end;
        continue;
      }
      case START_GREATER: {
        const end = next === 0x3d ? offset + 2 : offset + 1;
        push(next === 0x3d ? GreaterOrEqual : Greater, offset, end);
        offset = end;
        continue;
      }
      case START_EQUALS: {
        const end = next === 0x3d ? offset + 2 : offset + 1;
        if (next === 0x3d) pushMalformed(DoubleEqual, offset, end);
        else push(Equal, offset, end);
        offset = end;
        continue;
      }
      case START_BANG: {
        const end = next === 0x3d ? offset + 2 : offset + 1;
        if (next === 0x3d) pushMalformed(BangEqual, offset, end);
        else push(UnsupportedOperator, offset, end);
        offset = end;
        continue;
      }
      case START_BAR: {
        const end = next === 0x7c ? offset + 2 : offset + 1;
        push(UnsupportedOperator, offset, end);
        offset = end;
        continue;
      }
      case START_OPERATOR:
        push(UnsupportedOperator, offset, offset + 1);
        offset++;
        continue;
      case START_L_PAREN: {
        const open = token(pool, text, LParen, offset, offset + 1);
        tokens.push(open);
        if (++depth > nestingLimit && tooDeep === undefined) tooDeep = open;
        offset++;
        continue;
      }
      case START_R_PAREN:
        push(RParen, offset, offset + 1);
        if (depth > 0) depth--;
        offset++;
        continue;
      case START_COMMA:
        push(Comma, offset, offset + 1);
        offset++;
        continue;
      case START_CLOSE_BRACKET:
        push(StrayBracket, offset, offset + 1);
        offset++;
        continue;
    }
  }
  if (errorStart >= 0) errors.push({ offset: errorStart, length: offset - errorStart });
  pool?.end();
  return { tokens, errors, malformed, tooDeep };
}
