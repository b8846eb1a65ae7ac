/**
 * .NET regular expressions on re2js: `Regex.Replace`, `Regex.IsMatch`, and the named-group operations of
 * Replace's modes 4 and 5, all in time linear in the input. Patterns are translated once
 * (dotnet-regex-translate.ts) and kept in a bounded LRU cache; those in the provably linear class of
 * native-regex.ts run on JavaScript's own RegExp instead, with the same results. See docs/regex.md.
 */
import { RE2JS } from "re2js";
import { ProvexError } from "../../diagnostics/index.js";
import {
  expandNativeReplacement,
  expandReplacement,
  nativeReplacementText,
  parseReplacement,
  type ReplacementPart,
} from "./dotnet-regex-replacement.js";
import {
  invalidRegex,
  type TranslatedRegex,
  translateDotnetRegex,
  unsupported,
} from "./dotnet-regex-translate.js";
import { type NativeRegex, nativeRegex } from "./native-regex.js";

/** A compiled .NET pattern: the RE2 program plus .NET's view of its groups, and its native form if any. */
export interface CompiledDotnetRegex {
  readonly pattern: string;
  readonly re2: RE2JS;
  readonly groups: TranslatedRegex;
  /** Set when the pattern is in the linear-time class that JavaScript's RegExp runs (native-regex.ts). */
  readonly native: NativeRegex | undefined;
}

/** One match, with every .NET group's capture (undefined when the group did not take part). */
export interface DotnetMatch {
  readonly index: number;
  readonly end: number;
  /** .NET group number → [start, end) of its capture. */
  readonly spans: ReadonlyMap<number, readonly [number, number]>;
}

const CACHE_LIMIT = 256;
const cache = new Map<string, CompiledDotnetRegex>();

/**
 * Compiles (or takes from the cache) a .NET pattern. Throws `regex-unsupported` for constructs RE2 cannot
 * run and `invalid-regex` for patterns .NET itself would reject.
 */
export function compileDotnetRegex(pattern: string): CompiledDotnetRegex {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    // Refresh recency: a Map iterates in insertion order, so the first key is the least recently used.
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const groups = translateDotnetRegex(pattern);
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(groups.source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/repeat|repetition/i.test(message)) {
      throw unsupported(
        "nested counted repetition beyond RE2's size limit",
        0,
        "Use * or + instead of large counts.",
      );
    }
    throw invalidRegex(message.replace(/^error parsing regexp: /, ""), 0);
  }
  const compiled = { pattern, re2, groups, native: nativeRegex(pattern) };
  cache.set(pattern, compiled);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return compiled;
}

/**
 * Every match of `regex` in `input`, scanning as .NET does: after an empty match the next attempt starts
 * one character later, so `a*` on `baaa` matches "", "aaa", "".
 */
export function* dotnetMatches(regex: CompiledDotnetRegex, input: string): Generator<DotnetMatch> {
  const matcher = regex.re2.matcher(input);
  const numbers = regex.groups.dotnetNumberOfRe2Group;
  let from = 0;
  while (from <= input.length && matcher.find(from)) {
    const index = matcher.start();
    const end = matcher.end();
    const spans = new Map<number, readonly [number, number]>([[0, [index, end]]]);
    const chosen = new Map<number, number>();
    for (let g = 1; g < numbers.length; g++) {
      const start = matcher.start(g);
      if (start < 0) continue;
      const number = numbers[g]!;
      const rival = chosen.get(number);
      if (rival !== undefined && !closesLater(regex.groups, g, matcher.end(g), rival, matcher.end(rival)))
        continue;
      chosen.set(number, g);
      spans.set(number, [start, matcher.end(g)]);
    }
    yield { index, end, spans };
    from = end > index ? end : end + 1;
  }
}

/**
 * Several groups may share a .NET name; .NET keeps the capture made last. That is the one ending furthest
 * right; on a tie, an enclosing group closes after the groups inside it, and otherwise the later group.
 */
function closesLater(
  groups: TranslatedRegex,
  group: number,
  end: number,
  rival: number,
  rivalEnd: number,
): boolean {
  if (end !== rivalEnd) return end > rivalEnd;
  const [open, close] = groups.extents[group]!;
  const [rivalOpen, rivalClose] = groups.extents[rival]!;
  if (rivalOpen < open && close < rivalClose) return false;
  if (open < rivalOpen && rivalClose < close) return true;
  return group > rival;
}

/** `Regex.IsMatch(input, pattern)`: unanchored, as scoping filters' REGEX_MATCH uses it. */
export function dotnetRegexIsMatch(input: string, pattern: string): boolean {
  const regex = compileDotnetRegex(pattern);
  return regex.native ? regex.native.test.test(input) : regex.re2.test(input);
}

/**
 * `Regex.Replace(input, pattern, replacement)` with .NET's substitutions (`$1`, `${name}`, `$$`, `$&`,
 * `` $` ``, `$'`, `$+`, `$_`). Replace mode 3.
 */
export function dotnetRegexReplace(input: string, pattern: string, replacement: string): string {
  return dotnetRegexReplacer(pattern, replacement)(input);
}

/**
 * {@link dotnetRegexReplace} with the pattern compiled and the replacement parsed once, for a call whose
 * pattern and replacement are constant. Throws the pattern's errors now.
 */
export function dotnetRegexReplacer(pattern: string, replacement: string): (input: string) => string {
  const regex = compileDotnetRegex(pattern);
  const parts = parseReplacement(replacement, regex.groups);
  const native = regex.native;
  if (native) {
    const text = nativeReplacementText(parts);
    if (text !== undefined) return (input) => input.replace(native.global, text);
    return (input) =>
      input.replace(native.global, (match: string, offset: number) =>
        expandNativeReplacement(parts, match, offset, input),
      );
  }
  return (input) =>
    replaceEach(input, regex, (match) => expandReplacement(parts, match, input, regex.groups));
}

/**
 * {@link dotnetRegexReplace} on re2js even when the pattern takes the native path: the oracle against
 * which the native path is tested (they must always agree).
 */
export function dotnetRegexReplaceOnRe2(input: string, pattern: string, replacement: string): string {
  const regex = compileDotnetRegex(pattern);
  const parts = parseReplacement(replacement, regex.groups);
  return replaceEach(input, regex, (match) => expandReplacement(parts, match, input, regex.groups));
}

/**
 * Replace mode 4: in every match, the text captured by group `groupName` is replaced by `replacement`
 * (taken literally); the rest of the match stays. A match in which the group took no part is unchanged.
 * Throws `unknown-group` when the pattern has no such group.
 */
export function dotnetRegexReplaceGroup(
  input: string,
  pattern: string,
  groupName: string,
  replacement: string,
): string {
  return dotnetRegexGroupReplacer(pattern, groupName, replacement)(input);
}

/** {@link dotnetRegexReplaceGroup} with the pattern compiled and the group resolved once. */
export function dotnetRegexGroupReplacer(
  pattern: string,
  groupName: string,
  replacement: string,
): (input: string) => string {
  const regex = compileDotnetRegex(pattern);
  const number = groupNumber(regex, groupName);
  return (input) =>
    replaceEach(input, regex, (match) => {
      const span = match.spans.get(number);
      const whole = input.slice(match.index, match.end);
      if (span === undefined) return whole;
      return whole.slice(0, span[0] - match.index) + replacement + whole.slice(span[1] - match.index);
    });
}

/**
 * Replace mode 5: the capture of group `groupName` in the first match, or `null` when nothing matches or
 * the group took no part. Throws `unknown-group` when the pattern has no such group.
 */
export function dotnetRegexGroupValue(input: string, pattern: string, groupName: string): string | null {
  const regex = compileDotnetRegex(pattern);
  const number = groupNumber(regex, groupName);
  for (const match of dotnetMatches(regex, input)) {
    const span = match.spans.get(number);
    return span === undefined ? null : input.slice(span[0], span[1]);
  }
  return null;
}

function groupNumber(regex: CompiledDotnetRegex, name: string): number {
  const number = regex.groups.numberOfName.get(name);
  if (number === undefined) {
    const names = [...regex.groups.numberOfName.keys()].filter((n) => n !== "0");
    throw new ProvexError(
      "unknown-group",
      `The regular expression has no group named "${name}"; its groups are ${names.join(", ") || "none"}. ` +
        "Name the group with (?<name>…).",
    );
  }
  return number;
}

function replaceEach(
  input: string,
  regex: CompiledDotnetRegex,
  replace: (match: DotnetMatch) => string,
): string {
  let out = "";
  let last = 0;
  for (const match of dotnetMatches(regex, input)) {
    out += input.slice(last, match.index) + replace(match);
    last = match.end;
  }
  return out + input.slice(last);
}

export type { ReplacementPart };
