import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { argumentRange, functions } from "../../src/functions/index.js";

/**
 * The call diagnostics of the checker, each with its code, span and whole message: the messages are what
 * the CLI, the playground and the lint report print, and docs/cli.md shows them verbatim.
 */
function findings(text: string, options: Parameters<typeof check>[1] = {}) {
  return check(text, options).map(({ code, severity, message, span }) => ({ code, severity, message, span }));
}

/** The span of the `occurrence`-th appearance of `part` in `text`. */
function spanOf(text: string, part: string, occurrence = 1) {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length };
}

const whole = (text: string) => ({ start: 0, end: text.length });

describe("unknown-function and function-name-case messages", () => {
  it("suggests the near function by name (docs/cli.md's example)", () => {
    const text = 'Jion(" ", [givenName], [surname])';
    expect(findings(text)).toEqual([
      {
        code: "unknown-function",
        severity: "error",
        message: "Unknown function Jion; did you mean Join?",
        span: spanOf(text, "Jion"),
      },
    ]);
  });

  it("points to the function reference when no name is near", () => {
    const text = "Frobnicate([a])";
    expect(findings(text)).toEqual([
      {
        code: "unknown-function",
        severity: "error",
        message: "Unknown function Frobnicate; see docs/functions.md for the functions Entra provides.",
        span: spanOf(text, "Frobnicate"),
      },
    ]);
  });

  it("names the documented spelling of a function written in another case", () => {
    const text = 'JOIN(" ", [a])';
    expect(findings(text)).toEqual([
      {
        code: "function-name-case",
        severity: "warning",
        message: "Write Join, not JOIN: Entra documents function names as case-sensitive.",
        span: spanOf(text, "JOIN"),
      },
    ]);
  });
});

describe("arity: too few arguments, at the whole call, with the signature", () => {
  const cases: [text: string, message: string][] = [
    ["Left([a])", "Left takes 2 arguments, but 1 is given: Left(String, NumChars)."],
    ["Mid([a], 2)", "Mid takes 3 arguments, but 2 are given: Mid(source, start, length)."],
    ["IsNull()", "IsNull takes 1 argument, but 0 are given: IsNull(expression)."],
    [
      "InStr([a])",
      "InStr takes 2 to 4 arguments, but 1 is given: InStr(value1, value2, [start], [compareType]).",
    ],
    ['Join(",")', "Join takes at least 2 arguments, but 1 is given: Join(separator, source…)."],
    ["Coalesce()", "Coalesce takes at least 1 argument, but 0 are given: Coalesce(source…)."],
    [
      'Switch([a], "d", "k")',
      "Switch takes at least 4 arguments, but 3 are given: Switch(source, [defaultValue], key…, value…).",
    ],
    [
      'FormatDateTime([a], "yyyy")',
      "FormatDateTime takes 3 to 4 arguments, but 2 are given: FormatDateTime(source, [dateTimeStyles], inputFormat, outputFormat).",
    ],
  ];
  for (const [text, message] of cases) {
    it(text, () => {
      expect(findings(text)).toEqual([{ code: "arity", severity: "error", message, span: whole(text) }]);
    });
  }
});

describe("arity: too many arguments, at the extra ones", () => {
  it("spans from the first extra argument to the last", () => {
    const text = 'ToLower([a], "en-US", "x", [y])';
    expect(findings(text)).toEqual([
      {
        code: "arity",
        severity: "error",
        message:
          "ToLower takes 1 to 2 arguments, but 4 are given; remove the extra ones: ToLower(source, [culture]).",
        span: { start: spanOf(text, '"x"').start, end: spanOf(text, "[y]").end },
      },
    ]);
  });

  it("one extra argument is named in the singular", () => {
    const text = 'ToLower([a], "en-US", "x")';
    expect(findings(text)).toEqual([
      {
        code: "arity",
        severity: "error",
        message:
          "ToLower takes 1 to 2 arguments, but 3 are given; remove the extra one: ToLower(source, [culture]).",
        span: spanOf(text, '"x"'),
      },
    ]);
  });

  it("a function without parameters", () => {
    const text = "Guid([a])";
    expect(findings(text)).toEqual([
      {
        code: "arity",
        severity: "error",
        message: "Guid takes 0 arguments, but 1 is given; remove the extra one: Guid().",
        span: spanOf(text, "[a]"),
      },
    ]);
  });

  it("accepts any number of repeated arguments", () => {
    expect(findings('Join(",", [a], [b], [c], [d], [e])')).toEqual([]);
    expect(findings("Coalesce([a], [b], [c])")).toEqual([]);
  });
});

describe("unpaired-argument: Switch's keys and values come in pairs", () => {
  it("reports the key that has no value, naming the pair and what to add", () => {
    const text = 'Switch([a], "d", "k1", "v1", "k2")';
    expect(findings(text)).toEqual([
      {
        code: "unpaired-argument",
        severity: "error",
        message:
          "Switch's arguments after the first 2 come in groups of key, value; this one has no partner. Add the missing value or remove it.",
        span: spanOf(text, '"k2"'),
      },
    ]);
  });

  it("accepts every even count, and Join's or Coalesce's any count", () => {
    expect(findings('Switch([a], "d", "k1", "v1")')).toEqual([]);
    expect(findings('Switch([a], "d", "k1", "v1", "k2", "v2", "k3", "v3")')).toEqual([]);
    expect(findings('Join(",", [a], [b])')).toEqual([]);
    expect(findings("SelectUniqueValue([a], [b], [c])")).toEqual([]);
  });
});

describe("missing-argument: an empty position where a required parameter is", () => {
  it("names the parameter and says what it takes, at the empty position", () => {
    const text = "Mid([a], , 3)";
    expect(findings(text)).toEqual([
      {
        code: "missing-argument",
        severity: "error",
        message: "Mid's start is required here; give a value (The 1-based position of the first character.)",
        span: { start: 9, end: 9 },
      },
    ]);
  });

  it("leaves an empty optional position alone", () => {
    expect(findings('InStr([a], "b", , vbTextCompare)')).toEqual([]);
    expect(findings('Switch([a], , "k", "v")')).toEqual([]);
  });
});

describe("not-top-level: SelectUniqueValue must be the whole expression", () => {
  const message =
    "SelectUniqueValue must be the whole expression; Entra does not allow it inside another call. Move it to the top.";

  it("reports it inside a call", () => {
    const text = "ToLower(SelectUniqueValue([a], [b]))";
    expect(findings(text)).toEqual([
      { code: "not-top-level", severity: "error", message, span: spanOf(text, "SelectUniqueValue") },
    ]);
  });

  it("reports it on either side of a comparison, even one written at the top", () => {
    for (const text of ['SelectUniqueValue([a], [b]) = "x"', '"x" = SelectUniqueValue([a], [b])']) {
      expect(findings(text), text).toEqual([
        { code: "not-top-level", severity: "error", message, span: spanOf(text, "SelectUniqueValue") },
      ]);
    }
  });

  it("checks calls on both sides of a comparison", () => {
    const text = 'IIF(Jion(",", [a]) = Lenn([b]), "y", "n")';
    expect(findings(text).map(({ code, span }) => ({ code, span }))).toEqual([
      { code: "unknown-function", span: spanOf(text, "Jion") },
      { code: "unknown-function", span: spanOf(text, "Lenn") },
    ]);
  });
});

describe("provex-only: the message names the Entra equivalent", () => {
  it("in the entra dialect", () => {
    const text = 'Extract([userPrincipalName], , "@", )';
    expect(findings(text)).toEqual([
      {
        code: "provex-only",
        severity: "warning",
        message:
          'Extract is a provex extension that Entra does not accept. Use the Entra equivalent instead: Replace([userPrincipalName], , "(?<s>@.*)$", "s", "", , )',
        span: spanOf(text, "Extract"),
      },
    ]);
  });

  it("never for functions Entra documents, whatever their availability", () => {
    expect(findings("Trim([a])")).toEqual([]); // Cloud Sync only
    expect(findings("Now()")).toEqual([]); // provisioning only
  });
});

/**
 * What the call rules take from the registry without checking it themselves; each line here is a reason
 * given in reports/mutation/checker/equivalent.json, so a registry change that breaks one fails here first.
 */
describe("registry facts the call rules rely on", () => {
  const specs = [...functions.values()];

  it("a provex extension is available nowhere else, and names its Entra equivalent", () => {
    for (const spec of specs.filter((s) => s.availability.includes("provex"))) {
      expect(spec.availability, spec.name).toEqual(["provex"]);
      expect(spec.entraEquivalent, spec.name).toBeTruthy();
    }
  });

  it("a repeating group is non-empty; only Switch's is longer than one; a repeating call's minimum passes repeatFrom", () => {
    const repeating = specs.filter((s) => s.repeatFrom !== undefined);
    for (const spec of repeating) {
      const from = spec.repeatFrom ?? 0;
      expect(spec.parameters.length - from, spec.name).toBeGreaterThanOrEqual(1);
      expect(argumentRange(spec).minimum, spec.name).toBeGreaterThan(from);
    }
    expect(
      repeating
        .filter((s) => s.parameters.length - (s.repeatFrom ?? 0) > 1)
        .map((s) => [s.name, s.repeatFrom]),
    ).toEqual([["Switch", 2]]);
  });
});
