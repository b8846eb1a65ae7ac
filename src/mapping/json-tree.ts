import {
  type AnyNode,
  type DocumentNode,
  parse as parseJsonDocument,
  type ValueNode,
} from "@humanwhocodes/momoa";
import { type Diagnostic, diagnostic, LineIndex, type Span } from "../diagnostics/index.js";
import { type ConfigEntry, type ConfigNode, MAX_NESTING, type ReadDocument, tooDeep } from "./config-tree.js";
import { readValidJson } from "./json-fast-tree.js";
import { jsonSyntaxMessage } from "./json-messages.js";
import { short } from "./plain-data.js";

/**
 * Reads strict JSON (RFC 8259) into a {@link ConfigNode} tree with positions. Anything JSON does not
 * allow — trailing commas, comments, single quotes, unquoted text, raw control characters in strings,
 * repeated keys — is a `config-syntax` diagnostic saying what is wrong, and then there is no tree (JSON
 * has no error recovery worth trusting). A leading byte order mark is accepted.
 */
export function readJsonTree(text: string): ReadDocument {
  // Valid JSON (the usual case) takes the fast reader (json-fast-tree.ts), which gives the same tree;
  // anything else goes through momoa, for its positioned diagnostics.
  const valid = readValidJson(withoutBom(text));
  return valid !== undefined ? { root: valid, problems: [] } : readJsonTreeWithMomoa(text);
}

/** {@link readJsonTree} through momoa alone (the fast reader's reference in the tests). */
export function readJsonTreeWithMomoa(text: string): ReadDocument {
  const problems: Diagnostic[] = [];
  const body = withoutBom(text);
  const deep = firstTooDeepBracket(body);
  if (deep !== undefined) return { root: undefined, problems: [tooDeep({ start: deep, end: deep + 1 })] };
  let document: DocumentNode;
  try {
    document = parseJsonDocument(body, { mode: "json", ranges: true, allowTrailingCommas: false });
  } catch (error) {
    const { message, span } = jsonSyntaxMessage(body, error);
    return { root: undefined, problems: [diagnostic("config-syntax", "error", message, span)] };
  }
  const lines = new LazyLineIndex(text);
  const root = convert(document.body, body, problems, lines);
  return { root: problems.length > 0 ? undefined : root, problems };
}

/** The BOM becomes a space of the same length, so that every offset still points into the text. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** The offset of the first `[` or `{` that opens a level past {@link MAX_NESTING}, outside strings. */
function firstTooDeepBracket(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return undefined;
}

/** Converts momoa's tree; depth is bounded by the bracket scan, so recursion is safe. */
function convert(node: ValueNode, text: string, problems: Diagnostic[], lines: LazyLineIndex): ConfigNode {
  const span = spanOf(node);
  switch (node.type) {
    case "Object": {
      const entries: ConfigEntry[] = [];
      const seen = new Map<string, Span>();
      for (const member of node.members) {
        const keySpan = spanOf(member.name);
        const key = member.name.type === "String" ? member.name.value : member.name.name;
        checkString(text, keySpan, problems);
        const first = seen.get(key);
        if (first) {
          const at = lines.locate(first.start);
          problems.push(
            diagnostic(
              "config-syntax",
              "error",
              `The key ${JSON.stringify(short(key))} appears twice in this object (first at line ${at.line}, column ${at.column}); JSON keys must be unique, so remove one.`,
              keySpan,
            ),
          );
          continue;
        }
        seen.set(key, keySpan);
        entries.push({ key, keySpan, value: convert(member.value, text, problems, lines) });
      }
      return { kind: "map", span, entries };
    }
    case "Array":
      return {
        kind: "seq",
        span,
        items: node.elements.map((element) => convert(element.value, text, problems, lines)),
      };
    case "String":
      checkString(text, span, problems);
      return scalar(node.value, span, text);
    case "Number":
    case "Boolean":
      return scalar(node.value, span, text);
    case "Null":
      return scalar(null, span, text);
    default:
      // NaN and Infinity exist only in momoa's JSON5 mode.
      problems.push(diagnostic("config-syntax", "error", "JSON has no NaN or Infinity.", span));
      return scalar(null, span, text);
  }
}

function scalar(value: string | number | boolean | null, span: Span, text: string): ConfigNode {
  return {
    kind: "scalar",
    span,
    value,
    raw: text.slice(span.start, span.end),
    source: { format: "json" },
  };
}

/** Momoa accepts raw control characters inside strings; JSON does not. */
function checkString(text: string, span: Span, problems: Diagnostic[]): void {
  for (let i = span.start + 1; i < span.end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      i++;
      continue;
    }
    if (c < 0x20) {
      const name = CONTROL_NAMES[c] ?? `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
      const escapeText = CONTROL_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;
      problems.push(
        diagnostic(
          "config-syntax",
          "error",
          `A JSON string cannot hold a raw ${name}; write it as ${escapeText}${c === 10 ? " (or close the string before the line ends)" : ""}.`,
          { start: i, end: i + 1 },
        ),
      );
      return;
    }
  }
}

const CONTROL_NAMES: Record<number, string> = { 9: "tab", 10: "line break", 13: "carriage return" };
const CONTROL_ESCAPES: Record<number, string> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
};

function spanOf(node: AnyNode): Span {
  const [start, end] = node.range ?? [node.loc.start.offset, node.loc.end.offset];
  return { start, end };
}

/** A line index built only when a message needs a line number. */
class LazyLineIndex {
  private index: LineIndex | undefined;
  constructor(private readonly text: string) {}
  locate(offset: number) {
    this.index ??= new LineIndex(this.text);
    return this.index.locate(offset);
  }
}
