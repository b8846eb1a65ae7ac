import { describe, expect, it } from "vitest";
import { compileTree } from "../../src/evaluator/compile-tree.js";
import { compile, evaluateAll } from "../../src/evaluator/index.js";
import { State } from "../../src/evaluator/runtime.js";
import { walkEvaluate } from "../../src/evaluator/tree-walk.js";
import { runtimeContext } from "../../src/functions/index.js";
import { parse } from "../../src/parser/index.js";

/**
 * An attribute that holds a string, or nothing, is read once per reference on every evaluation path:
 * a getter that answers differently each time it runs (a stateful object, a lazily loading record)
 * gives the value of its first read, as the tree walker reads it.
 */

/** An object whose attribute `a` answers `answers` in turn (the last one from then on), counting reads. */
function changing(answers: unknown[], how: "plain" | "class" | "inherited") {
  const reads = { count: 0 };
  const get = () => answers[Math.min(reads.count++, answers.length - 1)];
  class Instance {}
  const object: Record<string, unknown> =
    how === "plain"
      ? {}
      : how === "class"
        ? (new Instance() as Record<string, unknown>)
        : Object.create(Object.defineProperty({}, "a", { get }));
  if (how !== "inherited") Object.defineProperty(object, "a", { get, enumerable: true });
  return { object, reads };
}

/** Every way to evaluate `text`: compile(…).evaluate, evaluateAll, the compiled tree, the tree walker. */
const paths: [string, (text: string, object: Record<string, unknown>) => unknown][] = [
  ["evaluate", (text, object) => compile(text).evaluate(object)],
  ["evaluateAll", (text, object) => evaluateAll([compile(text)], object)[0]],
  [
    "compileTree",
    (text, object) => {
      const state = new State();
      state.bind(object, runtimeContext());
      return compileTree(parse(text).ast)(state);
    },
  ],
  ["walkEvaluate", (text, object) => walkEvaluate(parse(text).ast, object)],
];

describe("an attribute holding a string or nothing is read once per reference", () => {
  // The expression, its value when [a] is "first", and when [a] is absent.
  const cases: [string, unknown, unknown][] = [
    ["[a]", "first", null],
    ["Trim([a])", "first", null],
    ['Join(",", [a], "z")', "first,z", "z"],
    ['IIF([a] = "first", "yes", "no")', "yes", "no"],
  ];
  for (const [text, present, absent] of cases) {
    for (const [path, run] of paths) {
      it(`${text} through ${path}`, () => {
        // A plain object's own string and a class instance's own string: the first answer, read once.
        for (const how of ["plain", "class"] as const) {
          const { object, reads } = changing(["first", "second"], how);
          expect(run(text, object), how).toBe(present);
          expect(reads.count, how).toBe(1);
        }
        // An inherited string is no attribute.
        expect(run(text, changing(["first", "second"], "inherited").object)).toBe(absent);
        // Nothing at the first read, a string at a second: absent, read once.
        const late = changing([undefined, "late"], "plain");
        expect(run(text, late.object)).toBe(absent);
        expect(late.reads.count).toBe(1);
      });
    }
  }
});
