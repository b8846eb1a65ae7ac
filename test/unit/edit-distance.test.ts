import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../src/checker/index.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions, ignoring case", () => {
    expect(editDistance("Join", "join")).toBe(0);
    expect(editDistance("Join", "Joins")).toBe(1);
    expect(editDistance("Join", "Jon")).toBe(1);
    expect(editDistance("Join", "Jxin")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("Jion", "Join")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
  });

  it("counts a swap only where both letters trade places", () => {
    expect(editDistance("ab", "cd")).toBe(2); // no letter in common
    expect(editDistance("ab", "bc")).toBe(2); // a's second letter is b's first, not the other way too
    expect(editDistance("ab", "ca")).toBe(2); // a's first letter is b's second, not the other way too
    expect(editDistance("xab", "a")).toBe(2); // two deletions; no swap at the first letter of b
    expect(editDistance("abc", "ca")).toBe(3);
  });
});

describe("closestName: the did-you-mean budget is a third of the name's length, at most 3", () => {
  const functions = ["NormalizeDiacritics", "Join", "Mid", "Replace", "SelectUniqueValue"];

  it("suggests a name 3 edits away when the name is long enough (9 characters or more)", () => {
    // NormalizeDiacritics minus o, a, i: three deletions.
    expect(editDistance("NrmlizeDiacritics", "NormalizeDiacritics")).toBe(2);
    expect(editDistance("NrmlzeDiacritics", "NormalizeDiacritics")).toBe(3);
    expect(closestName("NrmlzeDiacritics", functions)).toBe("NormalizeDiacritics");
  });

  it("never suggests a name 4 edits away, however long the name", () => {
    expect(editDistance("NrmlzeDacritics", "NormalizeDiacritics")).toBe(4);
    expect(closestName("NrmlzeDacritics", functions)).toBeUndefined();
  });

  it("allows 2 edits for a 6-to-8-character name, and not 3", () => {
    expect(closestName("Rplce", ["Replace"])).toBeUndefined(); // 5 characters: budget 1, distance 2
    expect(closestName("Replca", ["Replace"])).toBe("Replace"); // 6 characters: budget 2, distance 2
    expect(closestName("Rpalcx", ["Replace"])).toBeUndefined(); // 6 characters: distance 3
  });

  it("allows 1 edit for a short name, so Jion suggests Join but Foo suggests nothing", () => {
    expect(closestName("Jion", functions)).toBe("Join");
    expect(closestName("Md", functions)).toBe("Mid");
    expect(closestName("Foo", functions)).toBeUndefined();
  });

  it("picks the first of equally close candidates", () => {
    expect(closestName("Jon", ["Join", "Jong"])).toBe("Join");
    expect(closestName("Jon", ["Jong", "Join"])).toBe("Jong");
  });

  it("picks the closest of several candidates", () => {
    // Both within the budget of 2; the nearer wins though it comes second.
    expect(closestName("Replacee", ["Replac", "Replace"])).toBe("Replace");
  });
});
