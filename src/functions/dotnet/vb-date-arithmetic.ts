/**
 * DateAdd and DateDiff as VB.NET's `Microsoft.VisualBasic.DateAndTime` computes them, on UTC ticks.
 * Entra's documented DateDiff results (SPEC Part 2, DateDiff) match VB's rules exactly, including the
 * Sunday-boundary week count that plain elapsed-days/7 gets wrong.
 */
import { ProvexError } from "../../diagnostics/index.js";
import {
  checkTicks,
  dateParts,
  dayOfWeek,
  daysInMonth,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  ticksFromParts,
} from "./date-time.js";

/**
 * VB interval codes: `yyyy` year, `q` quarter, `m` month, `y` day of year, `d` day, `w` weekday,
 * `ww` week, `h` hour, `n` minute, `s` second. Entra documents yyyy m d ww h n s; Connect adds q y w.
 */
export type DateInterval = "yyyy" | "q" | "m" | "y" | "d" | "w" | "ww" | "h" | "n" | "s";

const INTERVALS = new Set<string>(["yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"]);

/** Checks an interval argument (case-insensitively, as VB does); throws `invalid-interval` otherwise. */
export function toDateInterval(text: string): DateInterval {
  const lower = text.toLowerCase();
  if (INTERVALS.has(lower)) return lower as DateInterval;
  throw new ProvexError(
    "invalid-interval",
    `"${text}" is not a date interval; use yyyy (years), q (quarters), m (months), y or d (days), w or ww ` +
      "(weeks), h (hours), n (minutes) or s (seconds).",
  );
}

/**
 * `DateAdd(interval, number, date)`: adds whole units. Months and years follow `DateTime.AddMonths`, which
 * clamps to the last day of the month (1/31 + 1 month = 2/28 or 2/29). VB treats `y` and `w` as days.
 * Throws `invalid-interval`, or `date-out-of-range` when the result leaves 0001–9999.
 */
export function dateAdd(interval: string, amount: bigint | number, ticks: bigint): bigint {
  const unit = toDateInterval(interval);
  const n = BigInt(amount);
  switch (unit) {
    case "yyyy":
      return addMonths(ticks, n * 12n);
    case "q":
      return addMonths(ticks, n * 3n);
    case "m":
      return addMonths(ticks, n);
    case "y":
    case "d":
    case "w":
      return checkTicks(ticks + n * TICKS_PER_DAY, "DateAdd");
    case "ww":
      return checkTicks(ticks + n * 7n * TICKS_PER_DAY, "DateAdd");
    case "h":
      return checkTicks(ticks + n * TICKS_PER_HOUR, "DateAdd");
    case "n":
      return checkTicks(ticks + n * TICKS_PER_MINUTE, "DateAdd");
    case "s":
      return checkTicks(ticks + n * TICKS_PER_SECOND, "DateAdd");
  }
}

/** `DateTime.AddMonths`: same day and time of day, clamped to the target month's length. */
export function addMonths(ticks: bigint, months: bigint): bigint {
  const p = dateParts(ticks);
  const total = BigInt(p.year) * 12n + BigInt(p.month - 1) + months;
  const year = Number(total / 12n);
  const month = Number(total % 12n) + 1;
  if (total < 12n || year > 9999) checkTicks(-1n, "DateAdd");
  const day = Math.min(p.day, daysInMonth(year, month));
  const date = ticksFromParts({ year, month, day, hour: 0, minute: 0, second: 0, fraction: 0 })!;
  return date + (ticks % TICKS_PER_DAY);
}

/**
 * `DateDiff(interval, date1, date2)`, positive when date2 is later:
 * - `d` `y` `h` `n` `s`: elapsed time in that unit, truncated toward zero;
 * - `w`: elapsed whole days divided by 7, truncated;
 * - `ww`: both dates moved back to the Saturday before them, then elapsed whole days / 7 (Sunday
 *   boundaries crossed);
 * - `m` `q` `yyyy`: calendar boundaries crossed (month, quarter or year numbers subtracted).
 * Returns a bigint (VB's Long). Throws `invalid-interval`.
 */
export function dateDiff(interval: string, ticks1: bigint, ticks2: bigint): bigint {
  const unit = toDateInterval(interval);
  const elapsed = ticks2 - ticks1; // bigint division truncates toward zero, as VB's Fix does
  switch (unit) {
    case "d":
    case "y":
      return elapsed / TICKS_PER_DAY;
    case "h":
      return elapsed / TICKS_PER_HOUR;
    case "n":
      return elapsed / TICKS_PER_MINUTE;
    case "s":
      return elapsed / TICKS_PER_SECOND;
    case "w":
      return elapsed / TICKS_PER_DAY / 7n;
    case "ww": {
      // VB moves each date back to the Saturday before it (1–7 days), which fails in 0001's first week.
      const saturday1 = checkTicks(ticks1 - BigInt(dayOfWeek(ticks1) + 1) * TICKS_PER_DAY, "DateDiff");
      const saturday2 = checkTicks(ticks2 - BigInt(dayOfWeek(ticks2) + 1) * TICKS_PER_DAY, "DateDiff");
      return (saturday2 - saturday1) / TICKS_PER_DAY / 7n;
    }
    case "m":
    case "q":
    case "yyyy": {
      const a = dateParts(ticks1);
      const b = dateParts(ticks2);
      const years = BigInt(b.year - a.year);
      if (unit === "yyyy") return years;
      if (unit === "m") return years * 12n + BigInt(b.month - a.month);
      return years * 4n + BigInt(Math.floor((b.month - 1) / 3) - Math.floor((a.month - 1) / 3));
    }
  }
}
