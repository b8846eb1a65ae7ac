import { integerOf, textOf, textOrEmpty } from "./coerce.js";
import { type CallSite, fail, type RuntimeContext } from "./context.js";
import { eager, optional, required } from "./define.js";
import {
  dateAdd,
  dateDiff,
  fileTimeFromTicks,
  formatDateTime,
  parseDateTimeStyles,
  parseExactDetailed,
  ticksFromFileTime,
} from "./dotnet/index.js";
import { atCall, dateTime, nowTicks, ticksOf } from "./dotnet-call.js";
import { DYNAMIC, type EagerImplementation, type FunctionSpec } from "./spec.js";
import { isAbsent, type Value } from "./value.js";

/**
 * Dates: thin calls over the .NET-compatible cores in dotnet/ (DateTime.Parse, ParseExact and custom
 * formats, VB DateAdd/DateDiff, FILETIME). DateTime arguments also take text, parsed by CDate's rules.
 * Every builtin that parses text reads the evaluation clock for a time without a date (.NET takes
 * today's date there), so those are declared impure and never folded at compile time.
 */

const PROVISIONING = ["provisioning"] as const;
const INTERVAL = 'One of "yyyy", "m", "d", "ww", "h", "n", "s".';

export const CDate: FunctionSpec = {
  name: "CDate",
  family: "dates",
  parameters: [required("expression", "text", "A date/time string.")],
  returns: "dateTime",
  availability: PROVISIONING,
  summary: "Parses a date/time string into a UTC DateTime.",
  doc: "Parses like .NET `DateTime.Parse` with AdjustToUniversal: ISO 8601 forms, a date with an offset such as `2020-03-16-07:00` (midnight at that offset), `M/d/yyyy h:mm:ss tt`, RFC 1123. Input without an offset is UTC. A time alone takes today's date from the evaluation clock. Renders as `M/d/yyyy h:mm:ss tt`; text that is not a date is `invalid-date`; null gives null.",
  example: { expression: 'CDate("2009-06-15T01:45:30-07:00")', result: "6/15/2009 8:45:30 AM" },
  pure: false,
  implemented: true,
  implementation: eager(([source], site, context) => {
    const ticks = ticksOf(source, site, "expression", context);
    return ticks === null ? null : dateTime(ticks);
  }),
};

export const DateAdd: FunctionSpec = {
  name: "DateAdd",
  family: "dates",
  parameters: [
    required("interval", "text", INTERVAL),
    required("value", "integer", "How many intervals to add; may be negative."),
    required("dateTime", "dateTime", "A DateTime (CDate(…), Now()) or date text, read as CDate reads it."),
  ],
  returns: "dateTime",
  availability: PROVISIONING,
  summary: "Adds a number of intervals to a DateTime.",
  doc: "Adds `value` intervals (years, months, days, weeks, hours, minutes, seconds). Months and years clamp to the month's last day, as .NET AddMonths. A null dateTime gives null; an unknown interval is `invalid-interval`, a result outside 0001–9999 `date-out-of-range`.",
  example: {
    expression: 'DateAdd("d", 7, CDate([StatusHireDate]))',
    attributes: { StatusHireDate: "2012-03-16-07:00" },
    result: "3/23/2012 7:00:00 AM",
  },
  pure: false,
  implemented: true,
  implementation: eager(([interval, amount, date], site, context) => {
    const unit = textOrEmpty(interval, site, "interval");
    const count = integerOf(amount, site, "value");
    const ticks = ticksOf(date, site, "dateTime", context);
    return ticks === null ? null : dateTime(atCall(site, () => dateAdd(unit, count, ticks)));
  }),
};

export const DateDiff: FunctionSpec = {
  name: "DateDiff",
  family: "dates",
  parameters: [
    required("interval", "text", INTERVAL),
    required("date1", "dateTime", "The start DateTime, or date text read as CDate reads it."),
    required("date2", "dateTime", "The end DateTime, or date text read as CDate reads it."),
  ],
  returns: "integer",
  availability: PROVISIONING,
  summary: "Returns the number of intervals between two DateTimes.",
  doc: "date2 − date1 in the given unit, as VB.NET DateDiff: d/h/n/s truncate the elapsed time; m and yyyy count calendar boundaries; ww counts Sunday boundaries. Null when either date is null; an unknown interval is `invalid-interval`.",
  example: {
    expression: 'DateDiff("d", CDate([date1]), CDate([date2]))',
    attributes: { date1: "2021-08-18+08:00", date2: "2021-08-31+08:00" },
    result: "13",
  },
  pure: false,
  implemented: true,
  implementation: eager(([interval, first, second], site, context) => {
    const unit = textOrEmpty(interval, site, "interval");
    const ticks1 = ticksOf(first, site, "date1", context);
    const ticks2 = ticksOf(second, site, "date2", context);
    if (ticks1 === null || ticks2 === null) return null;
    return atCall(site, () => dateDiff(unit, ticks1, ticks2));
  }),
};

export const DateFromNum: FunctionSpec = {
  name: "DateFromNum",
  family: "dates",
  parameters: [required("value", "integer", "A Windows FILETIME: 100 ns ticks since 1601-01-01 UTC.")],
  returns: "dateTime",
  availability: ["provisioning", "cloudSync"],
  summary: "Converts an AD integer date (FILETIME) to a DateTime.",
  doc: "Converts Active Directory's integer dates (lastLogonTimestamp, accountExpires) to a DateTime; 64-bit values are exact.",
  example: { expression: "DateFromNum(129699324000000000)", result: "1/1/2012 11:00:00 PM" },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => {
    if (isAbsent(value)) return null;
    const fileTime = integerOf(value, site, "value");
    return dateTime(atCall(site, () => ticksFromFileTime(fileTime)));
  }),
};

export const NumFromDate: FunctionSpec = {
  name: "NumFromDate",
  family: "dates",
  parameters: [required("value", "dateTime", "An ISO 8601 date-time string or a DateTime.")],
  returns: "integer",
  availability: PROVISIONING,
  summary: "Converts a date to AD's integer format (FILETIME).",
  doc: "Returns the 100 ns ticks since 1601-01-01 UTC, for targets such as accountExpires. Convert other formats first with FormatDateTime.",
  example: { expression: 'NumFromDate("2012-01-01T23:00:00Z")', result: "129699324000000000" },
  pure: false,
  implemented: true,
  implementation: eager(([value], site, context) => {
    const ticks = ticksOf(value, site, "value", context);
    return ticks === null ? null : atCall(site, () => fileTimeFromTicks(ticks));
  }),
};

export const Now: FunctionSpec = {
  name: "Now",
  family: "dates",
  parameters: [],
  returns: "dateTime",
  availability: PROVISIONING,
  summary: "Returns the current UTC time.",
  doc: "The evaluation context's clock (the real one by default), as a DateTime rendered `M/d/yyyy h:mm:ss tt` UTC; usable in DateAdd and DateDiff.",
  example: { expression: "Now()", result: "<nondeterministic>" },
  pure: false,
  implemented: true,
  implementation: eager((_args, _site, context) => dateTime(nowTicks(context))),
};

export const FormatDateTime: FunctionSpec = {
  name: "FormatDateTime",
  family: "dates",
  parameters: [
    required("source", "text", "The date text to reformat."),
    optional(
      "dateTimeStyles",
      "text",
      ".NET DateTimeStyles names; RoundtripKind and white space allowed when empty.",
    ),
    required("inputFormat", "text", "The .NET format of the source."),
    required("outputFormat", "text", "The .NET format of the result."),
  ],
  minimumArguments: 3,
  returns: "text",
  availability: ["provisioning", "cloudSync"],
  summary: "Reformats a date string from one .NET format to another.",
  doc: ".NET `DateTime.ParseExact(source, inputFormat, invariant, styles).ToString(outputFormat)` with custom and standard format strings; local time is UTC. Cloud Sync's three-argument form `FormatDateTime(source, inputFormat, outputFormat)` is accepted too.",
  example: {
    expression: 'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
    attributes: { extensionAttribute1: "20150123105347.1Z" },
    result: "2015-01-23",
  },
  pure: false,
  implemented: true,
  implementation: eager(formatDateTimeCall, specializeFormatDateTime),
};

/**
 * The arguments of a FormatDateTime call as Entra's four-argument form names them. Cloud Sync's
 * three-argument form (source, inputFormat, outputFormat) is told apart by its argument count.
 */
function formatArguments<T>(
  args: readonly T[],
): Record<"source" | "styles" | "inputFormat" | "outputFormat", T | undefined> {
  if (args.length === 3)
    return { source: args[0], styles: undefined, inputFormat: args[1], outputFormat: args[2] };
  return { source: args[0], styles: args[1], inputFormat: args[2], outputFormat: args[3] };
}

function formatOf(value: Value | undefined, site: CallSite, parameter: string): string {
  return (
    textOf(value, site, parameter) ??
    fail(
      site,
      "null-argument",
      `FormatDateTime's ${parameter} is missing; give a .NET date format such as "yyyy-MM-dd".`,
    )
  );
}

/** ParseExact then ToString, keeping the parsed Kind so that `K` prints what .NET prints. */
function reformat(
  text: string,
  styles: string | number | null,
  inputFormat: string,
  outputFormat: string,
  site: CallSite,
  now: bigint,
): string {
  return atCall(site, () => {
    const parsed = parseExactDetailed(text, inputFormat, styles, { now });
    return formatDateTime(parsed.ticks, outputFormat, parsed.kind);
  });
}

function formatDateTimeCall(
  args: readonly (Value | undefined)[],
  site: CallSite,
  context: RuntimeContext,
): Value {
  const { source, styles, inputFormat, outputFormat } = formatArguments(args);
  const text = textOf(source, site, "source");
  if (text === null) return null;
  const input = formatOf(inputFormat, site, "inputFormat");
  const output = formatOf(outputFormat, site, "outputFormat");
  return reformat(text, textOf(styles, site, "dateTimeStyles"), input, output, site, nowTicks(context));
}

/** With constant styles and formats, reads the styles once; only the source varies per evaluation. */
function specializeFormatDateTime(
  constants: readonly (Value | undefined | typeof DYNAMIC)[],
  site: CallSite,
): EagerImplementation | undefined {
  const { styles, inputFormat, outputFormat } = formatArguments(constants);
  if (styles === DYNAMIC || inputFormat === DYNAMIC || outputFormat === DYNAMIC) return undefined;
  const flags = atCall(site, () => parseDateTimeStyles(textOf(styles, site, "dateTimeStyles")));
  const input = formatOf(inputFormat, site, "inputFormat");
  const output = formatOf(outputFormat, site, "outputFormat");
  return ([source], callSite, context) => {
    const text = textOf(source, callSite, "source");
    return text === null ? null : reformat(text, flags, input, output, callSite, nowTicks(context));
  };
}

export const dateFunctions: readonly FunctionSpec[] = [
  CDate,
  DateAdd,
  DateDiff,
  DateFromNum,
  FormatDateTime,
  Now,
  NumFromDate,
];
