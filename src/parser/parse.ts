import type { IRecognitionException } from "chevrotain";
import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";
import { MAX_INPUT_LENGTH } from "../lexer/index.js";
import { tokenizeForParser } from "../lexer/lexer.js";
import type { Expression } from "./ast.js";
import { ExpressionGrammar } from "./grammar.js";
import { describeToken, tokenSpan } from "./nodes.js";

/** The result of {@link parse}: a tree (partial when there are errors) and every problem found. */
export interface ParseResult {
  /** The expression's tree. With syntax errors it is partial and may contain `error` nodes. */
  readonly ast: Expression;
  /** Lexer and parser diagnostics, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Entra rejects mapping expressions longer than this (SPEC Part 2 §a.6). */
export const MAX_EXPRESSION_LENGTH = 10_000;
/**
 * Calls nested deeper than this are refused before parsing, so that no input can overflow the stack.
 * SPEC leaves the figure open; measured on Node 20, Chevrotain's recursive descent overflows the default
 * stack at about 130 nested `IIF([a] = F(…), …)` levels before the JIT warms up. Real mappings nest
 * fewer than 20 calls.
 */
export const MAX_NESTING_DEPTH = 100;

// One parser of each kind for the process, built on first use: building one (Chevrotain's grammar
// analysis) costs far more than a parse, and a command that never parses should not pay for it.
// The fast one has Chevrotain's recovery off: on text it parses without a recognition error it builds
// exactly the tree the recovering one would, without recovery's bookkeeping. Text with such an error is
// parsed again by the recovering one, whose result is the answer.
let fastGrammar: ExpressionGrammar | undefined;
let recoveringGrammar: ExpressionGrammar | undefined;

/**
 * Parses a mapping expression such as `Join(".", [givenName], [surname])`.
 *
 * Never throws, whatever the input: syntax errors come back as diagnostics with stable codes
 * (`unterminated-string`, `missing-close-paren`, `unexpected-token`, `unknown-constant`, …) and spans,
 * and the tree is as complete as the text allows, so that an editor can work on half-typed input.
 *
 * @example
 * const { ast, diagnostics } = parse('Left([givenName], 1)');
 * // ast.kind === "call", ast.name === "Left", diagnostics.length === 0
 */
export function parse(text: string): ParseResult {
  const lexed = tokenizeForParser(text, MAX_NESTING_DEPTH);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  // Refused before lexing: that one diagnostic says everything (no length warning on top of it).
  if (text.length > MAX_INPUT_LENGTH) return finish(wholeTextError(text), diagnostics);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    diagnostics.push(
      diagnostic(
        "expression-too-long",
        "warning",
        `This expression has ${text.length} characters; Entra accepts at most ${MAX_EXPRESSION_LENGTH}. Shorten it or split the logic over several mappings.`,
        { start: MAX_EXPRESSION_LENGTH, end: text.length },
      ),
    );
  }
  const tooDeep = lexed.tooDeep;
  if (tooDeep) {
    diagnostics.push(nestingTooDeep(tokenSpan(tooDeep)));
    return finish(wholeTextError(text), diagnostics);
  }

  let grammar: ExpressionGrammar;
  let ast: Expression | undefined;
  // Read once: Chevrotain's `errors` getter returns a copy.
  let errors: IRecognitionException[];
  try {
    fastGrammar ??= new ExpressionGrammar({ recovery: false });
    grammar = fastGrammar;
    ast = grammar.parseTokens(lexed.tokens);
    errors = grammar.errors;
    if (errors.length > 0) {
      recoveringGrammar ??= new ExpressionGrammar({ recovery: true });
      grammar = recoveringGrammar;
      ast = grammar.parseTokens(lexed.tokens);
      errors = grammar.errors;
    }
  } catch (error) {
    // Only a stack overflow can escape the grammar (the nesting limit makes it unlikely, but the
    // caller's own stack depth is unknown). Drop the parsers: their internal state is unreliable now.
    if (!(error instanceof RangeError)) throw error;
    fastGrammar = undefined;
    recoveringGrammar = undefined;
    diagnostics.push(nestingTooDeep({ start: 0, end: text.length }));
    return finish(wholeTextError(text), diagnostics);
  }
  // A loop, not push(...problems): a hostile text can hold more problems than a call has arguments.
  for (const problem of grammar.problems) diagnostics.push(problem);
  for (const error of errors) diagnostics.push(recognitionDiagnostic(error, text.length));
  if (ast === undefined) {
    if (!diagnostics.some((d) => d.severity === "error")) {
      diagnostics.push(
        diagnostic(
          "empty-expression",
          "error",
          'The expression is empty: write a function call, an [attribute], or "" to send no value.',
          { start: 0, end: text.length },
        ),
      );
    }
    return finish(wholeTextError(text), diagnostics);
  }
  return finish(ast, diagnostics);
}

function wholeTextError(text: string): Expression {
  return { kind: "error", span: { start: 0, end: text.length } };
}

function nestingTooDeep(span: Span): Diagnostic {
  return diagnostic(
    "nesting-too-deep",
    "error",
    `Calls are nested more than ${MAX_NESTING_DEPTH} deep here; provex does not parse deeper nesting. Simplify the expression.`,
    span,
  );
}

function finish(ast: Expression, diagnostics: Diagnostic[]): ParseResult {
  if (diagnostics.length > 1)
    diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ast, diagnostics };
}

/** Chevrotain's own errors (chiefly input left over after a complete expression). */
function recognitionDiagnostic(error: IRecognitionException, textLength: number): Diagnostic {
  const token = error.token;
  // Chevrotain 11 gives the end-of-input token NaN offsets (STACK.md).
  const start = Number.isFinite(token.startOffset) ? token.startOffset : textLength;
  const span = { start, end: Number.isFinite(token.startOffset) ? start + token.image.length : textLength };
  if (error.name === "NotAllInputParsedException") {
    const advice =
      token.image === ")"
        ? "remove this ')' (it closes nothing)"
        : token.image === ","
          ? "a comma only separates a function's arguments"
          : "an expression is a single value; combine values with a function such as Join";
    return diagnostic(
      "unexpected-token",
      "error",
      `Unexpected ${describeToken(token)} after the end of the expression: ${advice}.`,
      span,
    );
  }
  return diagnostic("unexpected-token", "error", `Unexpected ${describeToken(token)}.`, span);
}
