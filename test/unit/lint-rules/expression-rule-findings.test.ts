import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { provexYaml } from "./helpers.js";

// What the expression rules tell the user, word for word, where they point and what their fixes write:
// the rules' own words (the checker's messages are the checker's tests' business, but a rule passes them
// on unchanged, at the file position of the checker's span).

/** One mapping `t<i>` per expression; expression i is on line 6 + 2i, its first character at column 18. */
const expressions = (...texts: string[]) =>
  provexYaml(texts.map((text, i) => `  - target: t${i}\n    expression: '${text}'\n`).join(""));

const schemaHead = `entra:
  directories:
    - name: AAD
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: givenName }
            - { name: surname }
            - { name: boss, type: Reference }
`;

describe("the fixes' descriptions", () => {
  it("unknown-function renames to the closest function, and offers nothing when none is close", () => {
    expect(findingsOf("unknown-function", expressions('Jion(" ", [a])', "Zzzzzz([a])"))).toEqual([
      {
        at: [6, 18],
        covers: "Jion",
        message: "Unknown function Jion; did you mean Join?",
        fix: { description: "Rename Jion to Join", edits: [{ covers: "Jion", text: "Join" }] },
      },
      {
        at: [8, 18],
        covers: "Zzzzzz",
        message: "Unknown function Zzzzzz; see docs/functions.md for the functions Entra provides.",
      },
    ]);
  });

  it("function-name-case writes the documented name", () => {
    expect(findingsOf("function-name-case", expressions('JOIN(" ", [a])'))).toEqual([
      {
        at: [6, 18],
        covers: "JOIN",
        message: "Write Join, not JOIN: Entra documents function names as case-sensitive.",
        fix: { description: "Write JOIN as Join", edits: [{ covers: "JOIN", text: "Join" }] },
      },
    ]);
  });

  it("attribute-name-case writes the schema's spelling, inside the brackets or as the direct attribute", () => {
    const text = provexYaml(
      "  - target: a\n    expression: 'Join(\" \", [GivenName], [surname])'\n  - target: b\n    attribute: GivenName\n",
      schemaHead,
    );
    const message =
      "The source schema spells this attribute [givenName]; attribute names are case-sensitive, so [GivenName] reads nothing.";
    expect(findingsOf("attribute-name-case", text)).toEqual([
      {
        at: [16, 28],
        covers: "[GivenName]",
        message,
        fix: {
          description: "Write [GivenName] as [givenName]",
          edits: [{ covers: "GivenName", text: "givenName" }],
        },
      },
      {
        at: [18, 16],
        covers: "GivenName",
        message,
        fix: {
          description: "Write GivenName as givenName",
          edits: [{ covers: "GivenName", text: "givenName" }],
        },
      },
    ]);
  });

  it("constant-name-case writes the documented spelling", () => {
    expect(findingsOf("constant-name-case", expressions('InStr([b], "x", 1, vbtextcompare)'))).toEqual([
      {
        at: [6, 37],
        covers: "vbtextcompare",
        message: "Write the constant as vbTextCompare.",
        fix: {
          description: "Write vbtextcompare as vbTextCompare",
          edits: [{ covers: "vbtextcompare", text: "vbTextCompare" }],
        },
      },
    ]);
  });

  it("provex-only-function rewrites Extract as Replace with a named group", () => {
    expect(findingsOf("provex-only-function", expressions('Extract([u], , "@", )'))).toEqual([
      {
        at: [6, 18],
        covers: "Extract",
        message:
          'Extract is a provex extension that Entra does not accept. Use the Entra equivalent instead: Replace([userPrincipalName], , "(?<s>@.*)$", "s", "", , )',
        fix: {
          description:
            "Rewrite Extract as the equivalent Entra Replace (which keeps a value without the delimiters unchanged, where Extract gives null)",
          edits: [
            { covers: 'Extract([u], , "@", )', text: `Replace([u], , "(?s)^(?<v>.*?)@.*", , "\${v}", , )` },
          ],
        },
      },
    ]);
  });
});

describe("syntax-error", () => {
  it("leaves a too-long expression and a constant's case to their own rules", () => {
    const text = expressions(`"${"x".repeat(10_001)}"`, 'InStr([b], "x", 1, vbtextcompare)');
    expect(findingsOf("syntax-error", text)).toEqual([]);
    expect(findingsOf("expression-too-long", text).map((f) => [f.at, f.message])).toEqual([
      [
        [6, 10_018],
        "This expression has 10003 characters; Entra accepts at most 10000. Shorten it or split the logic over several mappings.",
      ],
    ]);
    expect(findingsOf("constant-name-case", text).map((f) => f.at)).toEqual([[8, 37]]);
  });
});

describe("not-top-level's message", () => {
  it("names the call that swallows IgnoreFlowIfNullOrEmpty's signal, or says it is a comparison", () => {
    const text = expressions(
      'Join(",", IgnoreFlowIfNullOrEmpty([b]))',
      'IIF(IgnoreFlowIfNullOrEmpty([b]) = "x", "a", "b")',
      'IIF(IgnoreFlowIfNullOrEmpty([b]), "a", "b")',
      'Switch([a], "d", "k", IIF([x], Join("", IgnoreFlowIfNullOrEmpty([b])), "z"))',
    );
    const message = (where: string) =>
      `IgnoreFlowIfNullOrEmpty only leaves the attribute out of the export as the mapping's result; ${where} the signal is lost and an empty value flows. Move it to the top of the expression.`;
    expect(findingsOf("not-top-level", text)).toEqual([
      { at: [6, 28], covers: "IgnoreFlowIfNullOrEmpty", message: message("inside Join") },
      { at: [8, 22], covers: "IgnoreFlowIfNullOrEmpty", message: message("inside a comparison") },
      { at: [10, 22], covers: "IgnoreFlowIfNullOrEmpty", message: message("inside IIF") },
      { at: [12, 58], covers: "IgnoreFlowIfNullOrEmpty", message: message("inside Join") },
    ]);
  });
});

describe("invalid-regex's messages", () => {
  it("name the function and parameter, then .NET's complaint, at the offending character", () => {
    const text = expressions('Replace([b], , "(", , "", , )', 'Replace([b], , "[a-", , "", , )');
    expect(findingsOf("invalid-regex", text)).toEqual([
      // An unclosed group is reported at the end of the pattern, where the ) is missing.
      {
        at: [6, 35],
        covers: "",
        message:
          "Replace's regexPattern: The regular expression is not valid: a ( is never closed at offset 1.",
      },
      {
        at: [8, 34],
        covers: "[",
        message:
          "Replace's regexPattern: The regular expression is not valid: unterminated [] set at offset 0.",
      },
    ]);
  });

  it("list the groups the pattern has (numbered ones by number, 'none' without any), at the group name", () => {
    const text = expressions(
      'Replace([b], , "(?<x>@.*)$", "y", "", , )',
      'Replace([b], , "(@.*)$", "y", "", , )',
      'Replace([b], , "@.*", "y", "", , )',
    );
    const message = (groups: string) =>
      `Replace's regexGroupName names a group the pattern does not have (its groups: ${groups}); name one with (?<name>…) or correct the group name.`;
    expect(findingsOf("invalid-regex", text)).toEqual([
      { at: [6, 47], covers: '"y"', message: message("x") },
      { at: [8, 43], covers: '"y"', message: message("1") },
      { at: [10, 40], covers: '"y"', message: message("none") },
    ]);
  });

  it("is silent on a group name the pattern defines, and on an empty group name", () => {
    const text = expressions(
      'Replace([b], , "(?<x>@.*)$", "x", "", , )',
      'Replace([b], , "(@.*)$", "", "", , )',
    );
    expect(findingsOf("invalid-regex", text)).toEqual([]);
  });
});

describe("invalid-date-format's messages", () => {
  it("name the function and the parameter that cannot work", () => {
    const text = expressions(
      'FormatDateTime([d], , "", "yyyy")',
      'DateDiff("dayz", Now(), Now())',
      'NumFromDate("0001-01-01T00:00:00Z")',
      "DateFromNum(-1)",
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([
      {
        at: [6, 40],
        covers: '""',
        message:
          "FormatDateTime's inputFormat: The input format is empty; give the .NET format the source is written in.",
      },
      {
        at: [8, 27],
        covers: '"dayz"',
        message:
          'DateDiff\'s interval: "dayz" is not a date interval; use yyyy (years), q (quarters), m (months), y or d (days), w or ww (weeks), h (hours), n (minutes) or s (seconds).',
      },
      {
        at: [10, 30],
        covers: '"0001-01-01T00:00:00Z"',
        message:
          "NumFromDate's value: The date is before 1601-01-01, which a Windows FILETIME cannot represent; use a later date.",
      },
      {
        at: [12, 30],
        covers: "-1",
        message:
          "DateFromNum's value: The FILETIME -1 is negative; a Windows FILETIME counts 100 ns units from 1601-01-01 and must be ≥ 0.",
      },
    ]);
  });

  it("reports invalid DateTimeStyles once, on the styles, and judges the formats without them", () => {
    const styles =
      '"Nope" is not a DateTimeStyles value; use names such as None, AllowLeadingWhite, AllowTrailingWhite, AllowInnerWhite, AllowWhiteSpaces, NoCurrentDateDefault, AdjustToUniversal, AssumeLocal, AssumeUniversal, RoundtripKind, separated by commas.';
    const text = expressions(
      'FormatDateTime([d], "Nope", "yyyy", "yyyy")',
      'FormatDateTime("2020", "Nope", "yyyyMMdd", "yyyy")',
      'FormatDateTime("2020", "AssumeUniversal", "yyyyMMdd", "yyyy")',
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([
      { at: [6, 38], covers: '"Nope"', message: `FormatDateTime's dateTimeStyles: ${styles}` },
      { at: [8, 41], covers: '"Nope"', message: `FormatDateTime's dateTimeStyles: ${styles}` },
      {
        at: [10, 33],
        covers: '"2020"',
        message:
          'FormatDateTime\'s source: "2020" does not match the date format "yyyyMMdd" (expected 2 digits at position 4); give a value in that format or change the format.',
      },
    ]);
  });

  it("does not judge a constant source when the styles are computed", () => {
    expect(
      findingsOf("invalid-date-format", expressions('FormatDateTime("x", [s], "yyyyMMdd", "yyyy")')),
    ).toEqual([]);
  });
});

describe("null-unsafe's messages", () => {
  it("name each attribute of an IIF condition once, and the predicate used as Switch's source", () => {
    const text = expressions(
      'IIF([country] = [country], "Yes", "No")',
      'Switch(IsNullOrEmpty([title]), "none", "True", [title])',
      'Switch(IsString([title]), "none", "True", [title])',
      'Switch(IsNull([title]), "none", "True", [title])',
      'Switch(Trim([title]), "none", "True", [title])',
      'IIF(, "a", "b")',
    );
    const predicate = (name: string) =>
      `Entra documents that ${name} must not be the source of Switch. Switch on the value itself and give a "" key for null and empty: Switch(value, default, "", …).`;
    expect(findingsOf("null-unsafe", text)).toEqual([
      {
        at: [6, 22],
        covers: "[country]",
        message:
          'IIF\'s condition reads [country], which may be null or empty; Entra documents that the condition check then fails and the attribute is not exported. Test it with Switch([country], …, "", …) instead: its "" key catches null and empty.',
      },
      { at: [8, 25], covers: "IsNullOrEmpty", message: predicate("IsNullOrEmpty") },
      { at: [10, 25], covers: "IsString", message: predicate("IsString") },
      { at: [12, 25], covers: "IsNull", message: predicate("IsNull") },
    ]);
  });
});

describe("referential-attribute's message", () => {
  it("says where the reference is read: inside which call, or in a comparison", () => {
    const text = provexYaml(
      '  - target: a\n    expression: \'Switch([boss], "x", "", "none")\'\n  - target: b\n    expression: \'[boss] = "x"\'\n  - target: c\n    expression: \'[boss]\'\n',
      schemaHead,
    );
    const message = (where: string) =>
      `[boss] is a reference attribute; Entra resolves a reference only in a direct mapping, so ${where} it is an unresolved source id. Map it directly instead.`;
    expect(findingsOf("referential-attribute", text)).toEqual([
      { at: [16, 25], covers: "[boss]", message: message("inside Switch") },
      { at: [18, 18], covers: "[boss]", message: message("in a comparison") },
    ]);
  });
});
