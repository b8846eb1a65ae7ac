import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputBatch } from "../../src/cli/preview-output.js";

/** Collects what was written, as bytes (a Node stream) or as texts (an in-memory stream). */
function byteSink() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8"), writes: () => chunks.length };
}

/** Feeds texts through a batch the way the preview does: flush when full, and once at the end. */
function feed(batch: OutputBatch, texts: readonly string[]): void {
  for (const text of texts) if (batch.add(text)) batch.flush();
  batch.flush();
}

const texts = fc.array(
  fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }), // lone surrogates too
    fc.constantFrom("Zoë Ağaoğlu 😀\n", "x".repeat(100), "中".repeat(70)),
  ),
  { maxLength: 60 },
);

describe("OutputBatch", () => {
  it("writes to a Node stream exactly the UTF-8 of the texts, in order, in few writes", async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.integer({ min: 1, max: 64 }), async (parts, limit) => {
        const sink = byteSink();
        feed(new OutputBatch(sink.stream, limit), parts);
        await new Promise((resolve) => setImmediate(resolve));
        expect(sink.text()).toBe(Buffer.from(parts.join(""), "utf8").toString("utf8"));
      }),
      { numRuns: 300 },
    );
  });

  it("writes joined text to a stream that takes strings", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 64 }), (parts, limit) => {
        let written = "";
        const writes: unknown[] = [];
        const stream = {
          write(text: string) {
            writes.push(text);
            written += text;
            return true;
          },
        };
        feed(new OutputBatch(stream, limit), parts);
        expect(writes.every((w) => typeof w === "string")).toBe(true);
        expect(written).toBe(parts.join(""));
      }),
      { numRuns: 300 },
    );
  });

  it("batches small records into one write per limit, and writes a record larger than a batch on its own", async () => {
    const sink = byteSink();
    const batch = new OutputBatch(sink.stream, 1024);
    const line = `${"a".repeat(99)}\n`;
    const big = "b".repeat(10_000);
    feed(batch, [...Array.from({ length: 50 }, () => line), big, line]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.text()).toBe(line.repeat(50) + big + line);
    // 50 lines of 100 bytes in batches of ~1 KiB, then the big one, then the last line.
    expect(sink.writes()).toBeLessThanOrEqual(8);
  });

  it("flush tells when the stream's buffer is full", () => {
    const full = new Writable({ highWaterMark: 4, write: () => undefined });
    const batch = new OutputBatch(full, 16);
    batch.add("0123456789");
    expect(batch.flush()).toBe(false);
  });
});
