import { ProvexError } from "../diagnostics/index.js";
import { textOf } from "./coerce.js";
import type { CallSite, RuntimeContext } from "./context.js";
import { parseDateTime, ticksFromDate } from "./dotnet/index.js";
import { type DateTimeValue, isAbsent, isDateTime, type Value } from "./value.js";

/**
 * The seam between the builtins and the .NET-compatible cores in `dotnet/`: the cores raise errors
 * without a position in the expression (or with an offset inside a regular expression), and builtins
 * must blame the call that failed.
 */

/**
 * Runs a core for a call. A {@link ProvexError} it raises keeps its code and message (which names any
 * offset inside a pattern) and takes the call's span, so that editors underline the failing call.
 */
export function atCall<T>(site: CallSite, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ProvexError && error.span !== site.span) {
      throw new ProvexError(error.code, error.message, { span: site.span });
    }
    throw error;
  }
}

/** A DateTime value for UTC ticks. */
export function dateTime(ticks: bigint): DateTimeValue {
  return { kind: "datetime", ticks };
}

/** "Now" in UTC ticks, from the evaluation context's clock (read once per evaluation). */
export function nowTicks(context: RuntimeContext): bigint {
  return ticksFromDate(context.now());
}

/**
 * The UTC ticks of a DateTime argument: a DateTime as it is, text parsed by CDate's rules (Entra's Now()
 * and CDate() render as strings and are documented as DateTime arguments). Null gives null; text that is
 * not a date is `invalid-date` with the call's span. A time without a date takes today's date from the
 * evaluation clock, as .NET's `DateTime.Parse` does — which is why the date builtins are not `pure`.
 */
export function ticksOf(
  value: Value | undefined,
  site: CallSite,
  parameter: string,
  context: RuntimeContext,
): bigint | null {
  if (isAbsent(value)) return null;
  if (isDateTime(value)) return value.ticks;
  const text = textOf(value, site, parameter);
  if (text === null) return null;
  return atCall(site, () => parseDateTime(text, { now: nowTicks(context) }));
}
