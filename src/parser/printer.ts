import { hasErrors, ProvexError } from "../diagnostics/index.js";
import type { Argument, Expression } from "./ast.js";
import { parse } from "./parse.js";

/** Options of the canonical printer. */
export interface FormatOptions {
  /** Lines longer than this are broken at a call's arguments (default 100). */
  readonly width?: number;
  /** One level of indentation (default two spaces). */
  readonly indent?: string;
}

const DEFAULT_WIDTH = 100;
const DEFAULT_INDENT = "  ";

/**
 * Prints an expression in canonical form: one space after each comma, empty arguments kept
 * (`Replace([x], , "a", , "b", , )`), strings re-escaped (`\\`, `\"`), and calls that do not fit in
 * `width` broken over lines, one argument per line, indented.
 *
 * Throws a `ProvexError` (code `syntax-error`, with every problem in `diagnostics`) when the text does not
 * parse, rather than printing a partial tree and losing what the user wrote.
 *
 * @example
 * format('Join(".",[givenName],[surname])') // 'Join(".", [givenName], [surname])'
 */
export function format(text: string, options: FormatOptions = {}): string {
  const { ast, diagnostics } = parse(text);
  if (hasErrors(diagnostics)) {
    const first = diagnostics.find((d) => d.severity === "error");
    throw new ProvexError(
      "syntax-error",
      `Cannot format an expression with syntax errors: ${first?.message}`,
      {
        span: first?.span,
        diagnostics,
      },
    );
  }
  return print(ast, options);
}

/** Prints a tree (without `error` nodes) in canonical form; see {@link format}. */
export function print(ast: Expression, options: FormatOptions = {}): string {
  const layout = { width: options.width ?? DEFAULT_WIDTH, indent: options.indent ?? DEFAULT_INDENT };
  return printNode(ast, 0, 0, layout);
}

/** Prints on one line, never breaking. Also the form Graph's `expression` fields use. */
export function printFlat(node: Argument): string {
  switch (node.kind) {
    case "call":
      return `${node.name}(${node.arguments.map(printFlat).join(", ")})`;
    case "attribute":
      return `[${node.name}]`;
    case "string":
      return quoteString(node.value);
    case "number":
      return node.radix === 16 ? `&H${node.value.toString(16).toUpperCase()}` : node.value.toString();
    case "constant":
      return node.name;
    case "comparison":
      return `${printFlat(node.left)} ${node.operator} ${printFlat(node.right)}`;
    case "empty":
      return "";
    case "error":
      throw new ProvexError("syntax-error", "Cannot print a tree that contains syntax errors.", {
        span: node.span,
      });
  }
}

/** A string literal for `value`: backslashes and quotes escaped, everything else as is. */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

interface Layout {
  readonly width: number;
  readonly indent: string;
}

/**
 * Prints `node` starting at `column`, inside a block indented `depth` levels; `reserve` counts the
 * characters that will follow it on its last line (a comma).
 */
function printNode(node: Argument, column: number, depth: number, layout: Layout, reserve = 0): string {
  const flat = printFlat(node);
  if (column + flat.length + reserve <= layout.width || !containsCall(node)) return flat;
  if (node.kind === "comparison") {
    const left = printNode(node.left, column, depth, layout);
    const operator = ` ${node.operator} `;
    const rightColumn = lastLineLength(left, column) + operator.length;
    return left + operator + printNode(node.right, rightColumn, depth, layout, reserve);
  }
  if (node.kind !== "call" || node.arguments.length === 0) return flat;
  return `${node.name}(\n${breakArguments(node.arguments, depth + 1, layout)}\n${layout.indent.repeat(depth)})`;
}

/**
 * One line per argument. An empty argument stays on the line before it (`"b", , ,`) so that a call with
 * omitted trailing parameters reads as it would on one line instead of ending in blank lines.
 */
function breakArguments(args: readonly Argument[], depth: number, layout: Layout): string {
  const inner = layout.indent.repeat(depth);
  const lines: string[] = [];
  args.forEach((argument, index) => {
    const separator = index < args.length - 1 ? "," : "";
    if (argument.kind === "empty" && lines.length > 0) {
      lines[lines.length - 1] += ` ${separator}`;
    } else {
      lines.push(`${inner}${printNode(argument, inner.length, depth, layout, separator.length)}${separator}`);
    }
  });
  return lines.map((line) => line.trimEnd()).join("\n");
}

function containsCall(node: Argument): boolean {
  return (
    node.kind === "call" ||
    (node.kind === "comparison" && (containsCall(node.left) || containsCall(node.right)))
  );
}

function lastLineLength(text: string, startColumn: number): number {
  const newline = text.lastIndexOf("\n");
  return newline < 0 ? startColumn + text.length : text.length - newline - 1;
}
