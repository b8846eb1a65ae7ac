/**
 * Reads the character-level pieces of a .NET pattern — escapes (`\t`, `\x41`, `\u0062`, `\cA`, `\0`),
 * Unicode classes (`\p{L}`, `\p{IsGreek}`) and bracketed classes with ranges and subtraction — and turns
 * them into RE2 text. dotnet-regex-translate.ts builds the pattern's structure on top of it.
 */
import { type ClassItem, emitClass, shorthandItem, subtractRanges, unicodeItem } from "./regex-char-class.js";
import { invalidRegex, unsupported } from "./regex-errors.js";

const WORD_CHAR = /[\p{L}\p{Mn}\p{Nd}\p{Pc}]/u;

export class PatternReader {
  protected pos = 0;

  constructor(protected readonly pattern: string) {}

  /** `\p{Name}` after the `\p` at `start`; `pos` is just past the `p`. */
  protected unicodeClass(start: number, negated: boolean): ClassItem {
    const m = /^\{([\w-]+)\}/.exec(this.pattern.slice(this.pos));
    if (m === null) throw invalidRegex("malformed \\p{X} character escape", start);
    this.pos += m[0].length;
    const item = unicodeItem(m[1]!, negated);
    if (typeof item === "string") {
      if (item.includes("table")) throw unsupported(`\\p{${m[1]}}`, start, `${item}; use an explicit range.`);
      throw invalidRegex(item, start);
    }
    return item;
  }

  /**
   * The code point of a character escape at `pos` (which is at the backslash): `\t \n \r \f \v \a \e`,
   * `\0` octal, `\xHH`, `\uHHHH`, `\cX`, or an escaped non-word character. Inside a class `\b` is backspace.
   */
  protected escapedChar(inClass: boolean): number {
    const start = this.pos;
    const next = this.pattern[this.pos + 1]!;
    this.pos += 2;
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, a: 7, e: 27 };
    if (simple[next] !== undefined) return simple[next];
    if (inClass && next === "b") return 8;
    if (next === "0") {
      const m = /^[0-7]{0,2}/.exec(this.pattern.slice(this.pos))![0];
      this.pos += m.length;
      return Number.parseInt(`0${m}`, 8);
    }
    const hexDigits = next === "x" ? 2 : next === "u" ? 4 : 0;
    if (hexDigits > 0) {
      const digits = this.pattern.slice(this.pos, this.pos + hexDigits);
      if (!new RegExp(`^[0-9a-fA-F]{${hexDigits}}$`).test(digits))
        throw invalidRegex(`insufficient hex digits after \\${next}`, start);
      this.pos += hexDigits;
      return Number.parseInt(digits, 16);
    }
    if (next === "c") {
      const letter = this.pattern[this.pos];
      if (letter === undefined || !/[A-Za-z@[\\\]^_]/.test(letter))
        throw invalidRegex("unrecognized control character", start);
      this.pos++;
      return letter.toUpperCase().charCodeAt(0) & 0x1f;
    }
    const codePoint = this.pattern.codePointAt(start + 1)!;
    this.pos = start + 1 + (codePoint > 0xffff ? 2 : 1);
    if (WORD_CHAR.test(String.fromCodePoint(codePoint))) {
      throw invalidRegex(`unrecognized escape sequence \\${String.fromCodePoint(codePoint)}`, start);
    }
    return codePoint;
  }

  /** A class starting at `[`; returns its RE2 text. */
  protected charClass(): string {
    const start = this.pos;
    const { items, negated } = this.classBody(start);
    const re2 = emitClass(items, negated);
    if (re2 === undefined) {
      throw unsupported(
        "\\W or \\S inside a negated class with other members",
        start,
        "Split the class into an alternation.",
      );
    }
    return re2;
  }

  private classBody(start: number): { items: ClassItem[]; negated: boolean } {
    this.pos++; // [
    const negated = this.pattern[this.pos] === "^";
    if (negated) this.pos++;
    let items: ClassItem[] = [];
    let first = true;
    for (;;) {
      const ch = this.pattern[this.pos];
      if (ch === undefined) throw invalidRegex("unterminated [] set", start);
      if (ch === "]" && !first) {
        this.pos++;
        return { items, negated };
      }
      first = false;
      if (ch === "-" && this.pattern[this.pos + 1] === "[" && items.length > 0) {
        const dash = this.pos;
        const subStart = this.pos + 1;
        this.pos++;
        const sub = this.classBody(subStart);
        if (this.pattern[this.pos] !== "]")
          throw invalidRegex("a subtraction must be the last element in a class", this.pos);
        this.pos++;
        const result = subtractRanges(items, negated, sub.items, sub.negated);
        if (result === undefined) {
          throw unsupported(
            "a character-class subtraction with a category or shorthand",
            dash,
            "RE2 can only subtract literal characters and ranges; list the wanted characters instead.",
          );
        }
        items = result;
        return { items, negated: false };
      }
      const item = this.classAtom(start);
      if (item.kind === "range" && this.pattern[this.pos] === "-" && this.pattern[this.pos + 1] !== "]") {
        if (this.pattern[this.pos + 1] === "[") {
          items.push(item);
          continue;
        }
        const dash = this.pos;
        this.pos++;
        const hi = this.classAtom(start);
        if (hi.kind !== "range") throw invalidRegex("a range cannot end with a class shorthand", dash);
        if (hi.lo < item.lo) throw invalidRegex("[x-y] range in reverse order", dash);
        items.push({ kind: "range", lo: item.lo, hi: hi.lo });
        continue;
      }
      items.push(item);
    }
  }

  private classAtom(start: number): ClassItem {
    const ch = this.pattern[this.pos]!;
    if (ch !== "\\") {
      const codePoint = this.pattern.codePointAt(this.pos)!;
      this.pos += codePoint > 0xffff ? 2 : 1;
      return { kind: "range", lo: codePoint, hi: codePoint };
    }
    const next = this.pattern[this.pos + 1];
    if (next === undefined) throw invalidRegex("unterminated [] set", start);
    const shorthand = shorthandItem(next);
    if (shorthand !== undefined) {
      this.pos += 2;
      return shorthand;
    }
    if (next === "p" || next === "P") {
      this.pos += 2;
      return this.unicodeClass(this.pos - 2, next === "P");
    }
    const codePoint = this.escapedChar(true);
    return { kind: "range", lo: codePoint, hi: codePoint };
  }
}
