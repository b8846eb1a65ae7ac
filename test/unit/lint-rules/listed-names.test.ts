import { describe, expect, it } from "vitest";
import { findingsOf } from "./findings.js";
import { provexYaml } from "./helpers.js";

// Several rules act on a fixed list of function or attribute names (module-level tables). Each name on
// such a list is stated here by its effect, in any letter case where function names resolve
// case-insensitively: a name dropped from a list, or misspelt in it, changes a finding.

describe("nondeterministic-matching's functions", () => {
  it("are Guid, RandomString, Now and SelectUniqueValue, each named as documented", () => {
    const text = provexYaml(
      ["Guid()", 'randomstring(3, 1, 1, 1, 1, "")', "NOW()", "SelectUniqueValue([a], [b])", 'Join("", [a])']
        .map((e, i) => `  - target: t${i}\n    expression: '${e}'\n    match: ${i + 2}\n`)
        .join(""),
    );
    expect(findingsOf("nondeterministic-matching", text).map((f) => [f.at, f.covers, f.message])).toEqual(
      ["Guid", "RandomString", "Now", "SelectUniqueValue"].map((name, i) => [
        [6 + 3 * i, 18],
        ["Guid", "randomstring", "NOW", "SelectUniqueValue"][i],
        `t${i} is a matching attribute, but ${name} gives a different value on every run, so the next run cannot find the object again. Match on a stable attribute instead.`,
      ]),
    );
  });
});

describe("null-unsafe's always-present user attributes", () => {
  it("are objectId, userPrincipalName, IsSoftDeleted and accountEnabled, on an Entra ID user only", () => {
    const conditions = ["objectId", "userPrincipalName", "IsSoftDeleted", "accountEnabled", "mail"];
    const text = provexYaml(
      conditions
        .map((name, i) => `  - target: t${i}\n    expression: 'IIF([${name}] = "x", 1, 2)'\n`)
        .join(""),
    );
    expect(findingsOf("null-unsafe", text).map((f) => [f.at, f.covers])).toEqual([[[14, 22], "[mail]"]]);
    // A group's objectId is not one of them: the list is the User object's.
    const group = `object:\n  source: Group\n  target: urn:ietf:params:scim:schemas:core:2.0:Group\nmappings:\n  - target: displayName\n    attribute: displayName\n    match: 1\n  - target: a\n    expression: 'IIF([objectId] = "x", 1, 2)'\n`;
    expect(findingsOf("null-unsafe", group).map((f) => [f.at, f.covers])).toEqual([[[9, 22], "[objectId]"]]);
  });
});

describe("unnecessary-default's functions that always give a value", () => {
  it("are Guid, Now and RandomString, in any case", () => {
    const text = provexYaml(
      ["Guid()", "now()", 'RANDOMSTRING(3, 1, 1, 1, 1, "")', "ToLower([a])"]
        .map((e, i) => `  - target: t${i}\n    expression: '${e}'\n    default: x\n`)
        .join(""),
    );
    expect(findingsOf("unnecessary-default", text).map((f) => [f.at, f.message])).toEqual(
      ["Guid", "now", "RANDOMSTRING"].map((name, i) => [
        [7 + 3 * i, 14],
        `t${i} has a default value, but its source is ${name}(…), which always has a value, so the default never applies. Remove it.`,
      ]),
    );
  });
});
