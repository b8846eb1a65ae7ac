import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";
import * as t from "../lexer/tokens.js";
import type { Argument, Expression } from "./ast.js";
import {
  abbreviate,
  attributeNode,
  comparisonOperator,
  constantNode,
  describeToken,
  numberNode,
  stringNode,
  tokenEnd,
  tokenSpan,
} from "./nodes.js";

/**
 * The Entra mapping grammar (SPEC Part 2 §a.4) as a Chevrotain parser with embedded actions.
 *
 *   expression := operand ( compOp operand )?
 *   operand    := Identifier ( "(" arguments ")" )? | [attribute] | "string" | number
 *   arguments  := expression? ( "," expression? )*
 *
 * The grammar is deliberately forgiving: a missing ')' or ',', a stray token, a chained comparison or a
 * Connect-only operator is reported as a diagnostic and parsing goes on, so that a half-typed expression
 * still yields a tree for the editor. Chevrotain's own recovery stays on as a safety net.
 */
export class ExpressionGrammar extends EmbeddedActionsParser {
  /** Diagnostics reported by the grammar's actions during the current parse. */
  problems: Diagnostic[] = [];
  private readonly report = (problem: Diagnostic): void => {
    this.problems.push(problem);
  };
  private operandAlternatives?: IOrAlt<Expression>[];

  constructor() {
    super(t.allTokens, { recoveryEnabled: true, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /** The whole input: one expression, or nothing (reported by the caller). */
  readonly root = this.RULE("root", (): Expression | undefined => {
    let result: Expression | undefined;
    this.OPTION(() => {
      result = this.SUBRULE(this.expression);
    });
    return result;
  });

  private readonly expression = this.RULE("expression", (): Expression => {
    const left = this.SUBRULE(this.operand);
    let result = left;
    this.OPTION(() => {
      const operatorToken = this.CONSUME(t.ComparisonOperator);
      const right = this.SUBRULE1(this.operandOrMissing, { ARGS: [operatorToken] });
      result = this.ACTION(() => ({
        kind: "comparison" as const,
        operator: comparisonOperator(operatorToken),
        operatorSpan: tokenSpan(operatorToken),
        left,
        right,
        span: { start: left.span.start, end: Math.max(right.span.end, tokenEnd(operatorToken)) },
      }));
      this.OPTION1(() => {
        const extra = this.CONSUME1(t.ComparisonOperator);
        this.SUBRULE2(this.operandOrMissing, { ARGS: [extra] });
        this.ACTION(() =>
          this.report(
            diagnostic(
              "chained-comparison",
              "error",
              "Only one comparison is allowed per argument: nest IIF calls to test several conditions.",
              tokenSpan(extra),
            ),
          ),
        );
      });
    });
    this.OPTION2({
      GATE: () => isLogicalWord(this.LA(1)),
      DEF: () => {
        const word = this.CONSUME(t.Identifier);
        this.SUBRULE3(this.operandOrMissing, { ARGS: [word] });
        this.OPTION3(() => {
          const operatorToken = this.CONSUME2(t.ComparisonOperator);
          this.SUBRULE4(this.operandOrMissing, { ARGS: [operatorToken] });
        });
        this.ACTION(() =>
          this.report(
            diagnostic(
              "unsupported-operator",
              "error",
              `The language has no ${word.image.toUpperCase()} operator: nest IIF calls instead ` +
                `(AND: IIF(a, IIF(b, x, y), y); OR: IIF(a, x, IIF(b, x, y))).`,
              tokenSpan(word),
            ),
          ),
        );
      },
    });
    this.OPTION4(() => {
      const operatorToken = this.CONSUME(t.UnsupportedOperator);
      this.SUBRULE5(this.operandOrMissing, { ARGS: [operatorToken] });
      this.ACTION(() => this.report(unsupportedOperator(operatorToken)));
    });
    return result;
  });

  /** An operand where one is required (after an operator): reports and stands in an error node if absent. */
  private readonly operandOrMissing = this.RULE("operandOrMissing", (after: IToken): Expression => {
    let result: Expression | undefined;
    this.OPTION(() => {
      result = this.SUBRULE(this.operand);
    });
    return this.ACTION(() => {
      if (result) return result;
      const at = tokenEnd(after);
      this.report(
        diagnostic(
          "expected-operand",
          "error",
          `Expected a value after ${describeToken(after)}: an [attribute], a "string", a number or a function call.`,
          { start: after.startOffset, end: at },
        ),
      );
      return { kind: "error", span: { start: at, end: at } };
    }) as Expression;
  });

  private readonly operand = this.RULE("operand", (): Expression => {
    // The alternatives are built once and cached (Chevrotain's advice for OR in hot rules).
    this.operandAlternatives ??= [
      {
        ALT: () => {
          const name = this.CONSUME(t.Identifier);
          let call: Expression | undefined;
          this.OPTION(() => {
            call = this.SUBRULE(this.callArguments, { ARGS: [name] });
          });
          return this.ACTION(() => call ?? constantNode(name, this.report)) as Expression;
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(t.AttributeToken);
          return this.ACTION(() => attributeNode(token, this.report));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(t.StringToken);
          return this.ACTION(() => stringNode(token));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(t.NumberToken);
          return this.ACTION(() => numberNode(token, this.report));
        },
      },
    ];
    return this.OR(this.operandAlternatives);
  });

  /** `( arguments )` after a function name; tracks which positions are filled so empty ones are kept. */
  private readonly callArguments = this.RULE("callArguments", (name: IToken): Expression => {
    const open = this.CONSUME(t.LParen);
    const args: Argument[] = [];
    // Whether the current argument position already holds an expression, and whether any ','
    // was seen (so that `F()` has no arguments while `F(,)` has two empty ones).
    let positionFilled = false;
    let sawComma = false;
    this.OPTION(() => {
      const first = this.SUBRULE(this.expression);
      this.ACTION(() => {
        args.push(first);
        positionFilled = true;
      });
    });
    // Not cached in a field, unlike `operand`: the alternatives close over this call's argument list.
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const comma = this.CONSUME(t.Comma);
            this.ACTION(() => {
              if (!positionFilled) args.push(emptyAt(comma.startOffset));
              positionFilled = false;
              sawComma = true;
            });
            this.OPTION1(() => {
              const next = this.SUBRULE1(this.expression);
              this.ACTION(() => {
                args.push(next);
                positionFilled = true;
              });
            });
          },
        },
        {
          ALT: () => {
            const before = this.LA(1);
            const next = this.SUBRULE2(this.expression);
            this.ACTION(() => {
              if (positionFilled) {
                this.report(
                  diagnostic(
                    "missing-comma",
                    "error",
                    `Expected ',' or ')' before ${describeToken(before)}: separate arguments with a comma.`,
                    next.span,
                  ),
                );
              }
              args.push(next);
              positionFilled = true;
            });
          },
        },
        {
          ALT: () => {
            const stray = this.CONSUME(t.StrayToken);
            this.ACTION(() => this.report(strayToken(stray)));
          },
        },
      ]),
    );
    let close: IToken | undefined;
    this.OPTION2(() => {
      close = this.CONSUME(t.RParen);
    });
    return this.ACTION(() => {
      const endOfArguments = close ? close.startOffset : this.previousEnd();
      if (sawComma && !positionFilled) args.push(emptyAt(endOfArguments));
      if (!close) {
        this.report(
          diagnostic(
            "missing-close-paren",
            "error",
            `The call to ${abbreviate(name.image)} is missing its closing ')': add ')' after its last argument.`,
            { start: name.startOffset, end: tokenEnd(open) },
          ),
        );
      }
      return {
        kind: "call" as const,
        name: name.image,
        nameSpan: tokenSpan(name),
        arguments: args,
        span: { start: name.startOffset, end: close ? tokenEnd(close) : this.previousEnd() },
      };
    }) as Expression;
  });

  /** The offset just past the last consumed token. */
  private previousEnd(): number {
    const end = tokenEnd(this.LA(0));
    return Number.isFinite(end) ? end : 0;
  }

  /** Starts a parse of a new token vector. */
  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.problems = [];
  }
}

function emptyAt(offset: number): Argument {
  return { kind: "empty", span: { start: offset, end: offset } };
}

function isLogicalWord(token: IToken): boolean {
  if (token.tokenType !== t.Identifier) return false;
  const word = token.image.toLowerCase();
  return word === "and" || word === "or";
}

function unsupportedOperator(token: IToken): Diagnostic {
  const span: Span = tokenSpan(token);
  const image = token.image;
  const advice =
    image === "&" || image === "+"
      ? `to concatenate, use Join("", a, b) or Append(a, b)`
      : image === "&&" || image === "||" || image === "|" || image === "!"
        ? "for AND/OR/NOT, nest IIF calls or use Not(…)"
        : "the Entra language has no arithmetic; see the function reference";
  return diagnostic(
    "unsupported-operator",
    "error",
    `'${image}' is a Connect Sync operator, not part of the Entra language: ${advice}.`,
    span,
  );
}

function strayToken(token: IToken): Diagnostic {
  const span = tokenSpan(token);
  if (token.tokenType === t.LParen) {
    return diagnostic(
      "unexpected-token",
      "error",
      "Parentheses only follow a function name: remove this '(' (grouping is not supported).",
      span,
    );
  }
  if (token.tokenType === t.UnsupportedOperator) return unsupportedOperator(token);
  if (token.tokenType === t.StrayBracket) {
    return diagnostic(
      "unexpected-token",
      "error",
      "This ']' closes nothing: remove it or add '[' before the name.",
      span,
    );
  }
  return diagnostic(
    "unexpected-token",
    "error",
    `Unexpected ${describeToken(token)}: a comparison needs a value on its left, e.g. [a] = "x".`,
    span,
  );
}
