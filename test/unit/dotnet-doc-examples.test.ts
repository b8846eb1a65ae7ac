// biome-ignore-all lint/suspicious/noTemplateCurlyInString: .NET replacement strings such as "${name}" are data here
/**
 * The documented examples of the .NET-backed functions, computed through the dotnet API the registry calls
 * (one line per example, mirroring its expression). Expected values are read from the conformance file:
 * `expected`, or `computed` where the documentation's own output is wrong.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  convertFromBase64,
  convertToBase64,
  convertToUtf8Hex,
  dateAdd,
  dateDiff,
  dotnetRegexGroupValue,
  dotnetRegexReplace,
  dotnetRegexReplaceGroup,
  fileTimeFromTicks,
  parseDateTime,
  pcase,
  reformatDateTime,
  renderDateTime,
  ticksFromFileTime,
} from "../../src/functions/dotnet/index.js";

interface Example {
  id: string;
  inputs: Record<string, string>;
  expected: unknown;
  computed?: unknown;
  consistent: boolean;
}

const examples = new Map(
  (
    JSON.parse(
      readFileSync(new URL("../conformance/doc-examples.json", import.meta.url), "utf8"),
    ) as Example[]
  ).map((e) => [e.id, e]),
);

const cdate = (text: string) => parseDateTime(text);

/** Each example id → its expression evaluated through the API, given the example's inputs. */
const COMPUTE: Record<string, (inputs: Record<string, string>) => unknown> = {
  "ap-cdate-1": (i) => renderDateTime(cdate(i.StatusHireDate!)),
  "ap-cdate-2": () => renderDateTime(cdate("2021-06-30+08:00")),
  "ap-cdate-3": () => renderDateTime(cdate("2009-06-15T01:45:30-07:00")),
  "ap-converttobase64": () => convertToBase64("Hello world!"),
  "cs-converttobase64": () => convertToBase64("Hello world!"),
  "ap-converttoutf8hex": () => convertToUtf8Hex("Hello world!"),
  "cs-converttoutf8hex": () => convertToUtf8Hex("Hello world!"),
  "cs-convertfrombase64-unicode": () => convertFromBase64("SABlAGwAbABvACAAdwBvAHIAbABkACEA"),
  "cs-convertfrombase64-utf8": () => convertFromBase64("SGVsbG8gd29ybGQh", "UTF8"),
  "ap-dateadd-add-7d": (i) => renderDateTime(dateAdd("d", 7, cdate(i.StatusHireDate!))),
  "ap-dateadd-minus-10d": (i) => renderDateTime(dateAdd("d", -10, cdate(i.StatusHireDate!))),
  "ap-dateadd-add-2ww": (i) => renderDateTime(dateAdd("ww", 2, cdate(i.StatusHireDate!))),
  "ap-dateadd-add-10m": (i) => renderDateTime(dateAdd("m", 10, cdate(i.StatusHireDate!))),
  "ap-dateadd-add-2yyyy": (i) => renderDateTime(dateAdd("yyyy", 2, cdate(i.StatusHireDate!))),
  "ap-datediff-pos-days": (i) => dateDiff("d", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-neg-days": (i) => dateDiff("d", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-weeks": (i) => dateDiff("ww", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-months": (i) => dateDiff("m", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-years": (i) => dateDiff("yyyy", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-same": (i) => dateDiff("d", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-hours": (i) => dateDiff("h", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-minutes": (i) => dateDiff("n", cdate(i.date1!), cdate(i.date2!)),
  "ap-datediff-seconds": (i) => dateDiff("s", cdate(i.date1!), cdate(i.date2!)),
  "ap-datefromnum-literal": () => renderDateTime(ticksFromFileTime(129_699_324_000_000_000n)),
  "ap-datefromnum-attr": (i) => renderDateTime(ticksFromFileTime(BigInt(i.lastLogonTimestamp!))),
  "cs-datefromnum": () => renderDateTime(ticksFromFileTime(129_699_324_000_000_000n)),
  "ap-formatdatetime": (i) => reformatDateTime(i.extensionAttribute1!, "", "yyyyMMddHHmmss.fZ", "yyyy-MM-dd"),
  "cs-ex-formatdatetime-3arg": (i) =>
    reformatDateTime(i.extensionAttribute1!, "", "yyyyMMddHHmmss.fZ", "yyyy-MM-dd"),
  "ap-numfromdate-workday": (i) =>
    fileTimeFromTicks(
      cdate(`${reformatDateTime(i.ContractEndDate!, "", "yyyy-MM-ddzzz", "yyyy-MM-dd")} 23:59:59-08:00`),
    ),
  "ap-numfromdate-successfactors": (i) =>
    fileTimeFromTicks(
      cdate(`${reformatDateTime(i.endDate!, "", "M/d/yyyy hh:mm:ss tt", "yyyy-MM-dd")} 23:59:59-08:00`),
    ),
  "ap-pcase-default": (i) => pcase(i.firstName!),
  "ap-pcase-separators": (i) => pcase(i.lastName!, " '-"),
  "ap-pcase-join": (i) => pcase(`${i.firstName} ${i.lastName}`),
  "ap-replace-regex-groupref": (i) =>
    dotnetRegexReplace(i.telephoneNumber!, "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "${phoneNumber}"),
  "ap-replace-regex-collapse": (i) => dotnetRegexReplace(i.mobile!, "[()\\s-]+", ""),
  "ap-replace-regex-group": (i) =>
    dotnetRegexReplaceGroup(i.AddressLineData!, "(?<streetNumber>^\\d*)", "streetNumber", "888"),
  "ap-replace-regex-group-suffix": (i) =>
    dotnetRegexReplaceGroup(i.userPrincipalName!, "(?<Suffix>@(.)*)", "Suffix", ""),
  "ap-replace-replacementattr": (i) =>
    dotnetRegexGroupValue(i.mobile!, "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber"),
  "ap-replace-regex-remove": (i) => dotnetRegexReplace(i.mailNickname!, "[a-zA-Z_]*", ""),
  "cs-ex-replace-regex": (i) => dotnetRegexReplace(i.mailNickname!, "[a-zA-Z_]*", ""),
  "ap-ex-objectid-id": (i) => `1000${dotnetRegexReplace(convertToUtf8Hex(i.objectId!), "[a-zA-Z_]*", "")}`,
};

describe("documented examples of the .NET-backed functions", () => {
  it.each(Object.keys(COMPUTE))("%s", (id) => {
    const example = examples.get(id);
    expect(example, `example ${id} is in doc-examples.json`).toBeDefined();
    const want = example!.consistent ? example!.expected : example!.computed;
    const got = COMPUTE[id]!(example!.inputs);
    // JSON numbers above 2^53 are rounded when read; the exact FILETIMEs are asserted in dotnet-date-time.test.ts.
    expect(typeof got === "bigint" ? Number(got) : got).toBe(want);
  });
});
