/**
 * PCase: .NET `TextInfo.ToTitleCase` (invariant culture) on lower-cased input, or a plain title case that
 * breaks words only at caller-given separators (SPEC Part 1, PCase).
 */
import { lowerCodePoint, toLowerInvariant, upperCodePoint } from "./simple-case.js";

const LETTER = /^\p{L}$/u;
const LOWERCASE_LETTER = /^\p{Ll}$/u;
/**
 * The categories ToTitleCase treats as word breaks: separators (Zs Zl Zp), control and format (Cc Cf),
 * punctuation (Pc Pd Ps Pe Pi Pf Po) and symbols (Sm Sc Sk So). Marks, numbers, private-use, surrogates
 * and unassigned code points belong to the word.
 */
const WORD_SEPARATOR =
  /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{Sm}\p{Sc}\p{Sk}\p{So}]$/u;

/**
 * PCase(source, wordSeparators).
 * - Without separators (`undefined`, `null` or `""`): lower-case, then `TextInfo.ToTitleCase` — so
 *   `PABLO GONSALVES (SECOND)` → `Pablo Gonsalves (Second)`, `pinto-de'silva` → `Pinto-De'silva`.
 * - With separators: only those characters start a new word; the first character of each word is
 *   upper-cased and the rest lower-cased (`PINTO-DE'SILVA`, `" '-"` → `Pinto-De'Silva`).
 */
export function pcase(source: string, wordSeparators?: string | null): string {
  if (wordSeparators === undefined || wordSeparators === null || wordSeparators === "") {
    return toTitleCase(toLowerInvariant(source));
  }
  const separators = new Set(Array.from(wordSeparators));
  let out = "";
  let atWordStart = true;
  for (const ch of source) {
    if (separators.has(ch)) {
      out += ch;
      atWordStart = true;
      continue;
    }
    const codePoint = ch.codePointAt(0)!;
    out += String.fromCodePoint(atWordStart ? titleCodePoint(codePoint) : lowerCodePoint(codePoint));
    atWordStart = false;
  }
  return out;
}

/**
 * .NET `TextInfo.ToTitleCase` with the invariant culture, step by step: a word starts at a letter; its
 * first letter is title-cased; the rest of the word is lower-cased unless the word so far has no lower-case
 * letter (an acronym such as `USA` stays); an apostrophe does not end the word but restarts that check.
 */
export function toTitleCase(text: string): string {
  const chars = Array.from(text);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    const first = chars[i]!;
    if (!LETTER.test(first)) {
      out += first;
      i++;
      continue;
    }
    out += String.fromCodePoint(titleCodePoint(first.codePointAt(0)!));
    i++;
    let segment = "";
    let hasLowerCase = LOWERCASE_LETTER.test(first);
    const flush = () => {
      out += hasLowerCase ? toLowerInvariant(segment) : segment;
      segment = "";
    };
    while (i < chars.length) {
      const ch = chars[i]!;
      if (LETTER.test(ch)) {
        if (LOWERCASE_LETTER.test(ch)) hasLowerCase = true;
      } else if (ch === "'") {
        segment += ch;
        i++;
        flush();
        hasLowerCase = true;
        continue;
      } else if (WORD_SEPARATOR.test(ch)) {
        break;
      }
      segment += ch;
      i++;
    }
    flush();
  }
  return out;
}

/** Title case of one letter: upper case, except the four digraph letters that have a title-case form. */
function titleCodePoint(codePoint: number): number {
  if (codePoint >= 0x01c4 && codePoint <= 0x01c6) return 0x01c5;
  if (codePoint >= 0x01c7 && codePoint <= 0x01c9) return 0x01c8;
  if (codePoint >= 0x01ca && codePoint <= 0x01cc) return 0x01cb;
  if (codePoint >= 0x01f1 && codePoint <= 0x01f3) return 0x01f2;
  return upperCodePoint(codePoint);
}
