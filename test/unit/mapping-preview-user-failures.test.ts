import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";

/**
 * How one user fails without failing the run (SPEC Part 1: the preview never throws), and the secrets a
 * preview hides that no attribute of the user holds directly (a Redact of a literal, a secret mapping's
 * default, a guest's UPN as written in the source).
 */
const KEY = "mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n";
const SCOPED = `scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
${KEY}`;

describe("a user that fails alone", () => {
  it("an expression that does not compile fails each user with its code, message and target", () => {
    const c = loadConfig(`${KEY}  - { target: title, expression: 'Foo([x])' }\n`);
    const [result, next] = preview(c, [{ userPrincipalName: "a@x.com" }, { userPrincipalName: "b@x.com" }]);
    expect(result?.error).toStrictEqual({
      code: "invalid-expression",
      message: "Unknown function Foo; see docs/functions.md for the functions Entra provides.",
      target: "title",
    });
    expect(result?.steps.at(-1)).toMatchObject({
      name: "action",
      status: "failure",
      description: "title: Unknown function Foo; see docs/functions.md for the functions Entra provides.",
      details: { target: "title", code: "invalid-expression" },
    });
    expect(next?.error?.code).toBe("invalid-expression");
  });

  it("a user object whose reading throws is an internal error for that user, and the next is previewed", () => {
    let reads = 0;
    const hostile = {
      userPrincipalName: "a@x.com",
      get department(): string {
        reads++;
        if (reads > 1) throw new Error("boom");
        return "Sales";
      },
    };
    const c = loadConfig(SCOPED);
    const [result, next] = preview(c, [hostile, { userPrincipalName: "b@x.com", department: "Sales" }]);
    expect(result?.action).toBe("Error");
    expect(result?.error).toStrictEqual({
      code: "internal-error",
      message: "provex failed on this user: Error: boom",
    });
    // The steps so far are kept.
    expect(result?.steps.map((s) => [s.name, s.status])).toStrictEqual([["import", "success"]]);
    expect(next?.action).toBe("Create");
  });

  it("a resource limit of JavaScript's hit while reading a user is value-too-large, with no steps", () => {
    // Read once for the Import step, then too large when the scoping clause reads it: the Import step
    // may hold the very value, so no step is kept.
    let reads = 0;
    const huge = {
      userPrincipalName: "a@x.com",
      get department(): string {
        reads++;
        if (reads > 1) throw new RangeError("Invalid string length");
        return "Sales";
      },
    };
    const [result, next] = preview(loadConfig(SCOPED), [
      huge,
      { userPrincipalName: "b@x.com", department: "Sales" },
    ]);
    expect(reads).toBe(2);
    expect(result?.error).toStrictEqual({
      code: "value-too-large",
      message: "This user's values are too large to preview (past what JavaScript can hold or nest).",
    });
    expect(result?.steps).toStrictEqual([]);
    expect(next?.action).toBe("Create");
  });

  it("an attribute nested 32 levels deep is previewed; one nested 33 levels is too deep to show", () => {
    const nested = (levels: number) => {
      let value: unknown = { value: "x" };
      for (let i = 1; i < levels; i++) value = { inner: value };
      return value;
    };
    const c = loadConfig(KEY);
    const [fits, deep] = preview(c, [
      { userPrincipalName: "a@x.com", extra: nested(32) },
      { userPrincipalName: "b@x.com", extra: nested(33) },
    ]);
    expect(fits?.action).toBe("Create");
    expect(deep?.action).toBe("Error");
    expect(deep?.error).toStrictEqual({
      code: "value-too-large",
      message:
        "Attribute extra is nested more than 32 levels deep, too deep to preview; an attribute is a value, a list of values or a list of role objects.",
    });
    expect(deep?.steps).toStrictEqual([]);
    expect(deep?.warnings).toStrictEqual([]);
  });
});

describe("secrets no attribute holds directly", () => {
  it("Redact of a literal hides the literal, though no attribute is secret", () => {
    const c = loadConfig(`${KEY}  - { target: password, expression: 'Redact("Init-Secret-123")' }\n`);
    const [result] = preview(c, [{ userPrincipalName: "a@x.com" }]);
    expect(result?.requests[0]?.body).toMatchObject({ userName: "a@x.com", password: "[Redact]" });
    expect(JSON.stringify(result)).not.toContain("Init-Secret-123");
    const [shown] = preview(c, [{ userPrincipalName: "a@x.com" }], { showRedacted: true });
    expect(shown?.requests[0]?.body).toMatchObject({ password: "Init-Secret-123" });
  });

  it("a secret mapping's default is a secret wherever it shows", () => {
    const c = loadConfig(`${KEY}  - { target: password, expression: 'Redact([pin])', default: Default-Pin-42 }
  - { target: title, constant: Default-Pin-42 }
`);
    const [result] = preview(c, [{ userPrincipalName: "a@x.com" }]);
    expect(result?.requests[0]?.body).toMatchObject({ password: "[Redact]", title: "[Redact]" });
    expect(JSON.stringify(result)).not.toContain("Default-Pin-42");
  });

  it("a secret guest UPN is hidden both as read (alias@domain) and as written in the source", () => {
    const c = loadConfig(`${KEY}  - { target: password, expression: 'Redact([userPrincipalName])' }
  - { target: externalId, attribute: originalUserPrincipalName }
`);
    const raw = "jo_fabrikam.com#EXT#@contoso.onmicrosoft.com";
    const [result] = preview(c, [{ userPrincipalName: raw }]);
    const text = JSON.stringify(result);
    expect(text).not.toContain("jo@fabrikam.com");
    expect(text).not.toContain(raw);
    expect(result?.requests[0]?.body).toMatchObject({ userName: "[Redact]", externalId: "[Redact]" });
  });
});

describe("the filter a user is in scope by", () => {
  it("is the first filter that holds", () => {
    const c = loadConfig(`scope:
  filters:
    - name: Sales
      clauses:
        - { attribute: department, operator: EQUALS, value: Sales }
    - name: Engineers
      clauses:
        - { attribute: jobTitle, operator: EQUALS, value: Engineer }
    - name: Everyone with a title
      clauses:
        - { attribute: jobTitle, operator: IS_NOT_NULL }
${KEY}`);
    const [result] = preview(c, [{ userPrincipalName: "a@x.com", jobTitle: "Engineer" }]);
    expect(result?.steps[1]?.description).toBe('In scope (filter "Engineers").');
  });
});
