import type { Span } from "../diagnostics/index.js";

/**
 * The typed syntax tree of a mapping expression. Every node carries the half-open UTF-16 `span` of the
 * source text it came from. A tree produced from text with syntax errors may contain `error` nodes
 * where something was missing; a tree without error diagnostics never does.
 */
export type Expression =
  | CallExpression
  | AttributeReference
  | StringLiteral
  | NumberLiteral
  | ConstantReference
  | Comparison
  | ErrorNode;

/** An argument position of a call: an expression, or nothing between two commas. */
export type Argument = Expression | EmptyArgument;

/** `Name(arg, arg, …)`. `name` is as written; resolving it against the registry is the checker's job. */
export interface CallExpression {
  readonly kind: "call";
  readonly name: string;
  readonly nameSpan: Span;
  readonly arguments: readonly Argument[];
  readonly span: Span;
}

/** `[name]`: everything between the brackets, case and spaces kept. */
export interface AttributeReference {
  readonly kind: "attribute";
  readonly name: string;
  readonly span: Span;
}

/** `"text"` with its escapes (`\\`, `\"`) resolved into `value`. */
export interface StringLiteral {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

/** A decimal (`-12`) or VBA hex (`&HF7`) integer, exact to 64 bits. */
export interface NumberLiteral {
  readonly kind: "number";
  readonly value: bigint;
  readonly radix: 10 | 16;
  readonly span: Span;
}

/** A bare constant such as `True` or `vbTextCompare`, stored in its canonical spelling. */
export interface ConstantReference {
  readonly kind: "constant";
  readonly name: string;
  readonly span: Span;
}

export type ComparisonOperator = "=" | "<>" | "<" | "<=" | ">" | ">=";

/** `left op right`: one comparison, allowed as any argument (SPEC Part 1, lexical rules). */
export interface Comparison {
  readonly kind: "comparison";
  readonly operator: ComparisonOperator;
  readonly operatorSpan: Span;
  readonly left: Expression;
  readonly right: Expression;
  readonly span: Span;
}

/** An empty positional argument, as in `Replace([x], , "re", , "", , )`; its span is empty. */
export interface EmptyArgument {
  readonly kind: "empty";
  readonly span: Span;
}

/** Stands where the parser expected an expression and found none (only in trees with errors). */
export interface ErrorNode {
  readonly kind: "error";
  readonly span: Span;
}

export type Node = Expression | EmptyArgument;
