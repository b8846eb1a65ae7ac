import type { EvaluationContext } from "../functions/index.js";
import { seededRandom } from "../review/seeded-random.js";
import { UsageError } from "./usage-error.js";

/**
 * The clock and randomness of `--now` and `--seed`, so that Now, Guid and RandomString give the same
 * answer on every run (for tests, reviews and diffs), on any machine.
 */
export function reproducibleContext(now: string | undefined, seed: string | undefined): EvaluationContext {
  const context: { now?: Date; random?: () => number } = {};
  if (now !== undefined) context.now = parseInstant(now, "--now");
  if (seed !== undefined) {
    if (!/^-?\d{1,30}$/.test(seed))
      throw new UsageError(
        `--seed takes a whole number (at most 30 digits), not ${JSON.stringify(seed.slice(0, 40))}`,
      );
    context.random = seededRandom(Number(BigInt.asUintN(32, BigInt(seed))));
  }
  return context;
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An instant written in ISO 8601's extended format: a date (`2025-01-31`, midnight), or a date and time
 * (`2025-01-31T09:00`, `…T09:00:00.123`) with `Z` or an offset (`+02:00`, `+0200`, `+02`). A date or a
 * time without an offset is UTC — never the machine's time zone, so that a run gives the same answer
 * everywhere. Every field is checked (`2024-02-30` is an error, not March 1st); fractions of a second
 * past milliseconds are dropped. Throws a {@link UsageError} that names `option` and the problem.
 */
export function parseInstant(text: string, option: string): Date {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const match = ISO_8601.exec(text);
  if (!match) {
    throw new UsageError(
      `${option} takes an ISO 8601 date or date and time, such as 2025-01-31 or 2025-01-31T09:00:00Z, not ${shown}`,
    );
  }
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone = "Z"] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  const problem = fieldProblem(fields);
  if (problem !== undefined) throw new UsageError(`${option} ${shown} is not a valid instant: ${problem}`);
  const offset = offsetMinutes(zone);
  if (offset === undefined)
    throw new UsageError(`${option} ${shown} is not a valid instant: the offset ${zone} is out of range`);
  const instant = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  instant.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  instant.setUTCHours(
    fields.hour,
    fields.minute - offset,
    fields.second,
    Number(fraction.padEnd(3, "0").slice(0, 3)),
  );
  return instant;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function fieldProblem(f: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): string | undefined {
  // .NET's DateTime, which the builtins model, runs from year 1 to 9999.
  if (f.year < 1) return "the year must be 0001 or later";
  if (f.month < 1 || f.month > 12) return `there is no month ${f.month}`;
  const days = daysInMonth(f.year, f.month);
  if (f.day < 1 || f.day > days) return `${MONTHS[f.month - 1]} ${f.year} has ${days} days`;
  if (f.hour > 23) return "the hour must be 00 to 23";
  if (f.minute > 59) return "the minute must be 00 to 59";
  if (f.second > 59) return "the second must be 00 to 59";
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Minutes east of UTC for `Z`, `±hh`, `±hhmm` or `±hh:mm`; undefined when out of range. */
function offsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
