import { describe, expect, it } from "vitest";
import {
  civilFromDays,
  dateParts,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  fileTimeFromTicks,
  MAX_TICKS,
  renderDateTime,
  ticksFromDate,
  ticksFromFileTime,
  ticksFromParts,
} from "../../src/functions/dotnet/date-time.js";
import { errorCode, utc } from "./dotnet-helpers.js";

describe("DateTime ticks", () => {
  it("matches .NET's Ticks for known instants", () => {
    expect(utc(1, 1, 1)).toBe(0n);
    expect(utc(1970, 1, 1)).toBe(621_355_968_000_000_000n);
    expect(utc(1601, 1, 1)).toBe(504_911_232_000_000_000n);
    expect(utc(9999, 12, 31, 23, 59, 59, 9_999_999)).toBe(MAX_TICKS);
  });

  it("round-trips every day number through the calendar", () => {
    for (let days = 0; days < 3_652_059; days += 997) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
    }
  });

  it("splits ticks into parts, including leap days and the seventh fraction digit", () => {
    expect(dateParts(utc(2024, 2, 29, 13, 5, 9, 1_234_567))).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 13,
      minute: 5,
      second: 9,
      fraction: 1_234_567,
    });
    expect(dateParts(utc(2000, 12, 31)).day).toBe(31);
  });

  it("rejects impossible parts", () => {
    expect(
      ticksFromParts({ year: 1900, month: 2, day: 29, hour: 0, minute: 0, second: 0, fraction: 0 }),
    ).toBeUndefined();
    expect(
      ticksFromParts({ year: 2021, month: 13, day: 1, hour: 0, minute: 0, second: 0, fraction: 0 }),
    ).toBeUndefined();
    expect(
      ticksFromParts({ year: 2021, month: 1, day: 1, hour: 24, minute: 0, second: 0, fraction: 0 }),
    ).toBeUndefined();
  });

  it("knows the day of the week and of the year", () => {
    expect(dayOfWeek(utc(1, 1, 1))).toBe(1); // a Monday
    expect(dayOfWeek(utc(2021, 8, 25))).toBe(3); // Wednesday
    expect(dayOfYear(utc(2020, 12, 31))).toBe(366);
  });

  it("converts FILETIME both ways with exact 64-bit values", () => {
    expect(renderDateTime(ticksFromFileTime(129_699_324_000_000_000n))).toBe("1/1/2012 11:00:00 PM");
    expect(fileTimeFromTicks(utc(2012, 1, 1, 23))).toBe(129_699_324_000_000_000n);
    expect(fileTimeFromTicks(utc(2021, 1, 1, 7, 59, 59))).toBe(132_539_615_990_000_000n);
    expect(ticksFromFileTime(0n)).toBe(utc(1601, 1, 1));
  });

  it("reports FILETIMEs and dates outside the range as date-out-of-range", () => {
    expect(errorCode(() => ticksFromFileTime(-1n))).toBe("date-out-of-range");
    expect(errorCode(() => ticksFromFileTime(9_223_372_036_854_775_807n))).toBe("date-out-of-range");
    expect(errorCode(() => fileTimeFromTicks(utc(1600, 12, 31)))).toBe("date-out-of-range");
  });

  it("renders as M/d/yyyy h:mm:ss tt with invariant AM/PM", () => {
    expect(renderDateTime(utc(2020, 3, 16, 7))).toBe("3/16/2020 7:00:00 AM");
    expect(renderDateTime(utc(2021, 6, 29, 16))).toBe("6/29/2021 4:00:00 PM");
    expect(renderDateTime(utc(2021, 1, 1, 0, 5, 9))).toBe("1/1/2021 12:05:09 AM");
    expect(renderDateTime(utc(2021, 1, 1, 12))).toBe("1/1/2021 12:00:00 PM");
    expect(renderDateTime(utc(33, 1, 1))).toBe("1/1/0033 12:00:00 AM");
  });

  it("reads a JavaScript Date for the clock", () => {
    expect(ticksFromDate(new Date(Date.UTC(2021, 6, 2, 15, 33, 38)))).toBe(utc(2021, 7, 2, 15, 33, 38));
  });
});
