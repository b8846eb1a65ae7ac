import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/index.js";
import { loadConfig } from "../../../src/mapping/index.js";
import {
  applyAllFixes,
  entraJson,
  entraSources,
  lintText,
  located,
  positionsOf,
  provexYaml,
  rule,
  where,
} from "./helpers.js";

// provexYaml puts the user's mappings from line 5 on: `  - target: x` (5), `    expression: '…'` (6),
// so the first character of a single-quoted expression on line 6 is at column 18.

describe("syntax-error", () => {
  it("reports every parser error at its place in the file", () => {
    const text = provexYaml(`  - target: displayName\n    expression: 'Join(" ", [givenName], [surname]'\n`);
    // The missing ")" is reported at the call it belongs to.
    expect(positionsOf("syntax-error", text)).toEqual([[6, 18]]);
    const curly = provexYaml(`  - target: displayName\n    expression: 'Join(“ ”, [givenName])'\n`);
    expect(positionsOf("syntax-error", curly)[0]).toEqual([6, 23]);
  });

  it("is silent on an expression that parses, and on a constant-name-case warning", () => {
    expect(
      positionsOf("syntax-error", provexYaml(`  - target: a\n    expression: 'Join(" ", [b])'\n`)),
    ).toEqual([]);
    expect(positionsOf("syntax-error", provexYaml(`  - target: a\n    expression: 'CBool(true)'\n`))).toEqual(
      [],
    );
  });

  it("silences the other expression rules on that expression", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Jion(" ", [b]'\n`);
    expect(lintText(text).map((f) => f.ruleId)).toEqual(["syntax-error"]);
  });
});

describe("unknown-function", () => {
  it("points at the function name, in YAML and inside an escaped JSON string, with the did-you-mean fix", () => {
    const yaml = provexYaml(`  - target: displayName\n    expression: 'Jion(" ", [givenName])'\n`);
    expect(positionsOf("unknown-function", yaml)).toEqual([[6, 18]]);
    const json = entraJson([{ target: "displayName", expression: 'Upper(Jion("\\"", [a]))' }]);
    const findings = lintText(json, { rules: [rule("unknown-function")] });
    expect(findings.map((f) => json.slice(f.span.start, f.span.end))).toEqual(["Upper", "Jion"]);
    // Upper has no close enough name; Jion is Join.
    expect(findings.map((f) => f.fix?.edits.map((e) => e.text))).toEqual([undefined, ["Join"]]);
  });

  it("is silent on known functions", () => {
    expect(
      positionsOf("unknown-function", provexYaml(`  - target: a\n    expression: 'Join(" ", [b])'\n`)),
    ).toEqual([]);
  });
});

describe("function-name-case", () => {
  it("reports a name in another case, and the fix writes the documented one", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Left(JOIN(" ", [b]), 3)'\n`);
    expect(positionsOf("function-name-case", text)).toEqual([[6, 23]]);
    const fixed = applyAllFixes(text, lintText(text, { rules: [rule("function-name-case")] }));
    expect(fixed).toBe(text.replace("JOIN", "Join"));
  });

  it("is silent on the documented case", () => {
    expect(
      positionsOf("function-name-case", provexYaml(`  - target: a\n    expression: 'Join(" ", [b])'\n`)),
    ).toEqual([]);
  });
});

describe("arity", () => {
  it("reports too few arguments at the call, too many at the first extra one, and an empty required one", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Left([b])'\n  - target: c\n    expression: 'Left([b], 1, 2)'\n  - target: d\n    expression: 'Left(, 2)'\n`,
    );
    expect(positionsOf("arity", text)).toEqual([
      [6, 18],
      [8, 31],
      [10, 23],
    ]);
  });

  it("leaves Switch's odd counts to switch-pairs, and is silent on a right count", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Switch([b], "d", "k")'\n`);
    expect(positionsOf("arity", text)).toEqual([]);
    expect(positionsOf("switch-pairs", text)).toEqual([[6, 18]]);
    expect(positionsOf("arity", provexYaml(`  - target: a\n    expression: 'Left([b], 1)'\n`))).toEqual([]);
  });
});

describe("switch-pairs", () => {
  it("reports the key without a value", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Switch([b], "d", "1", "One", "2")'\n`);
    expect(positionsOf("switch-pairs", text)).toEqual([[6, 47]]);
  });

  it("is silent on pairs", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Switch([b], , "1", "One", "2", "Two")'\n`);
    expect(positionsOf("switch-pairs", text)).toEqual([]);
  });
});

describe("argument-kind", () => {
  it("reports a literal that cannot fit its parameter", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Left([b], "three")'\n`);
    expect(positionsOf("argument-kind", text)).toEqual([[6, 28]]);
  });

  it("is silent on a number, and on values computed at run time", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Left([b], [c])'\n  - target: d\n    expression: 'Left([b], "3")'\n`,
    );
    expect(positionsOf("argument-kind", text)).toEqual([]);
  });
});

describe("not-top-level", () => {
  it("reports SelectUniqueValue inside a call and IgnoreFlowIfNullOrEmpty where its signal is lost", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'ToLower(SelectUniqueValue([b], [c]))'\n  - target: d\n    expression: 'Join(",", IgnoreFlowIfNullOrEmpty([b]))'\n`,
    );
    expect(positionsOf("not-top-level", text)).toEqual([
      [6, 26],
      [8, 28],
    ]);
  });

  it("accepts IgnoreFlowIfNullOrEmpty as the result of an IIF branch or a Switch value", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'IIF([b] = "x", IgnoreFlowIfNullOrEmpty([c]), "y")'\n  - target: d\n    expression: 'Switch([b], IgnoreFlowIfNullOrEmpty([c]), "1", IgnoreFlowIfNullOrEmpty([e]))'\n`,
    );
    expect(positionsOf("not-top-level", text)).toEqual([]);
  });

  it("reports IgnoreFlowIfNullOrEmpty as a Switch key or IIF condition", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Switch([b], "d", IgnoreFlowIfNullOrEmpty([c]), "v")'\n`,
    );
    expect(positionsOf("not-top-level", text)).toEqual([[6, 35]]);
  });
});

describe("provex-only-function", () => {
  it("reports Extract in an entra configuration", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Extract([userPrincipalName], , "@", )'\n`);
    expect(positionsOf("provex-only-function", text)).toEqual([[6, 18]]);
  });

  it("is silent in a provex configuration", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Extract([userPrincipalName], , "@", )'\n`,
      "dialect: provex\n",
    );
    expect(positionsOf("provex-only-function", text)).toEqual([]);
    const overridden = provexYaml(`  - target: a\n    expression: 'Extract([b], , "@", )'\n`);
    expect(positionsOf("provex-only-function", overridden, { dialect: "provex" })).toEqual([]);
  });
});

const schemaHead = `entra:
  directories:
    - name: AAD
      objects:
        - name: User
          attributes:
            - { name: userPrincipalName }
            - { name: givenName }
            - { name: surname }
`;

describe("unknown-attribute", () => {
  it("reports an attribute the source schema lacks (the schema's lines come first: line 10 on)", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Join(" ", [givenName], [surnam])'\n`,
      schemaHead,
    );
    expect(positionsOf("unknown-attribute", text)).toEqual([[15, 41]]);
  });

  it("uses --schema instead of the file's directories, and is silent without a schema", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Join(" ", [givenName], [sn])'\n`);
    expect(positionsOf("unknown-attribute", text)).toEqual([]);
    expect(
      positionsOf("unknown-attribute", text, { sourceSchema: ["userPrincipalName", "givenName", "sn"] }),
    ).toEqual([]);
    expect(
      positionsOf("unknown-attribute", text, { sourceSchema: ["userPrincipalName", "givenName"] }),
    ).toEqual([[6, 41]]);
  });
});

describe("attribute-name-case", () => {
  it("reports a case-only difference with a fix to the schema's spelling", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Join(" ", [GivenName], [surname])'\n`,
      schemaHead,
    );
    expect(positionsOf("attribute-name-case", text)).toEqual([[15, 28]]);
    const fixed = applyAllFixes(text, lintText(text, { rules: [rule("attribute-name-case")] }));
    expect(fixed).toBe(text.replace("[GivenName]", "[givenName]"));
    expect(positionsOf("unknown-attribute", text)).toEqual([]);
  });

  it("is silent on the schema's spelling", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Join(" ", [givenName], [surname])'\n`,
      schemaHead,
    );
    expect(positionsOf("attribute-name-case", text)).toEqual([]);
  });
});

describe("invalid-regex", () => {
  it("points at the construct that cannot run in linear time, escapes accounted for", () => {
    // YAML '…' keeps backslashes; the string literal "(\\d+)-\\1" is the pattern (\d+)-\1.
    const text = provexYaml(`  - target: a\n    expression: 'Replace([b], , "(\\\\d+)-\\\\1", , "", , )'\n`);
    const findings = lintText(text, { rules: [rule("invalid-regex")] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/backreference/);
    // The pattern's \ is written \\ in the string literal: the finding covers both characters.
    expect(text.slice(findings[0]!.span.start, findings[0]!.span.end)).toBe("\\\\");
    expect(positionsOf("invalid-regex", text)).toEqual([[6, 41]]);
  });

  it("reports an invalid pattern inside JSON, and a group name the pattern does not define", () => {
    const json = entraJson([
      { target: "a", expression: 'Replace([b], , "(?<x>@.*", "x", "", , )' },
      { target: "c", expression: 'Replace([b], , "(?<x>@.*)$", "y", "", , )' },
    ]);
    const findings = lintText(json, { rules: [rule("invalid-regex")] });
    // An unclosed group is reported at the end of the pattern (its closing quote), the group name as written.
    expect(findings.map((f) => json.slice(f.span.start, f.span.end))).toEqual(["", '\\"y\\"']);
    expect(json.slice(findings[0]!.span.start - 8, findings[0]!.span.start + 2)).toBe('(?<x>@.*\\"');
  });

  it("is silent on a valid pattern and on a computed one", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Replace([b], , "[()\\\\s-]+", , "", , )'\n  - target: c\n    expression: 'Replace([b], , [c], , "", , )'\n`,
    );
    expect(positionsOf("invalid-regex", text)).toEqual([]);
  });
});

describe("invalid-date-format", () => {
  it("reports a bad output format, a bad input format and a constant that does not parse", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'FormatDateTime([d], , "yyyyMMdd", "yyyy-MM-dd''T")'\n  - target: b\n    expression: 'FormatDateTime([d], , "%", "yyyy")'\n  - target: c\n    expression: 'CDate("31/31/2020")'\n  - target: e\n    expression: 'DateAdd("days", 1, Now())'\n`,
    );
    expect(positionsOf("invalid-date-format", text)).toEqual([
      [6, 52],
      [8, 40],
      [10, 24],
      [12, 26],
    ]);
  });

  it("reports a constant source that does not match its input format, and a FILETIME out of range", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'FormatDateTime("2020-01-02", , "yyyyMMdd", "yyyy")'\n  - target: b\n    expression: 'DateFromNum(-1)'\n`,
    );
    expect(positionsOf("invalid-date-format", text)).toEqual([
      [6, 33],
      [8, 30],
    ]);
  });

  it("is silent on good formats and on computed ones", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'FormatDateTime([d], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")'\n  - target: b\n    expression: 'FormatDateTime("20200102", , "yyyyMMdd", [f])'\n  - target: c\n    expression: 'DateFromNum(129699324000000000)'\n`,
    );
    expect(positionsOf("invalid-date-format", text)).toEqual([]);
  });
});

describe("expression-too-long", () => {
  it("points at the first character past 10,000", () => {
    const long = `Coalesce([a], "${"x".repeat(10_000)}")`;
    const text = provexYaml(`  - target: a\n    expression: '${long}'\n`);
    expect(positionsOf("expression-too-long", text)).toEqual([[6, 18 + 10_000]]);
  });

  it("is silent at exactly 10,000", () => {
    const exact = `"${"x".repeat(9_998)}"`;
    const text = provexYaml(`  - target: a\n    expression: '${exact}'\n`);
    expect(positionsOf("expression-too-long", text)).toEqual([]);
  });
});

describe("null-unsafe", () => {
  it("reports a possibly-null attribute in an IIF condition, and a predicate as Switch's source", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'IIF([country] = "US", "Yes", "No")'\n  - target: b\n    expression: 'IIF(IsPresent([country]), [country], "Other")'\n  - target: c\n    expression: 'Switch(IsPresent([title]), "none", "True", [title])'\n`,
    );
    expect(positionsOf("null-unsafe", text)).toEqual([
      [6, 22],
      [8, 32],
      [10, 25],
    ]);
  });

  it("trusts a required source attribute and Entra's always-present user attributes", () => {
    const head = `entra:\n  directories:\n    - name: AAD\n      objects:\n        - name: User\n          attributes:\n            - { name: country, required: true }\n            - { name: userPrincipalName }\n`;
    const text = provexYaml(
      `  - target: a\n    expression: 'IIF([country] = "US", "Yes", "No")'\n  - target: b\n    expression: 'IIF([IsSoftDeleted] = "True", "0", "1")'\n  - target: c\n    expression: 'Switch([country], [country], "", "Other")'\n`,
      head,
    );
    expect(positionsOf("null-unsafe", text)).toEqual([]);
  });
});

describe("referential-attribute", () => {
  it("reports a reference attribute read inside an expression", () => {
    const text = provexYaml(`  - target: a\n    expression: 'Switch([manager], "x", "", "none")'\n`);
    expect(positionsOf("referential-attribute", text)).toEqual([[6, 25]]);
  });

  it("is silent on a direct mapping of the reference", () => {
    expect(
      positionsOf("referential-attribute", provexYaml(`  - target: a\n    attribute: manager\n`)),
    ).toEqual([]);
  });
});

describe("constant-name-case", () => {
  it("reports a constant in another case, with a fix", () => {
    const text = provexYaml(`  - target: a\n    expression: 'InStr([b], "x", 1, vbtextcompare)'\n`);
    expect(positionsOf("constant-name-case", text)).toEqual([[6, 37]]);
    const fixed = applyAllFixes(text, lintText(text, { rules: [rule("constant-name-case")] }));
    expect(fixed).toBe(text.replace("vbtextcompare", "vbTextCompare"));
  });

  it("is silent on the documented spelling", () => {
    const text = provexYaml(`  - target: a\n    expression: 'InStr([b], "x", 1, vbTextCompare)'\n`);
    expect(positionsOf("constant-name-case", text)).toEqual([]);
  });
});

describe("fixes in an Entra export", () => {
  it("are offered only where the source is the expression alone (a tree or a direct name would disagree)", () => {
    const onlyExpression = entraJson([{ target: "a", expression: 'JOIN(" ", [b])' }]);
    expect(lintText(onlyExpression, { rules: [rule("function-name-case")] })[0]?.fix).toBeDefined();
    const withTree = onlyExpression.replace(
      '"type": "Function",',
      '"type": "Function",\n                "name": "JOIN",\n                "parameters": [],',
    );
    const [finding] = lintText(withTree, { rules: [rule("function-name-case")] });
    expect(finding?.ruleId).toBe("function-name-case");
    expect(finding?.fix).toBeUndefined();
  });
});

describe("attribute-name-case on direct mappings", () => {
  it("rewrites an Entra source's name and its expression together", () => {
    const text = entraSources(
      `      { "targetAttributeName": "a", "source": { "type": "Attribute", "name": "Country", "expression": "[Country]" } },\n      { "targetAttributeName": "b", "source": { "type": "Attribute", "name": "Country" } }`,
    );
    const findings = lintText(text, { rules: [rule("attribute-name-case")] });
    // The first finding is in the written expression, the second on the name (no expression written).
    expect(located(text, findings).map((f) => [f.line, f.column])).toEqual([
      [9, 104],
      [10, 79],
    ]);
    expect(where(text, '"[Country]"')).toEqual([9, 103]);
    expect(where(text, '"Country" }')).toEqual([10, 78]);
    expect(findings.map((f) => f.fix?.edits.length)).toEqual([2, 1]);
    expect(applyAllFixes(text, findings)).toBe(text.replaceAll("Country", "country"));
  });

  it("rewrites a provex direct mapping's attribute", () => {
    const text = provexYaml(
      `  - target: c\n    attribute: Country\n`,
      schemaHead.replace("surname", "country"),
    );
    expect(positionsOf("attribute-name-case", text)).toEqual([[15, 16]]);
    expect(applyAllFixes(text, lintText(text, { rules: [rule("attribute-name-case")] }))).toBe(
      text.replace("Country", "country"),
    );
  });
});

describe("provex-only-function's fix", () => {
  it("rewrites Extract as Replace, escaped for the file, with the same result where the delimiters occur", () => {
    const cases: [string, string][] = [
      ['Extract([u], , "@", )', "jsmith@contoso.com"],
      ['Extract([u], "(", ")")', "Ann (Sales) Lee"],
      ['Extract([u], "\\\\")', "CONTOSO\\jsmith"],
      ['Extract([u], "\'", "\'")', "it's 'quoted' text"],
    ];
    for (const [extract, value] of cases) {
      for (const text of [
        provexYaml(`  - target: a\n    expression: '${extract.replaceAll("'", "''")}'\n`),
        entraJson([{ target: "a", expression: extract }]),
      ]) {
        const findings = lintText(text, { rules: [rule("provex-only-function")] });
        expect(findings.map((f) => Boolean(f.fix))).toEqual([true]);
        const fixed = applyAllFixes(text, findings);
        expect(lintText(fixed, { rules: [rule("provex-only-function"), rule("syntax-error")] })).toEqual([]);
        const replaced = loadConfig(fixed).objects[0]!.mappings[1]!.expression!;
        expect(replaced).toMatch(/^Replace\(\[u\], , /);
        expect(evaluate(replaced, { u: value })).toBe(evaluate(extract, { u: value }));
      }
    }
  });

  it("offers no fix where the rewrite would not be equivalent (a default, computed delimiters)", () => {
    const text = provexYaml(
      `  - target: a\n    expression: 'Extract([u], , "@", "none")'\n  - target: b\n    expression: 'Extract([u], [d], "@")'\n`,
    );
    expect(lintText(text, { rules: [rule("provex-only-function")] }).map((f) => f.fix)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
