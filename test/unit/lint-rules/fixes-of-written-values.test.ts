import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { entraSources, provexYaml } from "./helpers.js";

// A fix rewrites the value as the file writes it: whatever its quotes and first character, however an
// Entra source spaces or escapes its keys, and never a neighbouring value that happens to look alike.

describe("unnecessary-default's fix of a quoted default", () => {
  it("removes the line of a quoted value that starts with | or >, as of any other quoted value", () => {
    const text = provexYaml(
      "  - target: a\n    constant: x\n    default: '|a'\n  - target: b\n    constant: x\n    default: \">b\"\n  - target: c\n    constant: x\n    default: 'c|'\n",
    );
    const removal = (line: string) => ({
      description: "Remove the default value",
      edits: [{ covers: `    default: ${line}\n`, text: "" }],
    });
    expect(
      findingsOf("unnecessary-default", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([
      [7, 15, "|a", removal("'|a'")],
      [10, 15, ">b", removal('">b"')],
      [13, 15, "c|", removal("'c|'")],
    ]);
  });

  it("leaves a block scalar alone, even one whose only content is a kept line break", () => {
    const text = provexYaml(
      "  - target: a\n    constant: x\n    default: |+\n\n  - target: b\n    constant: x\n",
    );
    expect(
      findingsOf("unnecessary-default", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([[8, 1, "\n", undefined]]);
  });
});

describe("unnecessary-default in an Entra export written as YAML", () => {
  it("is reported on the default, with no fix: the fix writes null over a JSON string only", () => {
    const text = `synchronizationRules:
  - id: r
    objectMappings:
      - name: Users
        sourceObjectName: User
        targetObjectName: urn:ietf:params:scim:schemas:core:2.0:User
        attributeMappings:
          - targetAttributeName: userName
            source: { type: Attribute, name: userPrincipalName }
            matchingPriority: 1
          - targetAttributeName: a
            defaultValue: "Fab"
            source: { type: Function, expression: '"x"' }
          - targetAttributeName: b
            defaultValue: Fab
            source: { type: Function, expression: '"x"' }
`;
    expect(
      findingsOf("unnecessary-default", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([
      [12, 28, "Fab", undefined],
      [15, 27, "Fab", undefined],
    ]);
  });
});

describe("unique-value-not-create-only's fix", () => {
  it("rewrites a misspelt plain flow type with an apostrophe inside as create", () => {
    const text = provexYaml(
      "  - target: mail\n    expression: 'SelectUniqueValue([a], [b])'\n    applyOn: alway's\n",
    );
    expect(findingsOf("unique-value-not-create-only", text).map(({ at, fix }) => [...at, fix])).toEqual([
      [
        7,
        14,
        {
          description: "Apply the mapping only when the object is created (create)",
          edits: [{ covers: "alway's", text: "create" }],
        },
      ],
    ]);
  });
});

describe("attribute-name-case's fix of an Entra source's name", () => {
  const finding = (covers: string, fix?: { covers: string; text: string }[]) =>
    fix ? [covers, { description: "Write Country as country", edits: fix }] : [covers, undefined];

  it("finds the name without spaces around the colon, and not behind an escaped key", () => {
    const text = entraSources(
      [
        '      { "targetAttributeName": "a", "source": { "type": "Attribute", "name":"Country" } },',
        '      { "targetAttributeName": "b", "source": { "type": "Attribute", "n\\u0061me": "Country" } }',
      ].join("\n"),
    );
    expect(findingsOf("attribute-name-case", text).map(({ covers, fix }) => [covers, fix])).toEqual([
      finding("Country", [{ covers: "Country", text: "country" }]),
      // The key is written with an escape: the name's characters cannot be found safely, so no fix.
      finding("Country"),
    ]);
  });

  it("never rewrites a source with parameters, in an export written as YAML either", () => {
    const text = `directories:
  - name: AAD
    objects:
      - name: User
        attributes: [{ name: userPrincipalName }, { name: country }]
synchronizationRules:
  - id: r
    sourceDirectoryName: AAD
    objectMappings:
      - name: Users
        sourceObjectName: User
        targetObjectName: urn:ietf:params:scim:schemas:core:2.0:User
        attributeMappings:
          - targetAttributeName: userName
            source: { type: Attribute, name: userPrincipalName }
            matchingPriority: 1
          - targetAttributeName: b
            source: { type: Attribute, "name": "Country", parameters: [{ key: x, value: {} }] }
`;
    expect(
      findingsOf("attribute-name-case", text).map(({ at, covers, fix }) => [...at, covers, fix]),
    ).toEqual([[18, 49, "Country", undefined]]);
  });

  it("never rewrites a name of some other object inside the source", () => {
    const text = entraSources(
      [
        '      { "targetAttributeName": "a", "source": { "type": "Attribute", "extra": { "name": "Region" }, "name": "Country" } },',
        '      { "targetAttributeName": "b", "source": { "type": "Attribute", "extra": { "name": "Country" }, "name": "country", "expression": "[Country]" } }',
      ].join("\n"),
    );
    expect(findingsOf("attribute-name-case", text).map(({ covers, fix }) => [covers, fix])).toEqual([
      finding("Country"),
      finding("[Country]"),
    ]);
  });
});
