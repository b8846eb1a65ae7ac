import type { IToken } from "chevrotain";
import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import { inputTooLarge, MAX_INPUT_LENGTH } from "./limits.js";
import { type ScannedTokens, scanTokens } from "./scan-tokens.js";
import { type AttributeProblem, resetStringScanner } from "./scanners.js";
import { TokenPool } from "./token-pool.js";
import {
  BangEqual,
  DoubleEqual,
  SingleQuotedString,
  SmartQuotedString,
  UnterminatedAttribute,
  UnterminatedString,
} from "./tokens.js";

export interface TokenizeResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Splits an expression into tokens. Never throws; every unreadable character becomes a diagnostic.
 * Text longer than {@link MAX_INPUT_LENGTH} is refused whole, with one `input-too-large` diagnostic and
 * no tokens, before any scanning.
 */
export function tokenize(text: string): TokenizeResult {
  const { tokens, diagnostics } = scan(text, Number.POSITIVE_INFINITY, undefined);
  return { tokens, diagnostics };
}

// The parser's tokens: a 1 MiB text has at most about a million, most texts a few dozen; 2^18 kept
// objects (about 7 MB) cover the benchmark's megabyte of realistic expressions.
const parserTokens = new TokenPool(1 << 18);

/**
 * {@link tokenize}, and the first '(' nested deeper than `nestingLimit`, for parse.ts alone: the
 * tokens are reused by the next call (see {@link TokenPool}), so the caller must keep none of them.
 */
export function tokenizeForParser(text: string, nestingLimit: number): ScanResult {
  return scan(text, nestingLimit, parserTokens);
}

type ScanResult = TokenizeResult & { readonly tooDeep: IToken | undefined };

function scan(text: string, nestingLimit: number, pool: TokenPool | undefined): ScanResult {
  if (text.length > MAX_INPUT_LENGTH) {
    return { tokens: [], diagnostics: [inputTooLarge(text.length)], tooDeep: undefined };
  }
  let result: ScannedTokens;
  try {
    result = scanTokens(text, nestingLimit, pool);
  } finally {
    resetStringScanner();
  }
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const start = error.offset;
    diagnostics.push(unexpectedCharacter(text, start, start + Math.max(1, error.length)));
  }
  for (const token of result.malformed) {
    const problem = malformedTokenDiagnostic(token);
    if (problem) diagnostics.push(problem);
  }
  if (diagnostics.length > 1) diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { tokens: result.tokens, diagnostics, tooDeep: result.tooDeep };
}

/** Diagnostics for the tokens the lexer accepts only so that parsing can go on. */
function malformedTokenDiagnostic(token: IToken): Diagnostic | undefined {
  const type = token.tokenType;
  const span = { start: token.startOffset, end: token.startOffset + token.image.length };
  switch (type) {
    case UnterminatedString:
      return diagnostic(
        "unterminated-string",
        "error",
        'This string has no closing quote: add " at its end (write \\" for a quote inside a string).',
        { start: span.start, end: span.start + 1 },
      );
    case UnterminatedAttribute:
      return unterminatedAttribute(token.payload as AttributeProblem);
    case SmartQuotedString:
      return diagnostic(
        "smart-quote",
        "error",
        'Typographic quotes are not string delimiters: use straight double quotes ("...").',
        span,
      );
    case SingleQuotedString:
      return diagnostic(
        "single-quoted-string",
        "error",
        'Strings are written in double quotes: replace the single quotes with ".',
        span,
      );
    case DoubleEqual:
      return diagnostic(
        "invalid-operator",
        "error",
        "Equality is written with a single '=': replace '==' with '='.",
        span,
      );
    case BangEqual:
      return diagnostic(
        "invalid-operator",
        "error",
        "Inequality is written '<>': replace '!=' with '<>'.",
        span,
      );
    default:
      return undefined;
  }
}

function unterminatedAttribute(problem: AttributeProblem): Diagnostic {
  const span = { start: problem.at, end: problem.at + 1 };
  switch (problem.kind) {
    case "unclosed-reference":
      return diagnostic(
        "unterminated-attribute",
        "error",
        "This attribute reference has no closing ']': add ']' after the attribute name (a name cannot continue on the next line)." +
          (problem.hasGroups
            ? " Its name holds a [ ] group, which needs its own ']' first, as in [emails[type eq \"work\"].value]."
            : ""),
        span,
      );
    case "unclosed-group":
      return diagnostic(
        "unterminated-attribute-group",
        "error",
        "This '[' inside an attribute name opens a group that never closes: add ']' to close it before the name's own ']', as in [emails[type eq \"work\"].value].",
        span,
      );
    case "unclosed-group-string":
      return diagnostic(
        "unterminated-attribute-string",
        "error",
        'This quote inside an attribute name\'s [ ] group has no closing quote on its line: add " to close it, as in [emails[type eq "work"].value].',
        span,
      );
  }
}

function unexpectedCharacter(text: string, start: number, end: number): Diagnostic {
  const characters = text.slice(start, end);
  const shown = JSON.stringify(characters.length > 20 ? `${characters.slice(0, 20)}…` : characters);
  return diagnostic(
    "unexpected-character",
    "error",
    `Unexpected ${shown}: an expression is made of function calls, [attribute] references, "strings", numbers and constants. Remove it.`,
    { start, end },
  );
}
