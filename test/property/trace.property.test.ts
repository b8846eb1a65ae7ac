import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { traceEvaluate } from "../../src/evaluator/trace.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import { parse, printFlat } from "../../src/parser/index.js";
import { attributes, expression, seededRandom } from "./evaluator-arbitraries.js";

describe("traceEvaluate (the playground's step-through)", () => {
  it("ends as the tree-walking oracle does, and every step lies inside the expression", () => {
    fc.assert(
      fc.property(expression, attributes, fc.nat(), (generated, attrs, seed) => {
        const text = printFlat(generated);
        const parsed = parse(text);
        if (parsed.diagnostics.some((d) => d.severity === "error")) return;
        const context = () => ({ random: seededRandom(seed), now: new Date(Date.UTC(2026, 0, 2)) });
        let expected: unknown;
        try {
          expected = { ok: true, value: walkEvaluate(parsed.ast, attrs, context()) };
        } catch (error) {
          if (!(error instanceof ProvexError)) throw error;
          expected = { ok: false, code: error.code, span: error.span };
        }
        const trace = traceEvaluate(parsed.ast, attrs, context());
        const actual = trace.outcome.ok
          ? trace.outcome
          : { ok: false, code: trace.outcome.code, span: trace.outcome.span };
        expect(actual).toEqual(expected);
        for (const step of trace.steps) {
          expect(step.span.start).toBeGreaterThanOrEqual(0);
          expect(step.span.end).toBeLessThanOrEqual(text.length);
          expect(step.outcome).toBeDefined();
        }
      }),
      { numRuns: 1500 },
    );
  });
});
