import { describe, expect, it } from "vitest";
import { referenceResolver } from "../../src/mapping/references.js";

describe("referenceResolver", () => {
  it("streaming (no population): remembers only users recorded with a target id, so memory does not grow with the input", () => {
    let asked = 0;
    const resolver = referenceResolver(undefined, () => {
      asked++;
      return "never";
    });
    for (let i = 0; i < 1000; i++) expect(resolver.resolve(`manager-${i}`)).toBeUndefined();
    expect(resolver.size).toBe(0);
    expect(asked).toBe(0);
    resolver.record({ objectId: "manager-7" }, "t-7");
    resolver.record({ objectId: "manager-8" }, undefined);
    expect(resolver.size).toBe(1);
    expect(resolver.resolve("manager-7")).toBe("t-7");
    expect(resolver.resolve("manager-8")).toBeUndefined();
  });

  it("with the population: matches a referenced user once, and remembers the answer, found or not", () => {
    const asked: string[] = [];
    const resolver = referenceResolver(
      [{ objectId: "boss", userPrincipalName: "boss@contoso.com" }, { objectId: "nobody" }],
      (attributes) => {
        asked.push(attributes.objectId as string);
        return attributes.userPrincipalName === undefined ? undefined : "t-boss";
      },
    );
    expect(resolver.resolve("boss")).toBe("t-boss");
    expect(resolver.resolve("boss")).toBe("t-boss");
    expect(resolver.resolve("nobody")).toBeUndefined();
    expect(resolver.resolve("nobody")).toBeUndefined();
    expect(resolver.resolve("absent")).toBeUndefined();
    expect(asked).toEqual(["boss", "nobody"]);
    expect(resolver.size).toBe(3);
  });
});
