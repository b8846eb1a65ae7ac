import { integerOf, perValue, smallIntegerOf, textOf, textOrEmpty } from "./coerce.js";
import { type CallSite, fail } from "./context.js";
import { eachValue, eager, optional, required } from "./define.js";
import type { FunctionSpec } from "./spec.js";
import { DYNAMIC } from "./spec.js";
import type { Value } from "./value.js";

/** String builtins: pieces of text, positions, whitespace. Positions count UTF-16 units, as .NET does. */

const TEXT = ["provisioning", "cloudSync"] as const;

export const Append: FunctionSpec = {
  name: "Append",
  family: "text",
  parameters: [
    required("source", "text", "The text to start with, usually an attribute."),
    required("suffix", "text", "The text to add at its end."),
  ],
  returns: "text",
  availability: TEXT,
  summary: "Appends a suffix to the end of a string.",
  doc: "Returns `source` immediately followed by `suffix`. A null source gives null (the attribute does not flow); a null suffix adds nothing.",
  example: {
    expression: 'Append([userPrincipalName], ".test")',
    attributes: { userPrincipalName: "John.Doe@contoso.com" },
    result: "John.Doe@contoso.com.test",
  },
  pure: true,
  implemented: true,
  implementation: eager(([source, suffix], site) => {
    const text = textOf(source, site, "source");
    return text === null ? null : text + textOrEmpty(suffix, site, "suffix");
  }),
};

export const Left: FunctionSpec = {
  name: "Left",
  family: "text",
  parameters: [
    required("String", "text", "The text to take characters from."),
    required("NumChars", "integer", "How many characters to keep from the left."),
  ],
  returns: "text",
  availability: TEXT,
  summary: "Returns the first characters of a string.",
  doc: 'NumChars = 0 gives ""; NumChars < 0 or past the end gives the whole string; a null String gives "".',
  example: { expression: 'Left("John Doe", 3)', result: "Joh" },
  pure: true,
  implemented: true,
  implementation: eager(([source, count], site) => {
    const text = textOf(source, site, "String");
    if (text === null) return "";
    return leftOf(text, smallIntegerOf(count, site, "NumChars"));
  }),
};

function leftOf(text: string, count: number): string {
  if (count < 0 || count >= text.length) return text;
  return text.slice(0, count);
}

export const Mid: FunctionSpec = {
  name: "Mid",
  family: "text",
  parameters: [
    required("source", "text", "The text to take characters from."),
    required("start", "integer", "The 1-based position of the first character."),
    required("length", "integer", "How many characters to take."),
  ],
  returns: "text",
  availability: TEXT,
  summary: "Returns a substring of a string.",
  doc: 'Takes `length` characters from the 1-based `start`; running past the end returns the rest. A start below 1 or past the end returns the input unchanged; length 0 gives "" and a negative length the input (Left\'s rules). A null source gives null.',
  example: {
    expression: "Mid([userPrincipalName], 1, 8)",
    attributes: { userPrincipalName: "johns@contoso.com" },
    result: "johns@co",
  },
  pure: true,
  implemented: true,
  implementation: eager(([source, startArgument, lengthArgument], site) => {
    const text = textOf(source, site, "source");
    const start = smallIntegerOf(startArgument, site, "start");
    const length = smallIntegerOf(lengthArgument, site, "length");
    if (text === null) return null;
    if (start < 1 || start > text.length) return text;
    if (length < 0) return text;
    return text.slice(start - 1, start - 1 + length);
  }),
};

// Declared once, not as a closure per call: these run for every user.
const stripSpaces = (text: string) => text.replaceAll(" ", "");
const trim = (text: string) => text.trim();

export const StripSpaces: FunctionSpec = {
  name: "StripSpaces",
  family: "text",
  parameters: [eachValue(required("source", "text", "The text to remove spaces from."))],
  returns: "text",
  availability: TEXT,
  summary: "Removes all space characters from a string.",
  doc: "Removes every U+0020 space; other whitespace is kept. Applies to each value of a multi-valued attribute.",
  example: { expression: 'StripSpaces("John Smith ")', result: "JohnSmith" },
  pure: true,
  implemented: true,
  implementation: eager(([source], site) => perValue(source, site, "source", stripSpaces)),
};

export const Trim: FunctionSpec = {
  name: "Trim",
  family: "text",
  parameters: [eachValue(required("value", "text", "The text to trim.", "source"))],
  returns: "text",
  availability: ["cloudSync"],
  summary: "Removes leading and trailing whitespace.",
  doc: "Removes whitespace at both ends; applied to each value of a multi-valued attribute.",
  example: { expression: 'Trim(" Test ")', result: "Test" },
  pure: true,
  implemented: true,
  implementation: eager(([source], site) => perValue(source, site, "value", trim)),
};

export const InStr: FunctionSpec = {
  name: "InStr",
  family: "text",
  parameters: [
    required("value1", "text", "The text to search in."),
    required("value2", "text", "The text to find."),
    optional("start", "integer", "The 1-based position to start from (default 1)."),
    optional("compareType", "compareMode", "vbBinaryCompare (default, case-sensitive) or vbTextCompare."),
  ],
  returns: "integer",
  availability: TEXT,
  summary: "Finds the position of a substring in a string.",
  doc: "Returns the 1-based position of the first occurrence of `value2` in `value1` at or after `start`, or 0 when there is none. `vbTextCompare` ignores case. A start below 1 is an error; null text gives null.",
  example: { expression: 'InStr("repEated", "e", 3, vbBinaryCompare)', result: "7" },
  pure: true,
  implemented: true,
  implementation: eager(([haystackArgument, needleArgument, startArgument, mode], site) => {
    const haystack = textOf(haystackArgument, site, "value1");
    const needle = textOf(needleArgument, site, "value2");
    const start = startArgument === undefined ? 1 : smallIntegerOf(startArgument, site, "start");
    const ignoreCase = compareModeOf(mode, site);
    if (haystack === null || needle === null) return null;
    if (start < 1)
      return fail(site, "argument-out-of-range", `InStr's start must be 1 or more, not ${start}.`);
    if (start > haystack.length + 1) return 0n;
    const found = ignoreCase
      ? foldCase(haystack).indexOf(foldCase(needle), start - 1)
      : haystack.indexOf(needle, start - 1);
    return BigInt(found + 1);
  }),
};

/** vbBinaryCompare (0) or omitted → false; vbTextCompare (1) → true. */
function compareModeOf(mode: Value | undefined, site: CallSite): boolean {
  if (mode === undefined || mode === null) return false;
  const number = integerOf(mode, site, "compareType");
  if (number === 0n || number === 1n) return number === 1n;
  return fail(site, "argument-out-of-range", "InStr's compareType must be vbBinaryCompare or vbTextCompare.");
}

/** Case folding that keeps every position where it was (one UTF-16 unit in, one out). */
function foldCase(text: string): string {
  let folded = "";
  for (const unit of text) {
    const lower = unit.toLowerCase();
    folded += lower.length === unit.length ? lower : unit;
  }
  return folded;
}

export const Word: FunctionSpec = {
  name: "Word",
  family: "text",
  parameters: [
    required("String", "text", "The text to take a word from."),
    required("WordNumber", "integer", "The 1-based number of the word."),
    required("Delimiters", "text", "Every character of this string separates words."),
  ],
  returns: "text",
  availability: TEXT,
  summary: "Returns the Nth word of a string.",
  doc: 'Every character of `Delimiters` separates words; empty words between consecutive delimiters are skipped. Returns "" when WordNumber < 1, when String is null, or when there are fewer words. Without delimiters the whole string is word 1.',
  example: { expression: 'Word("The quick brown fox", 3, " ")', result: "brown" },
  pure: true,
  implemented: true,
  implementation: eager(
    ([source, number, delimiters], site) =>
      wordOf(source, number, new Set(textOrEmpty(delimiters, site, "Delimiters")), site),
    (constants, site) => {
      const delimiters = constants[2];
      if (delimiters === DYNAMIC) return undefined;
      const set = new Set(textOrEmpty(delimiters, site, "Delimiters"));
      return ([source, number], callSite) => wordOf(source, number, set, callSite);
    },
  ),
};

function wordOf(
  source: Value | undefined,
  numberArgument: Value | undefined,
  delimiters: ReadonlySet<string>,
  site: CallSite,
): string {
  const text = textOf(source, site, "String");
  const number = smallIntegerOf(numberArgument, site, "WordNumber");
  if (text === null || number < 1) return "";
  let count = 0;
  let word = "";
  for (const character of text) {
    if (delimiters.has(character)) {
      if (word !== "" && ++count === number) return word;
      word = "";
    } else {
      word += character;
    }
  }
  return word !== "" && ++count === number ? word : "";
}

export const Extract: FunctionSpec = {
  name: "Extract",
  family: "text",
  parameters: [
    required("source", "text", "The text to extract from."),
    optional(
      "after",
      "text",
      'Take the text after the first occurrence of this (from the start when omitted or "").',
    ),
    optional("before", "text", 'Up to the next occurrence of this (to the end when omitted or "").'),
    optional("default", "text", "Returned when a delimiter is not found (null when omitted)."),
  ],
  returns: "text",
  availability: ["provex"],
  summary: "Returns the text between two delimiters (provex extension).",
  doc: "Returns the text of `source` that follows the first occurrence of `after` up to the next occurrence of `before`. When a given delimiter is not found, or the source is null, returns `default` (null when omitted). Not an Entra function: use the Replace equivalent when the mapping goes to Entra.",
  example: {
    expression: 'Extract([userPrincipalName], , "@", )',
    attributes: { userPrincipalName: "jsmith@contoso.com" },
    result: "jsmith",
  },
  entraEquivalent: 'Replace([userPrincipalName], , "(?<s>@.*)$", "s", "", , )',
  pure: true,
  implemented: true,
  implementation: eager(([source, afterArgument, beforeArgument, fallbackArgument], site) => {
    const fallback = textOf(fallbackArgument, site, "default");
    const text = textOf(source, site, "source");
    if (text === null) return fallback;
    const after = textOrEmpty(afterArgument, site, "after");
    const before = textOrEmpty(beforeArgument, site, "before");
    let from = 0;
    if (after !== "") {
      const at = text.indexOf(after);
      if (at < 0) return fallback;
      from = at + after.length;
    }
    if (before === "") return text.slice(from);
    const to = text.indexOf(before, from);
    return to < 0 ? fallback : text.slice(from, to);
  }),
};

export const textFunctions: readonly FunctionSpec[] = [
  Append,
  Extract,
  InStr,
  Left,
  Mid,
  StripSpaces,
  Trim,
  Word,
];
