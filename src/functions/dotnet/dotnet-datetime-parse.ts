/**
 * `DateTime.ParseExact(text, format, CultureInfo.InvariantCulture, styles)`, following .NET's
 * `DateTimeParse.DoStrictParse` rule by rule. The format is walked by exact-parser.ts; this file fills in
 * missing fields, validates the date and applies the time-zone rules of `DetermineTimeZoneAdjustments`.
 * FormatDateTime's input half; `parseDateTime` (CDate) lives in dotnet-datetime-parse-free.ts.
 */
import { ProvexError } from "../../diagnostics/index.js";
import {
  dateParts,
  dayOfWeek,
  isValidTicks,
  MAX_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_MINUTE,
  ticksFromDate,
  ticksFromParts,
} from "./date-time.js";
import { formatDateTime } from "./dotnet-datetime-format.js";
import { DateTimeStyles, parseDateTimeStyles } from "./dotnet-datetime-styles.js";
import { ExactParser, type ParsedFields } from "./exact-parser.js";
import { invalidFormat } from "./format-tokens.js";
import { type DateTimeKind, TWO_DIGIT_YEAR_MAX } from "./invariant-culture.js";

export { parseDateTime } from "./dotnet-datetime-parse-free.js";

/** A parsed DateTime: ticks of the wall-clock value .NET returns, and its Kind. */
export interface ParsedDateTime {
  readonly ticks: bigint;
  readonly kind: DateTimeKind;
}

/** Options for {@link parseExactDetailed}. */
export interface ParseExactOptions {
  /** "Now" in UTC ticks, used when the format has no date part (.NET then takes today's date). */
  readonly now?: bigint;
}

/** .NET rejects offsets beyond ±14 hours (`DateTimeOffset.MaxOffset`). */
const MAX_OFFSET_TICKS = 14n * 60n * TICKS_PER_MINUTE;

/**
 * `DateTime.ParseExact` with the invariant culture; returns the UTC ticks of the result (provex's server
 * time zone is UTC, so "local" results equal UTC ones). `styles` is a DateTimeStyles list as text (empty
 * → `RoundtripKind, AllowLeadingWhite, AllowTrailingWhite`) or a number.
 * Throws `invalid-date` when the text does not match, `invalid-format` for a bad format string and
 * `invalid-styles` for a bad styles argument.
 */
export function parseExact(text: string, format: string, styles?: string | number | null): bigint {
  return parseExactDetailed(text, format, styles).ticks;
}

/**
 * FormatDateTime in one call: `DateTime.ParseExact(text, inputFormat, invariant, styles)
 * .ToString(outputFormat, invariant)`, keeping the parsed Kind so that `K` prints what .NET prints.
 * Pass `options.now` (the evaluation clock) for input formats without a date part.
 */
export function reformatDateTime(
  text: string,
  styles: string | number | null | undefined,
  inputFormat: string,
  outputFormat: string,
  options: ParseExactOptions = {},
): string {
  const parsed = parseExactDetailed(text, inputFormat, styles, options);
  return formatDateTime(parsed.ticks, outputFormat, parsed.kind);
}

/** {@link parseExact} returning the Kind as well (it matters for `K` and `o` when formatting again). */
export function parseExactDetailed(
  text: string,
  format: string,
  stylesArgument?: string | number | null,
  options: ParseExactOptions = {},
): ParsedDateTime {
  const styles = parseDateTimeStyles(stylesArgument);
  if (format === "") throw invalidFormat(format, "it is empty");
  const fail = (why: string) =>
    new ProvexError(
      "invalid-date",
      `"${text}" does not match the date format "${format}" (${why}); give a value in that format or change the format.`,
    );
  const state = new ExactParser(text, format, styles, fail);
  const parts = state.run();
  return finish(parts, styles, options, fail);
}

/** Completes missing fields, validates, and applies the time-zone rules of `DetermineTimeZoneAdjustments`. */
function finish(
  f: ParsedFields,
  styles: number,
  options: ParseExactOptions,
  fail: (why: string) => ProvexError,
): ParsedDateTime {
  if (f.twoDigitYear && f.year >= 0 && f.year < 100) {
    const century = TWO_DIGIT_YEAR_MAX - (TWO_DIGIT_YEAR_MAX % 100);
    f.year += f.year > TWO_DIGIT_YEAR_MAX % 100 ? century - 100 : century;
  }
  if (f.year === -1 || f.month === -1 || f.day === -1) {
    const now = dateParts(options.now ?? ticksFromDate(new Date()));
    if (f.month === -1 && f.day === -1 && f.year === -1) {
      if ((styles & DateTimeStyles.NoCurrentDateDefault) !== 0) [f.year, f.month, f.day] = [1, 1, 1];
      else [f.year, f.month, f.day] = [now.year, now.month, now.day];
    } else {
      if (f.year === -1) f.year = now.year;
      if (f.month === -1) f.month = 1;
      if (f.day === -1) f.day = 1;
    }
  }
  let hour = Math.max(f.hour, 0);
  if (f.hour12) {
    if (hour > 12) throw fail("the hour is above 12 with a 12-hour clock");
    if (f.timeMark === "PM") hour = hour === 12 ? 12 : hour + 12;
    else if (hour === 12) hour = 0;
  } else if ((f.timeMark === "AM" && hour >= 12) || (f.timeMark === "PM" && hour < 12)) {
    throw fail(`${f.timeMark} does not fit the 24-hour time`);
  }
  const ticks = ticksFromParts({
    year: f.year,
    month: f.month,
    day: f.day,
    hour,
    minute: Math.max(f.minute, 0),
    second: Math.max(f.second, 0),
    fraction: f.fraction,
  });
  if (ticks === undefined) throw fail("no such date or time");
  if (f.dayOfWeek !== -1 && f.dayOfWeek !== dayOfWeek(ticks))
    throw fail("the day of the week does not match the date");
  return adjustTimeZone(ticks, f.offset, f.utcMarker, styles, fail);
}

function adjustTimeZone(
  ticks: bigint,
  parsedOffset: bigint | undefined,
  utcMarker: boolean,
  styles: number,
  fail: (why: string) => ProvexError,
): ParsedDateTime {
  const has = (flag: number) => (styles & flag) !== 0;
  let offset = parsedOffset;
  if (offset !== undefined && (offset > MAX_OFFSET_TICKS || offset < -MAX_OFFSET_TICKS)) {
    throw fail("the offset is beyond ±14:00");
  }
  if (offset === undefined) {
    if (has(DateTimeStyles.AssumeLocal)) {
      if (!has(DateTimeStyles.AdjustToUniversal)) return { ticks, kind: "local" };
      offset = 0n; // the server's local offset: provex runs on UTC
    } else if (has(DateTimeStyles.AssumeUniversal)) {
      if (has(DateTimeStyles.AdjustToUniversal)) return { ticks, kind: "utc" };
      offset = 0n;
    } else {
      return { ticks, kind: "unspecified" };
    }
  }
  if (has(DateTimeStyles.RoundtripKind) && utcMarker) return { ticks, kind: "utc" };
  let adjusted = ticks - offset;
  // .NET wraps a negative result by one day (meant for time-only input) before its range check.
  if (adjusted < 0n) adjusted += TICKS_PER_DAY;
  if (!isValidTicks(adjusted) || adjusted > MAX_TICKS) throw fail("the time zone moves it outside 0001–9999");
  return { ticks: adjusted, kind: has(DateTimeStyles.AdjustToUniversal) ? "utc" : "local" };
}
