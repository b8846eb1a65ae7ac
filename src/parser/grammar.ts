import { EmbeddedActionsParser, type IOrAlt, type IToken } from "chevrotain";
import type { Diagnostic } from "../diagnostics/index.js";
import * as t from "../lexer/tokens.js";
import type { Argument, Expression } from "./ast.js";
import {
  chainedComparison,
  expectedOperand,
  isLogicalWord,
  logicalWord,
  missingCloseParen,
  missingComma,
  strayToken,
  unsupportedOperator,
} from "./grammar-diagnostics.js";
import {
  COMMA,
  LPAREN,
  OPERAND_ATTRIBUTE,
  OPERAND_NAME,
  OPERAND_NUMBER,
  OPERAND_START,
  OPERAND_STRING,
  RPAREN,
  STRAY,
  TAIL_START,
} from "./grammar-tables.js";
import {
  attributeNode,
  comparisonOperator,
  constantNode,
  numberNode,
  stringNode,
  tokenEnd,
  tokenSpan,
} from "./nodes.js";

/** The argument list of the call being parsed: what each callback of the argument list updates. */
interface ArgumentList {
  readonly args: Argument[];
  /** Whether the current argument position already holds an expression. */
  positionFilled: boolean;
  /** Whether any ',' was seen, so that `F()` has no arguments while `F(,)` has two empty ones. */
  sawComma: boolean;
}

/** What follows an operand in a comparison: the operator and the right operand (or an error node). */
interface ComparisonTail {
  readonly operator: IToken;
  readonly right: Expression;
}

/**
 * The Entra mapping grammar (SPEC Part 2 §a.4) as a Chevrotain parser with embedded actions.
 *
 *   expression := operand ( compOp operand )?
 *   operand    := Identifier ( "(" arguments ")" )? | [attribute] | "string" | number
 *   arguments  := expression? ( "," expression? )*
 *
 * The grammar is deliberately forgiving: a missing ')' or ',', a stray token, a chained comparison or a
 * Connect-only operator is reported as a diagnostic and parsing goes on, so that a half-typed expression
 * still yields a tree for the editor.
 *
 * Two instances run it (parse.ts). The recovering one has Chevrotain's error recovery on and takes
 * every decision through the DSL. The fast one, used first, has recovery off and `shortcuts` on: where
 * the next one or two tokens settle an OPTION, OR or MANY, it decides by a table lookup
 * (grammar-tables.ts) and calls the chosen branch itself, and it parses a one-token argument in place
 * instead of through the `expression` rule — Chevrotain's guide advises in-lining what parses a single
 * terminal. The grammar Chevrotain records and analyses is the same for both (shortcuts are off while
 * recording), and test/unit/parser-fast-path.test.ts holds the fast instance to the recovering one's
 * results; test/unit/parser-oracle.test.ts holds both to what the parser gave before this design.
 *
 * Following the guide throughout: every callback handed to the DSL is a field created once with the
 * parser, never a closure per rule invocation; state travels in return values or in the `lists` stack;
 * lookahead is LL(1); semantic actions test `RECORDING_PHASE` instead of wrapping a closure in ACTION.
 */
export class ExpressionGrammar extends EmbeddedActionsParser {
  /** Diagnostics reported by the grammar's actions during the current parse. */
  problems: Diagnostic[] = [];
  /** The argument lists of the calls being parsed, innermost last. */
  private lists: ArgumentList[] = [];
  /** Table-driven decisions instead of DSL calls (the fast instance, once the grammar is recorded). */
  private shortcuts = false;

  /**
   * `recovery`: Chevrotain's error recovery on (and shortcuts off), or off (and shortcuts on).
   * `validate`: run Chevrotain's grammar validations (ambiguities, left recursion …) while building.
   * They cost about a third of building a parser and the grammar is fixed, so parse.ts skips them, as
   * Chevrotain's documentation advises for production, and test/unit/parser-fast-path.test.ts runs them.
   */
  constructor(options: { readonly recovery: boolean; readonly validate?: boolean }) {
    super(t.allTokens, {
      recoveryEnabled: options.recovery,
      maxLookahead: 1,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
    this.shortcuts = !options.recovery;
  }

  /** Parses a token vector; `problems` and `errors` then hold what it found. */
  parseTokens(tokens: IToken[]): Expression | undefined {
    this.input = tokens;
    this.problems = [];
    this.lists = [];
    return this.root();
  }

  /** The whole input: one expression, or nothing (reported by the caller). */
  readonly root = this.RULE("root", (): Expression | undefined => {
    if (!this.shortcuts) return this.OPTION(this.rootExpression);
    return OPERAND_START[this.LA(1).tokenTypeIdx] ? this.rootExpression() : undefined;
  });

  private readonly rootExpression = (): Expression =>
    (this.shortcuts ? this.leafExpression() : undefined) ?? this.SUBRULE(this.expression);

  private readonly expression = this.RULE("expression", (): Expression => {
    const left = this.shortcuts ? this.operandByTable() : this.OR1(this.leadingOperand);
    // Almost every operand is followed by ',' or ')', where no tail can start: one test of the next
    // token then skips the three tails' lookahead (and the closure Chevrotain makes for a GATE).
    if (this.shortcuts && !TAIL_START[this.LA(1).tokenTypeIdx]) return left;
    const comparison = this.OPTION3(this.comparisonTail);
    this.OPTION6(this.logicalWordTail);
    this.OPTION8(this.unsupportedOperatorTail);
    if (this.RECORDING_PHASE || comparison === undefined) return left;
    const { operator, right } = comparison;
    return {
      kind: "comparison",
      operator: comparisonOperator(operator),
      operatorSpan: tokenSpan(operator),
      left,
      right,
      span: { start: left.span.start, end: Math.max(right.span.end, tokenEnd(operator)) },
    };
  });

  // The leading operand of `expression`, as alternatives built once (Chevrotain's advice for OR in hot
  // rules). Occurrence indices (CONSUME3, OPTION5 …) are chosen apart from those of the argument list,
  // which runs inside `expression` too.
  private readonly leadingOperand: IOrAlt<Expression>[] = [
    { ALT: () => this.nameOrCall(this.CONSUME3(t.Identifier), this.OPTION5(this.argumentList)) },
    { ALT: () => this.attributeOf(this.CONSUME(t.AttributeToken)) },
    { ALT: () => this.stringOf(this.CONSUME(t.StringToken)) },
    { ALT: () => this.numberOf(this.CONSUME(t.NumberToken)) },
  ];

  /** The OR of `leadingOperand`, decided by the first token's kind (the fast instance). */
  private operandByTable(): Expression {
    switch (OPERAND_START[this.LA(1).tokenTypeIdx]) {
      case OPERAND_NAME: {
        const name = this.CONSUME3(t.Identifier);
        return this.LA(1).tokenTypeIdx === LPAREN ? this.argumentList() : constantNode(name, this.report);
      }
      case OPERAND_ATTRIBUTE:
        return attributeNode(this.CONSUME(t.AttributeToken), this.report);
      case OPERAND_STRING:
        return stringNode(this.CONSUME(t.StringToken));
      case OPERAND_NUMBER:
        return numberNode(this.CONSUME(t.NumberToken), this.report);
      default:
        // Unreachable (callers check the first token); the DSL raises the proper error if it is not.
        return this.OR1(this.leadingOperand);
    }
  }

  /**
   * An expression that is one token — `[a]`, `"x"`, `1`, `True` — with nothing after it that could
   * extend it (an operator, or '(' after a name): built where it stands, exactly as `expression` would
   * build it. Undefined when the next tokens are anything else (then `expression` runs).
   */
  private leafExpression(): Expression | undefined {
    const after = this.LA(2).tokenTypeIdx;
    if (TAIL_START[after]) return undefined;
    switch (OPERAND_START[this.LA(1).tokenTypeIdx]) {
      case OPERAND_ATTRIBUTE:
        return attributeNode(this.CONSUME9(t.AttributeToken), this.report);
      case OPERAND_STRING:
        return stringNode(this.CONSUME9(t.StringToken));
      case OPERAND_NUMBER:
        return numberNode(this.CONSUME9(t.NumberToken), this.report);
      case OPERAND_NAME:
        return after === LPAREN ? undefined : constantNode(this.CONSUME9(t.Identifier), this.report);
      default:
        return undefined;
    }
  }

  private readonly comparisonTail = (): ComparisonTail => {
    const operator = this.CONSUME(t.ComparisonOperator);
    const right = (this.shortcuts ? this.leafOperand() : undefined) ?? this.SUBRULE1(this.operandOrMissing);
    this.OPTION4(this.chainedComparisonTail);
    return { operator, right };
  };

  /** A one-token operand after an operator, where no tail can follow (the fast instance). */
  private leafOperand(): Expression | undefined {
    switch (OPERAND_START[this.LA(1).tokenTypeIdx]) {
      case OPERAND_ATTRIBUTE:
        return attributeNode(this.CONSUME8(t.AttributeToken), this.report);
      case OPERAND_STRING:
        return stringNode(this.CONSUME8(t.StringToken));
      case OPERAND_NUMBER:
        return numberNode(this.CONSUME8(t.NumberToken), this.report);
      case OPERAND_NAME:
        return this.LA(2).tokenTypeIdx === LPAREN
          ? undefined
          : constantNode(this.CONSUME8(t.Identifier), this.report);
      default:
        return undefined;
    }
  }

  private readonly chainedComparisonTail = (): void => {
    const extra = this.CONSUME1(t.ComparisonOperator);
    this.SUBRULE2(this.operandOrMissing);
    if (!this.RECORDING_PHASE) this.problems.push(chainedComparison(extra));
  };

  private readonly logicalWordTail = {
    GATE: (): boolean => isLogicalWord(this.LA(1)),
    DEF: (): void => {
      const word = this.CONSUME(t.Identifier);
      this.SUBRULE3(this.operandOrMissing);
      this.OPTION7(this.logicalWordComparison);
      if (!this.RECORDING_PHASE) this.problems.push(logicalWord(word));
    },
  };

  private readonly logicalWordComparison = (): void => {
    this.CONSUME2(t.ComparisonOperator);
    this.SUBRULE4(this.operandOrMissing);
  };

  private readonly unsupportedOperatorTail = (): void => {
    const operator = this.CONSUME(t.UnsupportedOperator);
    this.SUBRULE5(this.operandOrMissing);
    if (!this.RECORDING_PHASE) this.problems.push(unsupportedOperator(operator));
  };

  /**
   * An operand where one is required (after an operator, which is the token just consumed): reports
   * and stands in an error node if absent.
   */
  private readonly operandOrMissing = this.RULE("operandOrMissing", (): Expression => {
    const after = this.LA(0);
    const result = this.OPTION(this.operandAfterOperator);
    if (this.RECORDING_PHASE || result !== undefined) return result as Expression;
    this.problems.push(expectedOperand(after));
    const at = tokenEnd(after);
    return { kind: "error", span: { start: at, end: at } };
  });

  private readonly operandAfterOperator = (): Expression => this.SUBRULE(this.operand);

  /** An operand on its own (after an operator); `expression` reads its leading operand itself. */
  private readonly operand = this.RULE("operand", (): Expression => this.OR(this.operandAlone));

  private readonly operandAlone: IOrAlt<Expression>[] = [
    { ALT: () => this.nameOrCall(this.CONSUME(t.Identifier), this.OPTION(this.callArgumentsRule)) },
    { ALT: () => this.attributeOf(this.CONSUME(t.AttributeToken)) },
    { ALT: () => this.stringOf(this.CONSUME(t.StringToken)) },
    { ALT: () => this.numberOf(this.CONSUME(t.NumberToken)) },
  ];

  private readonly callArgumentsRule = (): Expression => this.SUBRULE(this.callArguments);

  private nameOrCall(name: IToken, call: Expression | undefined): Expression {
    if (this.RECORDING_PHASE || call !== undefined) return call as Expression;
    return constantNode(name, this.report);
  }

  private attributeOf(token: IToken): Expression {
    return this.RECORDING_PHASE ? (undefined as never) : attributeNode(token, this.report);
  }

  private stringOf(token: IToken): Expression {
    return this.RECORDING_PHASE ? (undefined as never) : stringNode(token);
  }

  private numberOf(token: IToken): Expression {
    return this.RECORDING_PHASE ? (undefined as never) : numberNode(token, this.report);
  }

  private readonly report = (problem: Diagnostic): void => {
    this.problems.push(problem);
  };

  /**
   * `( arguments )` after the function name just consumed; tracks which positions are filled so that
   * empty ones are kept. `expression` runs it in place (one rule invocation less per call), the
   * `operand` rule through the `callArguments` rule.
   */
  private readonly argumentList = (): Expression => {
    const name = this.LA(0);
    const open = this.CONSUME(t.LParen);
    const list: ArgumentList = { args: [], positionFilled: false, sawComma: false };
    this.lists.push(list);
    let close: IToken | undefined;
    try {
      if (this.shortcuts) close = this.argumentsByTable();
      else {
        this.OPTION(this.firstArgument);
        this.MANY(this.nextArgumentItem);
        close = this.OPTION2(this.closingParen);
      }
    } finally {
      this.lists.pop();
    }
    if (this.RECORDING_PHASE) return undefined as never;
    const { args } = list;
    const endOfArguments = close ? close.startOffset : this.previousEnd();
    if (list.sawComma && !list.positionFilled) args.push(emptyAt(endOfArguments));
    if (!close) this.problems.push(missingCloseParen(name, open));
    return {
      kind: "call",
      name: name.image,
      nameSpan: tokenSpan(name),
      arguments: args,
      span: { start: name.startOffset, end: close ? tokenEnd(close) : this.previousEnd() },
    };
  };

  private readonly callArguments = this.RULE("callArguments", this.argumentList);

  /**
   * OPTION(firstArgument) MANY(OR(argumentItem)) OPTION2(closingParen), decided by table: MANY repeats
   * while the next token selects one of the OR's alternatives (a comma, an expression's first token, a
   * stray token), and each alternative consumes at least one token.
   */
  private argumentsByTable(): IToken | undefined {
    if (OPERAND_START[this.LA(1).tokenTypeIdx]) this.firstArgument();
    for (;;) {
      const next = this.LA(1).tokenTypeIdx;
      if (next === COMMA) this.commaItem();
      else if (OPERAND_START[next]) this.missingCommaItem();
      else if (STRAY[next]) this.strayItem();
      else break;
    }
    return this.LA(1).tokenTypeIdx === RPAREN ? this.closingParen() : undefined;
  }

  private currentList(): ArgumentList {
    return this.lists[this.lists.length - 1] as ArgumentList;
  }

  private readonly firstArgument = (): void => {
    const first = (this.shortcuts ? this.leafExpression() : undefined) ?? this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return;
    const list = this.currentList();
    list.args.push(first);
    list.positionFilled = true;
  };

  private readonly nextArgumentItem = (): void => {
    this.OR(this.argumentItem);
  };

  private readonly commaItem = (): void => {
    const comma = this.CONSUME(t.Comma);
    if (!this.RECORDING_PHASE) {
      const list = this.currentList();
      if (!list.positionFilled) list.args.push(emptyAt(comma.startOffset));
      list.positionFilled = false;
      list.sawComma = true;
    }
    if (!this.shortcuts) this.OPTION1(this.argumentAfterComma);
    else if (OPERAND_START[this.LA(1).tokenTypeIdx]) this.argumentAfterComma();
  };

  /** An expression right after another, where a ',' is missing: reported, and kept as the next argument. */
  private readonly missingCommaItem = (): void => {
    const before = this.LA(1);
    const next = this.SUBRULE2(this.expression);
    if (this.RECORDING_PHASE) return;
    const list = this.currentList();
    if (list.positionFilled) this.problems.push(missingComma(before, next.span));
    list.args.push(next);
    list.positionFilled = true;
  };

  private readonly strayItem = (): void => {
    const stray = this.CONSUME(t.StrayToken);
    if (!this.RECORDING_PHASE) this.problems.push(strayToken(stray));
  };

  private readonly argumentItem: IOrAlt<void>[] = [
    { ALT: this.commaItem },
    { ALT: this.missingCommaItem },
    { ALT: this.strayItem },
  ];

  private readonly argumentAfterComma = (): void => {
    const next = (this.shortcuts ? this.leafExpression() : undefined) ?? this.SUBRULE1(this.expression);
    if (this.RECORDING_PHASE) return;
    const list = this.currentList();
    list.args.push(next);
    list.positionFilled = true;
  };

  private readonly closingParen = (): IToken => this.CONSUME(t.RParen);

  /** The offset just past the last consumed token. */
  private previousEnd(): number {
    const end = tokenEnd(this.LA(0));
    return Number.isFinite(end) ? end : 0;
  }
}

function emptyAt(offset: number): Argument {
  return { kind: "empty", span: { start: offset, end: offset } };
}
