import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, evaluate, render } from "../../src/evaluator/index.js";

/** CDate, DateAdd, DateDiff, DateFromNum, NumFromDate, Now and FormatDateTime through the registry. */

const NOW = { now: new Date("2021-09-20T12:34:56Z") };
type Attributes = Record<string, unknown>;

const show = (text: string, attributes: Attributes = {}) => render(evaluate(text, attributes, NOW));

function failure(text: string, attributes: Attributes = {}): ProvexError {
  try {
    evaluate(text, attributes, NOW);
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to fail`);
}

/** The span of `call` inside `text` (its first occurrence). */
function spanOf(text: string, call: string) {
  const start = text.indexOf(call);
  return { start, end: start + call.length };
}

/** Fails with `code`, blaming the call `call` inside `text`. */
function expectFailure(text: string, code: string, call = text, attributes: Attributes = {}) {
  const error = failure(text, attributes);
  expect(error.code, text).toBe(code);
  expect(error.span, text).toEqual(spanOf(text, call));
}

describe("CDate", () => {
  it("parses the documented shapes into UTC", () => {
    expect(show("CDate([d])", { d: "2020-03-16-07:00" })).toBe("3/16/2020 7:00:00 AM");
    expect(show('CDate("2009-06-15T01:45:30-07:00")')).toBe("6/15/2009 8:45:30 AM");
    expect(show('CDate("8/25/2021 5:41:18 PM")')).toBe("8/25/2021 5:41:18 PM");
    expect(show('CDate("Mon, 16 Mar 2020 07:00:00 GMT")')).toBe("3/16/2020 7:00:00 AM");
  });
  it("returns a DateTime value, and takes one back unchanged", () => {
    const value = evaluate('CDate("2020-03-16")', {});
    expect(value).toEqual({ kind: "datetime", ticks: 637199136000000000n });
    expect(show('CDate(CDate("2020-03-16"))')).toBe("3/16/2020 12:00:00 AM");
    expect(show("CDate([d])", { d: new Date("2020-03-16T07:00:00Z") })).toBe("3/16/2020 7:00:00 AM");
  });
  it("takes today's date from the evaluation clock for a time alone", () => {
    expect(show('CDate("07:00")')).toBe("9/20/2021 7:00:00 AM");
    const compiled = compile("CDate([t])");
    expect(render(compiled.evaluate({ t: "7 PM" }, { now: new Date("2000-01-02T00:00:00Z") }))).toBe(
      "1/2/2000 7:00:00 PM",
    );
  });
  it("gives null for null", () => expect(show("CDate([missing])")).toBeNull());
  it("raises invalid-date with the call's span for text that is not a date", () => {
    expectFailure("Left(CDate([d]), 3)", "invalid-date", "CDate([d])", { d: "next Tuesday" });
    expectFailure('CDate("")', "invalid-date");
  });
});

describe("DateAdd", () => {
  const hire = { hire: "2012-03-16-07:00" };
  it.each([
    ["yyyy", 2, "3/16/2014 7:00:00 AM"],
    ["m", 10, "1/16/2013 7:00:00 AM"],
    ["d", -10, "3/6/2012 7:00:00 AM"],
    ["ww", 2, "3/30/2012 7:00:00 AM"],
    ["h", 20, "3/17/2012 3:00:00 AM"],
    ["n", -90, "3/16/2012 5:30:00 AM"],
    ["s", 61, "3/16/2012 7:01:01 AM"],
  ])("adds %s", (interval, amount, expected) => {
    expect(show(`DateAdd("${interval}", ${amount}, CDate([hire]))`, hire)).toBe(expected);
  });
  it("clamps months and years to the month's last day", () => {
    expect(show('DateAdd("m", 1, CDate("2021-01-31"))')).toBe("2/28/2021 12:00:00 AM");
    expect(show('DateAdd("yyyy", 1, CDate("2020-02-29"))')).toBe("2/28/2021 12:00:00 AM");
  });
  it("accepts date text by CDate's rules, Now(), and a numeric string amount", () => {
    expect(show('DateAdd("d", 1, "2021-08-31+08:00")')).toBe("8/31/2021 4:00:00 PM");
    expect(show('DateAdd("d", 7, Now())')).toBe("9/27/2021 12:34:56 PM");
    expect(show('DateAdd("d", [n], Now())', { n: "-1" })).toBe("9/19/2021 12:34:56 PM");
  });
  it("gives null for a null date", () => expect(show('DateAdd("d", 1, [missing])')).toBeNull());
  it("raises each error with the call's span", () => {
    expectFailure('DateAdd("fortnight", 1, Now())', "invalid-interval");
    expectFailure('DateAdd("yyyy", 9000, Now())', "date-out-of-range");
    expectFailure('DateAdd("d", 1, "soon")', "invalid-date");
    expectFailure('Append(DateAdd("d", [n], Now()), "")', "not-a-number", 'DateAdd("d", [n], Now())', {
      n: "x",
    });
    expectFailure('DateAdd("d", [n], Now())', "null-argument");
  });
});

describe("DateDiff", () => {
  const dates = { date1: "8/25/2021 5:41:18 PM", date2: "2012-03-16-07:00" };
  it.each([
    ["d", "-3449"],
    ["ww", "-493"],
    ["m", "-113"],
    ["yyyy", "-9"],
    ["h", "-82786"],
  ])("counts %s as VB.NET does", (interval, expected) => {
    expect(show(`DateDiff("${interval}", CDate([date1]), CDate([date2]))`, dates)).toBe(expected);
  });
  it("returns an integer; hours, minutes and seconds truncate", () => {
    const day = { date1: "2021-08-24", date2: "2021-08-25T12:30:30Z" };
    expect(evaluate('DateDiff("d", [date1], [date2])', day)).toBe(1n);
    expect(show('DateDiff("h", [date1], [date2])', day)).toBe("36");
    expect(show('DateDiff("n", [date1], [date2])', day)).toBe("2190");
    expect(show('DateDiff("s", [date2], [date1])', day)).toBe("-131430");
  });
  it("compares with Now() inside IIF, as the documented Switch example does", () => {
    const text = 'IIF(DateDiff("d", Now(), CDate([hire])) > 5, "False", "True")';
    expect(show(text, { hire: "2021-09-30-07:00" })).toBe("False");
    expect(show(text, { hire: "2021-09-22" })).toBe("True");
  });
  it("gives null when either date is null", () => {
    expect(show('DateDiff("d", [missing], Now())')).toBeNull();
    expect(show('DateDiff("d", Now(), [missing])')).toBeNull();
  });
  it("raises each error with the call's span", () => {
    expectFailure('DateDiff("q2", Now(), Now())', "invalid-interval");
    expectFailure('DateDiff("d", Now(), "never")', "invalid-date");
  });
});

describe("DateFromNum and NumFromDate", () => {
  it("convert Windows FILETIME both ways, exactly beyond 2^53", () => {
    expect(show("DateFromNum(129699324000000000)")).toBe("1/1/2012 11:00:00 PM");
    expect(show("DateFromNum([t])", { t: "129699324000000000" })).toBe("1/1/2012 11:00:00 PM");
    expect(evaluate('NumFromDate(CDate("2012-01-01 23:00:00"))', {})).toBe(129699324000000000n);
    expect(evaluate('NumFromDate("2020-12-31 23:59:59-08:00")', {})).toBe(132539615990000000n);
    expect(evaluate("NumFromDate(DateFromNum(129699324000000001))", {})).toBe(129699324000000001n);
  });
  it("give null for null", () => {
    expect(show("DateFromNum([missing])")).toBeNull();
    expect(show("NumFromDate([missing])")).toBeNull();
  });
  it("raise each error with the call's span", () => {
    expectFailure("DateFromNum(-1)", "date-out-of-range");
    expectFailure("DateFromNum([t])", "not-a-number", "DateFromNum([t])", { t: "yesterday" });
    expectFailure('NumFromDate("1600-12-31")', "date-out-of-range");
    expectFailure('NumFromDate("someday")', "invalid-date");
  });
});

describe("Now", () => {
  it("reads the evaluation clock and renders M/d/yyyy h:mm:ss tt", () => {
    expect(evaluate("Now()", {}, NOW)).toEqual({ kind: "datetime", ticks: 637677380960000000n });
    expect(show("Now()")).toBe("9/20/2021 12:34:56 PM");
    expect(show('FormatDateTime(Now(), , "M/d/yyyy h:mm:ss tt", "yyyy-MM-dd")')).toBe("2021-09-20");
  });
  it("is read at evaluation, not at compile time", () => {
    const compiled = compile("Now()");
    expect(render(compiled.evaluate({}, { now: new Date("2000-01-01T00:00:00Z") }))).toBe(
      "1/1/2000 12:00:00 AM",
    );
    expect(render(compiled.evaluate({}, NOW))).toBe("9/20/2021 12:34:56 PM");
  });
});

describe("FormatDateTime", () => {
  const ad = { x: "20150123105347.1Z" };
  it("reformats with .NET formats, in Entra's four-argument and Cloud Sync's three-argument forms", () => {
    expect(show('FormatDateTime([x], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', ad)).toBe("2015-01-23");
    expect(show('FormatDateTime([x], "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")', ad)).toBe("2015-01-23");
    expect(show('FormatDateTime("12/31/2020 11:00:00 PM", , "M/d/yyyy hh:mm:ss tt", "D")')).toBe(
      "Thursday, 31 December 2020",
    );
  });
  it("applies DateTimeStyles and converts offsets to UTC (the server's local time)", () => {
    expect(show('FormatDateTime([x], "AdjustToUniversal", "yyyyMMddHHmmss.fZ", "o")', ad)).toBe(
      "2015-01-23T10:53:47.1000000Z",
    );
    expect(show('FormatDateTime("2020-12-31-08:00", , "yyyy-MM-ddzzz", "yyyy-MM-dd HH:mm")')).toBe(
      "2020-12-31 08:00",
    );
  });
  it("gives the same results with formats known only at evaluation", () => {
    const text = "FormatDateTime([x], [s], [in], [out])";
    const attributes = { ...ad, in: "yyyyMMddHHmmss.fZ", out: "yyyy-MM-dd" };
    expect(show(text, attributes)).toBe("2015-01-23");
    expect(show("FormatDateTime([x], [in], [out])", attributes)).toBe("2015-01-23");
  });
  it("takes today's date from the evaluation clock when the input format has none", () => {
    expect(show('FormatDateTime("07:00", , "HH:mm", "yyyy-MM-dd HH:mm")')).toBe("2021-09-20 07:00");
  });
  it("gives null for a null source", () => {
    expect(show('FormatDateTime([missing], , "yyyy", "yyyy")')).toBeNull();
  });
  it("raises each error with the call's span", () => {
    expectFailure('FormatDateTime("x", , "yyyy", "yyyy")', "invalid-date");
    expectFailure('FormatDateTime(" 2020", "None", "yyyy", "yyyy")', "invalid-date");
    expectFailure('FormatDateTime("2020", , "yyyy", "%")', "invalid-format");
    expectFailure('FormatDateTime("2020", "Nope", "yyyy", "yyyy")', "invalid-styles");
    expectFailure('FormatDateTime("2020", , [in], "yyyy")', "null-argument");
    const nested = 'Append(FormatDateTime([d], , [in], "yyyy"), "!")';
    expectFailure(nested, "invalid-date", 'FormatDateTime([d], , [in], "yyyy")', { d: "x", in: "yyyy" });
  });
});
