import { type Diagnostic, diagnostic, ProvexError } from "../diagnostics/index.js";
import { isWritableAttributeName, MAX_INPUT_LENGTH } from "../lexer/index.js";
import type { Expression } from "./ast.js";
import { abbreviate } from "./nodes.js";
import { MAX_NESTING_DEPTH, type ParseResult, parse } from "./parse.js";
import { printFlat, quoteString } from "./printer.js";

/**
 * Microsoft Graph's `attributeMappingSource` (SPEC Part 2 §f): how the synchronization schema stores a
 * mapping's source. Function arguments are keyed by parameter name; omitted arguments are absent.
 */
export interface GraphMappingSource {
  type?: "Attribute" | "Constant" | "Function";
  name?: string | null;
  expression?: string | null;
  parameters?: GraphParameter[] | null;
}

export interface GraphParameter {
  key: string;
  value: GraphMappingSource;
}

/**
 * The Graph parameter keys of a function, by argument position. Positions from `repeatFrom` on repeat
 * as a group (Join: `["separator", "source"]` from 1; Switch: `[…, "key", "value"]` from 2).
 * Supplied by the function registry; `undefined` for a function it does not know.
 */
export type GraphParameterKeys = (
  functionName: string,
) => { keys: readonly string[]; repeatFrom?: number } | undefined;

/** How Graph stores a comparison (SPEC Part 1: a Function named by the operator, parameters left/right). */
const COMPARISON_KEYS = ["left", "right"] as const;
const COMPARISON_OPERATORS = new Set(["=", "<>", "<", "<=", ">", ">="]);

/**
 * Converts a tree (without `error` nodes) to Graph's `attributeMappingSource`. Each node's
 * `expression` is its one-line canonical text, as Graph's parser echoes it.
 */
export function toGraphSource(ast: Expression, keysOf: GraphParameterKeys): GraphMappingSource {
  switch (ast.kind) {
    case "attribute":
      return { type: "Attribute", name: ast.name, expression: printFlat(ast), parameters: [] };
    case "string":
      return { type: "Constant", name: ast.value, expression: printFlat(ast), parameters: [] };
    case "number":
      // Graph keeps numbers as constants named by their digits (SPEC §a.2).
      return { type: "Constant", name: ast.value.toString(), expression: printFlat(ast), parameters: [] };
    case "constant":
      return { type: "Constant", name: ast.name, expression: ast.name, parameters: [] };
    case "comparison":
      return {
        type: "Function",
        name: ast.operator,
        expression: printFlat(ast),
        parameters: [
          { key: COMPARISON_KEYS[0], value: toGraphSource(ast.left, keysOf) },
          { key: COMPARISON_KEYS[1], value: toGraphSource(ast.right, keysOf) },
        ],
      };
    case "call": {
      const parameters: GraphParameter[] = [];
      ast.arguments.forEach((argument, position) => {
        if (argument.kind === "empty") return;
        parameters.push({ key: keyAt(ast.name, position, keysOf), value: toGraphSource(argument, keysOf) });
      });
      return { type: "Function", name: ast.name, expression: printFlat(ast), parameters };
    }
    case "error":
      throw new ProvexError("syntax-error", "Cannot convert a tree with syntax errors to Graph JSON.", {
        span: ast.span,
      });
  }
}

function keyAt(functionName: string, position: number, keysOf: GraphParameterKeys): string {
  const signature = keysOf(functionName);
  if (!signature) return `arg${position + 1}`;
  const { keys, repeatFrom } = signature;
  if (position < keys.length) return keys[position]!;
  if (repeatFrom === undefined || repeatFrom >= keys.length) return `arg${position + 1}`;
  const group = keys.length - repeatFrom;
  return keys[repeatFrom + ((position - repeatFrom) % group)]!;
}

/** The result of {@link fromGraphSource}: the expression's text, as parsed. */
export interface GraphParseResult extends ParseResult {
  /** The expression text the tree was parsed from (the node's own `expression`, or rebuilt from the tree). */
  readonly text: string;
}

/**
 * Reads Graph's `attributeMappingSource` back into a tree. A node's `expression` text is trusted over
 * its `parameters` when present (SPEC Part 1); otherwise the text is rebuilt from the tree, placing each
 * parameter at its key's position so that omitted arguments come back as empty ones. Never throws:
 * malformed JSON shapes become diagnostics.
 */
export function fromGraphSource(source: unknown, keysOf: GraphParameterKeys): GraphParseResult {
  const reader: TreeReader = { keysOf, problems: [] };
  let text: string;
  try {
    text = graphSourceText(source, reader, "source", 0);
  } catch (error) {
    if (!(error instanceof TreeTooLarge)) throw error;
    reader.problems.push(error.diagnostic);
    text = '""';
  }
  const parsed = parse(text);
  return { text, ast: parsed.ast, diagnostics: [...reader.problems, ...parsed.diagnostics] };
}

/** What rebuilding the text of a tree needs: the key table and somewhere to put problems. */
interface TreeReader {
  readonly keysOf: GraphParameterKeys;
  readonly problems: Diagnostic[];
}

/** Stops rebuilding a tree that is too deep or whose text is too long to parse anyway. */
class TreeTooLarge extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Integers as Graph names them (SPEC §a.2): canonical digits only (what toGraphSource writes), so "0007" and "-0" stay text. */
const NUMBER_NAME = /^(?:0|-?[1-9][0-9]{0,18})$/;
/**
 * Bare constants a Constant node can stand for. True/False are not among them: Entra's booleans
 * normally travel as the strings "True"/"False" (SPEC Part 2, value model), which evaluate the same.
 */
const BARE_CONSTANTS = new Set(["vbTextCompare", "vbBinaryCompare", "UTF8", "Unicode", "ASCII"]);

/**
 * The text of a Constant node that has no `expression`: a number when its name is an integer's digits,
 * a bare constant when it names a compare mode or an encoding, otherwise a string literal.
 */
function constantText(name: string): string {
  if (NUMBER_NAME.test(name)) {
    const value = BigInt(name);
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return name;
  }
  return BARE_CONSTANTS.has(name) ? name : quoteString(name);
}

function graphSourceText(source: unknown, reader: TreeReader, path: string, depth: number): string {
  if (depth > MAX_NESTING_DEPTH) {
    throw new TreeTooLarge(
      invalidSource(
        `source is nested more than ${MAX_NESTING_DEPTH} calls deep (at ${path.slice(0, 80)}…); provex does not read deeper trees.`,
      ),
    );
  }
  if (typeof source !== "object" || source === null || Array.isArray(source)) {
    reader.problems.push(invalidSource(`${path} must be an object with type, name and parameters.`));
    return '""';
  }
  const node = source as GraphMappingSource;
  const text = nodeText(node, reader, path, depth);
  if (text.length > MAX_INPUT_LENGTH) {
    throw new TreeTooLarge(
      invalidSource(
        `The expression this source stands for is longer than ${MAX_INPUT_LENGTH} characters; provex does not read it.`,
      ),
    );
  }
  return text;
}

function nodeText(node: GraphMappingSource, reader: TreeReader, path: string, depth: number): string {
  if (typeof node.expression === "string" && node.expression.trim() !== "") return node.expression;
  const type = node.type ?? "Attribute"; // Graph's documented default
  const name = typeof node.name === "string" ? node.name : "";
  switch (type) {
    case "Attribute":
      if (name === "") reader.problems.push(invalidSource(`${path} is an Attribute without a name.`));
      else if (!isWritableAttributeName(name)) {
        reader.problems.push(
          invalidSource(
            `${path} names the attribute ${JSON.stringify(abbreviate(name))}, which cannot be written as [name] in an expression: its [ ] brackets or quotes do not pair up, or it holds a line break.`,
          ),
        );
      }
      return `[${name}]`;
    case "Constant":
      return constantText(name);
    case "Function":
      return functionText(name, node.parameters, reader, path, depth);
    default:
      reader.problems.push(
        invalidSource(`${path}.type must be Attribute, Constant or Function, not ${JSON.stringify(type)}.`),
      );
      return '""';
  }
}

function functionText(
  name: string,
  parameters: unknown,
  reader: TreeReader,
  path: string,
  depth: number,
): string {
  const list = Array.isArray(parameters) ? (parameters as unknown[]) : [];
  if (parameters != null && !Array.isArray(parameters))
    reader.problems.push(invalidSource(`${path}.parameters must be an array.`));
  const argumentText = (entry: unknown, index: number): { key: string; text: string } => {
    const pair = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<GraphParameter>;
    const key = typeof pair.key === "string" ? pair.key : "";
    return {
      key,
      text: graphSourceText(pair.value, reader, `${path}.parameters[${index}].value`, depth + 1),
    };
  };
  const args = list.map(argumentText);
  if (COMPARISON_OPERATORS.has(name)) {
    const left = args.find((a) => a.key === COMPARISON_KEYS[0]) ?? args[0];
    const right = args.find((a) => a.key === COMPARISON_KEYS[1]) ?? args[1];
    return `${left?.text ?? '""'} ${name} ${right?.text ?? '""'}`;
  }
  return `${name}(${placeArguments(name, args, reader.keysOf).join(", ")})`;
}

/** Puts keyed arguments back at their positions; gaps become empty arguments. Unknown keys follow in order. */
function placeArguments(
  name: string,
  args: { key: string; text: string }[],
  keysOf: GraphParameterKeys,
): string[] {
  const signature = keysOf(name);
  if (!signature) return args.map((a) => a.text);
  const { keys, repeatFrom } = signature;
  const fixed = repeatFrom ?? keys.length;
  const group = keys.slice(fixed);
  const positions: string[] = [];
  const occurrences = new Map<string, number>();
  const unplaced: string[] = [];
  for (const argument of args) {
    const key = argument.key.toLowerCase();
    const fixedIndex = keys.slice(0, fixed).findIndex((k) => k.toLowerCase() === key);
    const groupIndex = group.findIndex((k) => k.toLowerCase() === key);
    let position: number | undefined;
    if (fixedIndex >= 0 && positions[fixedIndex] === undefined) position = fixedIndex;
    else if (groupIndex >= 0) {
      const seen = occurrences.get(key) ?? 0;
      occurrences.set(key, seen + 1);
      position = fixed + seen * group.length + groupIndex;
    }
    if (position === undefined) unplaced.push(argument.text);
    else positions[position] = argument.text;
  }
  return [...Array.from(positions, (text) => text ?? ""), ...unplaced];
}

function invalidSource(message: string): Diagnostic {
  return diagnostic("invalid-graph-source", "error", message, { start: 0, end: 0 });
}
