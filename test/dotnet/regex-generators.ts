/**
 * fast-check generators of regular expressions for the differential test: patterns built only from
 * constructs RE2 runs, patterns for the native-RegExp fast path, inputs and .NET replacement strings.
 * Characters are drawn from alphabets on which Mono's (older) Unicode tables agree with current Unicode —
 * see docs/dotnet-compatibility.md.
 */
import fc from "fast-check";
import { compileDotnetRegex, dotnetMatches } from "../../src/functions/dotnet/dotnet-regex.js";

// ---- regular expressions -------------------------------------------------------------------------------

const ATOMS = [
  "a",
  "b",
  "c",
  "A",
  "B",
  "1",
  "-",
  "_",
  " ",
  "é",
  "\\.",
  "\\-",
  "\\(",
  "\\$",
  "\\x41",
  "\\u0062",
  "\\t",
  "[abc]",
  "[^a]",
  "[a-c]",
  "[\\d]",
  "[\\w-]",
  "[A-Z_]",
  "[^\\s]",
  "[\\W\\d]",
  "[a-z-[bc]]",
  "[.]",
  "\\d",
  "\\w",
  "\\s",
  "\\D",
  "\\W",
  "\\S",
  ".",
  "\\p{Lu}",
  "\\p{L}",
  "\\P{L}",
  "\\p{Nd}",
  "\\p{IsBasicLatin}",
  "\\p{P}",
  "[^\\d\\s]",
  "[\\p{L}\\d]",
  "\\0",
  "\\n",
  "#",
  "[$^]",
  "\\[",
];
/**
 * Zero-width atoms take only greedy quantifiers: Mono reports a wrong match position for a lazy quantifier
 * on an anchor (`c\B+?` on "cx" matches "" at 1), a Mono bug .NET does not have (docs/dotnet-compatibility.md).
 */
const ANCHOR_ATOMS = ["\\B", "\\b", "^", "$", "\\A", "\\z"];
const ANCHOR_QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}"];

const QUANTIFIERS = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "*?", "+?", "??", "{0,2}?"];

const NON_EMPTY_QUANTIFIERS = ["", "", "+", "{2}", "{1,3}", "+?", "{2,}"];

/**
 * Regex trees. A quantified group only ever holds a sub-pattern that cannot match the empty string: .NET
 * and RE2 disagree on the captures of an empty last iteration (docs/regex.md), which is a documented
 * divergence rather than something to rediscover on every run.
 */
const regexTrees = fc.letrec<{ node: string; nonEmpty: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    {
      weight: 6,
      arbitrary: fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom(...QUANTIFIERS)).map(([a, q]) => a + q),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...ANCHOR_ATOMS), fc.constantFrom(...ANCHOR_QUANTIFIERS))
        .map(([a, q]) => a + q),
    },
    {
      weight: 2,
      arbitrary: fc.array(tie("node"), { minLength: 2, maxLength: 4 }).map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: fc.tuple(tie("node"), tie("node")).map(([a, b]) => `${a}|${b}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("(", "(?:", "(?<n1>", "(?'n2'", "(?i:", "(?-i:"), tie("node"))
        .map(([open, inner]) => `${open}${inner})`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom("(", "(?:", "(?<n1>", "(?'n2'", "(?i:"),
          tie("nonEmpty"),
          fc.constantFrom(...QUANTIFIERS),
        )
        .map(([open, inner, q]) => `${open}${inner})${q}`),
    },
  ),
  nonEmpty: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...ATOMS.filter((a) => a !== " ")), fc.constantFrom(...NON_EMPTY_QUANTIFIERS))
        .map(([a, q]) => a + q),
    },
    { weight: 1, arbitrary: fc.tuple(tie("nonEmpty"), tie("node")).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: fc.tuple(tie("nonEmpty"), tie("nonEmpty")).map(([a, b]) => `${a}|${b}`) },
  ),
}));
const regexTree = regexTrees.node;

/** Patterns made only of constructs RE2 runs, with optional anchors and inline options. */
export const patternArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "", "", "(?i)", "(?m)", "(?s)", "(?n)", "(?x)", "(?im)"),
    fc.constantFrom("", "", "^", "\\A", "\\b"),
    regexTree,
    fc.constantFrom("", "", "$", "\\z", "\\b"),
  )
  // Under (?x) a bare space is ignored, which would let a following quantifier attach to a group that
  // can match empty (a documented divergence); escape spaces there so they stay literal atoms.
  .map(
    ([options, start, body, end]) =>
      options + start + (options.includes("x") ? body.replaceAll(" ", "\\ ") : body) + end,
  )
  // Case-insensitive matching with a case-specific category is an area where .NET versions disagree
  // (and Mono leaks a scoped (?i:…) into later alternatives): keep \p{Lu} out of such patterns.
  .map((pattern) => (pattern.includes("(?i") ? pattern.replaceAll("\\p{Lu}", "\\p{L}") : pattern))
  .filter((pattern) => !hasQuantifiedEmptyGroup(pattern));

/**
 * Every construct the native RegExp path takes (src/functions/dotnet/native-regex.ts): single-character
 * items — literals, escapes, `.`, shorthands, categories, blocks and bracketed classes — of which only
 * the last may be quantified, with optional anchors. The differential test compares exactly these
 * patterns with .NET; test/unit/native-regex.test.ts checks that each one takes the native path.
 */
export const NATIVE_ATOMS = [
  "a",
  "b",
  "A",
  "1",
  "-",
  " ",
  "_",
  "#",
  "é",
  "ß",
  ".",
  "\\.",
  "\\(",
  "\\$",
  "\\[",
  "\\t",
  "\\n",
  "\\x41",
  "\\u00e9",
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\s",
  "\\S",
  "\\p{L}",
  "\\P{L}",
  "\\p{Lu}",
  "\\p{Nd}",
  "\\p{P}",
  "\\p{Zs}",
  "\\p{IsBasicLatin}",
  "[abc]",
  "[^a]",
  "[a-c]",
  "[()\\s-]",
  "[^\\d\\s]",
  "[\\p{L}\\d]",
  "[a-z-[aeiou]]",
  "[$^.]",
  "[\\w.]",
  "[^\\W]",
];
const NATIVE_QUANTIFIERS = ["*", "+", "?", "*?", "+?", "??"];

export const nativePatternArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "", "^", "\\A"),
    fc.array(fc.constantFrom(...NATIVE_ATOMS), { maxLength: 3 }),
    fc.constantFrom(...NATIVE_ATOMS),
    fc.constantFrom("", "", ...NATIVE_QUANTIFIERS),
    fc.constantFrom("", "", "", "$", "\\z", "\\Z"),
  )
  .map(([start, fixed, last, quantifier, end]) => {
    // An end anchor only after unquantified items; a lone item may not match empty.
    const q = fixed.length === 0 && /^[*?]/.test(quantifier) ? "+" : quantifier;
    return start + fixed.join("") + last + q + (q === "" ? end : "");
  });

const EMPTY_PROBES = ["", "a", " ", "a b", "1-", "\n", "é"];

/**
 * True when a quantified group's body can match the empty string somewhere: .NET and RE2 record different
 * captures for such an empty last iteration (a documented divergence). The tree generator tries to avoid
 * them, but (?x) and alternation precedence can still build one, so this checks the final text.
 */
export function hasQuantifiedEmptyGroup(pattern: string): boolean {
  const opens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
    } else if (ch === "[") {
      i = classEnd(pattern, i);
    } else if (ch === "(") {
      opens.push(i);
    } else if (ch === ")") {
      const open = opens.pop();
      if (open === undefined || !/^\s*(?:[*+?]|\{\d)/.test(pattern.slice(i + 1))) continue;
      const prefix = /^\((?:\?(?:<[^>]*>|'[^']*'|[imnsx+-]*:))?/.exec(pattern.slice(open))![0];
      if (canMatchEmpty(pattern.slice(open + prefix.length, i))) return true;
    }
  }
  return false;
}

function classEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    if (pattern[i] === "\\") i++;
    else if (pattern[i] === "[" && (i === start || pattern[i - 1] === "-")) depth++;
    else if (pattern[i] === "]" && i > start + 1 && --depth === 0) return i;
  }
  return pattern.length;
}

function canMatchEmpty(inner: string): boolean {
  try {
    const regex = compileDotnetRegex(`(?:${inner})`);
    return EMPTY_PROBES.some((probe) => [...dotnetMatches(regex, probe)].some((m) => m.index === m.end));
  } catch {
    return true;
  }
}

/** Inputs over a small alphabet so that patterns match often; never ending in "\n" (see docs/regex.md). */
export const regexInputArb: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      "a",
      "b",
      "c",
      "A",
      "B",
      "1",
      "2",
      "-",
      "_",
      " ",
      ".",
      "é",
      "\n",
      "(",
      "$",
      "ß",
      "x",
      "\t",
      "\r",
      "٣",
      "\u00a0",
      "É",
    ),
    { maxLength: 14 },
  )
  .map((chars) => chars.join(""))
  .map((s) => (s.endsWith("\n") ? `${s}x` : s));

/** .NET substitutions (and near misses, which .NET copies literally), space-separated. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: .NET replacement syntax, not a template literal
const REPLACEMENT_PIECES = "x - $1 $2 ${n1} ${n2} $$ $& $` $' $+ $_ $0 ${1} $9 ${zz} $ ${ $12".split(" ");

export const replacementArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...REPLACEMENT_PIECES), { maxLength: 4 })
  .map((parts) => parts.join(""));
