/**
 * The native fast path of the .NET regex layer. re2js runs every pattern in linear time but costs about
 * ten times JavaScript's own RegExp on the short patterns mappings use (`[()\s-]+`: 2.4 µs against
 * 0.27 µs). JavaScript's engine backtracks, so it may only run patterns for which backtracking provably
 * cannot cost more than linear time, and only where it gives exactly what re2js gives. This module
 * recognises that class and translates it; everything else stays on re2js. See docs/regex.md.
 *
 * The class: an optional start anchor (`^`, `\A`), then one or more single-character items (a literal,
 * an escape, `.`, a shorthand such as `\d`, `\p{L}`, or a bracketed class), of which only the last may
 * carry a quantifier (`*`, `+`, `?`, or a lazy form), and an end anchor (`$`, `\z`, `\Z`) only when no
 * item is quantified. No groups, alternation, counted repetition, word boundaries or inline options, and
 * the pattern cannot match the empty string.
 *
 * Why that is linear: at each start position the engine checks a fixed number of single-character items
 * (constant work); a quantified last item then consumes greedily (or lazily) and the match succeeds at
 * once, since nothing follows that could fail and make it give characters back. A successful match
 * resumes after itself, so no character is consumed twice; a failed attempt costs constant work. Every
 * attempt is therefore O(pattern) and the whole scan O(pattern × input).
 *
 * Why it agrees with re2js: the items are translated by the same reader as the RE2 translation (the
 * same code points for `\d`, `\w`, `\s`, classes and escapes, .NET's meaning), and the RegExp uses the
 * `u` flag, so it reads code points as RE2 does; `.` becomes `[^\n]`, as in .NET and RE2, not
 * JavaScript's `.`; and since no match can be empty, JavaScript's and .NET's differing rules for
 * advancing after an empty match never come into play.
 */
import { DIGIT_SET, emitClass, SPACE_SET, WORD_SET } from "./regex-char-class.js";
import { PatternReader } from "./regex-pattern-reader.js";

/** The two RegExps of a pattern that takes the native path. */
export interface NativeRegex {
  /** For `Regex.Replace`: global. */
  readonly global: RegExp;
  /** For `Regex.IsMatch`: not global (no `lastIndex` state between calls). */
  readonly test: RegExp;
}

/** Thrown inside the reader when the pattern is outside the class; never escapes this module. */
class NotNative extends Error {}

interface Item {
  readonly source: string;
  readonly quantifier: string;
}

class NativeReader extends PatternReader {
  read(): string {
    const pattern = this.pattern;
    let out = "";
    if (pattern.startsWith("^")) {
      this.pos = 1;
      out = "^";
    } else if (pattern.startsWith("\\A")) {
      this.pos = 2;
      out = "^";
    }
    const items: Item[] = [];
    let endAnchor = false;
    while (this.pos < pattern.length) {
      if (this.atEndAnchor()) {
        endAnchor = true;
        break;
      }
      const source = this.atom();
      items.push({ source, quantifier: this.quantifier() });
    }
    const quantified = items.filter((item) => item.quantifier !== "");
    const last = items[items.length - 1];
    if (last === undefined) throw new NotNative();
    if (quantified.length > 1 || (quantified.length === 1 && quantified[0] !== last)) throw new NotNative();
    if (endAnchor && quantified.length > 0) throw new NotNative();
    // Only `*`, `?` and their lazy forms can match nothing; with a single item that would be an empty match.
    if (items.length === 1 && /^[*?]/.test(last.quantifier)) throw new NotNative();
    for (const item of items) out += item.source + item.quantifier;
    return endAnchor ? `${out}$` : out;
  }

  /** `$`, `\z` or `\Z` as the pattern's last characters. */
  private atEndAnchor(): boolean {
    const rest = this.pattern.slice(this.pos);
    return rest === "$" || rest === "\\z" || rest === "\\Z";
  }

  private atom(): string {
    const ch = this.pattern[this.pos]!;
    switch (ch) {
      case "[":
        // One character, whatever the class holds (a subtraction is computed into literal ranges).
        return toJavaScript(this.charClass());
      case ".":
        this.pos++;
        return "[^\\n]";
      case "\\":
        return this.escapeAtom();
      case "(":
      case ")":
      case "|":
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "^":
      case "$":
      case "]":
        throw new NotNative();
      default: {
        const codePoint = this.pattern.codePointAt(this.pos)!;
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) throw new NotNative();
        this.pos += codePoint > 0xffff ? 2 : 1;
        return unicodeEscape(codePoint);
      }
    }
  }

  private escapeAtom(): string {
    const start = this.pos;
    const next = this.pattern[this.pos + 1];
    if (next === undefined) throw new NotNative();
    switch (next) {
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
      case "p":
      case "P": {
        // One-item class: the same RE2 text the translation gives, so the same code points.
        this.pos = start;
        const source = this.charClassOf(start);
        return toJavaScript(source);
      }
    }
    // Anchors, word boundaries, backreferences and named references are outside the class.
    if (/[AzZbBGkK1-9]/.test(next)) throw new NotNative();
    const codePoint = this.escapedChar(false);
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) throw new NotNative();
    return unicodeEscape(codePoint);
  }

  /** `\d`, `\p{L}`… at `start`, as a bracketed class of the reader. */
  private charClassOf(start: number): string {
    const next = this.pattern[start + 1]!;
    if (next === "p" || next === "P") {
      this.pos = start + 2;
      const item = this.unicodeClass(start, next === "P");
      const source = emitClass([item], false);
      if (source === undefined) throw new NotNative();
      return source;
    }
    this.pos = start + 2;
    const shorthand: Record<string, string> = {
      d: `[${DIGIT_SET}]`,
      D: `[^${DIGIT_SET}]`,
      w: `[${WORD_SET}]`,
      W: `[^${WORD_SET}]`,
      s: `[${SPACE_SET}]`,
      S: `[^${SPACE_SET}]`,
    };
    return shorthand[next]!;
  }

  /** `*`, `+`, `?`, optionally lazy; a counted `{…}` or a doubled quantifier is outside the class. */
  private quantifier(): string {
    const ch = this.pattern[this.pos];
    if (ch !== "*" && ch !== "+" && ch !== "?") {
      if (ch === "{") throw new NotNative();
      return "";
    }
    this.pos++;
    let text = ch;
    if (this.pattern[this.pos] === "?") {
      text += "?";
      this.pos++;
    }
    const after = this.pattern[this.pos];
    if (after === "*" || after === "+" || after === "?" || after === "{") throw new NotNative();
    return text;
  }
}

function unicodeEscape(codePoint: number): string {
  return `\\u{${codePoint.toString(16).toUpperCase()}}`;
}

/** RE2 class text of the reader (`\x{…}` escapes, `\p{…}`) as JavaScript `u`-mode syntax. */
function toJavaScript(re2: string): string {
  return re2.replaceAll("\\x{", "\\u{");
}

const cache = new Map<string, NativeRegex | null>();
const CACHE_LIMIT = 256;

/**
 * The native RegExps of a .NET pattern (RegexOptions.None), or undefined when the pattern is outside
 * the linear-time class and must run on re2js. The pattern must already be known valid (the RE2
 * translation raises its errors first).
 */
export function nativeRegex(pattern: string): NativeRegex | undefined {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit ?? undefined;
  let native: NativeRegex | null = null;
  try {
    const source = new NativeReader(pattern).read();
    native = { global: new RegExp(source, "gu"), test: new RegExp(source, "u") };
  } catch {
    // Outside the class, or a construct JavaScript spells differently: re2js runs it.
    native = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, native);
  return native ?? undefined;
}

/** True when `pattern` takes the native path (for tests and the differential generators). */
export function takesNativePath(pattern: string): boolean {
  return nativeRegex(pattern) !== undefined;
}
