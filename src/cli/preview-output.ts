import { Writable } from "node:stream";
import type { UserPreview } from "../mapping/index.js";
import { formatUserPreview } from "./preview-report.js";
import type { Palette } from "./report.js";

export type PreviewFormat = "text" | "json" | "jsonl";

/**
 * The fields of the record `--format json|jsonl` writes per user, in order. Lean by default — what a
 * pipeline acts on: the user, the action (with its skip reason or error), the summary, the match, the
 * requests (or attribute changes) and the warnings; `--details` writes the whole result, steps included.
 */
const LEAN_FIELDS = [
  "index",
  "id",
  "displayName",
  "action",
  "skipReason",
  "error",
  "summary",
  "match",
  "requests",
  "attributeChanges",
  "warnings",
] as const satisfies readonly (keyof UserPreview)[];

/** Each lean field's key as it opens its member in the JSON text (`,"id":`), made once. */
const MEMBER_PREFIXES = LEAN_FIELDS.map((field) => `,${JSON.stringify(field)}:`);

/** The record `--format json|jsonl` writes per user (see {@link LEAN_FIELDS}). */
export function previewRecord(result: UserPreview, details: boolean): Record<string, unknown> {
  if (details) return result as unknown as Record<string, unknown>;
  return Object.fromEntries(LEAN_FIELDS.map((field) => [field, result[field]]));
}

/**
 * Characters JSON.stringify escapes in a string (quote, backslash, control characters) and surrogates:
 * a lone one is escaped (`\udc00`); a string holding any is left to JSON.stringify, as is one with
 * anything to escape.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON.stringify escapes exactly U+0000–U+001F.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The JSON text of a string, exactly as JSON.stringify writes it; without its call when nothing needs escaping. */
export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `prefix` (`,"key":`) and the JSON of `value`, as JSON.stringify writes an object's member; "" where it
 * leaves the member out. Strings, null and empty lists (most users' warnings, a Skip's requests) are
 * written without a call.
 */
function member(prefix: string, value: unknown): string {
  if (typeof value === "string") return prefix + jsonString(value);
  if (value === undefined) return "";
  if (value === null) return `${prefix}null`;
  if (Array.isArray(value) && value.length === 0) return `${prefix}[]`;
  const json = JSON.stringify(value);
  return json === undefined ? "" : prefix + json;
}

/**
 * `JSON.stringify(previewRecord(result, false))`, byte for byte, without building the record: the keys
 * are made once, strings are quoted without a call unless they need escaping, and only the nested
 * values (error, match, requests, attribute changes, warnings) go through JSON.stringify. Half the users
 * of a typical run are Skip records of a few strings, which this writes for a fraction of the generic
 * cost (bench/README.md).
 */
export function leanRecordJson(result: UserPreview): string {
  const index = result.index;
  // The first member carries no comma: anything but a number there takes the generic path.
  if (typeof index !== "number" || !Number.isFinite(index))
    return JSON.stringify(previewRecord(result, false));
  let text = `{"index":${index}`;
  for (let field = 1; field < LEAN_FIELDS.length; field++) {
    text += member(MEMBER_PREFIXES[field] as string, result[LEAN_FIELDS[field] as keyof UserPreview]);
  }
  return `${text}}`;
}

/**
 * One user's output in `format`. A result too large to serialise (past JavaScript's string limit, or
 * nested deeper than the stack) becomes that user's Error `value-too-large`, written instead: one user
 * never ends the run. `written` is the result the output stands for (what the tally counts).
 */
export function serializeResult(
  result: UserPreview,
  format: PreviewFormat,
  details: boolean,
  colours: Palette,
  first: boolean,
): { text: string; written: UserPreview } {
  try {
    return { text: serialize(result, format, details, colours, first), written: result };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const stand = tooLargeToWrite(result);
    return { text: serialize(stand, format, details, colours, first), written: stand };
  }
}

function serialize(
  result: UserPreview,
  format: PreviewFormat,
  details: boolean,
  colours: Palette,
  first: boolean,
): string {
  if (format === "jsonl") return details ? `${JSON.stringify(result)}\n` : `${leanRecordJson(result)}\n`;
  if (format === "json")
    return `${first ? "[\n" : ",\n"}${JSON.stringify(previewRecord(result, details), null, 2)}`;
  return `${formatUserPreview(result, colours)}\n\n`;
}

function tooLargeToWrite(result: UserPreview): UserPreview {
  const message =
    "The preview of this user is too large to write (past JavaScript's string or nesting limits); check the user's attributes and the expressions for runaway values.";
  return {
    index: result.index,
    id: typeof result.id === "string" && result.id.length <= 1024 ? result.id : `#${result.index + 1}`,
    displayName:
      typeof result.displayName === "string" && result.displayName.length <= 1024
        ? result.displayName
        : undefined,
    action: "Error",
    skipReason: undefined,
    error: { code: "value-too-large", message },
    summary: `Error value-too-large: ${message}`,
    match: null,
    steps: [],
    requests: [],
    attributeChanges: undefined,
    warnings: [],
  };
}

/**
 * Output gathered into large writes: one `write` per ~256 KB instead of one per user. To a Node stream
 * (process.stdout) the texts are encoded straight into a buffer, which is written as it is: no joined
 * string of the batch and no second copy when the stream encodes it. Other streams (tests' in-memory
 * ones) get the joined text. `flush` returns what the stream's write returned (false: its buffer is
 * full, wait for `drain`).
 */
export class OutputBatch {
  private parts: string[] = [];
  private size = 0;
  private bytes: Buffer | undefined;
  private offset = 0;

  constructor(
    private readonly stream: { write(text: string): unknown },
    private readonly limit = 256 * 1024,
  ) {
    if (stream instanceof Writable) this.bytes = Buffer.allocUnsafe(2 * limit);
  }

  /** Adds text; true when the batch is full and should be flushed. */
  add(text: string): boolean {
    const bytes = this.bytes;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: the text surely fits, or waits in `parts`.
    if (bytes !== undefined && this.parts.length === 0 && this.offset + 3 * text.length <= bytes.length) {
      this.offset += bytes.write(text, this.offset, "utf8");
      return this.offset >= this.limit;
    }
    this.parts.push(text);
    this.size += text.length;
    return bytes !== undefined || this.size >= this.limit;
  }

  flush(): unknown {
    let written: unknown = true;
    if (this.bytes !== undefined && this.offset > 0) {
      // The stream may hold on to the buffer until it is written: the next batch gets a new one.
      written = (this.stream as Writable).write(this.bytes.subarray(0, this.offset));
      this.bytes = Buffer.allocUnsafe(this.bytes.length);
      this.offset = 0;
    }
    const { parts, size } = this;
    this.parts = [];
    this.size = 0;
    if (parts.length === 0) return written;
    if (parts.length === 1) return this.stream.write(parts[0] as string);
    // A single huge record (up to JavaScript's string limit) is written on its own, never joined.
    if (size <= 4 * this.limit) return this.stream.write(parts.join(""));
    for (const part of parts) written = this.stream.write(part);
    return written;
  }
}
