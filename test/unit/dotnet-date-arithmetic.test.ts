import { describe, expect, it } from "vitest";
import { renderDateTime } from "../../src/functions/dotnet/date-time.js";
import {
  addMonths,
  dateAdd,
  dateDiff,
  toDateInterval,
} from "../../src/functions/dotnet/vb-date-arithmetic.js";
import { errorCode, utc } from "./dotnet-helpers.js";

const hire = utc(2012, 3, 16, 7); // 2012-03-16-07:00 as CDate reads it

describe("DateAdd: each interval", () => {
  it.each([
    ["yyyy", 2, "3/16/2014 7:00:00 AM"],
    ["q", 1, "6/16/2012 7:00:00 AM"],
    ["m", 10, "1/16/2013 7:00:00 AM"],
    ["y", 3, "3/19/2012 7:00:00 AM"],
    ["d", 7, "3/23/2012 7:00:00 AM"],
    ["d", -10, "3/6/2012 7:00:00 AM"],
    ["w", 2, "3/18/2012 7:00:00 AM"],
    ["ww", 2, "3/30/2012 7:00:00 AM"],
    ["h", 30, "3/17/2012 1:00:00 PM"],
    ["n", -61, "3/16/2012 5:59:00 AM"],
    ["s", 3600, "3/16/2012 8:00:00 AM"],
    ["YYYY", 1, "3/16/2013 7:00:00 AM"],
  ])("%s %i", (interval, amount, expected) => {
    expect(renderDateTime(dateAdd(interval, amount, hire))).toBe(expected);
  });

  it("clamps to the end of the month like AddMonths", () => {
    expect(renderDateTime(dateAdd("m", 1, utc(2021, 1, 31, 9)))).toBe("2/28/2021 9:00:00 AM");
    expect(renderDateTime(dateAdd("m", 1, utc(2020, 1, 31)))).toBe("2/29/2020 12:00:00 AM");
    expect(renderDateTime(dateAdd("yyyy", 1, utc(2020, 2, 29)))).toBe("2/28/2021 12:00:00 AM");
    expect(renderDateTime(dateAdd("q", -1, utc(2021, 5, 31)))).toBe("2/28/2021 12:00:00 AM");
    expect(addMonths(utc(2021, 12, 15), 1n)).toBe(utc(2022, 1, 15));
  });

  it("takes bigint amounts", () => {
    expect(dateAdd("d", 1n, utc(2021, 1, 1))).toBe(utc(2021, 1, 2));
  });

  it("reports results outside 0001–9999 as date-out-of-range", () => {
    expect(errorCode(() => dateAdd("yyyy", 10_000, hire))).toBe("date-out-of-range");
    expect(errorCode(() => dateAdd("m", -30_000, hire))).toBe("date-out-of-range");
    expect(errorCode(() => dateAdd("d", -1, utc(1, 1, 1)))).toBe("date-out-of-range");
  });
});

describe("DateDiff: VB.NET rules", () => {
  const now = utc(2021, 8, 25, 17, 41, 18);

  it("d, y, h, n, s truncate the elapsed time toward zero", () => {
    expect(dateDiff("d", now, hire)).toBe(-3449n); // −3449.45 days
    expect(dateDiff("y", now, hire)).toBe(-3449n);
    expect(dateDiff("d", utc(2021, 8, 17, 16), utc(2021, 8, 30, 16))).toBe(13n);
    expect(dateDiff("h", utc(2021, 8, 24), utc(2021, 8, 25))).toBe(24n);
    expect(dateDiff("h", utc(2021, 8, 24), utc(2021, 8, 24, 0, 59))).toBe(0n);
    expect(dateDiff("n", utc(2021, 8, 24), utc(2021, 8, 25))).toBe(1440n);
    expect(dateDiff("s", utc(2021, 8, 24), utc(2021, 8, 25))).toBe(86_400n);
    expect(dateDiff("s", utc(2021, 8, 25), utc(2021, 8, 24, 23, 59, 59, 1))).toBe(0n);
  });

  it("m, q, yyyy count calendar boundaries", () => {
    expect(dateDiff("m", now, hire)).toBe(-113n);
    expect(dateDiff("yyyy", now, hire)).toBe(-9n);
    expect(dateDiff("yyyy", utc(2020, 12, 31, 23, 59), utc(2021, 1, 1))).toBe(1n);
    expect(dateDiff("m", utc(2021, 1, 31), utc(2021, 2, 1))).toBe(1n);
    expect(dateDiff("q", utc(2021, 3, 31), utc(2021, 4, 1))).toBe(1n);
    expect(dateDiff("q", utc(2021, 1, 1), utc(2021, 3, 31))).toBe(0n);
  });

  it("ww counts Sunday boundaries; w counts elapsed weeks", () => {
    expect(dateDiff("ww", now, hire)).toBe(-493n);
    expect(dateDiff("w", now, hire)).toBe(-492n);
    // Saturday → next Sunday: one boundary, zero elapsed weeks.
    expect(dateDiff("ww", utc(2021, 8, 28), utc(2021, 8, 29))).toBe(1n);
    expect(dateDiff("w", utc(2021, 8, 28), utc(2021, 8, 29))).toBe(0n);
    expect(dateDiff("ww", utc(2021, 8, 29), utc(2021, 9, 4))).toBe(0n);
  });

  it("is 0 for equal dates", () => {
    for (const interval of ["yyyy", "q", "m", "y", "d", "w", "ww", "h", "n", "s"]) {
      expect(dateDiff(interval, now, now)).toBe(0n);
    }
  });

  it("ww in the first days of year 1 fails as in VB (the Saturday before is out of range)", () => {
    expect(errorCode(() => dateDiff("ww", utc(1, 1, 2), utc(2000, 1, 1)))).toBe("date-out-of-range");
  });
});

describe("intervals", () => {
  it("accept any case and reject unknown ones with invalid-interval", () => {
    expect(toDateInterval("WW")).toBe("ww");
    for (const bad of ["", "days", "x", "mm", "hh"]) {
      expect(errorCode(() => dateAdd(bad, 1, hire))).toBe("invalid-interval");
      expect(errorCode(() => dateDiff(bad, hire, hire))).toBe("invalid-interval");
    }
  });
});
