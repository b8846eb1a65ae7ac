/**
 * Translates a .NET regular expression into RE2 syntax for re2js, which matches in linear time.
 * Everything RE2 can run is translated with .NET's meaning (Unicode `\d \w \s`, .NET group numbering,
 * inline options including `x` and `n`); everything it cannot run (backreferences, lookaround, atomic
 * groups, possessive quantifiers, balancing groups, conditionals, `\G`) is a `regex-unsupported` error
 * naming the construct and its offset. See docs/regex.md.
 */
import { DIGIT_SET, emitClass, hex, SPACE_SET, WORD_SET } from "./regex-char-class.js";
import { invalidRegex, unsupported } from "./regex-errors.js";
import { PatternReader } from "./regex-pattern-reader.js";

export { invalidRegex, unsupported } from "./regex-errors.js";

/** A translated pattern and the map between RE2's group indices and .NET's group numbers and names. */
export interface TranslatedRegex {
  /** The RE2 pattern text. */
  readonly source: string;
  /** For each RE2 group index (1-based; index 0 unused), the .NET group number it captures. */
  readonly dotnetNumberOfRe2Group: readonly number[];
  /**
   * For each RE2 group index, the offsets of its `(` and `)` in the .NET pattern: when several groups share
   * a name, .NET keeps the capture that closed last, which needs to know which group encloses which.
   */
  readonly extents: readonly (readonly [number, number])[];
  /** .NET group names (numbers as text for unnamed groups) → .NET group number, including "0". */
  readonly numberOfName: ReadonlyMap<string, number>;
  /** .NET group numbers in ascending order, 0 included (`Regex.GetGroupNumbers()`). */
  readonly groupNumbers: readonly number[];
}

interface Options {
  i: boolean;
  m: boolean;
  s: boolean;
  n: boolean;
  x: boolean;
}

interface PendingGroup {
  /** The .NET name as written (`name`, `3`) or undefined for an unnamed group. */
  readonly name: string | undefined;
  readonly open: number;
  close: number;
}

const NO_LOOKAROUND =
  "Rewrite the pattern without lookaround, e.g. match the context and keep it with a group.";
const NO_BACKREFERENCE =
  "Backreferences cannot run in linear time; compare the captured values in the expression instead.";

/** Translates `pattern` (.NET syntax, RegexOptions.None) to RE2. Throws `regex-unsupported` or `invalid-regex`. */
export function translateDotnetRegex(pattern: string): TranslatedRegex {
  return new Translator(pattern).run();
}

class Translator extends PatternReader {
  private out = "";
  private readonly groups: PendingGroup[] = [];
  private options: Options = { i: false, m: false, s: false, n: false, x: false };
  private readonly stack: Options[] = [];
  /** Parallel to `stack`: the index in `groups` of the capture each open paren started, if any. */
  private readonly captureStack: (number | undefined)[] = [];
  /** True when the last emitted thing can take a quantifier. */
  private canQuantify = false;

  run(): TranslatedRegex {
    while (this.pos < this.pattern.length) this.step();
    if (this.stack.length > 0) throw invalidRegex("a ( is never closed", this.pattern.length);
    return this.numberGroups();
  }

  private step(): void {
    const start = this.pos;
    const ch = this.pattern[this.pos]!;
    if (this.options.x && /[ \t\n\r\f\v]/.test(ch)) {
      this.pos++;
      return;
    }
    if (this.options.x && ch === "#") {
      while (this.pos < this.pattern.length && this.pattern[this.pos] !== "\n") this.pos++;
      return;
    }
    switch (ch) {
      case "(":
        this.openGroup();
        return;
      case ")":
        if (this.stack.length === 0) throw invalidRegex("too many )'s", start);
        this.options = this.stack.pop()!;
        this.closeCapture(start);
        this.pos++;
        this.emit(")", true);
        return;
      case "|":
        this.pos++;
        this.emit("|", false);
        return;
      case "*":
      case "+":
      case "?":
        this.quantifier(ch, 1);
        return;
      case "{":
        this.brace();
        return;
      case "[":
        this.emit(this.charClass(), true);
        return;
      case "\\":
        this.escape();
        return;
      case "^":
      case "$":
        this.pos++;
        // .NET (and RE2) accept a quantifier on an anchor: `^*` may match zero times.
        this.emit(ch, true);
        return;
      case ".":
        this.pos++;
        this.emit(".", true);
        return;
      default:
        this.emit(this.literal(), true);
        return;
    }
  }

  private emit(text: string, quantifiable: boolean): void {
    this.out += text;
    this.canQuantify = quantifiable;
  }

  /** A literal character (a surrogate pair is one code point for RE2). */
  private literal(): string {
    const codePoint = this.pattern.codePointAt(this.pos)!;
    this.pos += codePoint > 0xffff ? 2 : 1;
    return /[A-Za-z0-9]/.test(String.fromCodePoint(codePoint))
      ? String.fromCodePoint(codePoint)
      : hex(codePoint);
  }

  private quantifier(text: string, length: number): void {
    const start = this.pos;
    if (!this.canQuantify) throw invalidRegex(`quantifier ${text} following nothing`, start);
    this.pos += length;
    let lazy = "";
    // Under (?x), .NET skips white space before a lazy `?` as well as before a following quantifier.
    this.skipIgnoredWhite();
    if (this.pattern[this.pos] === "?") {
      lazy = "?";
      this.pos++;
    }
    this.skipIgnoredWhite();
    const next = this.pattern[this.pos];
    if (next === "+" && lazy === "") {
      throw unsupported(
        "a possessive quantifier",
        this.pos,
        "Remove the extra +; RE2 never backtracks anyway.",
      );
    }
    if (next === "*" || next === "+" || next === "?" || (next === "{" && this.braceQuantifier(this.pos))) {
      throw invalidRegex(`nested quantifier ${next}`, this.pos);
    }
    this.emit(text + lazy, false);
  }

  private skipIgnoredWhite(): void {
    while (this.options.x && /[ \t\n\r\f\v]/.test(this.pattern[this.pos] ?? "")) this.pos++;
  }

  /** `{n}`, `{n,}`, `{n,m}` at `at`, or undefined when the brace is a literal (as .NET reads it). */
  private braceQuantifier(at: number): { text: string; min: number; max: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(at));
    if (m === null) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
    return { text: m[0], min, max };
  }

  private brace(): void {
    const q = this.braceQuantifier(this.pos);
    if (q === undefined) {
      this.pos++;
      this.emit(hex(0x7b), true);
      return;
    }
    if (q.max !== -1 && q.max < q.min) throw invalidRegex("illegal {x,y} with x > y", this.pos);
    if (q.min > 1000 || q.max > 1000) {
      throw unsupported(
        `a repetition count above 1000 (${q.text})`,
        this.pos,
        "RE2 limits counted repetition to 1000; use * or + or a smaller count.",
      );
    }
    this.quantifier(q.text, q.text.length);
  }

  private openGroup(): void {
    const start = this.pos;
    this.stack.push(this.options);
    this.captureStack.push(undefined);
    this.options = { ...this.options };
    if (this.pattern[this.pos + 1] !== "?") {
      this.pos++;
      this.capture(undefined);
      return;
    }
    const rest = this.pattern.slice(this.pos + 2);
    if (rest.startsWith(":")) {
      this.pos += 3;
      this.emit("(?:", false);
      return;
    }
    if (rest.startsWith("=") || rest.startsWith("!")) throw unsupported("a lookahead", start, NO_LOOKAROUND);
    if (rest.startsWith("<=") || rest.startsWith("<!"))
      throw unsupported("a lookbehind", start, NO_LOOKAROUND);
    if (rest.startsWith(">")) throw unsupported("an atomic group (?>…)", start, "Use a plain group (?:…).");
    if (rest.startsWith("("))
      throw unsupported("a conditional (?(…)…)", start, "Use IIF around two Replace calls.");
    if (rest.startsWith("#")) {
      const end = this.pattern.indexOf(")", this.pos);
      if (end < 0) throw invalidRegex("unterminated (?#…) comment", start);
      this.pos = end + 1;
      this.options = this.stack.pop()!;
      this.captureStack.pop();
      return;
    }
    const named = /^(?:<([^>]*)>|'([^']*)')/.exec(rest);
    if (named !== null) {
      const name = named[1] ?? named[2]!;
      if (name.includes("-"))
        throw unsupported("a balancing group", start, "Balancing groups need a backtracking engine.");
      // A name is all digits (a group number) or word characters not starting with a digit.
      if (!/^\d+$/.test(name) && !/^[\p{L}\p{Mn}\p{Pc}][\p{L}\p{Mn}\p{Nd}\p{Pc}]*$/u.test(name)) {
        throw invalidRegex(`invalid group name "${name}"`, start);
      }
      this.pos += 2 + named[0].length;
      this.capture(name);
      return;
    }
    // .NET reads option letters left to right; "-" turns the following ones off and "+" back on.
    const flags = /^([imnsx+-]*)([:)])/.exec(rest);
    if (flags === null || flags[1] === "") throw invalidRegex("unrecognized grouping construct", start);
    this.pos += 2 + flags[0].length;
    let on = "";
    let off = "";
    let turningOn = true;
    for (const letter of flags[1]!) {
      if (letter === "-" || letter === "+") {
        turningOn = letter === "+";
        continue;
      }
      this.options[letter as keyof Options] = turningOn;
      if (turningOn) on += letter;
      else off += letter;
    }
    const re2Flags = [...on].filter((f) => "ims".includes(f)).join("");
    const re2Off = [...off].filter((f) => "ims".includes(f)).join("");
    const spec = re2Flags + (re2Off === "" ? "" : `-${re2Off}`);
    if (flags[2] === ":") {
      this.emit(spec === "" ? "(?:" : `(?${spec}:`, false);
      return;
    }
    // `(?i)` applies to the rest of the enclosing group: keep the changed options, drop the pushed frame.
    const changed = this.options;
    this.stack.pop();
    this.captureStack.pop();
    this.options = changed;
    if (spec !== "") this.emit(`(?${spec})`, false);
    else this.canQuantify = false;
  }

  private capture(name: string | undefined): void {
    if (name === undefined && this.options.n) {
      this.emit("(?:", false);
      return;
    }
    this.captureStack[this.captureStack.length - 1] = this.groups.length;
    this.groups.push({ name, open: this.pos - 1, close: -1 });
    this.emit("(", false);
  }

  private closeCapture(at: number): void {
    const index = this.captureStack.pop();
    if (index !== undefined) this.groups[index]!.close = at;
  }

  private escape(): void {
    const start = this.pos;
    const next = this.pattern[this.pos + 1];
    if (next === undefined) throw invalidRegex("illegal \\ at end of pattern", start);
    this.pos += 2;
    switch (next) {
      case "A":
        this.emit("\\A", true);
        return;
      case "z":
      case "Z":
        this.emit("\\z", true);
        return;
      case "b":
        this.emit("\\b", true);
        return;
      case "B":
        this.emit("\\B", true);
        return;
      case "G":
        throw unsupported("\\G", start, "Anchor with ^ or \\A instead.");
      case "k":
        throw unsupported("a backreference \\k", start, NO_BACKREFERENCE);
      case "d":
        this.emit(DIGIT_SET, true);
        return;
      case "D":
        this.emit("\\P{Nd}", true);
        return;
      case "w":
        this.emit(`[${WORD_SET}]`, true);
        return;
      case "W":
        this.emit(`[^${WORD_SET}]`, true);
        return;
      case "s":
        this.emit(`[${SPACE_SET}]`, true);
        return;
      case "S":
        this.emit(`[^${SPACE_SET}]`, true);
        return;
      case "p":
      case "P": {
        const item = this.unicodeClass(start, next === "P");
        this.emit(emitClass([item], false)!, true);
        return;
      }
    }
    if (next >= "1" && next <= "9") throw unsupported(`a backreference \\${next}`, start, NO_BACKREFERENCE);
    this.pos = start;
    this.emit(hex(this.escapedChar(false)), true);
  }

  /** .NET numbering: unnamed groups 1…n left to right, explicit numbers as written, names after them. */
  private numberGroups(): TranslatedRegex {
    const used = new Set<number>([0]);
    let auto = 1;
    for (const g of this.groups) if (g.name === undefined) used.add(auto++);
    for (const g of this.groups) if (g.name !== undefined && /^\d+$/.test(g.name)) used.add(Number(g.name));
    const numberOfName = new Map<string, number>();
    for (const n of used) numberOfName.set(String(n), n);
    let next = 1;
    for (const g of this.groups) {
      if (g.name === undefined || /^\d+$/.test(g.name) || numberOfName.has(g.name)) continue;
      while (used.has(next)) next++;
      used.add(next);
      numberOfName.set(g.name, next);
    }
    let unnamed = 1;
    const dotnetNumberOfRe2Group = [0];
    for (const g of this.groups) {
      dotnetNumberOfRe2Group.push(g.name === undefined ? unnamed++ : numberOfName.get(g.name)!);
    }
    return {
      source: this.out,
      dotnetNumberOfRe2Group,
      extents: [[0, this.pattern.length], ...this.groups.map((g) => [g.open, g.close] as const)],
      numberOfName,
      groupNumbers: [...used].sort((a, b) => a - b),
    };
  }
}
