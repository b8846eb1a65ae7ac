import { describe, expect, it } from "vitest";
import { hover } from "../../src/language/index.js";

function at(marked: string, options = {}) {
  return hover(marked.replace("|", ""), marked.indexOf("|"), options);
}

describe("hover", () => {
  it("documents a function from the registry, at its name", () => {
    const result = at('Jo|in(".", [a])');
    expect(result?.span).toEqual({ start: 0, end: 4 });
    expect(result?.contents[0]).toContain("Join(separator, source…) → text");
    expect(result?.contents[1]).toContain("Joins values with a separator.");
  });

  it("shows an attribute's value for the selected user, and the parameter it fills", () => {
    const result = at('Join(".", [given|Name])', { attributes: { givenName: "Ada" } });
    expect(result?.span).toEqual({ start: 10, end: 21 });
    expect(result?.contents.join("\n")).toContain('"Ada"');
    expect(result?.contents.at(-1)).toContain("Parameter `source…` of Join");
    expect(at("Left([nope|], 1)", { attributes: {} })?.contents.join("\n")).toContain("null (absent)");
  });

  it("keeps user data inside a code fence it cannot close", () => {
    const value = "```\n<img src=x onerror=alert(1)>";
    const result = at("[|x]", { attributes: { x: value } });
    const block = result?.contents[1] ?? "";
    expect(block.startsWith("````\n")).toBe(true);
    expect(block.endsWith("\n````")).toBe(true);
  });

  it("documents the parameter a literal argument binds to", () => {
    const result = at('InStr([a], "b", 1, vbText|Compare)');
    expect(result?.contents[0]).toContain("compareType");
  });

  it("gives nothing outside the tree or over an unknown function", () => {
    expect(at("Frob|nicate([a])")).toBeUndefined();
  });
});
