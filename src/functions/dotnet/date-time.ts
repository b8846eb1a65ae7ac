/**
 * The DateTime representation shared by the evaluator and the .NET-compatible date functions:
 * `ticks: bigint`, 100-nanosecond units since 0001-01-01T00:00:00 UTC, exactly .NET's `DateTime.Ticks`
 * for a value of Kind UTC. Everything here is exact integer arithmetic on the proleptic Gregorian
 * calendar (the one .NET uses), so any instant from year 1 to 9999 round-trips without loss.
 */
import { ProvexError } from "../../diagnostics/index.js";
import { AM_DESIGNATOR, PM_DESIGNATOR } from "./invariant-culture.js";

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_HOUR = 36_000_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;

/** `DateTime.MinValue.Ticks` and `DateTime.MaxValue.Ticks` (9999-12-31T23:59:59.9999999). */
export const MIN_TICKS = 0n;
export const MAX_TICKS = 3_155_378_975_999_999_999n;

/** Ticks of 1601-01-01, the Windows FILETIME epoch (`DateTime.FromFileTimeUtc(0).Ticks`). */
export const FILETIME_EPOCH_TICKS = 504_911_232_000_000_000n;
/** Ticks of 1970-01-01, the Unix epoch (`DateTime.UnixEpoch.Ticks`). */
export const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;

/** The parts of a DateTime as .NET's properties report them (month and day 1-based). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Ticks within the second, 0…9,999,999 (seven fractional digits). */
  readonly fraction: number;
}

const DAYS_TO_MONTH_365 = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
const DAYS_TO_MONTH_366 = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  const table = isLeapYear(year) ? DAYS_TO_MONTH_366 : DAYS_TO_MONTH_365;
  return table[month]! - table[month - 1]!;
}

/** Days from 0001-01-01 to the given date (.NET's `DateToTicks` without the tick factor). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const table = isLeapYear(year) ? DAYS_TO_MONTH_366 : DAYS_TO_MONTH_365;
  const y = year - 1;
  return (
    y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + table[month - 1]! + day - 1
  );
}

/** Year, month and day of a day number counted from 0001-01-01 (.NET's `GetDatePart`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  let n = days;
  const y400 = Math.floor(n / 146_097);
  n -= y400 * 146_097;
  let y100 = Math.floor(n / 36_524);
  if (y100 === 4) y100 = 3; // the last day of a 400-year cycle belongs to the fourth century
  n -= y100 * 36_524;
  const y4 = Math.floor(n / 1_461);
  n -= y4 * 1_461;
  let y1 = Math.floor(n / 365);
  if (y1 === 4) y1 = 3; // the leap day of a 4-year cycle
  n -= y1 * 365;
  const year = y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
  const table = isLeapYear(year) ? DAYS_TO_MONTH_366 : DAYS_TO_MONTH_365;
  let month = 1;
  while (n >= table[month]!) month++;
  return { year, month, day: n - table[month - 1]! + 1 };
}

/** Splits ticks into calendar parts. Ticks must lie in the DateTime range. */
export function dateParts(ticks: bigint): DateParts {
  const days = Number(ticks / TICKS_PER_DAY);
  const timeOfDay = ticks % TICKS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const secondsOfDay = Number(timeOfDay / TICKS_PER_SECOND);
  return {
    year,
    month,
    day,
    hour: Math.floor(secondsOfDay / 3600),
    minute: Math.floor(secondsOfDay / 60) % 60,
    second: secondsOfDay % 60,
    fraction: Number(timeOfDay % TICKS_PER_SECOND),
  };
}

/**
 * Ticks for calendar parts, or `undefined` when a part is out of range (month 13, February 30, hour 24…),
 * which is when .NET's `new DateTime(...)` would throw.
 */
export function ticksFromParts(parts: DateParts): bigint | undefined {
  const { year, month, day, hour, minute, second, fraction } = parts;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  if (fraction < 0 || fraction > 9_999_999) return undefined;
  const days = BigInt(daysFromCivil(year, month, day));
  const seconds = BigInt(hour * 3600 + minute * 60 + second);
  return days * TICKS_PER_DAY + seconds * TICKS_PER_SECOND + BigInt(fraction);
}

/** True when ticks lie within `DateTime.MinValue … DateTime.MaxValue`. */
export function isValidTicks(ticks: bigint): boolean {
  return ticks >= MIN_TICKS && ticks <= MAX_TICKS;
}

/** Throws `date-out-of-range` unless ticks are a valid DateTime; `what` names the operation. */
export function checkTicks(ticks: bigint, what: string): bigint {
  if (!isValidTicks(ticks)) {
    throw new ProvexError(
      "date-out-of-range",
      `${what} gives a date outside 0001-01-01 … 9999-12-31, which .NET cannot represent; use a smaller value.`,
    );
  }
  return ticks;
}

/** Day of the week as .NET's `DayOfWeek`: 0 = Sunday … 6 = Saturday (0001-01-01 was a Monday). */
export function dayOfWeek(ticks: bigint): number {
  return Number((ticks / TICKS_PER_DAY + 1n) % 7n);
}

/** Day of the year, 1-based. */
export function dayOfYear(ticks: bigint): number {
  const { year } = dateParts(ticks);
  return Number(ticks / TICKS_PER_DAY) - daysFromCivil(year, 1, 1) + 1;
}

/**
 * Windows FILETIME (100 ns since 1601-01-01 UTC) → ticks, as `DateTime.FromFileTimeUtc`: DateFromNum.
 * Negative values and values past 9999-12-31 are `date-out-of-range` (.NET throws there too).
 */
export function ticksFromFileTime(fileTime: bigint): bigint {
  if (fileTime < 0n) {
    throw new ProvexError(
      "date-out-of-range",
      `The FILETIME ${fileTime} is negative; a Windows FILETIME counts 100 ns units from 1601-01-01 and must be ≥ 0.`,
    );
  }
  return checkTicks(fileTime + FILETIME_EPOCH_TICKS, `The FILETIME ${fileTime}`);
}

/** Ticks → Windows FILETIME, as `DateTime.ToFileTimeUtc`: NumFromDate. Dates before 1601 are an error. */
export function fileTimeFromTicks(ticks: bigint): bigint {
  const fileTime = ticks - FILETIME_EPOCH_TICKS;
  if (fileTime < 0n) {
    throw new ProvexError(
      "date-out-of-range",
      "The date is before 1601-01-01, which a Windows FILETIME cannot represent; use a later date.",
    );
  }
  return fileTime;
}

/** Ticks for a JavaScript `Date` (millisecond precision), e.g. the evaluation context's clock for Now. */
export function ticksFromDate(date: Date): bigint {
  return BigInt(date.getTime()) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS;
}

/** Two digits, zero-padded; helpers for the renderers. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * How Entra shows a DateTime that flows to a string target: `M/d/yyyy h:mm:ss tt`, invariant culture,
 * UTC — e.g. `3/16/2020 7:00:00 AM` (SPEC Part 1, "Values").
 */
export function renderDateTime(ticks: bigint): string {
  const p = dateParts(ticks);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${p.month}/${p.day}/${pad(p.year, 4)} ${hour12}:${pad(p.minute, 2)}:${pad(p.second, 2)} ${p.hour < 12 ? AM_DESIGNATOR : PM_DESIGNATOR}`;
}
