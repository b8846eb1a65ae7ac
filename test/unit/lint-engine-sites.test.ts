import { describe, expect, it } from "vitest";
import { lint, lintRules } from "../../src/lint/index.js";
import { runRules } from "../../src/lint/run-rules.js";
import type { LintRule, RuleContext } from "../../src/lint/types.js";
import { loadConfig } from "../../src/mapping/index.js";
import { probe } from "../helpers/lint-probe.js";

// What the engine hands the rules and what lint returns at its edges: the source table of --schema
// keeps the configuration's own definitions, a traced location that no longer fits its expression is
// not used, a loader error stays an error, and the findings and unused directives come out in file
// order (start, then end) together.

const contextOf = (run: (rule: LintRule) => void): RuleContext => {
  const contexts: RuleContext[] = [];
  run(
    probe(
      "test-context",
      () => [],
      (context) => contexts.push(context),
    ),
  );
  expect(contexts).toHaveLength(1);
  return contexts[0]!;
};

/** An Entra export whose source directory defines two required attributes and a Boolean. */
const EXPORT = `{
  "directories": [{ "name": "AAD", "objects": [{ "name": "User", "attributes": [
    { "name": "userPrincipalName", "required": true },
    { "name": "employeeId", "required": true },
    { "name": "isGuest", "type": "Boolean" },
    { "name": "mail" } ] }] }],
  "synchronizationRules": [{ "id": "r", "sourceDirectoryName": "AAD", "objectMappings": [{
    "name": "Users", "sourceObjectName": "User",
    "targetObjectName": "urn:ietf:params:scim:schemas:core:2.0:User",
    "attributeMappings": [
      { "targetAttributeName": "userName", "source": { "type": "Attribute", "name": "userPrincipalName" }, "matchingPriority": 1 }
    ] }] }]
}
`;

describe("the source attributes of --schema", () => {
  it("keep the configuration's definitions of the names the schema lists, and only its required names", () => {
    const config = loadConfig(EXPORT);
    expect(config.diagnostics).toEqual([]);
    const schema = ["userPrincipalName", "isGuest", "extra", "accountEnabled"];
    const context = contextOf((rule) =>
      runRules({ text: EXPORT, config, rules: [rule], sourceSchema: schema }),
    );
    const source = context.sourceAttributes(config.objects[0]!);
    expect(source.names).toEqual(schema);
    // employeeId is required by the directory but not in the schema: not required of a create.
    expect(source.required).toEqual(["userPrincipalName"]);
    expect(source.get("userPrincipalName")).toMatchObject({ required: true, type: "String" });
    expect(source.get("isGuest")?.type).toBe("Boolean");
    expect(source.get("employeeId")).toBeUndefined();
    expect(source.get("extra")).toMatchObject({ name: "extra", type: "String", required: false });
  });

  it("keep the well-known source definitions (accountEnabled is a Boolean) of a file without directories", () => {
    const yaml = "mappings:\n  - target: active\n    expression: Not([accountEnabled])\n";
    const config = loadConfig(yaml);
    const context = contextOf((rule) =>
      runRules({ text: yaml, config, rules: [rule], sourceSchema: ["accountEnabled", "manager"] }),
    );
    const source = context.sourceAttributes(config.objects[0]!);
    expect(source.get("accountEnabled")).toMatchObject({ type: "Boolean", multivalued: false });
    expect(source.get("manager")).toMatchObject({ type: "Reference", caseExact: true });
    // The target side is untouched by the schema.
    expect(context.targetAttributes(config.objects[0]!).get("active")?.type).toBe("Boolean");
  });
});

describe("an expression's traced location", () => {
  it("is not used when its offsets do not fit the expression: findings fall back to the mapping, no edit", () => {
    const yaml = 'mappings:\n  - target: displayName\n    expression: Join(" ", [givenName])\n';
    const loaded = loadConfig(yaml);
    const object = loaded.objects[0]!;
    const mapping = object.mappings[0]!;
    const traced = mapping.locations?.expression;
    expect(traced?.offsets).toHaveLength(mapping.expression!.length + 1);
    // The expression changed after loading (a tool rewrote it); the traced offsets are for the old text.
    const stale = {
      ...loaded,
      objects: [{ ...object, mappings: [{ ...mapping, expression: 'Join(" ", [givenName], [sn])' }] }],
    };
    const site = contextOf((rule) => runRules({ text: yaml, config: stale as never, rules: [rule] }))
      .expressions[0]!;
    expect(site.text).toBe('Join(" ", [givenName], [sn])');
    expect(site.location).toBeUndefined();
    expect(site.fileSpan({ start: 0, end: 4 })).toEqual(mapping.span);
    expect(site.edit({ start: 0, end: 4 }, "JOIN")).toBeUndefined();
  });
});

describe("lint's severities and order", () => {
  it("reports a file that does not parse as a config-syntax error at the default setting", () => {
    const text = "mappings:\n  - target: userName\n    attribute: [userPrincipalName\n";
    const syntax = lint(text).filter((finding) => finding.ruleId === "config-syntax");
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.map((finding) => finding.severity)).toEqual(syntax.map(() => "error"));
  });

  const unusedRule = lintRules.find((rule) => rule.meta.id === "unused-disable-directive")!;
  const text = "mappings:\n  - target: a\n    attribute: b # provex-disable-line test-wide\n  - target: c\n";
  const comment = text.indexOf("# provex");

  it("puts a finding that starts before an unused directive and ends after it first", () => {
    const wide = probe("test-wide", () => [{ message: "wide", span: { start: 0, end: text.length } }]);
    const findings = lint(text, { ruleSet: [wide, unusedRule] });
    // The directive is on line 3, the finding starts on line 1: the directive hides nothing.
    expect(findings.map((f) => [f.ruleId, f.span.start])).toEqual([
      ["test-wide", 0],
      ["unused-disable-directive", comment],
    ]);
  });

  it("puts the shorter of a finding and an unused directive that start at the same offset first", () => {
    const other = probe("test-other", () => [
      { message: "long", span: { start: comment, end: text.length } },
    ]);
    const findings = lint(text, { ruleSet: [other, unusedRule] });
    expect(findings.map((f) => [f.ruleId, f.span])).toEqual([
      ["unused-disable-directive", { start: comment, end: text.indexOf("\n", comment) }],
      ["test-other", { start: comment, end: text.length }],
    ]);
  });
});
