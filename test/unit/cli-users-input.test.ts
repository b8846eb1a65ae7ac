import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openUsers, type UserRecord } from "../../src/cli/users-input.js";

/**
 * JSON Lines are split on newline bytes and each line decoded from UTF-8 on its own: however the input
 * is cut into chunks (inside a line, inside a multi-byte character, inside the BOM or a CRLF), the users
 * read are the same, in order, with the same line numbers in their errors.
 */

const users = [
  { userPrincipalName: "zoe@contoso.com", displayName: "Zoë Ağaoğlu", note: "emoji 😀 and 中文" },
  { userPrincipalName: "jose@contoso.com", displayName: "José" },
  { userPrincipalName: "ascii@contoso.com", displayName: "Plain" },
];
const text =
  `\uFEFF${JSON.stringify(users[0])}\r\n` +
  "\n" +
  "   \n" +
  `${JSON.stringify(users[1])}\n` +
  "{not json\n" +
  `${JSON.stringify(users[2])}`; // no newline at the end

const bytes = new TextEncoder().encode(text);

function chunked(cuts: readonly number[]) {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) chunks.push(bytes.slice(start, point));
    start = Math.max(start, point);
  }
  return Object.assign(
    (async function* () {
      yield* chunks;
    })(),
    { isTTY: false },
  );
}

async function readAll(cuts: readonly number[]): Promise<UserRecord[]> {
  const source = await openUsers("-", "jsonl", chunked(cuts));
  const records: UserRecord[] = [];
  for await (const batch of source.batches) records.push(...batch);
  return records;
}

const expected: UserRecord[] = [
  { user: users[0] },
  { user: users[1] },
  {
    invalid: expect.stringContaining("<stdin>: line 5, column 2 is not a JSON object") as unknown as string,
    code: "invalid-user",
  },
  { user: users[2] },
];

describe("JSON Lines read as bytes", () => {
  it("reads the users of one chunk: BOM skipped, CRLF and blank lines accepted, the bad line named", async () => {
    expect(await readAll([])).toEqual(expected);
  });

  it("reads the same users when every byte is its own chunk", async () => {
    expect(await readAll(Array.from({ length: bytes.length }, (_, at) => at))).toEqual(expected);
  });

  it("reads the same users wherever the chunks are cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await readAll(cuts)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("counts the bytes read for the progress bar", async () => {
    const source = await openUsers("-", "jsonl", chunked([7, 100]));
    for await (const _ of source.batches) {
      // drain
    }
    expect(source.bytes).toEqual({ size: bytes.length, read: bytes.length });
  });
});
