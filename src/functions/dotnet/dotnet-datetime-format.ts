/**
 * `DateTime.ToString(format, CultureInfo.InvariantCulture)`: every custom specifier and the standard
 * formats of the invariant culture. FormatDateTime's output half.
 */
import { dateParts, dayOfWeek, pad, TICKS_PER_MINUTE } from "./date-time.js";
import { expandStandardFormat, invalidFormat, tokenizeFormat } from "./format-tokens.js";
import {
  ABBREVIATED_DAY_NAMES,
  ABBREVIATED_MONTH_NAMES,
  AM_DESIGNATOR,
  DAY_NAMES,
  type DateTimeKind,
  ERA_NAME,
  MONTH_NAMES,
  PM_DESIGNATOR,
} from "./invariant-culture.js";

/**
 * Formats a UTC instant like .NET's `DateTime.ToString(format, CultureInfo.InvariantCulture)`.
 *
 * - `format` is a custom format (`yyyy-MM-dd'T'HH:mm:ss.fffK`) or, when one character long, a standard
 *   one (`d D f F g G M m O o R r s t T u U Y y`); `""` means `G`.
 * - `kind` is the DateTime's `Kind`. It changes only `K` (`Z` for utc, `+00:00` for local, nothing for
 *   unspecified) and the `o` format's suffix; `z` prints the server's offset, which is `+00:00` for provex.
 *
 * Throws `ProvexError` `invalid-format` for an unknown standard format, an unclosed quote, a trailing
 * `\` or `%`, or more than seven `f`/`F`.
 */
export function formatDateTime(ticks: bigint, format: string, kind: DateTimeKind = "utc"): string {
  const pattern = expandStandardFormat(format);
  const p = dateParts(ticks);
  let out = "";
  for (const token of tokenizeFormat(pattern)) {
    if (token.kind === "literal") {
      out += token.text;
      continue;
    }
    const n = token.count;
    switch (token.letter) {
      case "d":
        out +=
          n <= 2
            ? pad(p.day, n)
            : n === 3
              ? ABBREVIATED_DAY_NAMES[dayOfWeek(ticks)]
              : DAY_NAMES[dayOfWeek(ticks)];
        break;
      case "M":
        out +=
          n <= 2
            ? pad(p.month, n)
            : n === 3
              ? ABBREVIATED_MONTH_NAMES[p.month - 1]
              : MONTH_NAMES[p.month - 1];
        break;
      case "y":
        out += n <= 2 ? pad(p.year % 100, n) : pad(p.year, n);
        break;
      case "h":
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, Math.min(n, 2));
        break;
      case "H":
        out += pad(p.hour, Math.min(n, 2));
        break;
      case "m":
        out += pad(p.minute, Math.min(n, 2));
        break;
      case "s":
        out += pad(p.second, Math.min(n, 2));
        break;
      case "f":
      case "F":
        out = appendFraction(out, p.fraction, n, token.letter === "F", format);
        break;
      case "t": {
        const designator = p.hour < 12 ? AM_DESIGNATOR : PM_DESIGNATOR;
        out += n === 1 ? designator[0] : designator;
        break;
      }
      case "g":
        out += ERA_NAME;
        break;
      case "K":
        out += kind === "utc" ? "Z" : kind === "local" ? "+00:00" : "";
        break;
      case "z":
        out += formatOffset(0n, n);
        break;
    }
  }
  return out;
}

/** `f`…`fffffff` print that many fraction digits; `F` drops trailing zeros, and a `.` before nothing. */
function appendFraction(out: string, fraction: number, count: number, trim: boolean, format: string): string {
  if (count > 7) throw invalidFormat(format, "at most seven f or F specifiers can be used in a row");
  let digits = pad(Math.floor(fraction / 10 ** (7 - count)), count);
  if (!trim) return out + digits;
  digits = digits.replace(/0+$/, "");
  if (digits !== "") return out + digits;
  return out.endsWith(".") ? out.slice(0, -1) : out;
}

/** `z` → `+0`, `zz` → `+00`, `zzz` → `+00:00` for an offset in ticks. */
export function formatOffset(offsetTicks: bigint, count: number): string {
  const sign = offsetTicks < 0n ? "-" : "+";
  const minutes = Number((offsetTicks < 0n ? -offsetTicks : offsetTicks) / TICKS_PER_MINUTE);
  const hours = Math.floor(minutes / 60);
  if (count === 1) return `${sign}${hours}`;
  if (count === 2) return `${sign}${pad(hours, 2)}`;
  return `${sign}${pad(hours, 2)}:${pad(minutes % 60, 2)}`;
}
