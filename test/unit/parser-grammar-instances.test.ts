import type { IRuleConfig } from "chevrotain";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lexer/lexer.js";
import * as t from "../../src/lexer/tokens.js";
import { ExpressionGrammar } from "../../src/parser/grammar.js";

// What the two grammar instances parse.ts builds (the fast one, recovery off and decisions by table, and
// the recovering one) do, each built here inside the test that checks it: parse.ts keeps one instance of
// each kind for the process, so what runs while an instance is built (the options it hands Chevrotain,
// the GATE of the AND/OR tail) would otherwise be checked only by whichever test happened to parse first.

const NEST = "nest IIF calls instead (AND: IIF(a, IIF(b, x, y), y); OR: IIF(a, x, IIF(b, x, y))).";

function read(grammar: ExpressionGrammar, text: string) {
  const ast = grammar.parseTokens(tokenize(text).tokens);
  return {
    ast,
    problems: grammar.problems.map((p) => [p.code, p.span.start, p.span.end, p.message]),
    errors: grammar.errors.map((e) => [e.name, e.token.image]),
  };
}

function bothInstances() {
  return [new ExpressionGrammar({ recovery: false }), new ExpressionGrammar({ recovery: true })];
}

describe("AND and OR between operands, in an instance built for the test", () => {
  it("are reported at the word by both instances, and the operand after the word is read", () => {
    for (const grammar of bothInstances()) {
      expect(read(grammar, "[a] and [b]")).toEqual({
        ast: { kind: "attribute", name: "a", span: { start: 0, end: 3 } },
        problems: [["unsupported-operator", 4, 7, `The language has no AND operator: ${NEST}`]],
        errors: [],
      });
      // Inside a call the word does not split the argument: F gets two arguments, [a] and 1.
      const inCall = read(grammar, "F([a] OR [b] = 2, 1)");
      expect(inCall.problems).toEqual([
        ["unsupported-operator", 6, 8, `The language has no OR operator: ${NEST}`],
      ]);
      expect(inCall.errors).toEqual([]);
      expect(inCall.ast).toMatchObject({
        kind: "call",
        name: "F",
        arguments: [
          { kind: "attribute", name: "a" },
          { kind: "number", value: 1n },
        ],
      });
    }
  });
});

// A grammar whose root rule is two alternatives that both begin with a name: ambiguous for an LL(1)
// parser, which Chevrotain's validations report.
class AmbiguousRootGrammar extends ExpressionGrammar {
  // biome-ignore lint/suspicious/noExplicitAny: the signature Chevrotain declares for RULE
  protected override RULE<F extends (...args: any[]) => any>(
    name: string,
    implementation: F,
    config?: IRuleConfig<ReturnType<F>>,
  ) {
    if (name !== "root") return super.RULE(name, implementation, config);
    const ambiguous = () =>
      this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME1(t.Identifier) }]);
    return super.RULE(name, ambiguous as unknown as F, config);
  }
}

describe("Chevrotain's grammar validations", () => {
  it("run when asked for (validate: true) and refuse a defective grammar; without it they are skipped", () => {
    for (const recovery of [false, true]) {
      expect(() => new AmbiguousRootGrammar({ recovery, validate: true })).toThrow(
        /Parser Definition Errors detected[\s\S]*Ambiguous Alternatives Detected[\s\S]*root/,
      );
      // parse.ts builds its instances without validate: the defect goes unnoticed, as it should there.
      expect(() => new AmbiguousRootGrammar({ recovery })).not.toThrow();
      expect(() => new AmbiguousRootGrammar({ recovery, validate: false })).not.toThrow();
    }
  });
});

describe("the fast instance", () => {
  // Whenever the fast instance meets a recognition error, parse.ts parses the text a second time with the
  // recovering instance. Every well-formed expression must be read by the fast one alone, and the same.
  const wellFormed = [
    '"x"',
    "1",
    "&H1F",
    "[a]",
    "True",
    "F(1)",
    'F("x", [a], 1, True, G())',
    "True = [a]",
    'vbTextCompare <> "x"',
    '"x" = [a]',
    "1 = [a]",
    "&H1 < 2",
    "[a] = [b]",
    '[a] = "x"',
    "[a] = 1",
    "[a] = True",
    "[a] = F(1)",
    'IIF([a] = "x", 1 <> 2, [b] >= "y")',
    'F(G([a]) = "x", "y" <= H(1))',
  ];

  it("reads every kind of well-formed expression without a recognition error, as the recovering one does", () => {
    const [fast, recovering] = bothInstances() as [ExpressionGrammar, ExpressionGrammar];
    for (const text of wellFormed) {
      const ours = read(fast, text);
      expect(ours.errors, text).toEqual([]);
      expect(ours.problems, text).toEqual([]);
      expect(ours, text).toEqual(read(recovering, text));
    }
  });
});
