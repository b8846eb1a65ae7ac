import { describe, expect, it } from "vitest";
import { ProvexError } from "../../src/diagnostics/index.js";
import { compileExpression, compileTree } from "../../src/evaluator/compile-tree.js";
import { State } from "../../src/evaluator/runtime.js";
import {
  type ArgumentEvaluator,
  type CallCompiler,
  DYNAMIC,
  type EagerImplementation,
  type EntryCompiler,
  type FunctionSpec,
  type Implementation,
  type LazyImplementation,
  type LazySpecializer,
  lookupFunction,
  runtimeContext,
  type Specializer,
  type Value,
} from "../../src/functions/index.js";
import { parse } from "../../src/parser/index.js";
import { failure } from "../helpers/errors.js";

/**
 * The contract between the compiled evaluator and a builtin (src/functions/spec.ts), stated with a
 * probe builtin that records what it is given: the values or evaluators of its arguments, the constants
 * its specializer sees, when a pure call is folded, and what becomes of each kind of error a builtin's
 * code throws. The tree walker gives the same (it calls `run` with exactly the arguments written).
 */

/** A builtin named Probe, pure or not, with the given implementation; Trim supplies the other fields. */
function probe(implementation: Implementation, pure = false): FunctionSpec {
  return { ...lookupFunction("Trim")!, name: "Probe", pure, implementation };
}

/** Compiles `text` with Probe added to the registry. */
function compileWith(spec: FunctionSpec, text: string) {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return compileTree(ast, (name) => (name === "Probe" ? spec : lookupFunction(name)));
}

/** A state over `attributes` (a plain object) with a fixed context. */
function stateOf(attributes: Record<string, unknown> = {}): State {
  const state = new State();
  state.bind(attributes, runtimeContext({ defaultDomain: "contoso.com" }));
  return state;
}

const eagerProbe = (
  run: EagerImplementation,
  extra: { specialize?: Specializer; compile?: CallCompiler; compileEntry?: EntryCompiler } = {},
): Implementation => ({ kind: "eager", run, ...extra });
const lazyProbe = (
  run: LazyImplementation,
  extra: { specialize?: LazySpecializer; compile?: CallCompiler } = {},
): Implementation => ({ kind: "lazy", run, ...extra });

describe("an eager builtin receives one value per argument written", () => {
  const cases: [string, (Value | undefined)[]][] = [
    ["Probe()", []],
    ["Probe([a])", ["x"]],
    ["Probe([a], )", ["x", undefined]],
    ["Probe([a], [missing])", ["x", null]],
    ["Probe(, [a], 3)", [undefined, "x", 3n]],
    ["Probe([a], , [missing], True)", ["x", undefined, null, true]],
    ['Probe([a], "b", , [missing], 5)', ["x", "b", undefined, null, 5n]],
  ];
  for (const [text, expected] of cases) {
    it(`${text}: ${expected.length} values, undefined for an omitted one, null for an absent attribute`, () => {
      const seen: (readonly (Value | undefined)[])[] = [];
      const run = compileWith(
        probe(
          eagerProbe((args) => {
            seen.push(args);
            return `${args.length}`;
          }),
        ),
        text,
      );
      expect(run(stateOf({ a: "x" }))).toBe(`${expected.length}`);
      expect(seen).toHaveLength(1);
      // toStrictEqual tells a hole or a missing trailing slot from an explicit undefined.
      expect([...(seen[0] ?? [])]).toStrictEqual(expected);
      expect(seen[0]).toHaveLength(expected.length);
    });
  }

  it("with the call's site (its builtin's name and the span of the whole call) and the context", () => {
    const text = 'Join(".", Probe([a], [a], [a], [a]))';
    const sites: unknown[] = [];
    const run = compileWith(
      probe(
        eagerProbe((args, site, context) => {
          sites.push(site);
          return `${args.length}@${context.defaultDomain}`;
        }),
      ),
      text,
    );
    expect(run(stateOf({ a: "x" }))).toBe("4@contoso.com");
    expect(sites).toEqual([{ name: "Probe", span: { start: text.indexOf("Probe"), end: text.length - 1 } }]);
  });
});

describe("a lazy builtin receives an evaluator per argument, none for an omitted one", () => {
  it("an omitted argument is undefined, not an evaluator of null; an absent attribute evaluates to null", () => {
    let seen: readonly (ArgumentEvaluator | undefined)[] = [];
    const run = compileWith(
      probe(
        lazyProbe((args, state) => {
          seen = args;
          return args.map((argument) => (argument ? String(argument(state)) : "omitted")).join(",");
        }),
      ),
      'Probe([a], , [missing], "c", )',
    );
    expect(run(stateOf({ a: "x" }))).toBe("x,omitted,null,c,omitted");
    expect(seen).toHaveLength(5);
    expect(seen[1]).toBeUndefined();
    expect(seen[4]).toBeUndefined();
    expect(typeof seen[2]).toBe("function");
  });

  it("an omitted argument stays undefined when the other arguments are constant and a specializer declines", () => {
    let seen: readonly (ArgumentEvaluator | undefined)[] = [];
    const run = compileWith(
      probe(
        lazyProbe(
          (args) => {
            seen = args;
            return `${args.length}`;
          },
          { specialize: () => undefined },
        ),
      ),
      'Probe("a", , [a])',
    );
    expect(run(stateOf())).toBe("3");
    expect(seen.map((argument) => typeof argument)).toEqual(["function", "undefined", "function"]);
  });
});

describe("specializers: tailored implementations for constant arguments", () => {
  it("an eager specializer sees each constant's value, undefined for an omitted one, DYNAMIC for the rest", () => {
    const constants: unknown[][] = [];
    const specialize: Specializer = (values) => {
      constants.push([...values]);
      return (args) => `special:${args.length}`;
    };
    const run = compileWith(
      probe(eagerProbe(() => "general", { specialize })),
      'Probe("a", , [a], 2, True, Left("xy", 1))',
    );
    expect(constants).toStrictEqual([["a", undefined, DYNAMIC, 2n, true, "x"]]);
    expect(run(stateOf())).toBe("special:6");
  });

  it("a lazy specializer likewise, and its implementation is the one that runs", () => {
    const constants: unknown[][] = [];
    const run = compileWith(
      probe(
        lazyProbe(() => "general", {
          specialize: (values) => {
            constants.push([...values]);
            return (args, state) => `special:${args[2]?.(state)}`;
          },
        }),
      ),
      'Probe("a", , [a])',
    );
    expect(constants).toStrictEqual([["a", undefined, DYNAMIC]]);
    expect(run(stateOf({ a: "x" }))).toBe("special:x");
  });

  it("is not asked when no argument is constant, nor when the builtin has none", () => {
    let asked = 0;
    const specialize: Specializer = () => {
      asked++;
      return () => "special";
    };
    const run = compileWith(probe(eagerProbe(() => "general", { specialize })), "Probe([a], [b])");
    expect(asked).toBe(0);
    expect(run(stateOf())).toBe("general");
    const lazyRun = compileWith(
      probe(
        lazyProbe(() => "general", {
          specialize: () => {
            asked++;
            return () => "special";
          },
        }),
      ),
      "Probe([a])",
    );
    expect(asked).toBe(0);
    expect(lazyRun(stateOf())).toBe("general");
    // An implementation without a specializer runs as written.
    expect(compileWith(probe(eagerProbe(() => "plain")), 'Probe("a")')(stateOf())).toBe("plain");
  });

  it("that throws a ProvexError leaves the call to the general implementation, which raises its own error", () => {
    const text = 'Join(".", Probe("bad", [a]))';
    for (const implementation of [
      eagerProbe(
        (args, site) => {
          throw new ProvexError("bad-argument", `general:${args[0]}`, { span: site.span });
        },
        {
          specialize: () => {
            throw new ProvexError("specializer", "from the specializer");
          },
        },
      ),
      lazyProbe(
        (args, state, site) => {
          throw new ProvexError("bad-argument", `general:${args[0]?.(state)}`, { span: site.span });
        },
        {
          specialize: () => {
            throw new ProvexError("specializer", "from the specializer");
          },
        },
      ),
    ]) {
      const run = compileWith(probe(implementation), text);
      const error = failure(() => run(stateOf()));
      expect([error.code, error.message, error.span]).toEqual([
        "bad-argument",
        "general:bad",
        { start: text.indexOf("Probe"), end: text.length - 1 },
      ]);
    }
  });

  it("that throws anything else is a bug in the builtin, surfaced at compile time", () => {
    const bug = new TypeError("specializer bug");
    const throwing = () => {
      throw bug;
    };
    for (const implementation of [
      eagerProbe(() => "general", { specialize: throwing }),
      lazyProbe(() => "general", { specialize: throwing }),
    ]) {
      expect(() => compileWith(probe(implementation), 'Probe("a", [a])')).toThrow(bug);
    }
  });
});

describe("fast paths (CallCompiler) and whole-expression entries (EntryCompiler)", () => {
  it("a fast path's closure is the call's closure, given the compiled arguments", () => {
    let given: readonly unknown[] = [];
    const compile: CallCompiler = (args, site) => {
      given = args.map((argument) => ({
        constant: argument.constant,
        attribute: argument.attribute,
      }));
      const [first] = args;
      return (state) => `fast:${first?.run(state)}:${site.name}`;
    };
    const run = compileWith(probe(eagerProbe(() => "general", { compile })), 'Probe([a], "k", )');
    expect(run(stateOf({ a: "x" }))).toBe("fast:x:Probe");
    expect(given).toStrictEqual([
      { constant: undefined, attribute: "a" },
      { constant: { value: "k" }, attribute: undefined },
      { constant: { value: undefined }, attribute: undefined },
    ]);
  });

  it("a fast path that declines, or throws a ProvexError, leaves the call to the general path", () => {
    const declining: CallCompiler = () => undefined;
    const refusing: CallCompiler = () => {
      throw new ProvexError("fast", "no");
    };
    for (const compile of [declining, refusing]) {
      const run = compileWith(probe(eagerProbe((args) => `general:${args[0]}`, { compile })), "Probe([a])");
      expect(run(stateOf({ a: "x" }))).toBe("general:x");
    }
  });

  it("a fast path that throws anything else surfaces at compile time", () => {
    const bug = new RangeError("fast path bug");
    const compile: CallCompiler = () => {
      throw bug;
    };
    expect(() => compileWith(probe(eagerProbe(() => "general", { compile })), "Probe([a])")).toThrow(bug);
  });

  it("an entry is offered for the root call, declines on a ProvexError, and surfaces any other error", () => {
    const general = () => "general";
    const tree = (compileEntry: EntryCompiler) =>
      compileExpression(parse("Probe([a])").ast, (name) =>
        name === "Probe" ? probe(eagerProbe(() => "run", { compileEntry })) : lookupFunction(name),
      );
    const offered = tree(
      (_args, site, fallback) => (attributes) => `entry:${site.name}:${fallback(attributes)}`,
    );
    expect(offered.entry?.(general)?.({ a: "x" })).toBe("entry:Probe:general");
    expect(offered.run(stateOf({ a: "x" }))).toBe("run");
    const refused = tree(() => {
      throw new ProvexError("entry", "no");
    });
    expect(refused.entry).toBeTypeOf("function");
    expect(refused.entry?.(general)).toBeUndefined();
    const bug = new TypeError("entry bug");
    const broken = tree(() => {
      throw bug;
    });
    expect(() => broken.entry?.(general)).toThrow(bug);
  });
});

describe("folding: a pure call with constant arguments is evaluated once, at compile time", () => {
  it("runs at compile time only, with no attributes and a context holding nothing from outside", () => {
    const seen: unknown[] = [];
    const run = compileWith(
      probe(
        eagerProbe((args, _site, context) => {
          seen.push([args.length, context.defaultDomain]);
          return `folded:${args[0]}`;
        }),
        true,
      ),
      'Probe("a", , 3)',
    );
    expect(seen).toEqual([[3, undefined]]);
    expect(run(stateOf({ a: "x" }))).toBe("folded:a");
    expect(run(stateOf())).toBe("folded:a");
    expect(seen).toHaveLength(1);
    // A lazy pure call is folded the same way, in a state without attributes.
    const states: unknown[] = [];
    const lazyRun = compileWith(
      probe(
        lazyProbe((args, state) => {
          states.push([
            Object.keys(state.attributes),
            Object.isFrozen(state.attributes),
            state.context.defaultDomain,
          ]);
          return `lazy:${args[0]?.(state)}`;
        }),
        true,
      ),
      'Probe("a")',
    );
    expect(states).toEqual([[[], true, undefined]]);
    expect(lazyRun(stateOf({ a: "x" }))).toBe("lazy:a");
    expect(states).toHaveLength(1);
  });

  it("is not done when some argument is not constant, or the builtin is not pure", () => {
    let calls = 0;
    const counting = (pure: boolean) =>
      probe(
        eagerProbe(() => {
          calls++;
          return "ran";
        }),
        pure,
      );
    compileWith(counting(true), 'Probe("a", [a])');
    compileWith(counting(false), 'Probe("a", "b")');
    expect(calls).toBe(0);
  });

  it("of a call that fails with a ProvexError is left to evaluation, which raises it each time", () => {
    let calls = 0;
    const run = compileWith(
      probe(
        eagerProbe((_args, site) => {
          calls++;
          throw new ProvexError("probe-failed", "always", { span: site.span });
        }),
        true,
      ),
      'Probe("a")',
    );
    expect(calls).toBe(1);
    for (let time = 0; time < 2; time++) {
      const error = failure(() => run(stateOf()));
      expect([error.code, error.span]).toEqual(["probe-failed", { start: 0, end: 10 }]);
    }
    expect(calls).toBe(3);
  });

  it("of a call that throws anything else surfaces the bug at compile time", () => {
    const bug = new TypeError("builtin bug");
    const spec = probe(
      eagerProbe(() => {
        throw bug;
      }),
      true,
    );
    expect(() => compileWith(spec, 'Probe("a")')).toThrow(bug);
  });

  it("makes the call a constant for the call around it (folded, and no entry of its own)", () => {
    let outer = 0;
    const spec = probe(
      eagerProbe((args) => {
        outer++;
        return `(${args.join("|")})`;
      }),
      true,
    );
    const run = compileWith(spec, 'Probe(Probe("a"), Left("xy", 1))');
    expect(outer).toBe(2);
    expect(run(stateOf())).toBe("((a)|x)");
    expect(outer).toBe(2);
    const entryOffered = compileExpression(parse('Probe("a")').ast, (name) =>
      name === "Probe"
        ? probe(
            eagerProbe(() => "run", { compileEntry: () => () => "entry" }),
            true,
          )
        : lookupFunction(name),
    );
    expect(entryOffered.entry).toBeUndefined();
  });
});
