import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { ProvexError } from "../../src/diagnostics/index.js";
import { evaluate } from "../../src/evaluator/index.js";

/**
 * argument-kind (docs/lint-rules.md): a literal argument that cannot be what its parameter takes — text
 * where a number is expected, a compare mode or encoding constant in the wrong place, a function returning
 * several values where one is expected. Values computed at run time (attributes, calls returning one value)
 * are not judged. Each case asserts the code, the span (the argument's own characters) and the message.
 */
function findings(text: string) {
  return check(text).map(({ code, severity, message, span }) => ({ code, severity, message, span }));
}

/** The one argument-kind error expected on `part` of `text`, with its message. */
function argumentKind(text: string, part: string, message: string) {
  const start = text.lastIndexOf(part);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return [{ code: "argument-kind", severity: "error", message, span: { start, end: start + part.length } }];
}

describe("argument-kind: integer parameters", () => {
  it("accepts a number, and text that reads as an integer (white space, a sign, VBA hex), as the evaluator does", () => {
    for (const literal of ["3", '"3"', '" 3 "', '"-3"', '"+12"', '"007"', '"&HF"', '" &h1f "', "&HF"]) {
      expect(findings(`Left([a], ${literal})`), literal).toEqual([]);
    }
    // What the evaluator makes of the same text, read at run time from an attribute.
    expect(evaluate("Left([a], [n])", { a: "abcdefghijklmnop", n: " &h1f " })).toBe("abcdefghijklmnop");
    expect(evaluate("Left([a], [n])", { a: "abcdef", n: "+2" })).toBe("ab");
  });

  it("reports text that is no integer at the literal: words, trailing or leading letters, decimals, empty text", () => {
    for (const literal of ['"three"', '"3x"', '"x3"', '"1.5"', '""', '"3 4"', '"--3"', '"&H"']) {
      const text = `Left([a], ${literal})`;
      expect(findings(text), literal).toEqual(
        argumentKind(text, literal, "Left's NumChars must be a number."),
      );
    }
  });

  it("names the constant written where a number is expected", () => {
    const text = "Mid([a], vbTextCompare, 2)";
    expect(findings(text)).toEqual(
      argumentKind(text, "vbTextCompare", "Mid's start must be a number, not vbTextCompare."),
    );
    const boolean = "Mid([a], 1, True)";
    expect(findings(boolean)).toEqual(
      argumentKind(boolean, "True", "Mid's length must be a number, not True."),
    );
  });

  it("does not judge values computed at run time", () => {
    expect(findings("Left([a], [n])")).toEqual([]);
    expect(findings('Left([a], InStr([a], "@"))')).toEqual([]);
    expect(findings("Mid([a], Count([b]), 2)")).toEqual([]);
  });

  it("agrees with the evaluator on every text literal: reported exactly when the evaluator cannot read it as an integer", () => {
    // Numbers as text (decimal or VBA hex, white space around, a sign — which hex does not take) and the
    // same pieces with a little noise between them.
    const space = fc.constantFrom("", " ", "\t");
    const wellFormed = fc
      .tuple(
        space,
        fc.constantFrom("", "+", "-"),
        fc.oneof(fc.stringMatching(/^\d{1,3}$/), fc.stringMatching(/^&[Hh][0-9a-fA-F]{1,3}$/)),
        space,
      )
      .map((parts) => parts.join(""));
    const numberLike = fc
      .array(fc.constantFrom(" ", "\t", "+", "-", "0", "42", "&H", "&h", "1f", "F", "x", ".", "é"), {
        maxLength: 4,
      })
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(fc.oneof(wellFormed, numberLike, fc.string({ maxLength: 6 })), (value) => {
        fc.pre(!value.includes('"'));
        let readable = true;
        try {
          evaluate("Left([a], [n])", { a: "abc", n: value });
        } catch (error) {
          if (!(error instanceof ProvexError)) throw error;
          expect(error.code).toBe("not-a-number");
          readable = false;
        }
        const reported = check(`Left([a], "${value}")`).filter((d) => d.code === "argument-kind");
        expect(reported.length, JSON.stringify(value)).toBe(readable ? 0 : 1);
      }),
    );
  });
});

describe("argument-kind: InStr's compareType", () => {
  it("accepts vbBinaryCompare, vbTextCompare, and their values 0 and 1", () => {
    for (const mode of ["vbBinaryCompare", "vbTextCompare", "0", "1"]) {
      expect(findings(`InStr([a], "b", 1, ${mode})`), mode).toEqual([]);
    }
    expect(evaluate('InStr("aXb", "x", 1, 1)')).toBe(2n);
    expect(evaluate('InStr("aXb", "x", 1, 0)')).toBe(0n);
  });

  it("reports any other literal: another number, text, another constant", () => {
    for (const literal of ["2", "-1", '"text"', '"vbTextCompare"', "UTF8", "True"]) {
      const text = `InStr([a], "b", 1, ${literal})`;
      expect(findings(text), literal).toEqual(
        argumentKind(text, literal, "InStr's compareType must be vbBinaryCompare or vbTextCompare."),
      );
    }
  });

  it("does not judge an attribute or a call there, and leaves an empty optional position alone", () => {
    expect(findings('InStr([a], "b", 1, [mode])')).toEqual([]);
    expect(findings('InStr([a], "b", 1, CBool([x]))')).toEqual([]);
    expect(findings('InStr([a], "b", , )')).toEqual([]);
  });
});

describe("argument-kind: ConvertFromBase64's encoding", () => {
  it("accepts the constants UTF8, Unicode and ASCII, text (read at run time) and attributes", () => {
    for (const encoding of ["UTF8", "Unicode", "ASCII", '"UTF8"', "[encoding]"]) {
      expect(findings(`ConvertFromBase64([a], ${encoding})`), encoding).toEqual([]);
    }
    expect(findings("ConvertFromBase64([a], )")).toEqual([]);
  });

  it("reports another constant or a number", () => {
    for (const literal of ["vbTextCompare", "True", "1"]) {
      const text = `ConvertFromBase64([a], ${literal})`;
      expect(findings(text), literal).toEqual(
        argumentKind(text, literal, "ConvertFromBase64's encoding must be UTF8, Unicode or ASCII."),
      );
    }
  });
});

describe("argument-kind: constants outside the parameters that select them", () => {
  it("accepts True and False where a value is expected", () => {
    expect(findings('IIF(True, "y", "n")')).toEqual([]);
    expect(findings('IIF(False, "y", "n")')).toEqual([]);
    expect(findings('Join(",", True, False)')).toEqual([]);
  });

  it("reports a compare mode or an encoding there, naming it", () => {
    for (const constant of ["vbTextCompare", "vbBinaryCompare", "UTF8", "Unicode", "ASCII"]) {
      const text = `Join(",", [a], ${constant})`;
      expect(findings(text), constant).toEqual(
        argumentKind(
          text,
          constant,
          `Join's source does not take the constant ${constant}; compare modes and encodings only belong in the parameters that select them.`,
        ),
      );
    }
  });
});

describe("argument-kind: several values where one is expected", () => {
  const several = (fn: string) =>
    `takes one value, but ${fn} returns several; pick one with Item(…, n) or combine them with Join.`;

  it("reports a list or role-returning call passed to each single-valued kind of parameter", () => {
    const cases: [text: string, part: string, parameter: string, fn: string][] = [
      ['Left(Split([a], ","), 1)', 'Split([a], ",")', "Left's String", "Split"],
      ['Left([a], Split([n], ","))', 'Split([n], ",")', "Left's NumChars", "Split"],
      [
        'IIF(RemoveDuplicates([flags]), "y", "n")',
        "RemoveDuplicates([flags])",
        "IIF's condition",
        "RemoveDuplicates",
      ],
      ['NumFromDate(Split([d], ","))', 'Split([d], ",")', "NumFromDate's value", "Split"],
      ['InStr([a], "b", 1, Split([m], ","))', 'Split([m], ",")', "InStr's compareType", "Split"],
      ['ConvertFromBase64([a], Split([e], ","))', 'Split([e], ",")', "ConvertFromBase64's encoding", "Split"],
      [
        "Left(AppRoleAssignmentsComplex([appRoleAssignments]), 1)",
        "AppRoleAssignmentsComplex([appRoleAssignments])",
        "Left's String",
        "AppRoleAssignmentsComplex",
      ],
    ];
    for (const [text, part, parameter, fn] of cases) {
      expect(findings(text), text).toEqual(argumentKind(text, part, `${parameter} ${several(fn)}`));
    }
  });

  it("accepts a call returning one value, a list where a list or any value is taken, and each-value functions", () => {
    expect(findings('Left(ToUpper([a]), InStr([a], "@"))')).toEqual([]);
    expect(findings('Count(Split([a], ","))')).toEqual([]);
    expect(findings('Join(",", Split([a], ";"))')).toEqual([]);
    expect(findings('IsNullOrEmpty(Split([a], ","))')).toEqual([]);
    expect(findings('NormalizeDiacritics(Split([a], ","))')).toEqual([]);
    expect(findings("SingleAppRoleAssignment(AppRoleAssignmentsComplex([appRoleAssignments]))")).toEqual([]);
  });

  it("leaves an unknown function's result unjudged (its own unknown-function error is the finding)", () => {
    const text = "Left(Frobnicate([a]), 1)";
    expect(check(text).map((d) => d.code)).toEqual(["unknown-function"]);
  });
});
