/**
 * The .NET-compatible cores behind the date, regex, case and encoding builtins. Each registry function is
 * a one-liner over these (e.g. CDate = `parseDateTime`, FormatDateTime = `reformatDateTime`,
 * Replace mode 3 = `dotnetRegexReplace`). Pure: no Node built-ins, runs in the browser.
 */
export { toLowerCulture, toUpperCulture } from "./culture-case.js";
export {
  dateParts,
  dayOfWeek,
  fileTimeFromTicks,
  MAX_TICKS,
  MIN_TICKS,
  renderDateTime,
  TICKS_PER_DAY,
  TICKS_PER_SECOND,
  ticksFromDate,
  ticksFromFileTime,
  ticksFromParts,
} from "./date-time.js";
export { formatDateTime } from "./dotnet-datetime-format.js";
export {
  type ParsedDateTime,
  parseDateTime,
  parseExact,
  parseExactDetailed,
  reformatDateTime,
} from "./dotnet-datetime-parse.js";
export {
  DateTimeStyles,
  DEFAULT_FORMAT_DATETIME_STYLES,
  parseDateTimeStyles,
} from "./dotnet-datetime-styles.js";
export {
  compileDotnetRegex,
  dotnetRegexGroupReplacer,
  dotnetRegexGroupValue,
  dotnetRegexIsMatch,
  dotnetRegexReplace,
  dotnetRegexReplaceGroup,
  dotnetRegexReplacer,
} from "./dotnet-regex.js";
export { convertFromBase64, convertToBase64, convertToUtf8Hex } from "./encodings.js";
export type { DateTimeKind } from "./invariant-culture.js";
export { pcase, toTitleCase } from "./title-case.js";
export { type DateInterval, dateAdd, dateDiff } from "./vb-date-arithmetic.js";
