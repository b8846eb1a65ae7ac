import { describe, expect, it } from "vitest";
import { loadConfig, type MappingConfig, preview, type UserPreview } from "../../src/index.js";

/**
 * SPEC Part 1 "Redact": a value that flows through Redact is a secret wherever it appears in the same
 * configuration, and no part of a preview shows it unless showRedacted is set. One example per place
 * the issue found a leak; the property test (test/property/redact.property.test.ts) covers the rest.
 */

function config(text: string): MappingConfig {
  const loaded = loadConfig(text);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loaded;
}

const leaky = () =>
  config(`scope:
  filters:
    - name: with a password
      clauses:
        - { attribute: pw, operator: IS_NOT_NULL }
        - { attribute: pw2, operator: GREATER_THAN, value: "3" }
    - name: anyone
      clauses:
        - { attribute: userPrincipalName, operator: IS_NOT_NULL }
mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: externalId, expression: 'Redact([pw3])', match: 2 }
  - { target: password, expression: 'Redact([pw])' }
  - { target: title, expression: 'CDate(Redact([pw2]))' }
`);
const user = { userPrincipalName: "a@x", pw: "PWSECRET1", pw2: "PW2SECRET1", pw3: "PW3SECRET" };
const SECRETS = /PW\d?SECRET/;

describe("Redact never leaks", () => {
  it("an evaluation error of a redacted value keeps its code and target, and withholds the message", () => {
    const [result] = preview(leaky(), [user]);
    expect(result?.action).toBe("Error");
    expect(result?.error).toMatchObject({ code: "invalid-date", target: "title" });
    expect(result?.error?.message).toContain("withheld");
    expect(JSON.stringify(result)).not.toMatch(SECRETS);
  });

  it("scoping clause details show [Redact] for the value a clause saw, and its error message hides it", () => {
    const [result] = preview(leaky(), [user]);
    const filters = result?.steps[1]?.details.filters as {
      clauses: { attribute: string; actual: unknown; error?: { message: string } }[];
    }[];
    expect(filters[0]?.clauses.map((c) => c.actual)).toEqual(["[Redact]", "[Redact]"]);
    expect(filters[0]?.clauses[1]?.error?.message).toBe(
      'GREATER_THAN compares integers only; "[Redact]" is not one, so the clause fails.',
    );
  });

  it("matching values, match attempts, the match and the Update hide a redacted matching attribute", () => {
    const matched = config(`mappings:
  - { target: externalId, expression: 'Redact([badge])', match: 1 }
  - { target: displayName, attribute: displayName }
`);
    const [result] = preview(matched, [{ badge: "BADGE-SECRET-7", displayName: "Ada" }], {
      target: [{ id: "t1", externalId: "BADGE-SECRET-7", displayName: "Old" }],
    });
    expect(result?.action).toBe("Update");
    expect(result?.match).toEqual({ id: "t1", attribute: "externalId", value: "[Redact]" });
    expect(result?.steps[0]?.details.matchingValues).toEqual([
      { target: "externalId", priority: 1, value: "[Redact]" },
    ]);
    expect(JSON.stringify(result)).not.toContain("BADGE-SECRET-7");
  });

  it("an attribute redacted in one mapping is secret in every other: a direct copy, a default, the user's label", () => {
    const spread = config(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: password, expression: 'Redact([userPrincipalName])' }
  - { target: nickName, attribute: userPrincipalName }
  - { target: title, expression: 'Left([userPrincipalName], 4)' }
`);
    const [result] = preview(spread, [{ userPrincipalName: "secret.person@x" }]);
    const text = JSON.stringify(result);
    expect(text).not.toContain("secret.person@x");
    expect(text).not.toContain('"secr"');
    expect(result?.id).toBe("[Redact]");
    expect(result?.requests[0]?.body).toMatchObject({
      userName: "[Redact]",
      password: "[Redact]",
      nickName: "[Redact]",
      title: "[Redact]",
    });
  });

  it("a secret Boolean or number is hidden by position too", () => {
    const typed = config(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: active, expression: 'Redact([flag])' }
  - { target: employeeNumber, expression: 'Redact([pin])' }
`);
    const [result] = preview(typed, [{ userPrincipalName: "a@x", flag: true, pin: 8675309 }]);
    const body = result?.requests[0]?.body as Record<string, unknown>;
    expect(body.active).toBe("[Redact]");
    expect(body.employeeNumber).toBe("[Redact]");
    expect(result?.steps[0]?.details.attributes).toEqual({
      userPrincipalName: "a@x",
      flag: "[Redact]",
      pin: "[Redact]",
    });
    expect(JSON.stringify(result)).not.toContain("8675309");
  });

  it("showRedacted reveals every value on purpose", () => {
    const [result] = preview(leaky(), [user], { showRedacted: true });
    expect(result?.error?.message).toContain('"PW2SECRET1"');
    const filters = result?.steps[1]?.details.filters as { clauses: { actual: unknown }[] }[];
    expect(filters[0]?.clauses[0]?.actual).toBe("PWSECRET1");
  });

  it("a configuration without Redact is not touched (the fixture-style result is unchanged)", () => {
    const plain = config("mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n");
    const [result] = preview(plain, [{ userPrincipalName: "Redact@x" }]) as UserPreview[];
    expect(result?.requests[0]?.body).toMatchObject({ userName: "Redact@x" });
  });
});
