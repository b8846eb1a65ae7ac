/**
 * The scanning half of `DateTime.ParseExact`: walks the format's tokens over the input the way .NET's
 * `DateTimeParse.ParseByFormat` does (digit counts per specifier, case-insensitive names, white-space
 * styles, time-zone tokens) and collects the fields; dotnet-datetime-parse.ts completes and validates them.
 */
import { ProvexError } from "../../diagnostics/index.js";
import { TICKS_PER_MINUTE } from "./date-time.js";
import { DateTimeStyles } from "./dotnet-datetime-styles.js";
import { expandStandardFormat, type FormatToken, invalidFormat, tokenizeFormat } from "./format-tokens.js";
import {
  ABBREVIATED_DAY_NAMES,
  ABBREVIATED_MONTH_NAMES,
  AM_DESIGNATOR,
  DAY_NAMES,
  isDotnetWhiteSpace,
  MONTH_NAMES,
  PM_DESIGNATOR,
} from "./invariant-culture.js";

/** The fields read from the input; -1 means "not in the format". */
export interface ParsedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: number;
  dayOfWeek: number;
  timeMark: "" | "AM" | "PM";
  hour12: boolean;
  twoDigitYear: boolean;
  offset: bigint | undefined;
  utcMarker: boolean;
}

export class ExactParser {
  private pos = 0;
  private readonly input: string;
  private readonly tokens: FormatToken[];
  private readonly fields: ParsedFields = {
    year: -1,
    month: -1,
    day: -1,
    hour: -1,
    minute: -1,
    second: -1,
    fraction: 0,
    dayOfWeek: -1,
    timeMark: "",
    hour12: false,
    twoDigitYear: false,
    offset: undefined,
    utcMarker: false,
  };
  private readonly allowInner: boolean;
  private readonly allowTrailing: boolean;

  constructor(
    text: string,
    private readonly format: string,
    styles: number,
    private readonly fail: (why: string) => ProvexError,
  ) {
    this.allowInner = (styles & DateTimeStyles.AllowInnerWhite) !== 0;
    this.allowTrailing = (styles & DateTimeStyles.AllowTrailingWhite) !== 0;
    let input = text;
    let pattern = expandStandardFormat(format);
    // Only the standard "U" format marks its input as UTC ("u" quotes its Z, which .NET keeps for compatibility).
    if (format === "U") {
      this.fields.offset = 0n;
      this.fields.utcMarker = true;
    }
    if (this.allowTrailing) {
      pattern = removeTrailingInQuoteSpaces(trimEndWhite(pattern));
      input = trimEndWhite(input);
    }
    if ((styles & DateTimeStyles.AllowLeadingWhite) !== 0) {
      pattern = removeLeadingInQuoteSpaces(trimStartWhite(pattern));
      input = trimStartWhite(input);
    }
    this.input = input;
    this.tokens = tokenizeFormat(pattern, true);
  }

  run(): ParsedFields {
    if (this.input === "") throw this.fail("the value is empty");
    for (let t = 0; t < this.tokens.length; t++) {
      if (this.allowInner) this.skipWhite();
      const token = this.tokens[t]!;
      if (token.kind === "literal" && token.source === "bare" && token.text === " " && !this.allowInner) {
        if (this.input[this.pos] === " ") {
          this.pos++;
          continue;
        }
        // .NET lets the next format token stand in for an unmatched space when trailing white is allowed
        // (for cultures whose AM designator is empty).
        const next = this.tokens[t + 1];
        if (this.allowTrailing && next !== undefined && this.tryToken(next)) {
          t++;
          continue;
        }
        throw this.fail(`expected a space at position ${this.pos}`);
      }
      const next = this.tokens[t + 1];
      if (
        isBareDot(token) &&
        next?.kind === "specifier" &&
        next.letter === "F" &&
        this.input[this.pos] !== "."
      ) {
        // ".FFF" is an optional fraction: without the dot, .NET skips both.
        t++;
        continue;
      }
      this.parseToken(token);
    }
    if (this.pos < this.input.length) throw this.fail(`unexpected "${this.input.slice(this.pos)}"`);
    return this.fields;
  }

  private tryToken(token: FormatToken): boolean {
    const saved = this.pos;
    try {
      this.parseToken(token);
      return true;
    } catch (error) {
      if (!(error instanceof ProvexError) || error.code !== "invalid-date") throw error;
      this.pos = saved;
      return false;
    }
  }

  private skipWhite(): void {
    while (isDotnetWhiteSpace(this.input[this.pos])) this.pos++;
  }

  private parseToken(token: FormatToken): void {
    if (token.kind === "literal") {
      this.parseLiteral(token.text, token.source);
      return;
    }
    const n = token.count;
    const f = this.fields;
    switch (token.letter) {
      case "y":
        if (n <= 2) f.twoDigitYear = true;
        this.set("year", this.digits(n === 1 ? 1 : n, n === 1 ? 2 : n));
        return;
      case "M":
        this.set(
          "month",
          n <= 2 ? this.digits(n, 2) : this.name(n === 3 ? ABBREVIATED_MONTH_NAMES : MONTH_NAMES) + 1,
        );
        return;
      case "d":
        if (n <= 2) {
          this.set("day", this.digits(n, 2));
          return;
        }
        this.set("dayOfWeek", this.name(n === 3 ? ABBREVIATED_DAY_NAMES : DAY_NAMES));
        return;
      case "h":
        f.hour12 = true;
        this.set("hour", this.digits(n < 2 ? 1 : 2, 2));
        return;
      case "H":
        this.set("hour", this.digits(n < 2 ? 1 : 2, 2));
        return;
      case "m":
        this.set("minute", this.digits(n < 2 ? 1 : 2, 2));
        return;
      case "s":
        this.set("second", this.digits(n < 2 ? 1 : 2, 2));
        return;
      case "f":
      case "F":
        this.parseFraction(n, token.letter === "F");
        return;
      case "t":
        this.parseTimeMark(n);
        return;
      case "g":
        this.parseEra();
        return;
      case "z":
        this.setOffset(this.offset(n));
        return;
      case "K":
        if (this.input[this.pos] === "Z") {
          this.pos++;
          this.setUtc();
        } else if (this.input[this.pos] === "+" || this.input[this.pos] === "-") {
          this.setOffset(this.offset(3));
        }
        return;
    }
  }

  private parseLiteral(text: string, source: string): void {
    if (source === "gmt") {
      this.expect("GMT");
      this.setOffset(0n);
      return;
    }
    if (source === "bare" && text === "Z") {
      // A bare Z in the format wants a zone name: "Z" or "GMT", any case, not followed by a letter.
      const name = ["GMT", "Z"].find(
        (n) =>
          this.input.slice(this.pos, this.pos + n.length).toUpperCase() === n &&
          !/^\p{L}$/u.test(this.input[this.pos + n.length] ?? ""),
      );
      if (name === undefined) throw this.fail(`expected Z or GMT at position ${this.pos}`);
      this.pos += name.length;
      this.setUtc();
      return;
    }
    // Under AllowInnerWhite a bare space in the format matches nothing: white space was skipped already.
    if (source === "bare" && text === " " && this.allowInner) return;
    for (const ch of text) {
      if (source === "quoted" && ch === " " && this.allowInner) this.skipWhite();
      else this.expect(ch);
    }
  }

  private expect(literal: string): void {
    if (!this.input.startsWith(literal, this.pos)) {
      throw this.fail(`expected "${literal}" at position ${this.pos}`);
    }
    this.pos += literal.length;
  }

  /** Reads between `min` and `max` ASCII digits (.NET's `ParseDigits`). */
  private digits(min: number, max: number): number {
    let end = this.pos;
    while (end < this.input.length && end - this.pos < max && isAsciiDigit(this.input[end])) end++;
    if (end - this.pos < min)
      throw this.fail(`expected ${min === max ? min : `${min}–${max}`} digits at position ${this.pos}`);
    const value = Number(this.input.slice(this.pos, end));
    this.pos = end;
    return value;
  }

  /** Index of the longest name that the input starts with, compared case-insensitively. */
  private name(names: readonly string[]): number {
    let best = -1;
    for (let i = 0; i < names.length; i++) {
      const candidate = names[i]!;
      const slice = this.input.slice(this.pos, this.pos + candidate.length);
      if (
        slice.toLowerCase() === candidate.toLowerCase() &&
        (best < 0 || candidate.length > names[best]!.length)
      )
        best = i;
    }
    if (best < 0) throw this.fail(`expected one of ${names.join(", ")} at position ${this.pos}`);
    this.pos += names[best]!.length;
    return best;
  }

  private parseFraction(count: number, optional: boolean): void {
    if (count > 7) throw invalidFormat(this.format, "at most seven f or F specifiers can be used in a row");
    let end = this.pos;
    while (end < this.input.length && end - this.pos < count && isAsciiDigit(this.input[end])) end++;
    const length = end - this.pos;
    if (length < count && !optional)
      throw this.fail(`expected ${count} fraction digits at position ${this.pos}`);
    if (length > 0) this.fields.fraction = Number(this.input.slice(this.pos, end)) * 10 ** (7 - length);
    this.pos = end;
  }

  private parseTimeMark(count: number): void {
    let mark: "AM" | "PM" | undefined;
    if (count === 1) {
      // One `t` compares with the designator's first letter case-sensitively; `tt` ignores case.
      const ch = this.input[this.pos];
      if (ch === AM_DESIGNATOR[0] || ch === PM_DESIGNATOR[0]) {
        mark = ch === "A" ? "AM" : "PM";
        this.pos++;
      }
    } else {
      const slice = this.input.slice(this.pos, this.pos + 2).toUpperCase();
      if (slice === AM_DESIGNATOR || slice === PM_DESIGNATOR) {
        mark = slice;
        this.pos += 2;
      }
    }
    if (mark === undefined) throw this.fail(`expected AM or PM at position ${this.pos}`);
    if (this.fields.timeMark !== "" && this.fields.timeMark !== mark) throw this.fail("AM and PM both given");
    this.fields.timeMark = mark;
  }

  private parseEra(): void {
    for (const era of ["A.D.", "AD"]) {
      if (this.input.slice(this.pos, this.pos + era.length).toUpperCase() === era) {
        this.pos += era.length;
        return;
      }
    }
    throw this.fail(`expected the era A.D. at position ${this.pos}`);
  }

  /** `z`/`zz`: sign and 1–2 / 2 hour digits; `zzz` and `K`: sign, hours, optional `:`, two minute digits. */
  private offset(count: number): bigint {
    const sign = this.input[this.pos];
    if (sign !== "+" && sign !== "-") throw this.fail(`expected + or - at position ${this.pos}`);
    this.pos++;
    let minutes = 0;
    const hours = this.digits(count === 2 ? 2 : 1, 2);
    if (count >= 3) {
      if (this.input[this.pos] === ":") this.pos++;
      minutes = this.digits(2, 2);
      if (minutes >= 60) throw this.fail("the offset's minutes must be below 60");
    }
    const ticks = BigInt(hours * 60 + minutes) * TICKS_PER_MINUTE;
    return sign === "-" ? -ticks : ticks;
  }

  private setOffset(offset: bigint): void {
    if (this.fields.offset !== undefined && this.fields.offset !== offset)
      throw this.fail("two different time zones");
    this.fields.offset = offset;
  }

  private setUtc(): void {
    this.setOffset(0n);
    this.fields.utcMarker = true;
  }

  /** A field given twice must agree (.NET's `CheckNewValue`). */
  private set(
    field: "year" | "month" | "day" | "hour" | "minute" | "second" | "dayOfWeek",
    value: number,
  ): void {
    const current = this.fields[field];
    if (current !== -1 && current !== value) throw this.fail(`two different values for the ${field}`);
    this.fields[field] = value;
  }
}

function isBareDot(token: FormatToken): boolean {
  return token.kind === "literal" && token.source === "bare" && token.text === ".";
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function trimEndWhite(text: string): string {
  let end = text.length;
  while (end > 0 && isDotnetWhiteSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

function trimStartWhite(text: string): string {
  let start = 0;
  while (start < text.length && isDotnetWhiteSpace(text[start])) start++;
  return text.slice(start);
}

/** `"HH 'h '"` → `"HH 'h'"`: .NET drops white space just inside a closing quote at the end of the format. */
function removeTrailingInQuoteSpaces(format: string): string {
  const last = format.length - 1;
  if (last <= 1 || (format[last] !== "'" && format[last] !== '"')) return format;
  let i = last;
  while (i >= 1 && isDotnetWhiteSpace(format[i - 1])) i--;
  return i === last ? format : format.slice(0, i) + format[last];
}

/** The mirror of {@link removeTrailingInQuoteSpaces} for an opening quote at the start. */
function removeLeadingInQuoteSpaces(format: string): string {
  if (format.length <= 2 || (format[0] !== "'" && format[0] !== '"')) return format;
  let i = 0;
  while (i + 1 < format.length && isDotnetWhiteSpace(format[i + 1])) i++;
  return i === 0 ? format : format[0] + format.slice(i + 1);
}
