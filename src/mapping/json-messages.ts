import { type Token, tokenize } from "@humanwhocodes/momoa";
import { LineIndex, type Span } from "../diagnostics/index.js";
import { short } from "./plain-data.js";

/**
 * A JSON syntax error from momoa, said the way a person fixes it: what is wrong at that place (a
 * trailing comma, a missing comma, single quotes, a comment, an unclosed bracket) and what to do,
 * instead of "Unexpected token RBracket found". Momoa only knows the token it stopped at; the context
 * (the previous token, the open brackets) comes from tokenizing the text up to there.
 */
export function jsonSyntaxMessage(text: string, error: unknown): { message: string; span: Span } {
  const offset =
    typeof (error as { offset?: unknown })?.offset === "number" ? (error as { offset: number }).offset : 0;
  // Told apart by message, not class name: a minified bundle (the playground) renames momoa's classes.
  const raw = String((error as Error)?.message ?? error).replace(/ \(\d+:\d+\)$/, "");
  if (raw.startsWith("Unexpected end of input")) return endsTooEarly(text);
  if (raw.startsWith("Unexpected character") || raw.startsWith("Unexpected identifier"))
    return unexpectedCharacter(text, offset);
  if (raw.startsWith("Unexpected token")) return unexpectedToken(text, offset);
  if (/^Invalid (unicode )?escape/.test(raw))
    return {
      message: `${raw.replace(/\.$/, "")} in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits.`,
      span: { start: offset, end: offset + 2 },
    };
  return { message: `${raw} Fix the JSON syntax here.`, span: { start: offset, end: offset } };
}

const TOKEN_TEXT: Record<string, string> = {
  LBrace: "{",
  RBrace: "}",
  LBracket: "[",
  RBracket: "]",
  Comma: ",",
  Colon: ":",
};

function describe(token: Token): string {
  const symbol = TOKEN_TEXT[token.type];
  if (symbol) return `'${symbol}'`;
  if (token.type === "String") return "a string";
  if (token.type === "Number") return "a number";
  if (token.type === "Boolean") return "true/false";
  return "null";
}

function isValueEnd(token: Token | undefined): boolean {
  return (
    token !== undefined && ["String", "Number", "Boolean", "Null", "RBrace", "RBracket"].includes(token.type)
  );
}

function rangeOf(token: Token): Span {
  const [start, end] = token.range ?? [token.loc.start.offset, token.loc.end.offset];
  return { start, end };
}

/** The tokens of `text` up to `end` (momoa's tokenizer throws only on characters it cannot read). */
function tokensBefore(text: string, end: number): Token[] {
  try {
    return tokenize(text.slice(0, end), { mode: "json", ranges: true });
  } catch {
    return [];
  }
}

interface Context {
  readonly token: Token | undefined;
  readonly previous: Token | undefined;
  /** Brackets open before the token, innermost last. */
  readonly open: readonly Token[];
  /** Whether anything but white space follows the token. */
  readonly more: boolean;
}

function contextAt(text: string, offset: number): Context {
  const all = tokensBefore(text, text.length);
  // Text that momoa cannot tokenize follows: the tokens up to the end of the one it stopped at (which it
  // did read), so that a later mistake does not hide the context of the first.
  const tokens = all.length > 0 ? all : tokensBefore(text, offset + tokenLengthAt(text, offset));
  const index = tokens.findIndex((t) => rangeOf(t).start === offset);
  const token = index >= 0 ? tokens[index] : undefined;
  const open: Token[] = [];
  for (const t of tokens.slice(0, index >= 0 ? index : tokens.length)) {
    if (t.type === "LBrace" || t.type === "LBracket") open.push(t);
    else if (t.type === "RBrace" || t.type === "RBracket") open.pop();
  }
  const end = token ? rangeOf(token).end : offset;
  return {
    token,
    previous: index > 0 ? tokens[index - 1] : undefined,
    open,
    more: text.slice(end).trim() !== "",
  };
}

function unexpectedToken(text: string, offset: number): { message: string; span: Span } {
  const { token, previous, open, more } = contextAt(text, offset);
  if (!token)
    return { message: "Unexpected text here; fix the JSON syntax.", span: { start: offset, end: offset } };
  const span = rangeOf(token);
  const closing = token.type === "RBrace" || token.type === "RBracket";
  const inner = open.at(-1);
  const mismatched =
    closing && inner !== undefined && (inner.type === "LBrace") !== (token.type === "RBrace");
  // At the end of the text momoa reports the last token it read: the document is cut off.
  // An opening bracket the text ends with is open too, unless it follows a complete value: then what is
  // wrong is that it follows the end of the JSON value ("1 [").
  const opening = token.type === "LBrace" || token.type === "LBracket";
  const stillOpen = open.length + (closing ? -1 : 0) > 0 || (opening && !isValueEnd(previous));
  if (
    !more &&
    !mismatched &&
    (stillOpen || token.type === "Colon" || token.type === "Comma") &&
    !(closing && previous?.type === "Comma")
  )
    return endsTooEarly(text);
  if (closing && previous?.type === "Comma")
    return {
      message: `JSON allows no comma before ${describe(token)}: remove the trailing comma.`,
      span: rangeOf(previous),
    };
  if (closing && (!inner || (inner.type === "LBrace") !== (token.type === "RBrace"))) {
    if (!inner)
      return {
        message: `${describe(token)} closes nothing: the JSON value ended before it. Remove it, or the bracket that closed too early.`,
        span,
      };
    const at = new LineIndex(text).locate(rangeOf(inner).start);
    return {
      message: `${describe(token)} cannot close the '${TOKEN_TEXT[inner.type]}' opened at line ${at.line}, column ${at.column}; use '${inner.type === "LBrace" ? "}" : "]"}'.`,
      span,
    };
  }
  if (previous?.type === "Colon")
    return {
      message: `A value is missing after ':' (a string, number, true, false, null, object or list).`,
      span,
    };
  if (token.type === "Comma" && (previous?.type === "Comma" || previous?.type === "LBracket"))
    return { message: "A value is missing before this comma: remove the extra comma.", span };
  if (inner?.type === "LBrace" && (previous?.type === "LBrace" || previous?.type === "Comma"))
    return {
      message: `Expected a property name in double quotes, found ${describe(token)}.${token.type === "Comma" ? " Remove the extra comma." : ""}`,
      span,
    };
  if (
    inner?.type === "LBrace" &&
    previous?.type === "String" &&
    token.type !== "Colon" &&
    isKey(text, previous)
  )
    return { message: `Expected ':' after the property name, found ${describe(token)}.`, span };
  if (isValueEnd(previous) && inner)
    return {
      message: `A comma is missing before ${describe(token)}: separate ${inner.type === "LBrace" ? "properties" : "list items"} with commas.`,
      span: { start: span.start, end: span.start },
    };
  if (isValueEnd(previous) && !inner)
    return {
      message: `${describe(token)} follows the end of the JSON value; a JSON file holds one value (one object for a configuration).`,
      span,
    };
  return { message: `Unexpected ${describe(token)} here; fix the JSON syntax.`, span };
}

/** The length of the JSON token at `offset` as momoa reads it (its strings may hold raw control characters). */
function tokenLengthAt(text: string, offset: number): number {
  const token = /"(?:[^"\\]|\\[\s\S])*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/y;
  token.lastIndex = offset;
  return token.exec(text)?.[0].length ?? 1;
}

/** A string token is a key when the next non-blank character after it is a colon, or it follows `{`/`,` in an object. */
function isKey(text: string, token: Token): boolean {
  const before = text.slice(0, rangeOf(token).start).trimEnd();
  return before.endsWith("{") || before.endsWith(",");
}

const NOT_A_NUMBER =
  "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no leading + or dot, digits after '.', 'e' and '-').";

function unexpectedCharacter(text: string, offset: number): { message: string; span: Span } {
  // Momoa read past the end (a number cut off after its '.'): the text ends too early.
  if (offset >= text.length) return endsTooEarly(text);
  // The whole character: an emoji is one, not half a surrogate pair.
  const point = text.codePointAt(offset);
  const c = point === undefined ? "" : String.fromCodePoint(point);
  const span = { start: offset, end: offset + Math.max(1, c.length) };
  const before = text[offset - 1] ?? "";
  if (c === "'")
    return { message: 'JSON strings and property names use double quotes ("), not single quotes.', span };
  if (c === "/") return { message: "JSON does not allow comments; remove it.", span };
  // Momoa points at the last character it read, or at the one after it.
  if (endsInShortEscape(text, offset + 1) || endsInShortEscape(text, offset))
    return { message: "A \\u escape needs four hexadecimal digits (\\u00e9).", span };
  // A backslash that ends the text: the string is cut off, not badly escaped.
  if (c === "\\" && offset + 1 >= text.length) return endsTooEarly(text);
  if (c === "\\")
    return {
      message: `Invalid escape \\${text[offset + 1] ?? ""} in a string: JSON knows only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits (write \\\\ for a backslash).`,
      span: { start: offset, end: offset + 2 },
    };
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset))?.[0];
  if (word && /[\d.]/.test(before))
    return {
      message:
        "This is not a JSON number: JSON numbers are decimal, such as 12, -3.5 or 1e3 (no hex, no leading + or dot).",
      span,
    };
  if (word) {
    const wordSpan = { start: offset, end: offset + word.length };
    if (/^(true|false|null)$/i.test(word))
      return { message: `JSON writes ${word.toLowerCase()} in lowercase, not ${word}.`, span: wordSpan };
    if (/^(NaN|Infinity)$/.test(word))
      return { message: "JSON has no NaN or Infinity; write a number or null.", span: wordSpan };
    return {
      message: `${short(word)} is not JSON: text goes in double quotes ("${short(word)}"), and the only bare words are true, false and null.`,
      span: wordSpan,
    };
  }
  if ((/\d/.test(c) && before === "0") || (c === "0" && /\d/.test(text[offset + 1] ?? "")))
    return { message: "JSON numbers cannot have leading zeros (write 7, not 07).", span };
  const after = text[offset + 1] ?? "";
  if (
    c === "+" ||
    (c === "-" && !/\d/.test(after)) ||
    (c === "." && (/\d/.test(after) || /\d/.test(before))) ||
    ((c === "}" || c === "]" || c === "," || /\s/.test(c)) && /[-.eE+]$/.test(before))
  )
    return { message: NOT_A_NUMBER, span };
  if (/\s/.test(c) || c === "\uFEFF")
    return {
      message: `JSON allows only spaces, tabs and line breaks between values; this is U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}. Replace it with a space.`,
      span,
    };
  return {
    message: `Unexpected character ${JSON.stringify(c)} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}); fix the JSON syntax here.`,
    span,
  };
}

/** Whether the text ends inside a string (an odd number of unescaped double quotes). */
function endsInString(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inString = !inString;
    else if (inString && text[i] === "\\") i++;
  }
  return inString;
}

/**
 * Whether the text before `end` ends with a \u escape and fewer than four hexadecimal digits. The
 * backslash must not be escaped itself: in "\\u1" the u is a letter.
 */
function endsInShortEscape(text: string, end: number): boolean {
  const from = Math.max(0, end - 5);
  const match = /\\u[0-9a-fA-F]{0,3}$/.exec(text.slice(from, end));
  if (!match) return false;
  let backslashes = 1;
  for (let i = from + match.index - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The document stops inside a string or before its brackets close. */
function endsTooEarly(text: string): { message: string; span: Span } {
  const end = text.trimEnd().length;
  const span = { start: end, end };
  let tokens: Token[];
  try {
    tokens = tokenize(text, { mode: "json", ranges: true });
  } catch {
    // What momoa's tokenizer cannot finish at the end is a string, or a number cut off after '-', '.'
    // or 'e'.
    if (endsInString(text))
      return { message: "The JSON ends inside a string: add the closing double quote.", span };
    return { message: NOT_A_NUMBER, span };
  }
  if (tokens.length === 0)
    return { message: "The file is empty; a JSON configuration is one object ({ … }).", span };
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.type === "LBrace" || t.type === "LBracket") open.push(t);
    else if (t.type === "RBrace" || t.type === "RBracket") open.pop();
  }
  const inner = open.at(-1);
  if (!inner) return { message: "The JSON ends where a value is expected; complete it.", span };
  const at = new LineIndex(text).locate(rangeOf(inner).start);
  const closers = open
    .map((t) => (t.type === "LBrace" ? "}" : "]"))
    .reverse()
    .join("");
  return {
    message: `The JSON ends before the '${TOKEN_TEXT[inner.type]}' opened at line ${at.line}, column ${at.column} is closed; the file may be cut off (it needs ${closers} at least).`,
    span,
  };
}
