import { describe, expect, it } from "vitest";
import { applyAllFixes, entraJson, lintText, positionsOf, provexYaml, rule } from "./helpers.js";

// Findings about a mapping point at its target name and findings about an object mapping at its name;
// where the loader does not trace those, at the mapping's or object mapping's node.

describe("duplicate-target", () => {
  it("reports every mapping after the first that writes the same target, case-insensitively", () => {
    const text = provexYaml(
      `  - target: displayName\n    attribute: displayName\n  - target: DisplayName\n    attribute: givenName\n  - target: displayName\n    constant: x\n`,
    );
    expect(positionsOf("duplicate-target", text)).toEqual([
      [7, 13],
      [9, 13],
    ]);
    const [first] = lintText(text, { rules: [rule("duplicate-target")] });
    expect(first?.message).toContain("line 5");
  });

  it("is silent on distinct targets, and across object mappings", () => {
    const text = `objects:
  - mappings:
      - { target: userName, attribute: userPrincipalName, match: 1 }
  - source: Group
    target: urn:ietf:params:scim:schemas:core:2.0:Group
    mappings:
      - { target: displayName, attribute: displayName, match: 1 }
`;
    expect(positionsOf("duplicate-target", text)).toEqual([]);
  });
});

describe("no-matching-attribute", () => {
  it("reports an enabled object mapping without a matching attribute", () => {
    const text = `object:\n  name: Users\nmappings:\n  - target: userName\n    attribute: userPrincipalName\n`;
    expect(positionsOf("no-matching-attribute", text)).toEqual([[2, 9]]);
    const json = entraJson([]).replace('"matchingPriority": 1', '"matchingPriority": 0');
    expect(positionsOf("no-matching-attribute", json)).toEqual([[7, 19]]);
  });

  it("is silent with a matching attribute, and on a disabled object mapping", () => {
    expect(positionsOf("no-matching-attribute", provexYaml(""))).toEqual([]);
    const disabled = `object:\n  enabled: false\nmappings:\n  - target: userName\n    attribute: userPrincipalName\n`;
    expect(positionsOf("no-matching-attribute", disabled)).toEqual([]);
  });
});

describe("matching-priority-duplicate", () => {
  it("reports the second attribute with the same priority", () => {
    const text = provexYaml(`  - target: externalId\n    attribute: mailNickname\n    match: 1\n`);
    expect(positionsOf("matching-priority-duplicate", text)).toEqual([[7, 12]]);
  });

  it("is silent on distinct priorities", () => {
    const text = provexYaml(`  - target: externalId\n    attribute: mailNickname\n    match: 2\n`);
    expect(positionsOf("matching-priority-duplicate", text)).toEqual([]);
  });
});

describe("nondeterministic-matching", () => {
  it("reports Guid, RandomString, Now and SelectUniqueValue in a matching attribute, at the call", () => {
    const text = provexYaml(
      `  - target: externalId\n    expression: 'Join("-", Guid(), [b])'\n    match: 2\n  - target: nickName\n    expression: 'SelectUniqueValue([a], [b])'\n    match: 3\n`,
    );
    expect(positionsOf("nondeterministic-matching", text)).toEqual([
      [6, 28],
      [9, 18],
    ]);
  });

  it("is silent on those functions in an ordinary mapping", () => {
    const text = provexYaml(`  - target: externalId\n    expression: 'Guid()'\n    applyOn: create\n`);
    expect(positionsOf("nondeterministic-matching", text)).toEqual([]);
  });
});

describe("unique-value-not-create-only", () => {
  it("reports SelectUniqueValue applied always, at the call when no flow type is written", () => {
    const text = provexYaml(`  - target: nickName\n    expression: 'SelectUniqueValue([a], [b])'\n`);
    expect(positionsOf("unique-value-not-create-only", text)).toEqual([[6, 18]]);
    const json = entraJson([{ target: "nickName", expression: "SelectUniqueValue([a], [b])" }]);
    expect(positionsOf("unique-value-not-create-only", json)).toEqual([[24, 32]]);
  });

  it("is silent when applied on create only", () => {
    const text = provexYaml(
      `  - target: nickName\n    expression: 'SelectUniqueValue([a], [b])'\n    applyOn: create\n`,
    );
    expect(positionsOf("unique-value-not-create-only", text)).toEqual([]);
  });
});

describe("required-target-unmapped", () => {
  it("reports a required target attribute of the target schema that nothing maps", () => {
    const head = `entra:
  directories:
    - name: app
      objects:
        - name: urn:ietf:params:scim:schemas:core:2.0:User
          attributes:
            - { name: userName, required: true }
            - { name: displayName, required: true }
`;
    const text = provexYaml("", head);
    expect(positionsOf("required-target-unmapped", text)).toEqual([[1, 1]]);
    expect(lintText(text, { rules: [rule("required-target-unmapped")] })[0]?.message).toContain(
      "displayName",
    );
  });

  it("knows SCIM's userName without a schema, and nothing for groups without one", () => {
    const user = `mappings:\n  - target: externalId\n    attribute: objectId\n    match: 1\n`;
    expect(positionsOf("required-target-unmapped", user)).toEqual([[1, 1]]);
    const group = `object:\n  source: Group\n  target: urn:ietf:params:scim:schemas:core:2.0:Group\n${user}`;
    expect(positionsOf("required-target-unmapped", group)).toEqual([]);
    expect(positionsOf("required-target-unmapped", provexYaml(""))).toEqual([]);
  });
});

describe("unnecessary-default", () => {
  it("reports a default on a constant or an expression that always has a value", () => {
    const text = provexYaml(
      `  - target: organization\n    constant: Contoso\n    default: none\n  - target: nick\n    expression: 'Coalesce([a], "x")'\n    default: y\n`,
    );
    expect(positionsOf("unnecessary-default", text)).toEqual([
      [7, 14],
      [10, 14],
    ]);
  });

  it("is silent when the source may be null, and on an empty default", () => {
    const text = provexYaml(
      `  - target: a\n    attribute: b\n    default: x\n  - target: c\n    expression: 'Coalesce([a], [b])'\n    default: y\n  - target: d\n    expression: '""'\n    default: z\n`,
    );
    expect(positionsOf("unnecessary-default", text)).toEqual([]);
  });
});

describe("roles-direct-mapping", () => {
  it("reports appRoleAssignments mapped directly or read by another function", () => {
    const text = provexYaml(
      `  - target: roles\n    attribute: appRoleAssignments\n  - target: 'roles[primary eq "True"].value'\n    expression: 'Join(",", [appRoleAssignments])'\n`,
    );
    expect(positionsOf("roles-direct-mapping", text)).toEqual([
      [6, 16],
      [8, 28],
    ]);
    const messages = lintText(text, { rules: [rule("roles-direct-mapping")] }).map((f) => f.message);
    expect(messages[1]).toContain("SingleAppRoleAssignment([appRoleAssignments])");
  });

  it("is silent on the role functions", () => {
    const text = provexYaml(
      `  - target: roles\n    expression: 'AppRoleAssignmentsComplex([appRoleAssignments])'\n  - target: 'roles[primary eq "True"].value'\n    expression: 'SingleAppRoleAssignment([appRoleAssignments])'\n`,
    );
    expect(positionsOf("roles-direct-mapping", text)).toEqual([]);
  });
});

describe("constant-looks-like-expression", () => {
  it("reports a constant or a default that parses as a call or an attribute", () => {
    const text = provexYaml(
      `  - target: a\n    constant: 'Join(" ", [b], [c])'\n  - target: d\n    attribute: e\n    default: '[mail]'\n`,
    );
    expect(positionsOf("constant-looks-like-expression", text)).toEqual([
      [6, 16],
      [9, 15],
    ]);
  });

  it("is silent on ordinary text, even with brackets or parentheses", () => {
    const text = provexYaml(
      `  - target: a\n    constant: Contoso (UK) Ltd\n  - target: b\n    constant: '[draft'\n  - target: c\n    constant: Version()\n`,
    );
    expect(positionsOf("constant-looks-like-expression", text)).toEqual([]);
  });
});

describe("object-mapping-target-kind", () => {
  it("reports users mapped to a group object, and groups to a user object", () => {
    const text = `objects:
  - source: User
    target: urn:ietf:params:scim:schemas:core:2.0:Group
    mappings:
      - { target: displayName, attribute: displayName, match: 1 }
  - source: Group
    target: user
    mappings:
      - { target: cn, attribute: displayName, match: 1 }
`;
    expect(positionsOf("object-mapping-target-kind", text)).toEqual([
      [3, 13],
      [7, 13],
    ]);
  });

  it("is silent on matching kinds, unknown kinds and disabled mappings", () => {
    const text = `objects:
  - source: User
    target: urn:ietf:params:scim:schemas:extension:enterprise:2.0:User
    mappings:
      - { target: userName, attribute: userPrincipalName, match: 1 }
  - source: Device
    target: urn:ietf:params:scim:schemas:core:2.0:Group
    mappings:
      - { target: displayName, attribute: displayName, match: 1 }
  - source: Group
    target: User
    enabled: false
    mappings:
      - { target: displayName, attribute: displayName, match: 1 }
`;
    expect(positionsOf("object-mapping-target-kind", text)).toEqual([]);
  });
});

describe("none-without-default", () => {
  it("reports a None mapping without a default", () => {
    expect(positionsOf("none-without-default", provexYaml(`  - target: locale\n    none: true\n`))).toEqual([
      [5, 13],
    ]);
  });

  it("is silent with a default", () => {
    const text = provexYaml(`  - target: locale\n    none: true\n    default: en-US\n`);
    expect(positionsOf("none-without-default", text)).toEqual([]);
  });
});

describe("the mapping rules' fixes", () => {
  it("unnecessary-default removes the default line in YAML and writes null in JSON", () => {
    const yaml = provexYaml(
      `  - target: organization\n    constant: Contoso   # fixed\n    default: Fabrikam   # never used\n`,
    );
    const fixed = applyAllFixes(yaml, lintText(yaml, { rules: [rule("unnecessary-default")] }));
    expect(fixed).toBe(yaml.replace("    default: Fabrikam   # never used\n", ""));
    const schema = JSON.parse(entraJson([{ target: "a", expression: '"Contoso"' }]));
    schema.synchronizationRules[0].objectMappings[0].attributeMappings[1].defaultValue = "Fabrikam";
    const json = JSON.stringify(schema, null, 2);
    const findings = lintText(json, { rules: [rule("unnecessary-default")] });
    expect(findings).toHaveLength(1);
    expect(applyAllFixes(json, findings)).toBe(
      json.replace('"defaultValue": "Fabrikam"', '"defaultValue": null'),
    );
  });

  it("unnecessary-default offers no fix for a default in a flow mapping", () => {
    const yaml = provexYaml(`  - { target: organization, constant: Contoso, default: Fabrikam }\n`);
    const [finding] = lintText(yaml, { rules: [rule("unnecessary-default")] });
    expect(finding?.ruleId).toBe("unnecessary-default");
    expect(finding?.fix).toBeUndefined();
  });

  it("unique-value-not-create-only rewrites a written flow type, keeping its quotes", () => {
    const yaml = provexYaml(
      `  - target: nick\n    expression: 'SelectUniqueValue([a], [b])'\n    applyOn: "always"\n`,
    );
    expect(positionsOf("unique-value-not-create-only", yaml)).toEqual([[7, 14]]);
    const fixed = applyAllFixes(yaml, lintText(yaml, { rules: [rule("unique-value-not-create-only")] }));
    expect(fixed).toBe(yaml.replace('applyOn: "always"', 'applyOn: "create"'));
    expect(lintText(fixed, { rules: [rule("unique-value-not-create-only")] })).toEqual([]);
  });
});
