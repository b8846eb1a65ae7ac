import { afterEach, describe, expect, it, vi } from "vitest";
import { findingsOf } from "./findings.js";
import { provexYaml } from "./helpers.js";

// invalid-date-format judges constant date arguments the way the evaluator would read them: with the
// DateTimeStyles the call writes, on one fixed day for text without a date (so a file gets the same
// findings whatever day, or clock, the lint runs on), and only the parameters that hold a date.

/** One mapping `t<i>` per expression; expression i is on line 6 + 2i, its first character at column 18. */
const expressions = (...texts: string[]) =>
  provexYaml(texts.map((text, i) => `  - target: t${i}\n    expression: '${text}'\n`).join(""));

const mismatch = (value: string, format: string, why: string) =>
  `"${value}" does not match the date format "${format}" (${why}); give a value in that format or change the format.`;

afterEach(() => {
  vi.useRealTimers();
});

describe("invalid-date-format's constant source", () => {
  it("is read with the styles the call writes: None refuses the leading space that the default styles allow", () => {
    const text = expressions(
      'FormatDateTime(" 20200102", "None", "yyyyMMdd", "yyyy")',
      'FormatDateTime(" 20200102", , "yyyyMMdd", "yyyy")',
      'FormatDateTime(" 20200102", "AllowLeadingWhite", "yyyyMMdd", "yyyy")',
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([
      {
        at: [6, 33],
        covers: '" 20200102"',
        message: `FormatDateTime's source: ${mismatch(" 20200102", "yyyyMMdd", "expected 4 digits at position 0")}`,
      },
    ]);
  });
});

describe("invalid-date-format's input format", () => {
  it("is reported when it cannot read back what it prints (yyyMMdd, one y short), though it prints", () => {
    const text = expressions(
      'FormatDateTime([d], , "yyyMMdd", "yyyMMdd")',
      'FormatDateTime([d], , "yyyyMMdd", "yyyMMdd")',
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([
      {
        at: [6, 40],
        covers: '"yyyMMdd"',
        message: `FormatDateTime's inputFormat: ${mismatch("20151123", "yyyMMdd", 'unexpected "3"')}`,
      },
    ]);
  });

  it("is not reported for optional fraction digits alone (FFF), which read any value that has a fraction", () => {
    const text = expressions(
      'FormatDateTime([d], , "FFF", "yyyy")',
      'FormatDateTime([d], , "%F", "yyyy")',
      'FormatDateTime([d], , "FF1", "yyyy")',
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([]);
  });
});

describe("invalid-date-format on text without a date", () => {
  // A Monday, a Wednesday, and a clock set before 1601 (where no FILETIME exists).
  const clocks = ["2026-11-30T08:00:00Z", "2026-12-02T08:00:00Z", "1600-06-01T08:00:00Z"];
  const text = expressions(
    'FormatDateTime([d], , "dddd", "yyyy")',
    'FormatDateTime("Monday 10", , "dddd HH", "yyyy")',
    'NumFromDate("10:00")',
    'DateDiff("d", "10:00", "11:00")',
    'FormatDateTime([d], , "dddd", "%")',
  );

  it("judges it on one fixed day, so the findings do not depend on the machine's clock", () => {
    const outputFormat = {
      at: [14, 48],
      covers: '"%"',
      message:
        'FormatDateTime\'s outputFormat: The date/time format "%" is not valid: "%" is not a standard format specifier. See .NET\'s custom date and time format strings.',
    };
    for (const clock of clocks) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(clock));
      expect(findingsOf("invalid-date-format", text), clock).toEqual([outputFormat]);
      vi.useRealTimers();
    }
  });
});

describe("invalid-date-format's parameters", () => {
  it("reads DateAdd's value as a count of intervals, not as a FILETIME: a negative one is fine", () => {
    expect(findingsOf("invalid-date-format", expressions('DateAdd("d", -1, Now())'))).toEqual([]);
  });
});
