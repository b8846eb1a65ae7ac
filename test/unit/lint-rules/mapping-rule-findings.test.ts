import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { provexYaml } from "./helpers.js";

// What each mapping rule tells the user, word for word, where it points and what its fix does: the
// message names the mapping and says what to do, so a changed or dropped part of it is a changed behaviour.

/** An Entra export of one user object mapping: a matching userName mapping, then `mappings`. */
function entraWith(mappings: readonly object[]): string {
  const userName = {
    targetAttributeName: "userName",
    source: { type: "Attribute", name: "userPrincipalName" },
    matchingPriority: 1,
  };
  const object = {
    name: "Users",
    enabled: true,
    sourceObjectName: "User",
    targetObjectName: "urn:ietf:params:scim:schemas:core:2.0:User",
    attributeMappings: [userName, ...mappings],
  };
  return `${JSON.stringify({ synchronizationRules: [{ id: "AD2SCIM", objectMappings: [object] }] }, null, 2)}\n`;
}

describe("duplicate-target's message", () => {
  it("names the target as written and the line of the mapping that writes it first", () => {
    const text = provexYaml(
      "  - target: displayName\n    attribute: displayName\n  - target: DisplayName\n    attribute: givenName\n  - target: DISPLAYNAME\n    constant: x\n",
    );
    const message = (target: string) =>
      `${target} is already written by the mapping on line 5; Entra would send two conflicting values. Remove one mapping or combine them into one expression.`;
    expect(findingsOf("duplicate-target", text)).toEqual([
      { at: [7, 13], covers: "DisplayName", message: message("DisplayName") },
      { at: [9, 13], covers: "DISPLAYNAME", message: message("DISPLAYNAME") },
    ]);
  });
});

describe("no-matching-attribute's message", () => {
  const tail =
    "no matching attribute, so Entra cannot find existing target objects. Mark a unique attribute as matching (match: 1, or matchingPriority 1 in Entra JSON).";

  it("names the object mapping when it has a name, at the name", () => {
    const text =
      "object:\n  name: Users\nmappings:\n  - target: userName\n    attribute: userPrincipalName\n";
    expect(findingsOf("no-matching-attribute", text)).toEqual([
      { at: [2, 9], covers: "Users", message: `Users has ${tail}` },
    ]);
  });

  it("says 'this object mapping' without a name, over the whole object mapping", () => {
    const text = "mappings:\n  - target: userName\n    attribute: userPrincipalName\n";
    expect(findingsOf("no-matching-attribute", text)).toEqual([
      { at: [1, 1], covers: text, message: `This object mapping has ${tail}` },
    ]);
  });
});

describe("matching-priority-duplicate", () => {
  it("names both mappings and the shared priority, at the second one's priority", () => {
    const text = provexYaml("  - target: externalId\n    attribute: mailNickname\n    match: 1\n");
    expect(findingsOf("matching-priority-duplicate", text)).toEqual([
      {
        at: [7, 12],
        covers: "1",
        message:
          "externalId has matching priority 1, as userName does, so which is tried first is undefined. Give it its own priority.",
      },
    ]);
  });

  it("ignores the mappings that are not matching ones (priority 0), however many", () => {
    const text = provexYaml("  - target: a\n    attribute: b\n  - target: c\n    attribute: d\n");
    expect(findingsOf("matching-priority-duplicate", text)).toEqual([]);
  });
});

describe("nondeterministic-matching", () => {
  it("names the mapping and the function as documented, whatever case it is written in", () => {
    const text = provexYaml(
      "  - target: externalId\n    expression: 'Join(\"-\", guid(), [b])'\n    match: 2\n",
    );
    expect(findingsOf("nondeterministic-matching", text)).toEqual([
      {
        at: [6, 28],
        covers: "guid",
        message:
          "externalId is a matching attribute, but Guid gives a different value on every run, so the next run cannot find the object again. Match on a stable attribute instead.",
      },
    ]);
  });

  it("leaves an expression with a syntax error to syntax-error", () => {
    const text = provexYaml(
      "  - target: externalId\n    expression: 'Join(\"-\", Guid(), [b]'\n    match: 2\n",
    );
    expect(findingsOf("nondeterministic-matching", text)).toEqual([]);
  });
});

describe("unique-value-not-create-only", () => {
  const advice =
    "so every update picks a new value for an existing object. Apply it only on create (applyOn: create; Entra flowType ObjectAddOnly).";

  it("says 'always' for Always and names any other flow type; the Entra fix writes ObjectAddOnly in its quotes", () => {
    const text = entraWith([
      {
        targetAttributeName: "nickName",
        flowType: "MultiValueAddOnly",
        source: { type: "Function", expression: "SelectUniqueValue([a], [b])" },
      },
      {
        targetAttributeName: "mailNickname",
        flowType: "Always",
        source: { type: "Function", expression: "SelectUniqueValue([a], [b])" },
      },
    ]);
    const fix = (covers: string) => ({
      description: "Apply the mapping only when the object is created (ObjectAddOnly)",
      edits: [{ covers, text: '"ObjectAddOnly"' }],
    });
    expect(findingsOf("unique-value-not-create-only", text)).toEqual([
      {
        at: [22, 27],
        covers: '"MultiValueAddOnly"',
        message: `nickName uses SelectUniqueValue but is applied as MultiValueAddOnly, ${advice}`,
        fix: fix('"MultiValueAddOnly"'),
      },
      {
        at: [30, 27],
        covers: '"Always"',
        message: `mailNickname uses SelectUniqueValue but is applied always, ${advice}`,
        fix: fix('"Always"'),
      },
    ]);
  });

  it("the provex fix writes create in the quotes the file used, or none", () => {
    const text = provexYaml(
      "  - target: nickName\n    expression: 'SelectUniqueValue([a], [b])'\n    applyOn: 'always'\n  - target: mail\n    expression: 'SelectUniqueValue([a], [b])'\n    applyOn: always\n",
    );
    const fix = (covers: string, text: string) => ({
      description: "Apply the mapping only when the object is created (create)",
      edits: [{ covers, text }],
    });
    expect(findingsOf("unique-value-not-create-only", text)).toEqual([
      {
        at: [7, 14],
        covers: "'always'",
        message: `nickName uses SelectUniqueValue but is applied always, ${advice}`,
        fix: fix("'always'", "'create'"),
      },
      {
        at: [10, 14],
        covers: "always",
        message: `mail uses SelectUniqueValue but is applied always, ${advice}`,
        fix: fix("always", "create"),
      },
    ]);
  });
});

describe("required-target-unmapped", () => {
  it("names the required attribute, at the object mapping", () => {
    const text = "mappings:\n  - target: externalId\n    attribute: objectId\n    match: 1\n";
    expect(findingsOf("required-target-unmapped", text)).toEqual([
      {
        at: [1, 1],
        covers: text,
        message:
          "The target schema requires userName, and no mapping writes it, so creating an object fails. Add a mapping for userName.",
      },
    ]);
  });

  it("counts a mapping of the attribute in another case as mapping it", () => {
    const text = "mappings:\n  - target: UserName\n    attribute: objectId\n    match: 1\n";
    expect(findingsOf("required-target-unmapped", text)).toEqual([]);
  });

  it("knows nothing required of a target that is not SCIM's user when no schema is given", () => {
    const text =
      "object:\n  target: user\nmappings:\n  - target: externalId\n    attribute: objectId\n    match: 1\n";
    expect(findingsOf("required-target-unmapped", text)).toEqual([]);
  });
});

describe("unnecessary-default", () => {
  /** One mapping per expression, each with `default: x`; the default of mapping i is on line 7 + 3i. */
  const withDefaults = (expressions: readonly string[]) =>
    provexYaml(
      expressions.map((e, i) => `  - target: t${i}\n    expression: '${e}'\n    default: x\n`).join(""),
    );
  const message = (i: number, source: string) =>
    `t${i} has a default value, but its source is ${source}, so the default never applies. Remove it.`;

  it("names what always has a value: a constant, or the function whose result always does", () => {
    const text = withDefaults([
      "Now()",
      "42",
      "vbTextCompare",
      'Coalesce([a], "")',
      'IIF([a], "x", 1)',
      'Switch([a], "d", [k], "v")',
      'Switch([a], "d", "k", "v", "k2", "v2")',
      'RandomString(3, 1, 1, 1, 1, "")',
    ]);
    const findings = findingsOf("unnecessary-default", text);
    expect(findings.map((f) => [f.at, f.covers, f.message])).toEqual([
      [[7, 14], "x", message(0, "Now(…), which always has a value")],
      [[10, 14], "x", message(1, "a constant")],
      [[13, 14], "x", message(2, "a constant")],
      [[16, 14], "x", message(3, "Coalesce(…), which always has a value")],
      [[19, 14], "x", message(4, "IIF(…), which always has a value")],
      [[22, 14], "x", message(5, "Switch(…), which always has a value")],
      [[25, 14], "x", message(6, "Switch(…), which always has a value")],
      [[28, 14], "x", message(7, "RandomString(…), which always has a value")],
    ]);
    // The fix removes the whole `default:` line and nothing else.
    expect(findings[0]?.fix).toEqual({
      description: "Remove the default value",
      edits: [{ covers: "    default: x\n", text: "" }],
    });
  });

  it("is silent when some possible result may be null: an IIF branch, a Switch value or its only default", () => {
    const text = withDefaults([
      'IIF([a], "x", [b])',
      'IIF([a], [b], "y")',
      'Switch([a], "d")',
      'Switch([a], "d", "k", [v])',
      'Switch([a], "d", "k", "v", "k2", [v2])',
      'Switch([a], [d], "k", "v")',
      'Join("", "a")',
    ]);
    expect(findingsOf("unnecessary-default", text)).toEqual([]);
  });

  it("is silent on an empty default", () => {
    const text = provexYaml("  - target: a\n    expression: 'Guid()'\n    default: ''\n");
    expect(findingsOf("unnecessary-default", text)).toEqual([]);
  });
});

describe("roles-direct-mapping's message", () => {
  it("says how the assignments are read and which role function to write, by the target", () => {
    const text = provexYaml(
      "  - target: roles\n    attribute: appRoleAssignments\n  - target: 'roles[primary eq \"True\"].value'\n    expression: 'Join(\",\", [appRoleAssignments])'\n  - target: x\n    expression: 'IIF([appRoleAssignments] = \"a\", 1, 2)'\n",
    );
    const tail = "Entra sends app roles only through the role functions.";
    expect(findingsOf("roles-direct-mapping", text)).toEqual([
      {
        at: [6, 16],
        covers: "appRoleAssignments",
        message: `appRoleAssignments is mapped directly; ${tail} Write AppRoleAssignmentsComplex([appRoleAssignments]).`,
      },
      {
        at: [8, 28],
        covers: "[appRoleAssignments]",
        message: `appRoleAssignments is read by Join; ${tail} Write SingleAppRoleAssignment([appRoleAssignments]).`,
      },
      {
        at: [10, 22],
        covers: "[appRoleAssignments]",
        message: `appRoleAssignments is read by a comparison; ${tail} Write AppRoleAssignmentsComplex([appRoleAssignments]).`,
      },
    ]);
  });
});

describe("constant-looks-like-expression", () => {
  it("tells a constant to become an expression, and a default to move into one", () => {
    const text = provexYaml(
      "  - target: a\n    constant: 'Join (\" \", [b])'\n  - target: d\n    attribute: e\n    default: '[mail]'\n  - target: f\n    constant: '  [mail]'\n",
    );
    const constant = (target: string) =>
      `The constant of ${target} is written like an expression, but a constant is sent as written. Make it an expression mapping if it should be evaluated.`;
    expect(findingsOf("constant-looks-like-expression", text)).toEqual([
      { at: [6, 16], covers: 'Join (" ", [b])', message: constant("a") },
      {
        at: [9, 15],
        covers: "[mail]",
        message:
          "The default value of d is written like an expression, but a default is sent as written. Put the expression in the mapping (Coalesce(…, default)) instead.",
      },
      { at: [11, 16], covers: "  [mail]", message: constant("f") },
    ]);
  });

  it("is silent on a bare function name, text that only contains an attribute, and a string expression", () => {
    const text = provexYaml(
      "  - target: a\n    constant: Join\n  - target: b\n    constant: 'x [mail]'\n  - target: c\n    expression: '\"[mail]\"'\n",
    );
    expect(findingsOf("constant-looks-like-expression", text)).toEqual([]);
  });
});

describe("object-mapping-target-kind's message", () => {
  it("names both kinds and both object names, and which object to point at", () => {
    const text =
      "objects:\n  - source: Group\n    target: user\n    mappings:\n      - { target: cn, attribute: displayName, match: 1 }\n";
    expect(findingsOf("object-mapping-target-kind", text)).toEqual([
      {
        at: [3, 13],
        covers: "user",
        message:
          "This object mapping reads groups (Group) but creates users (user). Point it at the target's group object.",
      },
    ]);
  });
});

describe("none-without-default's message", () => {
  it("names the target, at its name", () => {
    const text = provexYaml("  - target: locale\n    none: true\n");
    expect(findingsOf("none-without-default", text)).toEqual([
      {
        at: [5, 13],
        covers: "locale",
        message:
          "locale has no source and no default value, so it never writes anything; give it a default or remove it.",
      },
    ]);
  });
});
