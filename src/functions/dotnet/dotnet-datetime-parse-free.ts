/**
 * CDate: `DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)` for the
 * shapes people actually send. .NET's free-form parser is a large heuristic state machine; provex accepts
 * the documented shapes and the common ones around them, and names the accepted shapes in its error:
 *
 * - ISO 8601: `2020-03-16`, `2020-03-16T07:00:00.1234567Z`, `2020-03-16 07:00`, `2020-03-16-07:00`
 *   (a date with an offset is midnight at that offset), also with `/` or `.` between the parts;
 * - invariant short dates: `3/16/2020`, `3/16/20`, `3/16/2020 7:00:00 AM`, `03-16-2020 19:00`;
 * - month names: `16 Mar 2020`, `March 16, 2020 7:00 PM`, RFC 1123 `Mon, 16 Mar 2020 07:00:00 GMT`;
 * - a time alone (`07:00`, `7 PM`) on today's date;
 * - zones: `Z`, `GMT`, `UTC`, `+08:00`, `+0800`, `+08`, `-8` (Connect's bare hour offset).
 *
 * Input without a zone is taken as UTC (SPEC Part 1, "Dates").
 */
import { ProvexError } from "../../diagnostics/index.js";
import {
  dateParts,
  dayOfWeek,
  isValidTicks,
  TICKS_PER_MINUTE,
  ticksFromDate,
  ticksFromParts,
} from "./date-time.js";
import {
  ABBREVIATED_DAY_NAMES,
  ABBREVIATED_MONTH_NAMES,
  DAY_NAMES,
  MONTH_NAMES,
  TWO_DIGIT_YEAR_MAX,
} from "./invariant-culture.js";

const MONTH = `(${[...MONTH_NAMES, ...ABBREVIATED_MONTH_NAMES, "Sept"].join("|")})\\.?`;
const DAY_NAME = `(?:(${[...DAY_NAMES, ...ABBREVIATED_DAY_NAMES].join("|")})\\.?,?\\s*)?`;
const TIME =
  "(?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*([AP])\\.?M?\\.?)?|(\\d{1,2})\\s*([AP])\\.?M\\.?)";
const ZONE = "(Z|GMT|UTC|[+-]\\d{1,2}(?::?\\d{2})?)";

/** The date shapes; each names its groups so that one routine reads them all. */
const DATE_SHAPES: readonly { readonly regex: string; readonly order: "ymd" | "mdy" | "dMy" | "Mdy" }[] = [
  // `\\3` is the separator group (group 1 is the optional day name): the same separator both times.
  { regex: "(\\d{4})([-/.])(\\d{1,2})\\3(\\d{1,2})", order: "ymd" },
  { regex: "(\\d{1,2})([-/.])(\\d{1,2})\\3(\\d{4}|\\d{2})", order: "mdy" },
  { regex: `(\\d{1,2})([-\\s])${MONTH}[-\\s,]+(\\d{4}|\\d{2})`, order: "dMy" },
  { regex: `${MONTH}()\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, order: "Mdy" },
];

const COMPILED = DATE_SHAPES.map((shape) => ({
  order: shape.order,
  // Date, then optionally [T or spaces] time, then optionally a zone; one anchored pass, no nested repetition.
  regex: new RegExp(`^${DAY_NAME}${shape.regex}(?:(?:T|\\s+)${TIME})?\\s*${ZONE}?$`, "i"),
}));
const TIME_ONLY = new RegExp(`^${TIME}\\s*${ZONE}?$`, "i");

/** Options for {@link parseDateTime}. */
export interface ParseDateTimeOptions {
  /** Today's date for a time-only input, in UTC ticks; defaults to the system clock. */
  readonly now?: bigint;
}

/**
 * Parses a date/time string like .NET `DateTime.Parse(text, invariant, AdjustToUniversal)` and returns UTC
 * ticks. Throws `ProvexError` `invalid-date` naming the value and the accepted shapes.
 */
export function parseDateTime(text: string, options: ParseDateTimeOptions = {}): bigint {
  const input = text.trim();
  for (const { order, regex } of COMPILED) {
    const m = regex.exec(input);
    if (m === null) continue;
    const [, dayName, a, , b, c] = m;
    let year: number;
    let month: number;
    let day: number;
    let yearDigits: number;
    if (order === "ymd") [year, month, day, yearDigits] = [Number(a), Number(b), Number(c), 4];
    else if (order === "mdy") [month, day, year, yearDigits] = [Number(a), Number(b), Number(c), c!.length];
    else if (order === "dMy")
      [day, month, year, yearDigits] = [Number(a), monthNumber(b!), Number(c), c!.length];
    else [month, day, year, yearDigits] = [monthNumber(a!), Number(b), Number(c), 4];
    if (yearDigits === 2) year = fourDigitYear(year);
    // The day name must match the date as written, before any offset moves it to UTC.
    const written = ticksFromParts({ year, month, day, hour: 0, minute: 0, second: 0, fraction: 0 });
    if (dayName !== undefined && written !== undefined && dayOfWeek(written) !== dayNumber(dayName)) {
      throw invalidDate(text, `${dayName} is not the day of the week of that date`);
    }
    return build(text, year, month, day, m.slice(6, 13), m[13]);
  }
  const time = TIME_ONLY.exec(input);
  if (time !== null) {
    const today = options.now ?? ticksFromDate(new Date());
    const parts = dateParts(today);
    return build(text, parts.year, parts.month, parts.day, time.slice(1, 8), time[8]);
  }
  throw invalidDate(text, "it is not a date in a recognised shape");
}

function build(
  text: string,
  year: number,
  month: number,
  day: number,
  time: readonly (string | undefined)[],
  zone: string | undefined,
): bigint {
  const [hh, mm, ss, fraction, mark, bareHour, bareMark] = time;
  let hour = Number(hh ?? bareHour ?? 0);
  const designator = (mark ?? bareMark)?.toUpperCase();
  if (designator !== undefined) {
    if (hour > 12) throw invalidDate(text, "the hour is above 12 with AM/PM");
    if (designator === "P" && hour < 12) hour += 12;
    if (designator === "A" && hour === 12) hour = 0;
  }
  // .NET keeps seven fraction digits and rounds the rest.
  const digits = (fraction ?? "").padEnd(8, "0");
  let fractionTicks = Number(digits.slice(0, 7));
  if (Number(digits[7]) >= 5) fractionTicks++;
  const wall = ticksFromParts({
    year,
    month,
    day,
    hour,
    minute: Number(mm ?? 0),
    second: Number(ss ?? 0),
    fraction: 0,
  });
  if (wall === undefined) throw invalidDate(text, "no such date or time");
  const ticks = wall + BigInt(fractionTicks) - zoneOffset(text, zone);
  if (!isValidTicks(ticks)) throw invalidDate(text, "the zone moves it outside 0001–9999");
  return ticks;
}

function zoneOffset(text: string, zone: string | undefined): bigint {
  if (zone === undefined || /^(z|gmt|utc)$/i.test(zone)) return 0n;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0))
    throw invalidDate(text, "the offset is beyond ±14:00");
  const ticks = BigInt(hours * 60 + minutes) * TICKS_PER_MINUTE;
  return m[1] === "-" ? -ticks : ticks;
}

function fourDigitYear(year: number): number {
  const century = TWO_DIGIT_YEAR_MAX - (TWO_DIGIT_YEAR_MAX % 100);
  return year + (year > TWO_DIGIT_YEAR_MAX % 100 ? century - 100 : century);
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower === "sept") return 9;
  const full = MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower);
  return full >= 0 ? full + 1 : ABBREVIATED_MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower) + 1;
}

function dayNumber(name: string): number {
  const lower = name.toLowerCase();
  const full = DAY_NAMES.findIndex((d) => d.toLowerCase() === lower);
  return full >= 0 ? full : ABBREVIATED_DAY_NAMES.findIndex((d) => d.toLowerCase() === lower);
}

function invalidDate(text: string, why: string): ProvexError {
  return new ProvexError(
    "invalid-date",
    `"${text}" is not a date CDate can read (${why}). Use ISO 8601 such as 2020-03-16T07:00:00Z or ` +
      "2020-03-16-07:00, M/d/yyyy h:mm:ss tt such as 3/16/2020 7:00:00 AM, or RFC 1123 such as " +
      "Mon, 16 Mar 2020 07:00:00 GMT; convert other shapes with FormatDateTime first.",
  );
}
