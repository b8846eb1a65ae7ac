import type { IToken } from "chevrotain";
import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";
import * as t from "../lexer/tokens.js";
import type {
  AttributeReference,
  ComparisonOperator,
  ConstantReference,
  NumberLiteral,
  StringLiteral,
} from "./ast.js";
import { canonicalConstant, knownConstants } from "./constants.js";

// Building leaf nodes from tokens, with the diagnostics that only the token's content can reveal.
// `report` collects them; the parser passes its own list.
type Report = (problem: Diagnostic) => void;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

// The lexer tracks start offsets only (faster); a token's end is its start plus its length.
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: tokenEnd(token) };
}

export function attributeNode(token: IToken, report: Report): AttributeReference {
  const span = tokenSpan(token);
  const closed = token.tokenType === t.AttributeReference;
  const name = token.image.slice(1, closed ? -1 : undefined);
  if (closed && name.length === 0) {
    report(
      diagnostic(
        "empty-attribute",
        "error",
        "Write the attribute's name between the brackets: [name].",
        span,
      ),
    );
  }
  return { kind: "attribute", name, span };
}

export function stringNode(token: IToken): StringLiteral {
  const image = token.image;
  let body: string;
  switch (token.tokenType) {
    case t.StringLiteral:
      body = unescapeString(image.slice(1, -1));
      break;
    case t.UnterminatedString:
      body = unescapeString(image.slice(1));
      break;
    default: {
      // Smart- or single-quoted: the text between the quotes, taken literally.
      const last = image.charAt(image.length - 1);
      const closed = image.length > 1 && /["'\u2018\u2019\u201C\u201D\u00AB\u00BB]/.test(last);
      body = image.slice(1, closed ? -1 : undefined);
    }
  }
  return { kind: "string", value: body, span: tokenSpan(token) };
}

/** `\\` → `\` and `\"` → `"`; a backslash before anything else stays (SPEC Part 1: `"\d"` is `\d`). */
export function unescapeString(body: string): string {
  if (!body.includes("\\")) return body;
  return body.replace(/\\([\\"])/g, "$1");
}

export function numberNode(token: IToken, report: Report): NumberLiteral {
  const span = tokenSpan(token);
  const hex = token.tokenType === t.HexNumber;
  const value = hex ? BigInt(`0x${token.image.slice(2)}`) : BigInt(token.image);
  const outOfRange = hex ? value > UINT64_MAX : value < INT64_MIN || value > INT64_MAX;
  if (outOfRange) {
    report(
      diagnostic(
        "number-out-of-range",
        "error",
        `${abbreviate(token.image, 40)} does not fit in 64 bits: integers run from ${INT64_MIN} to ${INT64_MAX} (hex up to &HFFFFFFFFFFFFFFFF).`,
        span,
      ),
    );
  }
  return { kind: "number", value, radix: hex ? 16 : 10, span };
}

export function constantNode(token: IToken, report: Report): ConstantReference {
  const span = tokenSpan(token);
  const written = token.image;
  const shown = abbreviate(written);
  const canonical = canonicalConstant(written);
  if (canonical === undefined) {
    report(
      diagnostic(
        "unknown-constant",
        "error",
        `'${shown}' is not a constant (${knownConstants.join(", ")}). ` +
          `Write [${shown}] for an attribute, "${shown}" for text, or ${shown}(…) to call a function.`,
        span,
      ),
    );
    return { kind: "constant", name: written, span };
  }
  if (canonical !== written) {
    report(diagnostic("constant-name-case", "warning", `Write the constant as ${canonical}.`, span));
  }
  return { kind: "constant", name: canonical, span };
}

const operatorByToken = new Map<unknown, ComparisonOperator>([
  [t.Equal, "="],
  [t.DoubleEqual, "="],
  [t.NotEqual, "<>"],
  [t.BangEqual, "<>"],
  [t.Less, "<"],
  [t.LessOrEqual, "<="],
  [t.Greater, ">"],
  [t.GreaterOrEqual, ">="],
]);

export function comparisonOperator(token: IToken): ComparisonOperator {
  return operatorByToken.get(token.tokenType) ?? "=";
}

/** How a token reads in a message: its text, or "the end of the expression". */
export function describeToken(token: IToken): string {
  if (token.tokenType.name === "EOF") return "the end of the expression";
  return `'${abbreviate(token.image, 30)}'`;
}

/**
 * Text from the expression as a message quotes it: cut to `max` characters with "…", so that a
 * megabyte-long name cannot make a megabyte-long message.
 */
export function abbreviate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
