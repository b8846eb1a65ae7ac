/** Helpers shared by the dotnet-* unit tests. */
import { ProvexError } from "../../src/diagnostics/index.js";
import { ticksFromParts } from "../../src/functions/dotnet/date-time.js";

/** The `code` of the ProvexError `run` throws, or "no error". Tests assert codes, never message text. */
export function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProvexError) return error.code;
    throw error;
  }
  return "no error";
}

/** Ticks for a UTC date and time; fraction in 100 ns units. */
export function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  fraction = 0,
): bigint {
  const ticks = ticksFromParts({ year, month, day, hour, minute, second, fraction });
  if (ticks === undefined) throw new Error(`no such date ${year}-${month}-${day}`);
  return ticks;
}
