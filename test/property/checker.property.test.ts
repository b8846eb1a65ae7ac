import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { printFlat } from "../../src/parser/index.js";
import { expression } from "./evaluator-arbitraries.js";

const RUNS = 3000;
const pieces = fc.constantFrom(
  "Join(",
  "jion(",
  "Switch(",
  "SelectUniqueValue(",
  "Extract(",
  "[a]",
  '"x"',
  ",",
  ")",
  " ",
  "=",
  "1",
  "True",
  "UTF8",
);

describe("check", () => {
  it("never throws on any text, and every span lies inside it", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
        ),
        (text) => {
          for (const diagnostic of check(text, { schema: ["a", "B"] })) {
            expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
            expect(diagnostic.span.end).toBeGreaterThanOrEqual(diagnostic.span.start);
            expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
            expect(diagnostic.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("reports diagnostics in source order and resolves every registry name in any case", () => {
    fc.assert(
      fc.property(
        expression,
        fc.constantFrom("entra", "provex") as fc.Arbitrary<"entra" | "provex">,
        (generated, dialect) => {
          const text = printFlat(generated);
          const diagnostics = check(text, { dialect });
          const starts = diagnostics.map((d) => d.span.start);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
          expect(diagnostics.filter((d) => d.code === "unknown-function")).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
