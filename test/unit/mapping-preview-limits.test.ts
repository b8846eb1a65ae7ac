import { describe, expect, it } from "vitest";
import { loadConfig, preview } from "../../src/index.js";

/**
 * SPEC Part 1: a resource limit hit while previewing one user (a value too large to build or serialise)
 * is that user's Error `value-too-large`, never the end of the run; the users after it are previewed.
 */

const config = () =>
  loadConfig(`mappings:
  - { target: userName, attribute: userPrincipalName, match: 1 }
  - { target: displayName, expression: 'Replace([a], , "x", , [a], , )' }
`);
const ok = { userPrincipalName: "ok@x", a: "y" };

describe("resource limits fail one user", () => {
  it("Replace on two 30k strings (past JavaScript's string limit) is value-too-large, and the next user goes on", () => {
    const results = preview(config(), [{ userPrincipalName: "big@x", a: "x".repeat(30_000) }, ok]);
    expect(results[0]?.action).toBe("Error");
    expect(results[0]?.error).toMatchObject({ code: "value-too-large", target: "displayName" });
    expect(results[0]?.error?.message).toContain("too large to preview");
    expect(results[1]?.action).toBe("Create");
    expect(() => JSON.stringify(results)).not.toThrow();
  });

  it("a value past 1,048,576 characters is value-too-large even where JavaScript could build it", () => {
    const [big, next] = preview(config(), [{ userPrincipalName: "big@x", a: "x".repeat(1100) }, ok]);
    expect(big?.error?.code).toBe("value-too-large");
    expect(next?.action).toBe("Create");
    const [fits] = preview(config(), [{ userPrincipalName: "fits@x", a: "x".repeat(1000) }]);
    expect(fits?.action).toBe("Create");
    const body = fits?.requests[0]?.body as { displayName?: string } | undefined;
    expect(body?.displayName).toHaveLength(1_000_000);
  });

  it("an attribute nested too deep to show is value-too-large for that user, with details and without", () => {
    let deep: unknown = [];
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const plain = loadConfig("mappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n");
    const users = [{ userPrincipalName: "deep@x", deep }, ok];
    const results = preview(plain, users);
    expect(results[0]?.error?.code).toBe("value-too-large");
    expect(results[0]?.error?.message).toContain("deep");
    expect(results[1]?.action).toBe("Create");
    expect(() => JSON.stringify(results)).not.toThrow();
    // Without details nothing shows the attribute, so the user is previewed.
    expect(preview(plain, users, { details: false })[0]?.action).toBe("Create");
  });
});
