import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";

/**
 * Reads a YAML or JSON document node by node, reporting every type problem as a positioned
 * diagnostic instead of stopping at the first. JSON is read through the YAML parser (JSON is YAML 1.2)
 * so that both formats get the same node positions.
 */
export class ConfigReader {
  readonly problems: Diagnostic[] = [];
  readonly root: Node | null;
  private document: Document | undefined;

  constructor(readonly text: string) {
    let root: Node | null = null;
    try {
      const document = parseDocument(text, {
        uniqueKeys: true,
        prettyErrors: false,
        keepSourceTokens: false,
      });
      for (const error of document.errors) {
        this.report("config-syntax", `${firstLine(error.message)} Fix the syntax here.`, {
          start: error.pos[0],
          end: Math.max(error.pos[1], error.pos[0]),
        });
      }
      root = (document.contents as Node | null) ?? null;
      this.document = document;
    } catch (error) {
      this.report("config-syntax", `The file cannot be read: ${(error as Error).message}`, {
        start: 0,
        end: 0,
      });
    }
    this.root = root;
  }

  report(
    code: string,
    message: string,
    where: Span | Node | null | undefined,
    severity: Diagnostic["severity"] = "error",
  ): void {
    // The YAML parser may point one past the end of a truncated text; spans stay inside it.
    const { start, end } = spanOf(where);
    const limit = this.text.length;
    const clampedStart = Math.min(Math.max(0, start), limit);
    this.problems.push(
      diagnostic(code, severity, message, {
        start: clampedStart,
        end: Math.min(Math.max(clampedStart, end), limit),
      }),
    );
  }

  /** The node as a mapping, or a `config-type` error naming what was expected. */
  map(node: Node | null | undefined, what: string): YAMLMap | undefined {
    if (isMap(node)) return node;
    if (node !== undefined) this.report("config-type", `${what} must be an object (key: value pairs).`, node);
    return undefined;
  }

  seq(node: Node | null | undefined, what: string): YAMLSeq | undefined {
    if (isSeq(node)) return node;
    if (node !== undefined && !isNullScalar(node))
      this.report("config-type", `${what} must be a list.`, node);
    return undefined;
  }

  /** A string scalar; numbers and booleans are accepted as their text when `coerce` is set. */
  string(
    node: Node | null | undefined,
    what: string,
    options: { coerce?: boolean } = {},
  ): string | undefined {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node)) {
      if (typeof node.value === "string") return node.value;
      if (options.coerce && (typeof node.value === "number" || typeof node.value === "boolean"))
        return String(sourceText(this.text, node));
      if (node.value === null) return undefined;
    }
    this.report("config-type", `${what} must be a string.`, node);
    return undefined;
  }

  /** A string or null (`null` → null, missing → undefined). */
  nullableString(node: Node | null | undefined, what: string): string | null | undefined {
    if (isNullScalar(node)) return null;
    return this.string(node, what, { coerce: true });
  }

  integer(node: Node | null | undefined, what: string): number | undefined {
    if (node === undefined || node === null || isNullScalar(node)) return undefined;
    if (isScalar(node) && typeof node.value === "number" && Number.isInteger(node.value)) return node.value;
    this.report("config-type", `${what} must be a whole number.`, node);
    return undefined;
  }

  boolean(node: Node | null | undefined, what: string): boolean | undefined {
    if (node === undefined || node === null || isNullScalar(node)) return undefined;
    if (isScalar(node) && typeof node.value === "boolean") return node.value;
    this.report("config-type", `${what} must be true or false.`, node);
    return undefined;
  }

  /** A node as plain data (for properties kept as they are). */
  plain(node: Node | null | undefined): unknown {
    if (node === undefined || node === null) return null;
    try {
      // maxAliasCount stops "billion laughs" alias expansion in kept-as-is properties.
      return this.document ? node.toJS(this.document, { maxAliasCount: 100 }) : node.toJSON();
    } catch {
      this.report("config-type", "This value cannot be read as plain data (remove aliases).", node);
      return null;
    }
  }
}

/** The value of `key` in a mapping (undefined when absent). */
export function entry(map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key) return (pair.value as Node | null) ?? nullNode();
  }
  return undefined;
}

/** The keys of a mapping with their key nodes, in order. */
export function keysOf(map: YAMLMap): { key: string; node: Node; value: Node | null }[] {
  const keys: { key: string; node: Node; value: Node | null }[] = [];
  for (const pair of map.items) {
    if (isScalar(pair.key))
      keys.push({ key: String(pair.key.value), node: pair.key, value: (pair.value as Node | null) ?? null });
  }
  return keys;
}

export function isNullScalar(node: Node | null | undefined): boolean {
  return isScalar(node) && node.value === null;
}

export function spanOf(where: Span | Node | null | undefined): Span {
  if (!where) return { start: 0, end: 0 };
  if ("start" in where && "end" in where) return where as Span;
  const range = (where as Node).range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/**
 * For a string scalar, the offset in the text of each character of its value (plus one past the end),
 * so that an expression's diagnostics land on the right column. Undefined when the value cannot be
 * traced character by character (block scalars, line folding).
 */
export function valueOffsets(text: string, node: Node): number[] | undefined {
  if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
  const scalar = node as Scalar<string>;
  const [start, end] = node.range;
  const raw = text.slice(start, end);
  const offsets: number[] = [];
  if (scalar.type === "PLAIN") {
    if (raw !== scalar.value) return undefined;
    for (let i = 0; i <= raw.length; i++) offsets.push(start + i);
    return offsets;
  }
  if (scalar.type === "QUOTE_SINGLE") {
    for (let i = 1; i < raw.length - 1; i++) {
      offsets.push(start + i);
      if (raw[i] === "'" && raw[i + 1] === "'") i++;
    }
  } else if (scalar.type === "QUOTE_DOUBLE") {
    for (let i = 1; i < raw.length - 1; i++) {
      offsets.push(start + i);
      if (raw[i] === "\\") {
        const next = raw[i + 1];
        if (next === "u") i += 5;
        else if (next === "x") i += 3;
        else if (next === "U") i += 9;
        else i++;
      }
    }
  } else {
    return undefined;
  }
  offsets.push(start + raw.length - 1);
  // Multi-line quoted strings fold line breaks; then the count no longer matches the value.
  return offsets.length === scalar.value.length + 1 ? offsets : undefined;
}

function sourceText(text: string, node: Node): string {
  const range = node.range;
  return range ? text.slice(range[0], range[1]) : String((node as Scalar).value);
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return /[.:]$/.test(line) ? line : `${line}.`;
}

function nullNode(): Node {
  return parseDocument("null").contents as Node;
}
