import { describe, expect, it } from "vitest";
import { referenceResolver } from "../../src/mapping/references.js";

/**
 * How a reference (manager) finds its target id: users already previewed are remembered by their objectId;
 * with the whole population, a referenced user is looked up and matched once, whatever the input holds.
 */
describe("resolving references", () => {
  it("a user is remembered only by a text objectId", () => {
    const resolver = referenceResolver(undefined, () => "never");
    resolver.record({ objectId: 7 }, "t-7");
    resolver.record({ id: "x" }, "t-x");
    resolver.record({ objectId: "boss" }, "t-boss");
    expect(resolver.size).toBe(1);
    expect(resolver.resolve("7")).toBeUndefined();
    expect(resolver.resolve("x")).toBeUndefined();
    expect(resolver.resolve("boss")).toBe("t-boss");
  });

  it("a user recorded with a target id is answered without matching it again", () => {
    const asked: string[] = [];
    const resolver = referenceResolver([{ objectId: "boss", userPrincipalName: "b@x.com" }], (attributes) => {
      asked.push(String(attributes.objectId));
      return "matched";
    });
    resolver.record({ objectId: "boss" }, "recorded");
    expect(resolver.resolve("boss")).toBe("recorded");
    expect(asked).toStrictEqual([]);
  });

  it("what in the population is not a user, or has no text objectId, is never matched", () => {
    const asked: unknown[] = [];
    const resolver = referenceResolver(
      [null, "boss", ["boss"], { objectId: 5 }, { objectId: "boss", userPrincipalName: "b@x.com" }],
      (attributes) => {
        asked.push(attributes.objectId);
        return "t-boss";
      },
    );
    expect(resolver.resolve("5")).toBeUndefined();
    expect(resolver.resolve("boss")).toBe("t-boss");
    expect(asked).toStrictEqual(["boss"]);
  });

  it("a referenced user whose matching fails resolves to nothing, and is not matched again", () => {
    let asked = 0;
    const resolver = referenceResolver([{ objectId: "boss" }], () => {
      asked++;
      throw new Error("broken expression");
    });
    expect(resolver.resolve("boss")).toBeUndefined();
    expect(resolver.resolve("boss")).toBeUndefined();
    expect(asked).toBe(1);
  });

  it("the last of several users with one objectId is the one matched", () => {
    const resolver = referenceResolver(
      [
        { objectId: "boss", userPrincipalName: "first@x.com" },
        { objectId: "boss", userPrincipalName: "last@x.com" },
      ],
      (attributes) => String(attributes.userPrincipalName),
    );
    expect(resolver.resolve("boss")).toBe("last@x.com");
  });
});
