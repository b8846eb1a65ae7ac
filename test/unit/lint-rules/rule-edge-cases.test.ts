import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { entraSources, provexYaml } from "./helpers.js";

// The edges of what each rule reports: the positions and argument shapes at its boundary, expressions
// with syntax errors (left to syntax-error), calls with no arguments (no rule fails on them), and the
// object type names the kind rules recognise.

/** One mapping `t<i>` per expression; expression i is on line 6 + 2i, its first character at column 18. */
const expressions = (...texts: string[]) =>
  provexYaml(texts.map((text, i) => `  - target: t${i}\n    expression: '${text}'\n`).join(""));

/** [line, column, covered text] of each finding of `ruleId`. */
const places = (ruleId: string, text: string) =>
  findingsOf(ruleId, text).map(({ at, covers }) => [...at, covers]);

describe("not-top-level", () => {
  it("passes IgnoreFlowIfNullOrEmpty through IIF's branches and Switch's values, not Switch's later keys", () => {
    const text = expressions(
      'Switch([a], "d", "k1", "v1", IgnoreFlowIfNullOrEmpty([b]), "v2")',
      'IIF([a], "x", IgnoreFlowIfNullOrEmpty([b]))',
    );
    expect(places("not-top-level", text)).toEqual([[6, 47, "IgnoreFlowIfNullOrEmpty"]]);
  });

  it("leaves an expression with a syntax error to syntax-error", () => {
    expect(places("not-top-level", expressions('Join(",", IgnoreFlowIfNullOrEmpty([b])'))).toEqual([]);
  });
});

describe("null-unsafe", () => {
  it("judges a predicate only as Switch's source, and does not fail on calls without arguments", () => {
    const text = expressions("ToUpper(IsPresent([a]))", "IIF()", "Switch()", 'IIF([a] = "x", 1, 2');
    expect(findingsOf("null-unsafe", text)).toEqual([]);
  });
});

describe("provex-only-function's fix", () => {
  it("is offered for Extract in any case and nested, not without a source, with extra arguments or computed delimiters", () => {
    const text = expressions(
      'Extract(, "a", "b")',
      'Extract([u], "a", "b", , [x])',
      'Extract([u], "a", [b])',
      'extract([u], "a", "b")',
      'Coalesce(Extract([u], "a", "b"))',
    );
    const findings = findingsOf("provex-only-function", text);
    expect(findings.map(({ at, covers, fix }) => [...at, covers, fix?.edits[0]?.text])).toEqual([
      [6, 18, "Extract", undefined],
      [8, 18, "Extract", undefined],
      [10, 18, "Extract", undefined],
      [12, 18, "extract", `Replace([u], , "(?s)^.*?a(?<v>.*?)b.*", , "\${v}", , )`],
      [14, 27, "Extract", `Replace([u], , "(?s)^.*?a(?<v>.*?)b.*", , "\${v}", , )`],
    ]);
  });
});

describe("roles-direct-mapping", () => {
  it("is about appRoleAssignments only, reads past a role function's parameters, and skips syntax errors", () => {
    const text = expressions(
      'Join(",", [mail])',
      "AppRoleAssignmentsComplex([appRoleAssignments], [appRoleAssignments])",
      'Join(",", [appRoleAssignments]',
    );
    expect(findingsOf("roles-direct-mapping", text)).toEqual([
      {
        at: [8, 66],
        covers: "[appRoleAssignments]",
        message:
          "appRoleAssignments is read by AppRoleAssignmentsComplex; Entra sends app roles only through the role functions. Write AppRoleAssignmentsComplex([appRoleAssignments]).",
      },
    ]);
  });
});

describe("referential-attribute", () => {
  it("is about attributes only (not a call of the same name), and skips syntax errors", () => {
    const head = `entra:\n  directories:\n    - name: AAD\n      objects:\n        - name: User\n          attributes:\n            - { name: userPrincipalName }\n            - { name: boss, type: Reference }\n`;
    const text = provexYaml(
      "  - target: a\n    expression: 'Join(\"\", boss([x]))'\n  - target: b\n    expression: 'Join(\"\", [boss]'\n",
      head,
    );
    expect(findingsOf("referential-attribute", text)).toEqual([]);
  });
});

describe("the object kinds (object-mapping-target-kind)", () => {
  const objectMapping = (source: string, target: string) =>
    `objects:\n  - source: ${source}\n    target: '${target}'\n    mappings:\n      - { target: cn, attribute: displayName, match: 1 }\n`;

  it("know a type by its whole last name, spaces aside, and nothing else", () => {
    for (const [source, target] of [
      ["User", "usergroup"],
      ["Group", "usergroup"],
      ["User", "groupware"],
      ["Group", "superuser"],
      ["Device", "User"],
    ])
      expect(
        places("object-mapping-target-kind", objectMapping(source!, target!)),
        `${source} → ${target}`,
      ).toEqual([]);
    expect(places("object-mapping-target-kind", objectMapping("User", " group "))).toEqual([
      [3, 13, "' group '"],
    ]);
  });

  it("required-target-unmapped skips a disabled object mapping", () => {
    const text =
      "object:\n  enabled: false\nmappings:\n  - target: externalId\n    attribute: objectId\n    match: 1\n";
    expect(places("required-target-unmapped", text)).toEqual([]);
  });
});

describe("invalid-date-format", () => {
  it("reads Cloud Sync's three-argument FormatDateTime as source, input format, output format", () => {
    const text = expressions(
      'FormatDateTime([d], "yyyy", "yyyy\'\'T")',
      'FormatDateTime("20200102", "yyyyMMdd", "yyyy")',
      'FormatDateTime("2020-01-02", "yyyyMMdd", "yyyy")',
    );
    expect(places("invalid-date-format", text)).toEqual([
      [6, 46, "\"yyyy''T\""],
      [10, 33, '"2020-01-02"'],
    ]);
  });

  it("judges DateFromNum's whole numbers only, DateAdd's and DateDiff's intervals and dates, and no other function", () => {
    const text = expressions(
      'CDate("10:00")',
      'DateFromNum("1.5")',
      'DateFromNum("99999999999999999999")',
      'DateAdd("dayz", 1, Now())',
      'DateDiff("yyyy", Now(), "31/31/2020")',
      'FormatDateTime([d], [s], "yyyyMMdd", "%")',
      'FormatDateTime([d], , "yyyyMMdd", )',
      'Left("31/31/2020", 2)',
      'CDate("31/31/2020"',
    );
    expect(places("invalid-date-format", text)).toEqual([
      [10, 30, '"99999999999999999999"'],
      [12, 26, '"dayz"'],
      [14, 42, '"31/31/2020"'],
      [16, 55, '"%"'],
    ]);
    expect(findingsOf("invalid-date-format", text)[0]?.message).toBe(
      "DateFromNum's value: The FILETIME 99999999999999999999 gives a date outside 0001-01-01 … 9999-12-31, which .NET cannot represent; use a smaller value.",
    );
  });
});

describe("constant-looks-like-expression", () => {
  it("counts text that parses with only a warning, but not a comparison", () => {
    const text = provexYaml(
      "  - target: a\n    constant: 'CBool(true)'\n  - target: b\n    constant: '[a] = \"x\"'\n",
    );
    expect(places("constant-looks-like-expression", text)).toEqual([[6, 16, "CBool(true)"]]);
  });
});

describe("attribute-name-case's fix of an Entra source", () => {
  it("rewrites the name however it is spaced or escaped, never a source with parameters or more than the expression", () => {
    const text = entraSources(
      [
        '      { "targetAttributeName": "a", "source": { "type": "Attribute", "name" : "Country", "parameters": [] } },',
        '      { "targetAttributeName": "b", "source": { "type": "Attribute", "name": "Country", "parameters": [{ "key": "x", "value": {} }] } },',
        '      { "targetAttributeName": "c", "source": { "type": "Attribute", "name": "Coun\\u0074ry" } },',
        '      { "targetAttributeName": "d", "source": { "type": "Function", "expression": "Join(\\",\\", [Country])", "name": "Join", "parameters": [] } },',
        '      { "targetAttributeName": "e", "source": { "type": "Function", "expression": "Join(\\",\\", [Country])", "extra": 1 } }',
      ].join("\n"),
    );
    const fix = (covers: string) => ({
      description: "Write Country as country",
      edits: [{ covers, text: "country" }],
    });
    expect(
      findingsOf("attribute-name-case", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([
      [9, 80, "Country", fix("Country")],
      [10, 79, "Country", undefined],
      [11, 79, "Coun\\u0074ry", fix("Coun\\u0074ry")],
      [12, 96, "[Country]", undefined],
      [13, 96, "[Country]", undefined],
    ]);
  });
});

describe("the checker's diagnostics, by rule", () => {
  it("go to switch-pairs only for an arity problem of Switch, and still run on an expression with only warnings", () => {
    const text = expressions('SWITCH([a], "d", "k")', 'InStr(JOIN([a], "x"), "x", 1, vbtextcompare)');
    expect(places("function-name-case", text)).toEqual([
      [6, 18, "SWITCH"],
      [8, 24, "JOIN"],
    ]);
    expect(places("switch-pairs", text)).toEqual([[6, 18, 'SWITCH([a], "d", "k")']]);
    expect(places("arity", text)).toEqual([]);
  });
});

describe("unnecessary-default", () => {
  it("calls a string expression a constant; removes a last line without a line break, never a block scalar", () => {
    const text = provexYaml(
      "  - target: a\n    expression: '\"x\"'\n    default: y\n  - target: b\n    expression: 'Guid()'\n    default: |\n      y\n  - target: c\n    expression: 'Guid()'\n    default: y",
    );
    expect(
      findingsOf("unnecessary-default", text).map(({ at, message, fix }) => [...at, message, fix]),
    ).toEqual([
      [
        7,
        14,
        "a has a default value, but its source is a constant, so the default never applies. Remove it.",
        { description: "Remove the default value", edits: [{ covers: "    default: y\n", text: "" }] },
      ],
      [
        11,
        7,
        "b has a default value, but its source is Guid(…), which always has a value, so the default never applies. Remove it.",
        undefined,
      ],
      [
        14,
        14,
        "c has a default value, but its source is Guid(…), which always has a value, so the default never applies. Remove it.",
        { description: "Remove the default value", edits: [{ covers: "    default: y", text: "" }] },
      ],
    ]);
  });
});

describe("more argument shapes at the rules' edges", () => {
  it("provex-only-function rewrites Extract with number delimiters as their digits", () => {
    const [finding] = findingsOf("provex-only-function", expressions("Extract([u], 1, 2)"));
    expect(finding?.fix?.edits).toEqual([
      { covers: "Extract([u], 1, 2)", text: `Replace([u], , "(?s)^.*?1(?<v>.*?)2.*", , "\${v}", , )` },
    ]);
  });

  it("invalid-regex counts a backslash that escapes nothing as itself, and lists every named group", () => {
    const text = expressions(
      'Replace([b], , "\\d(", , "", , )',
      'Replace([b], , "(?<x>a)(?<y>b)", "z", "", , )',
    );
    expect(
      findingsOf("invalid-regex", text).map(({ at, covers, message }) => [...at, covers, message]),
    ).toEqual([
      [
        6,
        37,
        "",
        "Replace's regexPattern: The regular expression is not valid: a ( is never closed at offset 3.",
      ],
      [
        8,
        51,
        '"z"',
        "Replace's regexGroupName names a group the pattern does not have (its groups: x, y); name one with (?<name>…) or correct the group name.",
      ],
    ]);
  });

  it("unnecessary-default: an empty string inside the expression is a value; IIF without its else may be null", () => {
    const text = provexYaml(
      ['IIF([a], "x")', 'IIF([a], "", "x")', 'Switch([a], "", "k", "v")', 'Join("a", "b", "c", "d")']
        .map((e, i) => `  - target: t${i}\n    expression: '${e}'\n    default: x\n`)
        .join(""),
    );
    expect(places("unnecessary-default", text)).toEqual([
      [10, 14, "x"],
      [13, 14, "x"],
    ]);
  });

  it("unnecessary-default removes a default holding | or >, not one written over several lines; in Entra JSON it writes null", () => {
    const text = provexYaml(
      '  - target: a\n    constant: x\n    default: a|b\n  - target: b\n    constant: x\n    default: "a\n      b"\n',
    );
    expect(
      findingsOf("unnecessary-default", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([
      [
        7,
        14,
        "a|b",
        { description: "Remove the default value", edits: [{ covers: "    default: a|b\n", text: "" }] },
      ],
      [10, 15, "a\n      b", undefined],
    ]);
  });

  it("invalid-date-format: a date before 1601 is a CDate value, and a computed input format is not judged", () => {
    const text = expressions(
      'CDate("1500-01-01T00:00:00Z")',
      'FormatDateTime([d], , "yyyy", "%")',
      'FormatDateTime("x", , [f], "yyyy")',
    );
    expect(findingsOf("invalid-date-format", text)).toEqual([
      {
        at: [8, 48],
        covers: '"%"',
        message:
          'FormatDateTime\'s outputFormat: The date/time format "%" is not valid: "%" is not a standard format specifier. See .NET\'s custom date and time format strings.',
      },
    ]);
  });

  it("scope-operator-value points at the pattern's offending characters inside the clause value", () => {
    const text = `entra:\n  directories:\n    - name: AAD\n      objects:\n        - name: User\n          attributes:\n            - { name: userPrincipalName }\n            - { name: department }\nscope:\n  filters:\n    - clauses:\n        - { attribute: department, operator: REGEX_MATCH, value: '(a)\\1' }\nmappings:\n  - target: userName\n    attribute: userPrincipalName\n    match: 1\n`;
    expect(places("scope-operator-value", text)).toEqual([[12, 70, "\\"]]);
  });
});

describe("unnecessary-default's fix in Entra JSON", () => {
  it("writes null over a string default, and leaves a number default alone (its characters are no string)", () => {
    const mapping = (target: string, defaultValue: unknown) => ({
      targetAttributeName: target,
      defaultValue,
      source: { type: "Function", expression: '"x"' },
    });
    const object = {
      name: "Users",
      enabled: true,
      sourceObjectName: "User",
      targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
      attributeMappings: [
        {
          targetAttributeName: "userName",
          source: { type: "Attribute", name: "userPrincipalName" },
          matchingPriority: 1,
        },
        mapping("a", 5),
        mapping("b", "Fab"),
      ],
    };
    const text = `${JSON.stringify({ synchronizationRules: [{ id: "r", objectMappings: [object] }] }, null, 2)}\n`;
    expect(
      findingsOf("unnecessary-default", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([
      [22, 31, "5", undefined],
      [
        30,
        32,
        "Fab",
        { description: "Remove the default value", edits: [{ covers: '"Fab"', text: "null" }] },
      ],
    ]);
  });
});

describe("still more edges", () => {
  it("not-top-level: a comparison at the top swallows the signal too", () => {
    expect(places("not-top-level", expressions('IgnoreFlowIfNullOrEmpty([b]) = "x"'))).toEqual([
      [6, 18, "IgnoreFlowIfNullOrEmpty"],
    ]);
  });

  it("roles-direct-mapping: a call that happens to be named appRoleAssignments is no attribute read", () => {
    expect(places("roles-direct-mapping", expressions('Join(",", appRoleAssignments([x]))'))).toEqual([]);
  });

  it("arity keeps a Switch with too few arguments, even in number, from switch-pairs", () => {
    const text = expressions('Switch([a], "d")');
    expect(places("arity", text)).toEqual([[6, 18, 'Switch([a], "d")']]);
    expect(places("switch-pairs", text)).toEqual([]);
  });

  it("invalid-regex reads past Replace's last parameter, and skips an expression with a syntax error", () => {
    const text = expressions('Replace([b], , "(", , "", , , [x])', 'Replace([b], , "(", , "", , ');
    expect(places("invalid-regex", text)).toEqual([[6, 35, ""]]);
  });

  it("invalid-date-format: a large number in DateAdd is no FILETIME, and a number source is read as its digits", () => {
    const text = expressions(
      'DateAdd("d", 99999999999999999999, Now())',
      'FormatDateTime(20200102, , "yyyyMMdd", "yyyy")',
      'FormatDateTime(2020, , "yyyyMMdd", "yyyy")',
    );
    expect(places("invalid-date-format", text)).toEqual([[10, 33, "2020"]]);
  });
});

describe("unnecessary-default's Switch and IIF results", () => {
  it("reads only Switch's default and values (a key may be computed) and an empty else branch as a value", () => {
    const text = provexYaml(
      [
        'Switch([a], "d", "k", "v", [k2], "v2")',
        'IIF([a], "x", "")',
        'Switch([a], "d", "k", "v", "k2", [v2])',
      ]
        .map((e, i) => `  - target: t${i}\n    expression: '${e}'\n    default: x\n`)
        .join(""),
    );
    expect(places("unnecessary-default", text)).toEqual([
      [7, 14, "x"],
      [10, 14, "x"],
    ]);
  });
});
