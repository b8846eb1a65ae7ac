import { renderDateTime as renderTicks, ticksFromDate } from "./dotnet/index.js";
import type { DateTimeValue } from "./value.js";

/** A DateTime value for a JavaScript Date (millisecond precision). */
export function dateTimeFromDate(date: Date): DateTimeValue {
  return { kind: "datetime", ticks: ticksFromDate(date) };
}

/**
 * `M/d/yyyy h:mm:ss tt` in UTC with invariant AM/PM: how Entra shows a DateTime that flows to a string
 * target (SPEC Part 1, "Values"). General .NET formatting is FormatDateTime's job, not this file's.
 */
export function renderDateTime(value: DateTimeValue): string {
  return renderTicks(value.ticks);
}
