import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compile, evaluate, render } from "../../src/evaluator/index.js";
import { lookupFunction } from "../../src/functions/index.js";
import { loadConfig, preview } from "../../src/mapping/index.js";

// SPEC Part 1: DefaultDomain() returns the tenant's default verified domain, taken from the evaluation
// context's defaultDomain, with a clear error naming the option when none is given.
const context = { defaultDomain: "contoso.com" };

describe("DefaultDomain", () => {
  it("is a provisioning builtin without parameters", () => {
    expect(lookupFunction("DefaultDomain")).toMatchObject({
      name: "DefaultDomain",
      parameters: [],
      returns: "text",
      availability: ["provisioning"],
      pure: false,
    });
    expect(check('Join("@", [userName], DefaultDomain())')).toEqual([]);
    expect(check("DefaultDomain([x])").map((d) => d.code)).toEqual(["arity"]);
  });

  it("returns the context's domain", () => {
    expect(render(evaluate("DefaultDomain()", {}, context))).toBe("contoso.com");
    expect(render(evaluate('Join("@", [alias], DefaultDomain())', { alias: "jsmith" }, context))).toBe(
      "jsmith@contoso.com",
    );
  });

  it("evaluates Microsoft's userPrincipalName rule for API-driven inbound provisioning", () => {
    // From the inbound provisioning FAQ and known issues: a random suffix keeps UPNs unique.
    const rule =
      'Join("", Replace([userName], , "(?<Suffix>@(.)*)", "Suffix", "", , ), RandomString(3, 3, 0, 0, 0, ), "@", DefaultDomain())';
    expect(check(rule)).toEqual([]);
    let draw = 0;
    const value = render(
      evaluate(rule, { userName: "jsmith@hr.example" }, { ...context, random: () => (draw++ % 10) / 10 }),
    );
    expect(value).toMatch(/^jsmith[0-9]{3}@contoso\.com$/);
  });

  it("reads the domain at evaluation time, not when compiling", () => {
    const compiled = compile("DefaultDomain()");
    expect(render(compiled.evaluate({}, { defaultDomain: "a.example" }))).toBe("a.example");
    expect(render(compiled.evaluate({}, { defaultDomain: "b.example" }))).toBe("b.example");
  });

  it.each([
    ["no context", undefined],
    ["no defaultDomain", {}],
    ["an empty defaultDomain", { defaultDomain: "" }],
  ])("fails with default-domain-missing at the call, naming the option, given %s", (_, given) => {
    const text = 'Join("@", [alias], DefaultDomain())';
    let caught: unknown;
    try {
      evaluate(text, { alias: "jsmith" }, given);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProvexError);
    expect(caught).toMatchObject({ code: "default-domain-missing", span: { start: 19, end: 34 } });
    expect((caught as Error).message).toContain("defaultDomain");
    expect((caught as Error).message).toContain("--default-domain");
  });

  it("takes the domain from the preview's context", () => {
    const config = loadConfig(
      [
        "object: { name: Users, source: User, target: User }",
        "mappings:",
        "  - target: externalId",
        "    attribute: objectId",
        "    match: 1",
        "  - target: userName",
        "    attribute: alias",
        "  - target: userPrincipalName",
        "    expression: 'Join(\"@\", [alias], DefaultDomain())'",
      ].join("\n"),
      { format: "provex" },
    );
    expect(config.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [result] = preview(config, [{ objectId: "1", alias: "jsmith" }], { context });
    expect(result?.action).toBe("Create");
    expect(JSON.stringify(result?.requests)).toContain("jsmith@contoso.com");
    const [failed] = preview(config, [{ objectId: "1", alias: "jsmith" }]);
    expect(failed?.action).toBe("Error");
    expect(JSON.stringify(failed)).toContain("default-domain-missing");
  });
});
