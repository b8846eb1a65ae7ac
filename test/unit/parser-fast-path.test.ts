import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lexer/lexer.js";
import { ExpressionGrammar } from "../../src/parser/grammar.js";

// parse.ts runs the grammar twice over: first a fast instance (Chevrotain's recovery off, decisions
// by table), and only when that meets a recognition error, the recovering instance. Whenever the fast
// one finishes without a recognition error, its tree and its diagnostics must be the recovering one's.

// Built on first use inside a test, not while the file loads: code run while a file loads counts as run by
// no test, and the mutation runs would then test every grammar mutant against the whole test set.
let instances: { fast: ExpressionGrammar; recovering: ExpressionGrammar } | undefined;
function grammars() {
  instances ??= {
    fast: new ExpressionGrammar({ recovery: false }),
    recovering: new ExpressionGrammar({ recovery: true }),
  };
  return instances;
}

const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));

/** Whether the fast instance succeeded on `text`, after checking it agrees with the recovering one. */
function agree(text: string): boolean {
  const { fast, recovering } = grammars();
  const { tokens } = tokenize(text);
  const ours = fast.parseTokens(tokens);
  if (fast.errors.length > 0) return false;
  const theirs = recovering.parseTokens(tokens);
  expect(recovering.errors).toEqual([]);
  const a = json({ ast: ours, problems: fast.problems });
  const b = json({ ast: theirs, problems: recovering.problems });
  if (a !== b) expect(JSON.parse(a)).toEqual(JSON.parse(b));
  return true;
}

const space = fc.constantFrom("", " ", "\n", "\t ");
const { expression } = fc.letrec<{ expression: string; leaf: string; call: string }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom("[a]", "[given Name]", '[emails[type eq "work"].value]', "[a[b"),
    fc.constantFrom('"x"', '""', '"a\\"b"', "'single'", "\u201Csmart\u201D", '"open'),
    fc.constantFrom("0", "-1", "99999999999999999999", "&HFF", "&h7fffffffffffffff"),
    fc.constantFrom("True", "false", "vbTextCompare", "Nothing", "and", "Or"),
  ),
  call: fc
    .tuple(
      fc.constantFrom("Join", "IIF", "F", "x_1"),
      fc.array(fc.tuple(space, fc.oneof(tie("expression"), fc.constant("")), space), { maxLength: 4 }),
      fc.constantFrom(")", ")", ""),
    )
    .map(([name, args, close]) => `${name}(${args.map((a) => a.join("")).join(",")}${close}`),
  expression: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    tie("call"),
    fc
      .tuple(
        tie("leaf"),
        fc.constantFrom("=", "<>", "<", "<=", ">", ">=", "==", "!=", "&", "and"),
        tie("leaf"),
      )
      .map(([left, operator, right]) => `${left} ${operator} ${right}`),
    fc
      .tuple(tie("leaf"), fc.constantFrom("=", "<"), tie("leaf"), fc.constantFrom("=", "<>"), tie("leaf"))
      .map((parts) => parts.join(" ")),
  ),
}));

const fragments = [..."()[],\"'=<>!&+ ", "Join", "x", "and", "12", "[a]", '"s"', "F(", "<>", "==", "&H1"];
const soup = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join(""));

describe("the grammar", () => {
  // parse.ts builds its parsers without Chevrotain's validations (they cost start-up time); here they
  // run, and Chevrotain's constructor throws "Parser Definition Errors detected" if one fails.
  it("passes Chevrotain's grammar validations in both modes", () => {
    for (const recovery of [false, true]) {
      expect(() => new ExpressionGrammar({ recovery, validate: true })).not.toThrow();
    }
  });
});

describe("the fast grammar instance", () => {
  it("builds what the recovering one builds on generated expressions, when it succeeds", () => {
    let runs = 0;
    let succeeded = 0;
    fc.assert(
      fc.property(expression, (text) => {
        runs++;
        if (agree(text)) succeeded++;
      }),
      { numRuns: 5000 },
    );
    // The generator must mostly give text the fast instance reads, or the property proves little. Counted
    // against the runs made: the mutation runs cap every property at 100 cases.
    expect(succeeded).toBeGreaterThan(runs / 2);
  });

  it("builds what the recovering one builds on token soup, when it succeeds", () => {
    fc.assert(
      fc.property(soup, (text) => {
        agree(text);
      }),
      { numRuns: 10_000 },
    );
  });

  it("gives way to the recovering one at a recognition error", () => {
    expect(agree("Join(")).toBe(true);
    expect(agree("Join([a] [b] , )")).toBe(true);
    expect(agree(")")).toBe(false);
    expect(agree("Join([a]))")).toBe(false);
  });
});
