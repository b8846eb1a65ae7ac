import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compileTree } from "../../src/evaluator/compile-tree.js";
import { compile, evaluate, evaluateAll, render } from "../../src/evaluator/index.js";
import { State } from "../../src/evaluator/runtime.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import {
  type CallCompiler,
  DIACRITICS_TABLE,
  type EvaluationState,
  FLOW_SKIPPED,
  type FunctionSpec,
  lookupFunction,
  runtimeContext,
  type Value,
} from "../../src/functions/index.js";
import { type Argument, type Expression, parse, printFlat } from "../../src/parser/index.js";
import { attributes, expression, seededRandom, value } from "./evaluator-arbitraries.js";

const RUNS = 3000;
const NO_SPAN = { start: 0, end: 0 };

type Outcome = { value: Value } | { error: { code: string; span: unknown } };

function outcome(run: () => Value): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ProvexError) return { error: { code: error.code, span: error.span } };
    throw error;
  }
}

/** Print and re-parse, so that the tree carries the spans real text would give. */
function withSpans(generated: Expression): Expression | undefined {
  const parsed = parse(printFlat(generated));
  return parsed.diagnostics.some((d) => d.severity === "error") ? undefined : parsed.ast;
}

const context = (seed: number) => ({
  random: seededRandom(seed),
  now: new Date(0),
  exists: (_: string, v: string) => v === "a",
});

type Compiler = (ast: Expression) => (state: EvaluationState) => Value;

/** The attributes as a plain object, or as an object that is not plain (own-property checks apply). */
function bound(attrs: Record<string, unknown>, plain: boolean, seed: number): State {
  const state = new State();
  const object = plain
    ? attrs
    : Object.assign(
        Object.create({ inherited: "x", a: "inherited", list: ["inherited"], roles: ["Inherited"] }),
        attrs,
      );
  state.bind(object, runtimeContext(context(seed)));
  return state;
}

/** Whether `compiler` agrees with the tree walker on every generated case (fast-check's verdict). */
function checkAgainstOracle(compiler: Compiler, numRuns: number) {
  return fc.check(
    fc.property(expression, attributes, fc.nat(), fc.boolean(), (generated, attrs, seed, plain) => {
      const ast = withSpans(generated);
      if (!ast) return;
      const run = compiler(ast);
      const state = bound(attrs, plain, seed);
      const compiled = outcome(() => run(state));
      const walked = outcome(() => walkEvaluate(ast, state.attributes, context(seed)));
      expect(compiled).toEqual(walked);
    }),
    { numRuns, seed: 4242 },
  );
}

/** The compiler with one builtin's fast path replaced (the registry itself is frozen). */
function withFastPath(name: string, compile: CallCompiler): Compiler {
  const original = lookupFunction(name)!;
  const broken: FunctionSpec = { ...original, implementation: { ...original.implementation, compile } };
  return (ast) =>
    compileTree(ast, (called) =>
      called.toLowerCase() === name.toLowerCase() ? broken : lookupFunction(called),
    );
}

describe("compiled evaluation", () => {
  it("agrees with the tree-walking oracle, errors and spans included", () => {
    const verdict = checkAgainstOracle(compileTree, RUNS);
    expect(verdict.failed, fc.defaultReportMessage(verdict) ?? "").toBe(false);
  });

  it("catches a deliberately broken fast path: Join that drops its separator", () => {
    const broken = withFastPath("Join", (args) => {
      const runs = args.slice(1).map((argument) => argument.run);
      return (state) => runs.map((run) => String(run(state) ?? "")).join("");
    });
    expect(checkAgainstOracle(broken, RUNS).failed).toBe(true);
  });

  it("catches a deliberately broken compiler: omitted arguments compiled as empty strings", () => {
    const blank = (node: Argument): Argument => {
      if (node.kind === "empty") return { kind: "string", value: "", span: node.span };
      if (node.kind === "call") return { ...node, arguments: node.arguments.map(blank) };
      return node;
    };
    const broken: Compiler = (ast) => compileTree(blank(ast) as Expression);
    expect(checkAgainstOracle(broken, RUNS).failed).toBe(true);
  });

  it("compile(…).evaluate agrees with the oracle on plain, null-prototype and inheriting objects", () => {
    // `evaluate` takes whole-expression entries (EntryCompiler) that compileTree's closures never reach.
    const names = fc.constantFrom(
      "a",
      "b",
      "n",
      "list",
      "roles",
      "inherited",
      "missing",
      "constructor",
      "toString",
    );
    const attribute = names.map((name) => ({ kind: "attribute", name, span: NO_SPAN }) as const);
    const rootJoin = fc.tuple(fc.constantFrom(".", "", ", "), attribute, attribute).map(
      ([separator, first, second]): Expression => ({
        kind: "call",
        name: "Join",
        nameSpan: NO_SPAN,
        arguments: [{ kind: "string", value: separator, span: NO_SPAN }, first, second],
        span: NO_SPAN,
      }),
    );
    const kind = fc.constantFrom("plain", "null-prototype", "inheriting", "absent");
    fc.assert(
      fc.property(fc.oneof(rootJoin, attribute, expression), attributes, kind, (generated, attrs, shape) => {
        const ast = withSpans(generated);
        if (!ast) return;
        let compiled: ReturnType<typeof compile>;
        try {
          compiled = compile(ast, { dialect: "provex" });
        } catch {
          return;
        }
        const object =
          shape === "plain"
            ? attrs
            : shape === "null-prototype"
              ? Object.assign(Object.create(null), attrs)
              : shape === "inheriting"
                ? Object.assign(
                    Object.create({
                      inherited: "x",
                      a: "inherited",
                      b: "inherited",
                      list: ["inherited"],
                      roles: ["Inherited"],
                    }),
                    attrs,
                  )
                : undefined;
        const fixed = { now: new Date(0), random: seededRandom(3), exists: () => false };
        const viaEvaluate = outcome(() => compiled.evaluate(object, { ...fixed, random: seededRandom(3) }));
        const walked = outcome(() => walkEvaluate(ast, object ?? {}, { ...fixed, random: seededRandom(3) }));
        expect(viaEvaluate).toEqual(walked);
      }),
      { numRuns: RUNS, seed: 4243 },
    );
  });

  it("evaluateAll gives each expression's own evaluate result, errors included", () => {
    fc.assert(
      fc.property(fc.array(expression, { minLength: 1, maxLength: 6 }), attributes, (generated, attrs) => {
        const compiled = generated.map((ast) => {
          try {
            return compile(printFlat(ast), { dialect: "provex" });
          } catch {
            return undefined;
          }
        });
        const fixed = { now: new Date(0), random: seededRandom(1) };
        const expected = compiled.map((expression) =>
          expression
            ? outcome(() => expression.evaluate(attrs, { ...fixed, random: seededRandom(1) }))
            : undefined,
        );
        const batch = compiled.map((expression, index) =>
          expression ? evaluateAll([expression], attrs, { ...fixed, random: seededRandom(1) })[0] : index,
        );
        const viaBatch = batch.map((result, index) => {
          if (!compiled[index]) return undefined;
          return result instanceof ProvexError
            ? { error: { code: result.code, span: result.span } }
            : { value: result };
        });
        expect(viaBatch).toEqual(expected);
        // All at once, with a skipped slot: the same values, in order.
        const together = evaluateAll([...compiled, undefined], attrs, fixed);
        expect(together).toHaveLength(compiled.length + 1);
        expect(together[compiled.length]).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws anything but ProvexError, and its results always render", () => {
    fc.assert(
      fc.property(expression, attributes, (generated, attrs) => {
        const text = printFlat(generated);
        const ast = withSpans(generated);
        const runs = [() => evaluate(text, attrs, { random: seededRandom(7) })];
        // Also past the checker, so that calls it would reject still reach the builtins.
        if (ast) runs.push(() => compileTree(ast)({ attributes: attrs, context: runtimeContext() }));
        for (const run of runs) {
          try {
            const shown = render(run());
            expect(shown === null || typeof shown === "string" || Array.isArray(shown)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ProvexError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("render", () => {
  it("is total: every value renders as a string, an array of strings, or null", () => {
    fc.assert(
      fc.property(value, (v) => {
        const shown = render(v);
        if (Array.isArray(shown)) expect(shown.every((item) => typeof item === "string")).toBe(true);
        else expect(shown === null || typeof shown === "string").toBe(true);
        if (v === null || v === FLOW_SKIPPED) expect(shown).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("laws of the builtins", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 20 });
  const delimiter = fc.constantFrom(",", ";", " ", "a", "ab");

  it("ToLower is idempotent, with or without a culture", () => {
    fc.assert(
      fc.property(text, fc.constantFrom("", "tr-TR", "en-US"), (s, culture) => {
        const once = evaluate("ToLower([s], [c])", { s, c: culture });
        expect(evaluate("ToLower([s], [c])", { s: once, c: culture })).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it("Count(Split(s, d)) is the number of occurrences of d plus one", () => {
    fc.assert(
      fc.property(text, delimiter, (s, d) => {
        let occurrences = 0;
        for (let at = s.indexOf(d); at >= 0; at = s.indexOf(d, at + d.length)) occurrences++;
        expect(evaluate("Count(Split([s], [d]))", { s, d })).toBe(BigInt(occurrences + 1));
      }),
      { numRuns: RUNS },
    );
  });

  it("Join(d, Split(s, d)) = s when no part is empty", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[^,;]{1,5}$/), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(",", ";"),
        (parts, d) => {
          const s = parts.join(d);
          expect(evaluate("Join([d], Split([s], [d]))", { s, d })).toBe(s);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("NumFromDate(DateFromNum(n)) = n for every FILETIME in .NET's range", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2_650_467_743_999_999_999n }), (fileTime) => {
        expect(evaluate("NumFromDate(DateFromNum([n]))", { n: fileTime.toString() })).toBe(fileTime);
      }),
      { numRuns: RUNS },
    );
  });

  it("DateDiff counts back what DateAdd added, for days, hours, minutes and seconds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("d", "h", "n", "s"),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (interval, amount, when) => {
          const text = "DateDiff([i], [d], DateAdd([i], [n], [d]))";
          expect(evaluate(text, { i: interval, n: String(amount), d: when })).toBe(BigInt(amount));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("Replace with a constant pattern agrees with the same pattern read from an attribute", () => {
    const pattern = fc.constantFrom("a+", "[()\\s-]+", "(?<g>\\d)", "x*", "(?i)B", "^\\w");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a .NET named-group substitution, not a template
    const replacement = fc.constantFrom("", "-", "$1", "${g}", "$$");
    fc.assert(
      fc.property(text, pattern, replacement, (s, p, r) => {
        const literal = (value: string) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
        const constant = evaluate(`Replace([s], , ${literal(p)}, , ${literal(r)}, , )`, { s });
        expect(evaluate("Replace([s], , [p], , [r], , )", { s, p, r })).toBe(constant);
      }),
      { numRuns: RUNS },
    );
  });

  it("NormalizeDiacritics leaves no precomposed table character", () => {
    const tableCharacters = DIACRITICS_TABLE.flatMap(([entries]) => entries.split(" ")).filter(
      (entry) => entry.length === 1,
    );
    const forbidden = new Set(tableCharacters);
    const noisy = fc.array(
      fc.oneof(
        fc.constantFrom(...tableCharacters, "\u0301", "\u0304", "\u0331"),
        fc.string({ maxLength: 2 }),
      ),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(noisy, (pieces) => {
        const result = String(evaluate("NormalizeDiacritics([s])", { s: pieces.join("") }));
        expect([...result].filter((character) => forbidden.has(character))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
