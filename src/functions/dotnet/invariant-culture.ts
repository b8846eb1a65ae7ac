/**
 * The pieces of .NET's `CultureInfo.InvariantCulture.DateTimeFormat` that formatting and parsing need.
 * Entra formats and parses with the invariant culture, so these never vary.
 */

export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const ABBREVIATED_DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTH_NAMES = [
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
export const ABBREVIATED_MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
export const AM_DESIGNATOR = "AM";
export const PM_DESIGNATOR = "PM";
export const ERA_NAME = "A.D.";
/** Years written with one or two digits map into the century ending at this year (.NET 5+'s default). */
export const TWO_DIGIT_YEAR_MAX = 2049;

/**
 * The invariant culture's standard format strings, as the custom patterns .NET expands them to.
 * `U` also converts to UTC first, which is a no-op for provex (its "local" time is UTC).
 */
export const STANDARD_FORMATS: Readonly<Record<string, string>> = {
  d: "MM/dd/yyyy",
  D: "dddd, dd MMMM yyyy",
  f: "dddd, dd MMMM yyyy HH:mm",
  F: "dddd, dd MMMM yyyy HH:mm:ss",
  g: "MM/dd/yyyy HH:mm",
  G: "MM/dd/yyyy HH:mm:ss",
  m: "MMMM dd",
  M: "MMMM dd",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: "HH:mm",
  T: "HH:mm:ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: "dddd, dd MMMM yyyy HH:mm:ss",
  y: "yyyy MMMM",
  Y: "yyyy MMMM",
};

/**
 * How a DateTime's offset is known, as .NET's `DateTimeKind`: `utc` (parsed with `Z`/AdjustToUniversal,
 * or computed by provex), `local` (converted to the server's local time, which is UTC for provex) or
 * `unspecified` (parsed without any zone). It only changes what `K` prints.
 */
export type DateTimeKind = "utc" | "local" | "unspecified";

/** .NET's `char.IsWhiteSpace` (JavaScript's `\s` differs: it includes U+FEFF and lacks U+0085). */
export function isDotnetWhiteSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
