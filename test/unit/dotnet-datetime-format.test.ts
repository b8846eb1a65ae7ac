import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/functions/dotnet/dotnet-datetime-format.js";
import { errorCode, utc } from "./dotnet-helpers.js";

// Friday 2009-06-05 01:45:30.0123400 and Monday 2009-06-15 13:45:30.6170000 (expected values as .NET prints them).
const early = utc(2009, 6, 5, 1, 45, 30, 123_400);
const late = utc(2009, 6, 15, 13, 45, 30, 6_170_000);

describe("FormatDateTime output: custom specifiers", () => {
  it.each([
    ["%d", early, "5"],
    ["dd", early, "05"],
    ["ddd", early, "Fri"],
    ["dddd", late, "Monday"],
    ["ddddd", late, "Monday"],
    ["%f", late, "6"],
    ["ff", late, "61"],
    ["fff", early, "012"],
    ["ffff", early, "0123"],
    ["fffff", early, "01234"],
    ["ffffff", early, "012340"],
    ["fffffff", early, "0123400"],
    ["%F", early, ""],
    ["FF", late, "61"],
    ["FFF", late, "617"],
    ["FFFFFFF", early, "01234"],
    ["ss.FFF", utc(2009, 6, 5, 1, 45, 30), "30"],
    ["%g", late, "A.D."],
    ["gg", late, "A.D."],
    ["%h", late, "1"],
    ["hh", early, "01"],
    ["hh", utc(2009, 6, 5, 12), "12"],
    ["hh", utc(2009, 6, 5, 0), "12"],
    ["%H", early, "1"],
    ["HH", late, "13"],
    ["%K", late, "Z"],
    ["%m", utc(2009, 6, 5, 1, 9), "9"],
    ["mm", early, "45"],
    ["%M", early, "6"],
    ["MM", early, "06"],
    ["MMM", early, "Jun"],
    ["MMMM", early, "June"],
    ["%s", utc(2009, 6, 5, 1, 1, 7), "7"],
    ["ss", early, "30"],
    ["%t", late, "P"],
    ["tt", early, "AM"],
    ["%y", utc(2009, 1, 1), "9"],
    ["yy", utc(2009, 1, 1), "09"],
    ["yyy", utc(2009, 1, 1), "2009"],
    ["yyy", utc(900, 1, 1), "900"],
    ["yyyy", utc(900, 1, 1), "0900"],
    ["yyyyy", utc(2009, 1, 1), "02009"],
    ["%z", late, "+0"],
    ["zz", late, "+00"],
    ["zzz", late, "+00:00"],
    ["HH:mm", late, "13:45"],
    ["MM/dd/yyyy", late, "06/15/2009"],
    ["yyyy'-'MM", late, "2009-06"],
    ['"at" HH', late, "at 13"],
    ["'it\\'s' h", late, "it's 1"],
    ["\\h h", late, "h 1"],
    ["yyyyMMddHHmmss.fZ", late, "20090615134530.6Z"],
  ])("%s → %s", (format, ticks, expected) => {
    expect(formatDateTime(ticks, format)).toBe(expected);
  });

  it("prints K by the DateTime's Kind", () => {
    expect(formatDateTime(late, "%K", "utc")).toBe("Z");
    expect(formatDateTime(late, "%K", "local")).toBe("+00:00");
    expect(formatDateTime(late, "%K", "unspecified")).toBe("");
  });
});

describe("FormatDateTime output: standard formats (invariant culture)", () => {
  it.each([
    ["d", "06/15/2009"],
    ["D", "Monday, 15 June 2009"],
    ["f", "Monday, 15 June 2009 13:45"],
    ["F", "Monday, 15 June 2009 13:45:30"],
    ["g", "06/15/2009 13:45"],
    ["G", "06/15/2009 13:45:30"],
    ["", "06/15/2009 13:45:30"],
    ["M", "June 15"],
    ["m", "June 15"],
    ["O", "2009-06-15T13:45:30.6170000Z"],
    ["o", "2009-06-15T13:45:30.6170000Z"],
    ["R", "Mon, 15 Jun 2009 13:45:30 GMT"],
    ["r", "Mon, 15 Jun 2009 13:45:30 GMT"],
    ["s", "2009-06-15T13:45:30"],
    ["t", "13:45"],
    ["T", "13:45:30"],
    ["u", "2009-06-15 13:45:30Z"],
    ["U", "Monday, 15 June 2009 13:45:30"],
    ["Y", "2009 June"],
    ["y", "2009 June"],
  ])("%s → %s", (format, expected) => {
    expect(formatDateTime(late, format)).toBe(expected);
  });

  it("omits the o format's zone for an unspecified Kind", () => {
    expect(formatDateTime(late, "o", "unspecified")).toBe("2009-06-15T13:45:30.6170000");
  });
});

describe("FormatDateTime output: errors", () => {
  it.each([
    ["an unknown standard format", "Q"],
    ["an unclosed quote", "yyyy 'abc"],
    ["a trailing backslash", "yyyy\\"],
    ["a lone %", "yyyy%"],
    ["%%", "%%"],
    ["eight f", "ffffffff"],
    ["eight F", "FFFFFFFF"],
  ])("%s is invalid-format", (_, format) => {
    expect(errorCode(() => formatDateTime(late, format))).toBe("invalid-format");
  });
});
