import type { DateTimeValue } from "./value.js";

/** Ticks (100 ns) between 0001-01-01 and the Unix epoch, as .NET's `DateTime.UnixEpoch.Ticks`. */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
const TICKS_PER_MILLISECOND = 10_000n;

/** A DateTime value for a JavaScript Date (millisecond precision). */
export function dateTimeFromDate(date: Date): DateTimeValue {
  return { kind: "datetime", ticks: BigInt(date.getTime()) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS };
}

/**
 * `M/d/yyyy h:mm:ss tt` in UTC with invariant AM/PM: how Entra shows a DateTime that flows to a string
 * target (SPEC Part 1, "Values"). General .NET formatting is FormatDateTime's job, not this file's.
 */
export function renderDateTime(value: DateTimeValue): string {
  const offset = value.ticks - UNIX_EPOCH_TICKS;
  // Floor division, so that instants before 1970 land on the right second.
  let milliseconds = offset / TICKS_PER_MILLISECOND;
  if (offset < 0n && offset % TICKS_PER_MILLISECOND !== 0n) milliseconds -= 1n;
  const date = new Date(Number(milliseconds));
  if (Number.isNaN(date.getTime())) return String(value.ticks);
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${year} ${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`;
}
