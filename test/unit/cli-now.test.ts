import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInstant } from "../../src/cli/reproducible-context.js";
import { runCli } from "../helpers/cli.js";

// A far zone (UTC+14): a parser that falls back to the machine's zone gives other instants here.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Pacific/Kiritimati";
});
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe("--now: ISO 8601 only, UTC unless an offset is given", () => {
  it("runs in a far time zone (the test would be meaningless in UTC)", () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-14 * 60);
  });

  it.each([
    ["2024-02-29T10:00:00Z", "2024-02-29T10:00:00.000Z"],
    ["2024-02-29t10:00:00z", "2024-02-29T10:00:00.000Z"],
    ["2024-02-29T10:00:00", "2024-02-29T10:00:00.000Z"],
    ["2024-02-29T10:00", "2024-02-29T10:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2024-02-29T10:00:00+02:00", "2024-02-29T08:00:00.000Z"],
    ["2024-02-29T10:00:00-0530", "2024-02-29T15:30:00.000Z"],
    ["2024-02-29T10:00:00+14", "2024-02-28T20:00:00.000Z"],
    ["2024-02-29T10:00:00.1234567Z", "2024-02-29T10:00:00.123Z"],
    ["2024-02-29T10:00:00,5Z", "2024-02-29T10:00:00.500Z"],
    ["0099-01-01", "0099-01-01T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseInstant(text, "--now").toISOString()).toBe(iso);
  });

  it.each([
    ["1", "takes an ISO 8601 date"],
    ["yesterday", "takes an ISO 8601 date"],
    ["2024-2-3", "takes an ISO 8601 date"],
    ["Thu, 29 Feb 2024 10:00:00 GMT", "takes an ISO 8601 date"],
    ["2024-02-29 10:00:00Z", "takes an ISO 8601 date"],
    [" 2024-02-29", "takes an ISO 8601 date"],
    ["2024-02-30", "February 2024 has 29 days"],
    ["2023-02-29", "February 2023 has 28 days"],
    ["1900-02-29", "February 1900 has 28 days"],
    ["2024-04-31", "April 2024 has 30 days"],
    ["2024-13-01", "there is no month 13"],
    ["2024-00-10", "there is no month 0"],
    ["0000-01-01", "the year must be 0001 or later"],
    ["2024-01-01T24:00", "the hour must be 00 to 23"],
    ["2024-01-01T10:60", "the minute must be 00 to 59"],
    ["2024-01-01T10:00:60Z", "the second must be 00 to 59"],
    ["2024-01-01T10:00:00+24:00", "the offset +24:00 is out of range"],
  ])("refuses %j, naming the problem", (text, problem) => {
    expect(() => parseInstant(text, "--now")).toThrow(problem);
  });

  it("gives Now() the same instant in eval whatever the machine's zone", async () => {
    const run = await runCli(["eval", "Now()", "--now", "2024-02-29T10:00"]);
    expect(run).toEqual({ code: 0, stdout: "2/29/2024 10:00:00 AM\n", stderr: "" });
    const offset = await runCli([
      "eval",
      'FormatDateTime(Now(), "M/d/yyyy h:mm:ss tt", "yyyy-MM-dd HH:mm")',
      "--now",
      "2024-03-01T01:30+02:00",
    ]);
    expect(offset.stdout).toBe("2024-02-29 23:30\n");
  });

  it("makes an invalid --now a one-line usage error in eval and preview", async () => {
    const run = await runCli(["eval", "Now()", "--now", "2024-02-30"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "provex eval: --now \"2024-02-30\" is not a valid instant: February 2024 has 29 days\nTry 'provex eval --help' for more information.\n",
    );
    const preview = await runCli(["preview", "--config", "c.yaml", "--users", "u.json", "--now", "1"]);
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/^provex preview: --now takes an ISO 8601 date/);
  });
});
