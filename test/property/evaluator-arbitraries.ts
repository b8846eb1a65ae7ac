import fc from "fast-check";
import { argumentRange, functions, type Value } from "../../src/functions/index.js";
import type { Argument, ComparisonOperator, Expression } from "../../src/parser/index.js";

/** Generators of expressions, attributes and values for the evaluator's property tests. */

const NO_SPAN = { start: 0, end: 0 };
export const ATTRIBUTE_NAMES = ["a", "b", "list", "roles", "n", "flag", "__proto__", "missing"] as const;
const TEXTS = [
  "",
  "a",
  "A b",
  "1",
  "-3",
  "10",
  "True",
  "false",
  "Zoë",
  ",",
  "x,y",
  "İi",
  " pad ",
  "S-1",
  "SGk=",
  // Shapes the .NET-backed builtins read: dates, formats, intervals, patterns and group names.
  "2020-03-16-07:00",
  "8/25/2021 5:41:18 PM",
  "07:00",
  "yyyy-MM-dd",
  "HH:mm",
  "ww",
  "(?<g>a+)",
  "g",
  "(?=a)",
  // Patterns that take the native RegExp path (native-regex.ts), and near misses that do not.
  "[()\\s-]+",
  "@.*",
  "^\\s+",
  "\\d",
  "a+?",
  "\\s+$",
];

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  fc.constantFrom(...ATTRIBUTE_NAMES).map((name) => ({ kind: "attribute", name, span: NO_SPAN }) as const),
  fc
    .oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 }))
    .map((value) => ({ kind: "string", value, span: NO_SPAN }) as const),
  fc
    .integer({ min: -3, max: 12 })
    .map((n) => ({ kind: "number", value: BigInt(n), radix: 10, span: NO_SPAN }) as const),
  fc
    .constantFrom("True", "False", "vbTextCompare", "vbBinaryCompare", "UTF8", "ASCII")
    .map((name) => ({ kind: "constant", name, span: NO_SPAN }) as const),
);

/** Builtins that may appear anywhere (SelectUniqueValue only at the top, which the checker enforces). */
const NESTABLE = [...functions.values()].filter((spec) => !spec.topLevelOnly);

function argumentCounts(name: string): number[] {
  const spec = functions.get(name);
  if (!spec) return [0];
  const { minimum, maximum } = argumentRange(spec);
  const group = spec.repeatFrom === undefined ? 1 : spec.parameters.length - spec.repeatFrom;
  const upper = Math.min(maximum, minimum + 2 * group);
  // Mostly well-formed counts, sometimes one short or one too many: the evaluator must cope either way.
  return [
    ...new Set([Math.max(0, minimum - 1), minimum, Math.min(upper, minimum + group), upper, upper + 1]),
  ];
}

const stringLeaf = fc
  .oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 3 }))
  .map((value) => ({ kind: "string", value, span: NO_SPAN }) as const);
const EMPTY = { kind: "empty", span: NO_SPAN } as const;

function call(name: string, args: readonly Argument[]): Expression {
  return { kind: "call", name, nameSpan: NO_SPAN, arguments: args, span: NO_SPAN };
}

/**
 * The shapes the evaluator's fast paths (CallCompiler) compile: Join with a constant separator, Switch
 * with constant keys, IIF on a comparison, Replace with a constant pattern. Random calls reach them too
 * rarely for the oracle to watch every fast path.
 */
function fastPathCalls(node: fc.Arbitrary<Expression>): fc.Arbitrary<Expression> {
  return fc.oneof(
    fc
      .tuple(stringLeaf, fc.array(node, { minLength: 1, maxLength: 3 }))
      .map(([separator, sources]) => call("Join", [separator, ...sources])),
    fc
      .tuple(node, fc.oneof(node, fc.constant(EMPTY)), fc.array(fc.tuple(stringLeaf, node), { maxLength: 3 }))
      .map(([source, fallback, pairs]) => call("Switch", [source, fallback, ...pairs.flat()])),
    fc
      .tuple(node, node, node, fc.constantFrom<ComparisonOperator>("=", "<>"))
      .map(([whenTrue, whenFalse, compared, operator]) =>
        call("IIF", [
          {
            kind: "comparison",
            operator,
            operatorSpan: NO_SPAN,
            left: compared,
            right: { kind: "string", value: "a", span: NO_SPAN },
            span: NO_SPAN,
          },
          whenTrue,
          whenFalse,
        ]),
      ),
    fc
      .tuple(node, stringLeaf, stringLeaf, fc.boolean())
      .map(([source, pattern, replacement, group]) =>
        call("Replace", [
          source,
          EMPTY,
          pattern,
          group ? { kind: "string", value: "g", span: NO_SPAN } : EMPTY,
          replacement,
          EMPTY,
          EMPTY,
        ]),
      ),
    node.map((inner) => call("IgnoreFlowIfNullOrEmpty", [inner])),
    fc.constant(call("AppRoleAssignmentsComplex", [{ kind: "attribute", name: "roles", span: NO_SPAN }])),
  );
}

export const expression: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression; argument: Argument }>(
  (tie) => ({
    node: fc.oneof(
      { depthSize: "small", maxDepth: 5, withCrossShrink: true },
      { weight: 2, arbitrary: leaf },
      { weight: 2, arbitrary: fastPathCalls(tie("node")) },
      {
        weight: 4,
        arbitrary: fc
          .record({
            spec: fc.constantFrom(...NESTABLE),
            pick: fc.nat(),
            args: fc.array(tie("argument"), { maxLength: 8 }),
            lowerCase: fc.boolean(),
          })
          .map(({ spec, pick, args, lowerCase }) => {
            const counts = argumentCounts(spec.name);
            const count = counts[pick % counts.length] ?? 0;
            const padded = Array.from(
              { length: count },
              (_, index) => args[index] ?? ({ kind: "empty", span: NO_SPAN } as const),
            );
            return {
              kind: "call",
              name: lowerCase ? spec.name.toLowerCase() : spec.name,
              nameSpan: NO_SPAN,
              arguments: padded,
              span: NO_SPAN,
            } as const;
          }),
      },
      fc
        .record({
          operator: fc.constantFrom<ComparisonOperator>("=", "<>", "<", "<=", ">", ">="),
          left: leaf,
          right: leaf,
        })
        .map(
          ({ operator, left, right }) =>
            ({ kind: "comparison", operator, operatorSpan: NO_SPAN, left, right, span: NO_SPAN }) as const,
        ),
    ),
    argument: fc.oneof(
      { weight: 5, arbitrary: tie("node") },
      { weight: 1, arbitrary: fc.constant({ kind: "empty", span: NO_SPAN } as const) },
    ),
  }),
).node;

export const attributes: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    a: fc.oneof(fc.constant(null), fc.constantFrom(...TEXTS), fc.string({ maxLength: 8 })),
    b: fc.oneof(fc.constant(null), fc.constantFrom(...TEXTS), fc.integer({ min: -5, max: 5 }), fc.boolean()),
    list: fc.oneof(fc.constant(null), fc.array(fc.constantFrom(...TEXTS), { maxLength: 4 })),
    roles: fc.array(
      fc.oneof(
        fc.constantFrom("Admin", "User"),
        fc.record({ value: fc.constantFrom("Admin", "User"), id: fc.constant("1") }),
      ),
      { maxLength: 3 },
    ),
    n: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom("3", "x", "129699324000000000")),
    flag: fc.oneof(fc.boolean(), fc.constantFrom("True", "false", "yes")),
  },
  { requiredKeys: [] },
);

/** Every kind of value, for render's totality. */
export const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.boolean(),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc
    .bigInt({ min: 0n, max: 3_155_378_975_999_999_999n })
    .map((ticks) => ({ kind: "datetime", ticks }) as const),
  fc
    .array(fc.record({ value: fc.string() }), { maxLength: 3 })
    .map((roles) => ({ kind: "roles", roles }) as const),
  fc.constant({ kind: "flow-skipped" } as const),
);

/** A reproducible random source: the same seed gives the same draws in both evaluators. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4_294_967_296;
  };
}
