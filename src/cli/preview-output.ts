import { Writable } from "node:stream";
import type { UserPreview } from "../mapping/index.js";
import { formatUserPreview } from "./preview-report.js";
import type { Palette } from "./report.js";

export type PreviewFormat = "text" | "json" | "jsonl";

/**
 * The record `--format json|jsonl` writes per user. Lean by default — what a pipeline acts on: the
 * user, the action (with its skip reason or error), the summary, the match, the requests (or attribute
 * changes) and the warnings; `--details` adds the four steps with their details.
 */
export function previewRecord(result: UserPreview, details: boolean): Record<string, unknown> {
  if (details) return result as unknown as Record<string, unknown>;
  return {
    index: result.index,
    id: result.id,
    displayName: result.displayName,
    action: result.action,
    skipReason: result.skipReason,
    error: result.error,
    summary: result.summary,
    match: result.match,
    requests: result.requests,
    attributeChanges: result.attributeChanges,
    warnings: result.warnings,
  };
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
  if (format === "jsonl") return `${JSON.stringify(previewRecord(result, details))}\n`;
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
