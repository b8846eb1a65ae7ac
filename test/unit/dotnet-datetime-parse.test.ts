import { describe, expect, it } from "vitest";
import { renderDateTime } from "../../src/functions/dotnet/date-time.js";
import {
  parseDateTime,
  parseExact,
  parseExactDetailed,
  reformatDateTime,
} from "../../src/functions/dotnet/dotnet-datetime-parse.js";
import {
  parseDateTimeStyles,
  DateTimeStyles as S,
} from "../../src/functions/dotnet/dotnet-datetime-styles.js";
import { errorCode, utc } from "./dotnet-helpers.js";

describe("ParseExact: specifiers", () => {
  it.each([
    ["2009-06-15", "yyyy-MM-dd", utc(2009, 6, 15)],
    ["2009-6-5", "yyyy-M-d", utc(2009, 6, 5)],
    ["15 Jun 2009", "dd MMM yyyy", utc(2009, 6, 15)],
    ["15 june 2009", "dd MMMM yyyy", utc(2009, 6, 15)],
    ["Monday, 15 June 2009", "dddd, dd MMMM yyyy", utc(2009, 6, 15)],
    ["Mon 15/06/2009", "ddd dd/MM/yyyy", utc(2009, 6, 15)],
    ["09-6-15", "yy-M-d", utc(2009, 6, 15)],
    ["49-1-1", "yy-M-d", utc(2049, 1, 1)],
    ["50-1-1", "yy-M-d", utc(1950, 1, 1)],
    ["9.6.15", "%y.M.d", utc(2009, 6, 15)],
    ["02009-06-15", "yyyyy-MM-dd", utc(2009, 6, 15)],
    ["2009-06-15 1:45:30 PM", "yyyy-MM-dd h:mm:ss tt", utc(2009, 6, 15, 13, 45, 30)],
    ["2009-06-15 12:05 am", "yyyy-MM-dd hh:mm tt", utc(2009, 6, 15, 0, 5)],
    ["2009-06-15 1 P", "yyyy-MM-dd h t", utc(2009, 6, 15, 13)],
    ["2009-06-15 13:45:30", "yyyy-MM-dd HH:mm:ss", utc(2009, 6, 15, 13, 45, 30)],
    ["2009-06-15 3:4:5", "yyyy-MM-dd H:m:s", utc(2009, 6, 15, 3, 4, 5)],
    ["2009-06-15T13:45:30.6170000", "yyyy-MM-ddTHH:mm:ss.fffffff", utc(2009, 6, 15, 13, 45, 30, 6_170_000)],
    ["2009-06-15 13:45:30.61", "yyyy-MM-dd HH:mm:ss.FFF", utc(2009, 6, 15, 13, 45, 30, 6_100_000)],
    ["2009-06-15 13:45:30", "yyyy-MM-dd HH:mm:ss.FFF", utc(2009, 6, 15, 13, 45, 30)],
    ["2009-06-15 A.D.", "yyyy-MM-dd g", utc(2009, 6, 15)],
    ["20090615", "yyyyMMdd", utc(2009, 6, 15)],
    ["2009-06-15 'x'", "yyyy-MM-dd \\'x\\'", utc(2009, 6, 15)],
  ])("%s with %s", (text, format, expected) => {
    expect(parseExact(text, format, "None")).toBe(expected);
  });

  it("reads z, zz, zzz and K offsets and converts them to UTC", () => {
    expect(parseExact("2020-12-31 -8", "yyyy-MM-dd z", "AdjustToUniversal")).toBe(utc(2020, 12, 31, 8));
    expect(parseExact("2020-12-31 +05", "yyyy-MM-dd zz", "AdjustToUniversal")).toBe(utc(2020, 12, 30, 19));
    expect(parseExact("2020-12-31-08:00", "yyyy-MM-ddzzz", "AdjustToUniversal")).toBe(utc(2020, 12, 31, 8));
    expect(parseExact("2020-12-31T10:00:00+0130", "yyyy-MM-ddTHH:mm:ssK", "AdjustToUniversal")).toBe(
      utc(2020, 12, 31, 8, 30),
    );
    expect(parseExactDetailed("2020-12-31T10:00:00Z", "yyyy-MM-ddTHH:mm:ssK", "RoundtripKind")).toEqual({
      ticks: utc(2020, 12, 31, 10),
      kind: "utc",
    });
    expect(parseExactDetailed("2020-12-31T10:00:00", "yyyy-MM-ddTHH:mm:ssK", "None").kind).toBe(
      "unspecified",
    );
  });

  it("treats a bare Z or GMT in the format as a UTC marker", () => {
    expect(parseExactDetailed("20150123105347.1Z", "yyyyMMddHHmmss.fZ", "").kind).toBe("utc");
    expect(parseExactDetailed("20150123105347.1z", "yyyyMMddHHmmss.fZ", "None").kind).toBe("local");
    expect(parseExact("2015-01-23 10:53 GMT", "yyyy-MM-dd HH:mm GMT", "None")).toBe(utc(2015, 1, 23, 10, 53));
  });

  it("parses the standard formats", () => {
    expect(parseExact("2009-06-15T13:45:30.6170000Z", "o", "")).toBe(utc(2009, 6, 15, 13, 45, 30, 6_170_000));
    expect(parseExact("Mon, 15 Jun 2009 13:45:30 GMT", "r", "")).toBe(utc(2009, 6, 15, 13, 45, 30));
    expect(parseExact("2009-06-15 13:45:30Z", "u", "")).toBe(utc(2009, 6, 15, 13, 45, 30));
    expect(parseExactDetailed("Monday, 15 June 2009 13:45:30", "U", "").kind).toBe("utc");
  });
});

describe("ParseExact: DateTimeStyles", () => {
  it("reads style names in any case with commas, pipes or spaces; empty means Entra's default", () => {
    expect(parseDateTimeStyles("")).toBe(S.RoundtripKind | S.AllowLeadingWhite | S.AllowTrailingWhite);
    expect(parseDateTimeStyles(undefined)).toBe(S.RoundtripKind | S.AllowLeadingWhite | S.AllowTrailingWhite);
    expect(parseDateTimeStyles("adjusttouniversal, AllowWhiteSpaces")).toBe(
      S.AdjustToUniversal | S.AllowWhiteSpaces,
    );
    expect(parseDateTimeStyles("AssumeUniversal|AllowInnerWhite")).toBe(
      S.AssumeUniversal | S.AllowInnerWhite,
    );
    expect(parseDateTimeStyles("NoCurrentDateDefault AssumeLocal")).toBe(
      S.NoCurrentDateDefault | S.AssumeLocal,
    );
    expect(parseDateTimeStyles("None")).toBe(0);
    expect(parseDateTimeStyles("16")).toBe(16);
  });

  it("rejects unknown names and combinations .NET rejects as invalid-styles", () => {
    expect(errorCode(() => parseDateTimeStyles("AdjustToUTC"))).toBe("invalid-styles");
    expect(errorCode(() => parseDateTimeStyles("AssumeLocal, AssumeUniversal"))).toBe("invalid-styles");
    expect(errorCode(() => parseDateTimeStyles("RoundtripKind, AdjustToUniversal"))).toBe("invalid-styles");
    expect(errorCode(() => parseDateTimeStyles(512))).toBe("invalid-styles");
  });

  it("AllowLeadingWhite, AllowTrailingWhite, AllowInnerWhite", () => {
    expect(errorCode(() => parseExact(" 2009-06-15", "yyyy-MM-dd", "None"))).toBe("invalid-date");
    expect(parseExact(" \t2009-06-15", "yyyy-MM-dd", "AllowLeadingWhite")).toBe(utc(2009, 6, 15));
    expect(errorCode(() => parseExact("2009-06-15 ", "yyyy-MM-dd", "AllowLeadingWhite"))).toBe(
      "invalid-date",
    );
    expect(parseExact("2009-06-15  ", "yyyy-MM-dd", "AllowTrailingWhite")).toBe(utc(2009, 6, 15));
    expect(errorCode(() => parseExact("2009 - 06-15", "yyyy-MM-dd", "None"))).toBe("invalid-date");
    expect(parseExact("2009 - 06-15", "yyyy-MM-dd", "AllowInnerWhite")).toBe(utc(2009, 6, 15));
    expect(parseExact(" 2009  06 15 ", "yyyy MM dd", "AllowWhiteSpaces")).toBe(utc(2009, 6, 15));
  });

  it("AdjustToUniversal, AssumeUniversal, AssumeLocal, RoundtripKind choose the Kind", () => {
    const kind = (text: string, styles: string) => parseExactDetailed(text, "yyyy-MM-dd HH:mmK", styles).kind;
    expect(kind("2009-06-15 10:00", "None")).toBe("unspecified");
    expect(kind("2009-06-15 10:00", "AssumeUniversal")).toBe("local");
    expect(kind("2009-06-15 10:00", "AssumeUniversal, AdjustToUniversal")).toBe("utc");
    expect(kind("2009-06-15 10:00", "AssumeLocal")).toBe("local");
    expect(kind("2009-06-15 10:00", "AssumeLocal, AdjustToUniversal")).toBe("utc");
    expect(kind("2009-06-15 10:00+02:00", "None")).toBe("local");
    expect(kind("2009-06-15 10:00+02:00", "AdjustToUniversal")).toBe("utc");
    expect(kind("2009-06-15 10:00Z", "RoundtripKind")).toBe("utc");
    expect(kind("2009-06-15 10:00+02:00", "RoundtripKind")).toBe("local");
  });

  it("NoCurrentDateDefault: a time alone lands on 0001-01-01; otherwise on today", () => {
    expect(parseExact("13:45", "HH:mm", "NoCurrentDateDefault")).toBe(utc(1, 1, 1, 13, 45));
    const now = utc(2021, 7, 2, 15, 33, 38);
    expect(parseExactDetailed("13:45", "HH:mm", "None", { now }).ticks).toBe(utc(2021, 7, 2, 13, 45));
  });
});

describe("ParseExact: errors", () => {
  it.each([
    ["an empty value", "", "yyyy"],
    ["a wrong separator", "2009/06/15", "yyyy-MM-dd"],
    ["too few digits for yyyy", "209-06-15", "yyyy-MM-dd"],
    ["text left over", "2009-06-15x", "yyyy-MM-dd"],
    ["February 30", "2009-02-30", "yyyy-MM-dd"],
    ["hour 13 with h", "2009-06-15 13", "yyyy-MM-dd h"],
    ["PM with a morning 24-hour time", "2009-06-15 03 PM", "yyyy-MM-dd HH tt"],
    ["a wrong day name", "Tue 2009-06-15", "ddd yyyy-MM-dd"],
    ["missing f digits", "2009-06-15 1", "yyyy-MM-dd ff"],
    ["an offset beyond 14 hours", "2009-06-15 +15:00", "yyyy-MM-dd zzz"],
    ["two different values for one field", "2009-06-15 16", "yyyy-MM-dd dd"],
  ])("%s is invalid-date", (_, text, format) => {
    expect(errorCode(() => parseExact(text, format, "None"))).toBe("invalid-date");
  });

  it("an empty or malformed format is invalid-format", () => {
    expect(errorCode(() => parseExact("2009", "", "None"))).toBe("invalid-format");
    expect(errorCode(() => parseExact("2009", "yyyy'", "None"))).toBe("invalid-format");
    expect(errorCode(() => parseExact("2009", "Q", "None"))).toBe("invalid-format");
  });
});

describe("FormatDateTime = ParseExact then ToString", () => {
  it("takes today's date from the given clock for a time-only input format", () => {
    expect(reformatDateTime("13:45", "", "HH:mm", "yyyy-MM-dd HH:mm", { now: utc(2021, 7, 2, 15) })).toBe(
      "2021-07-02 13:45",
    );
  });

  it("keeps the parsed Kind for K", () => {
    expect(reformatDateTime("2020-12-31T10:00:00Z", "", "yyyy-MM-ddTHH:mm:ssK", "HH:mmK")).toBe("10:00Z");
    expect(reformatDateTime("2020-12-31T10:00:00", "", "yyyy-MM-ddTHH:mm:ss", "HH:mmK")).toBe("10:00");
  });
});

describe("CDate shapes (DateTime.Parse with AdjustToUniversal)", () => {
  it.each([
    ["2020-03-16", "3/16/2020 12:00:00 AM"],
    ["2020-03-16-07:00", "3/16/2020 7:00:00 AM"],
    ["2021-06-30+08:00", "6/29/2021 4:00:00 PM"],
    ["2009-06-15T01:45:30-07:00", "6/15/2009 8:45:30 AM"],
    ["2009-06-15T01:45:30Z", "6/15/2009 1:45:30 AM"],
    ["2009-06-15T01:45:30.1234567+0130", "6/15/2009 12:15:30 AM"],
    ["2009-06-15 01:45", "6/15/2009 1:45:00 AM"],
    ["2009/06/15 13:45", "6/15/2009 1:45:00 PM"],
    ["8/25/2021 5:41:18 PM", "8/25/2021 5:41:18 PM"],
    ["8/25/2021", "8/25/2021 12:00:00 AM"],
    ["08/25/21 17:41", "8/25/2021 5:41:00 PM"],
    ["Mon, 16 Mar 2020 07:00:00 GMT", "3/16/2020 7:00:00 AM"],
    ["16 Mar 2020", "3/16/2020 12:00:00 AM"],
    ["March 16, 2020 7:00 PM", "3/16/2020 7:00:00 PM"],
    ["2013-01-10 4:00 PM -8", "1/11/2013 12:00:00 AM"],
    ["  2020-03-16  ", "3/16/2020 12:00:00 AM"],
    // The day name is checked against the date as written, not the UTC date the offset leads to.
    ["Thursday, July 25, 2019 4:16:30 PM-14:00", "7/26/2019 6:16:30 AM"],
    ["16-Mar-2020", "3/16/2020 12:00:00 AM"],
  ])("%s → %s", (text, expected) => {
    expect(renderDateTime(parseDateTime(text))).toBe(expected);
  });

  it("puts a time alone on today's date", () => {
    expect(parseDateTime("7 PM", { now: utc(2021, 7, 2, 10) })).toBe(utc(2021, 7, 2, 19));
  });

  it.each([
    ["not a date"],
    [""],
    ["2020-02-30"],
    ["13/45/2020"],
    ["Tue, 16 Mar 2020 07:00:00 GMT"],
    ["2020-03-16+15:00"],
  ])("%s is invalid-date", (text) => {
    expect(errorCode(() => parseDateTime(text))).toBe("invalid-date");
  });
});
