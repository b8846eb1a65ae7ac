import type { Span } from "../diagnostics/index.js";
import { type ConfigEntry, type ConfigNode, MAX_NESTING } from "./config-tree.js";

/**
 * One JSON token after optional JSON whitespace (space, tab, LF, CR): a string (group 1: its body, only
 * the characters and escapes RFC 8259 allows, so a raw control character is no match), a number (group
 * 2, RFC 8259's grammar), a literal (group 3) or a structural character (group 4). Sticky: it matches at
 * `lastIndex` or not at all.
 */
const TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings exclude exactly U+0000–U+001F.
  /[ \t\n\r]*(?:"((?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)|(true|false|null)|([{}[\],:]))/y;
const TRAILING = /[ \t\n\r]*/y;

/** Thrown inside the reader when the text is not a plain, valid JSON document; caught by readValidJson. */
class NotFastPath extends Error {}

/**
 * Reads a JSON text that is valid and free of everything the strict reader reports (repeated keys,
 * raw control characters, anything RFC 8259 does not allow) into the tree that reader would give;
 * returns undefined for any other text, which then goes through the strict reader (momoa) for its
 * positioned diagnostics. This is the common case made cheap: the per-character work is done by one
 * sticky regular expression (native code) instead of a tokenizer in JavaScript, which at start-up runs
 * cold — about 8 ms of CPU instead of about 50 for the 44 KB shared Entra export (`provex lint` on one
 * file pays this once). A document nested past {@link MAX_NESTING} is left to the strict reader too.
 */
export function readValidJson(text: string): ConfigNode | undefined {
  const reader = new FastReader(text);
  try {
    const root = reader.value(reader.next());
    TRAILING.lastIndex = reader.position;
    TRAILING.exec(text);
    return TRAILING.lastIndex === text.length ? root : undefined;
  } catch (error) {
    if (error instanceof NotFastPath) return undefined;
    throw error;
  }
}

class FastReader {
  position = 0;
  /** Where the current token starts (after its leading whitespace). */
  private start = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  next(): RegExpExecArray {
    TOKEN.lastIndex = this.position;
    const match = TOKEN.exec(this.text);
    if (match === null) throw new NotFastPath();
    this.position = TOKEN.lastIndex;
    this.start = this.position - match[0].length + leadingWhitespace(match[0]);
    return match;
  }

  value(token: RegExpExecArray): ConfigNode {
    const start = this.start;
    const [, string, number, literal, structural] = token;
    if (string !== undefined) return this.scalar(this.stringValue(string, start), start);
    if (number !== undefined) return this.scalar(Number(number), start);
    if (literal !== undefined) return this.scalar(literal === "null" ? null : literal === "true", start);
    if (structural !== "{" && structural !== "[") throw new NotFastPath();
    if (++this.depth > MAX_NESTING) throw new NotFastPath();
    const node = structural === "{" ? this.object(start) : this.array(start);
    this.depth--;
    return node;
  }

  private object(start: number): ConfigNode {
    const entries: ConfigEntry[] = [];
    const keys = new Set<string>();
    let token = this.next();
    if (token[4] === "}") return { kind: "map", span: this.spanFrom(start), entries };
    for (;;) {
      const body = token[1];
      if (body === undefined) throw new NotFastPath();
      const keySpan = this.spanFrom(this.start);
      const key = this.stringValue(body, keySpan.start);
      // A repeated key is the strict reader's diagnostic to give.
      if (keys.has(key)) throw new NotFastPath();
      keys.add(key);
      if (this.next()[4] !== ":") throw new NotFastPath();
      entries.push({ key, keySpan, value: this.value(this.next()) });
      token = this.next();
      if (token[4] === "}") return { kind: "map", span: this.spanFrom(start), entries };
      if (token[4] !== ",") throw new NotFastPath();
      token = this.next();
    }
  }

  private array(start: number): ConfigNode {
    const items: ConfigNode[] = [];
    let token = this.next();
    if (token[4] === "]") return { kind: "seq", span: this.spanFrom(start), items };
    for (;;) {
      items.push(this.value(token));
      token = this.next();
      if (token[4] === "]") return { kind: "seq", span: this.spanFrom(start), items };
      if (token[4] !== ",") throw new NotFastPath();
      token = this.next();
    }
  }

  private stringValue(body: string, start: number): string {
    // Escapes are decoded by JSON.parse of the string as written (quotes included).
    return body.includes("\\") ? (JSON.parse(this.text.slice(start, this.position)) as string) : body;
  }

  private scalar(value: string | number | boolean | null, start: number): ConfigNode {
    const span = this.spanFrom(start);
    return {
      kind: "scalar",
      span,
      value,
      raw: this.text.slice(span.start, span.end),
      source: { format: "json" },
    };
  }

  private spanFrom(start: number): Span {
    return { start, end: this.position };
  }
}

function leadingWhitespace(token: string): number {
  let count = 0;
  for (let c = token.charCodeAt(0); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; ) {
    count++;
    c = token.charCodeAt(count);
  }
  return count;
}
