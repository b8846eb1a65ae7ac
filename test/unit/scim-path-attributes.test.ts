import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { graphParameterKeys } from "../../src/functions/index.js";
import { complete, hover, semanticTokens } from "../../src/language/index.js";
import { tokenize } from "../../src/lexer/index.js";
import { loadConfig } from "../../src/mapping/index.js";
import { format, fromGraphSource, parse, toGraphSource } from "../../src/parser/index.js";

// SPEC Part 1, lexical rules (updated 2026-12): attribute references run to the matching `]`, nested
// `[ ]` groups close first, and a quoted string inside a group may hold `]` and spaces.
const work = 'emails[type eq "work"].value';
const postal = 'addresses[type eq "work"].postalCode';
const manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value";
const names = [work, postal, manager];

const images = (text: string) => tokenize(text).tokens.map((t) => [t.tokenType.name, t.image]);
const problems = (text: string) => parse(text).diagnostics.map((d) => ({ code: d.code, ...d.span }));

describe("SCIM paths as attribute names: lexer and parser", () => {
  it.each(names)("reads [%s] as one attribute reference", (name) => {
    expect(images(`[${name}]`)).toEqual([["AttributeReference", `[${name}]`]]);
    const { ast, diagnostics } = parse(`[${name}]`);
    expect(diagnostics).toEqual([]);
    expect(ast).toEqual({ kind: "attribute", name, span: { start: 0, end: name.length + 2 } });
  });

  it("reads them as arguments next to other tokens", () => {
    const text = `Join("@", [${work}], "x")`;
    expect(images(text).map(([kind]) => kind)).toEqual([
      "Identifier",
      "LParen",
      "StringLiteral",
      "Comma",
      "AttributeReference",
      "Comma",
      "StringLiteral",
      "RParen",
    ]);
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(ast.kind === "call" && ast.arguments[1]).toEqual({
      kind: "attribute",
      name: work,
      span: { start: 10, end: 10 + work.length + 2 },
    });
  });

  it("lets a string in a group hold ] , ) and spaces, and nests groups", () => {
    const name = 'a[b eq "x], y)"][c[d]].e';
    expect(parse(`Trim([${name}])`).diagnostics).toEqual([]);
    expect(parse(`Trim([${name}])`).ast).toMatchObject({ arguments: [{ kind: "attribute", name }] });
  });

  it("keeps a quote outside any group an ordinary character, as before", () => {
    expect(parse('[a"b]').ast).toMatchObject({ kind: "attribute", name: 'a"b' });
  });

  it("reports a group left open at its own bracket", () => {
    // The group's ']' is missing; the final ']' closes the group, so the reference itself stays open.
    expect(problems('Trim([emails[type eq "work"')).toEqual([
      { code: "missing-close-paren", start: 0, end: 5 },
      { code: "unterminated-attribute-group", start: 12, end: 13 },
    ]);
  });

  it("reports a quote left open inside a group at the quote", () => {
    expect(problems('[emails[type eq "work].value]')).toEqual([
      { code: "unterminated-attribute-string", start: 16, end: 17 },
    ]);
  });

  it("reports an unclosed reference at its bracket and says a group needs its own ]", () => {
    const [first] = parse('[emails[type eq "work".value]').diagnostics;
    expect(first).toMatchObject({ code: "unterminated-attribute", span: { start: 0, end: 1 } });
    expect(first?.message).toContain("group");
  });

  it("ends an unterminated reference at the end of its line, so the next line still parses", () => {
    const text = 'Join(",", [emails[type eq "work"\n, [mail])';
    expect(images(text)[4]).toEqual(["UnterminatedAttribute", '[emails[type eq "work"']);
    expect(problems(text)).toEqual([{ code: "unterminated-attribute-group", start: 17, end: 18 }]);
  });
});

describe("SCIM paths as attribute names: printer and Graph JSON", () => {
  it("prints them unchanged, so that format round-trips", () => {
    const text = `IIF(IsPresent([${work}]),[${work}],Join(" ",[${postal}],[${manager}]))`;
    const formatted = format(text);
    expect(formatted).toBe(
      [
        "IIF(",
        `  IsPresent([${work}]),`,
        `  [${work}],`,
        "  Join(",
        '    " ",',
        `    [${postal}],`,
        `    [${manager}]`,
        "  )",
        ")",
      ].join("\n"),
    );
    expect(format(formatted)).toBe(formatted);
    expect(format(`[${work}]`)).toBe(`[${work}]`);
  });

  it("converts to Graph's attributeMappingSource and back", () => {
    const text = `Join(" ", [${postal}], [${manager}])`;
    const graph = toGraphSource(parse(text).ast, graphParameterKeys);
    expect(graph.parameters?.[1]?.value).toEqual({
      type: "Attribute",
      name: postal,
      expression: `[${postal}]`,
      parameters: [],
    });
    const { expression: _ignored, ...withoutText } = graph;
    const back = fromGraphSource(
      {
        ...withoutText,
        parameters: graph.parameters?.map(({ key, value }) => ({
          key,
          value: { ...value, expression: null },
        })),
      },
      graphParameterKeys,
    );
    expect(back.diagnostics).toEqual([]);
    expect(back.text).toBe(text);
  });

  it("reports a Graph attribute name that cannot be written as [name]", () => {
    const result = fromGraphSource({ type: "Attribute", name: "a]b" }, graphParameterKeys);
    expect(result.diagnostics[0]).toMatchObject({ code: "invalid-graph-source" });
    expect(result.diagnostics[0]?.message).toContain('"a]b"');
  });

  it("loads an Entra export whose expression reads SCIM paths, without errors", () => {
    const source = {
      type: "Function",
      name: "Join",
      expression: `Join("@", [${work}], "contoso.com")`,
      parameters: [],
    };
    const schema = {
      synchronizationRules: [
        {
          id: "inbound",
          name: "API2AAD",
          sourceDirectoryName: "API",
          targetDirectoryName: "Azure Active Directory",
          objectMappings: [
            {
              name: "Users",
              enabled: true,
              sourceObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
              targetObjectName: "User",
              attributeMappings: [{ targetAttributeName: "mail", source }],
            },
          ],
        },
      ],
    };
    const loaded = loadConfig(JSON.stringify(schema), { format: "entra" });
    expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("SCIM paths as attribute names: checker and language services", () => {
  const schema = [work, postal, manager, "mail"];

  it("checks them against the schema: known, unknown, and case-only differences", () => {
    expect(check(`Join(" ", [${work}], [${postal}], [${manager}])`, { schema })).toEqual([]);
    const wrongCase = 'emails[type eq "Work"].value';
    expect(check(`[${wrongCase}]`, { schema }).map((d) => [d.code, d.span])).toEqual([
      ["attribute-name-case", { start: 0, end: wrongCase.length + 2 }],
    ]);
    const unknown = 'phoneNumbers[type eq "work"].value';
    const [found] = check(`[${unknown}]`, { schema });
    expect(found).toMatchObject({ code: "unknown-attribute", span: { start: 0, end: unknown.length + 2 } });
    expect(found?.message).toContain(`[${unknown}]`);
  });

  it("completes them inside a closed reference, replacing the whole name", () => {
    const text = 'Trim([emails[type eq "wo"].val])';
    const items = complete(text, text.indexOf("wo") + 2, { schema });
    const item = items.find((candidate) => candidate.label === work);
    expect(item).toMatchObject({ insertText: work, range: { start: 6, end: text.length - 2 } });
  });

  it("completes them in an unterminated reference and closes it, leaving the rest of the line alone", () => {
    const text = 'Join(",", [emails[type eq "wo, [mail])';
    const offset = text.indexOf("wo") + 2;
    const item = complete(text, offset, { schema }).find((candidate) => candidate.label === work);
    expect(item).toMatchObject({ insertText: `${work}]`, range: { start: 11, end: offset } });
    const edited = text.slice(0, item!.range.start) + item!.insertText + text.slice(item!.range.end);
    expect(edited).toBe(`Join(",", [${work}], [mail])`);
    expect(parse(edited).diagnostics).toEqual([]);
  });

  it("offers them bracketed between arguments, and never offers a name that cannot be written", () => {
    const items = complete("Trim(", 5, { schema: [...schema, "broken]name"] });
    const attributes = items.filter((item) => item.kind === "attribute").map((item) => item.insertText);
    expect(attributes).toContain(`[${work}]`);
    expect(attributes).not.toContain("[broken]name]");
  });

  it("hovers them with the sample user's value", () => {
    const text = `Trim([${work}])`;
    const result = hover(text, 10, { attributes: { [work]: "ada@contoso.com" } });
    expect(result?.span).toEqual({ start: 5, end: 5 + work.length + 2 });
    expect(result?.contents.join("\n")).toContain("ada@contoso.com");
  });

  it("colours the whole reference as one variable", () => {
    const text = `Trim([${work}])`;
    expect(semanticTokens(text)).toContainEqual({
      start: 5,
      length: work.length + 2,
      type: "variable",
      modifiers: [],
    });
  });
});
