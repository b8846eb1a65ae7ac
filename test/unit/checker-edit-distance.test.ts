import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "../../src/checker/index.js";

/**
 * The did-you-mean distance is the optimal string alignment distance, ignoring case: insertions,
 * deletions, substitutions and swaps of two neighbouring letters each cost one, and no letter is edited
 * twice. The reference below is that definition written as a recursion, nothing shared with the table
 * the implementation fills.
 */
function referenceOsa(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    if (i === 0) return j;
    if (j === 0) return i;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (x[i - 1] === y[j - 1] ? 0 : 1));
    if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
      best = Math.min(best, d(i - 2, j - 2) + 1);
    memo.set(key, best);
    return best;
  };
  return d(x.length, y.length);
}

/** Levenshtein distance, plainly: OSA can only be smaller (a swap is one edit, not two). */
function referenceLevenshtein(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[y.length]!;
}

// Few letters, both cases: repeated letters and swaps are common, so every branch of the recursion is hit.
const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "A", "B"), maxLength: 7 });

describe("editDistance against its definition", () => {
  it("equals the reference optimal string alignment distance", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(referenceOsa(a, b));
      }),
    );
  });

  it("is symmetric, zero exactly for the same letters in any case, and bounded by the lengths and Levenshtein", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const distance = editDistance(a, b);
        expect(editDistance(b, a)).toBe(distance);
        expect(distance === 0).toBe(a.toLowerCase() === b.toLowerCase());
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeLessThanOrEqual(referenceLevenshtein(a, b));
        expect(distance).toBeGreaterThanOrEqual(Math.ceil(referenceLevenshtein(a, b) / 2));
      }),
    );
  });

  it("counts one swap of neighbouring distinct letters as one edit, anywhere in the word", () => {
    fc.assert(
      fc.property(word, fc.constantFrom("a", "b"), word, (before, first, after) => {
        const second = first === "a" ? "b" : "a";
        expect(editDistance(`${before}${first}${second}${after}`, `${before}${second}${first}${after}`)).toBe(
          1,
        );
      }),
    );
  });

  it("examples: a swap never reaches before the first letter, and edits no letter twice", () => {
    expect(editDistance("ba", "a")).toBe(1);
    expect(editDistance("a", "ba")).toBe(1);
    expect(editDistance("abc", "acb")).toBe(1);
    expect(editDistance("CA", "abc")).toBe(3); // not CA → AC → ABC, which would edit the A twice
  });
});

describe("closestName against the definition (ties: test/unit/edit-distance.test.ts)", () => {
  it("suggests what the definition and the budget say, never a name over budget", () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 5 }), (name, candidates) => {
        const budget = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
        const distances = candidates.map((candidate) => referenceOsa(name, candidate));
        const best = Math.min(...distances);
        const expected = best <= budget ? candidates[distances.indexOf(best)] : undefined;
        expect(closestName(name, candidates)).toBe(expected);
      }),
    );
  });
});
