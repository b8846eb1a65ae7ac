import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { compileMapping } from "../../src/mapping/compile-mapping.js";

// Every compilation of a mapping, counted: the diff must compile each configuration once, whatever
// the number of users.
vi.mock("../../src/mapping/compile-mapping.js", async (original) => {
  const module = await original<typeof import("../../src/mapping/compile-mapping.js")>();
  return { ...module, compileMapping: vi.fn(module.compileMapping) };
});

const folder = mkdtempSync(join(tmpdir(), "provex-diff-stream-"));
const config = (name: string, expression: string) => {
  const path = join(folder, name);
  writeFileSync(
    path,
    `object: { name: U, source: User, target: User }\nmappings:\n  - { target: userName, attribute: userPrincipalName, match: 1 }\n  - { target: displayName, expression: '${expression}' }\n`,
  );
  return path;
};
const oldFile = config("old.yaml", "[displayName]");
const newFile = config("new.yaml", 'Join(" ", [displayName], "!")');

interface StreamedRun {
  readonly code: number;
  /** Users handed to standard input so far, when the first user's result was written. */
  readonly readBeforeFirstOutput: number;
  /** The most users read ahead of those whose result was written. */
  readonly mostReadAhead: number;
  readonly written: number;
  readonly tail: string;
}

/**
 * `provex diff OLD NEW --users - --format json` with JSON Lines users produced on demand, 64 KiB at a
 * time, as a pipe gives them: how far reading runs ahead of writing says whether users are held.
 */
async function streamedDiff(count: number): Promise<StreamedRun> {
  let produced = 0;
  let written = 0;
  let mostReadAhead = 0;
  let readBeforeFirstOutput = -1;
  let tail = "";
  function* lines(): Generator<string> {
    let chunk = "";
    for (let i = 0; i < count; i++) {
      chunk += `${JSON.stringify({ objectId: `id-${i}`, userPrincipalName: `u${i}@contoso.com`, displayName: `User ${i}` })}\n`;
      produced++;
      if (chunk.length >= 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  const stdin = Object.assign(Readable.from(lines(), { objectMode: false, highWaterMark: 64 * 1024 }), {
    isTTY: false,
  });
  const code = await main(["diff", oldFile, newFile, "--users", "-", "--format", "json"], {
    stdin,
    stdout: {
      write: (text: string) => {
        const users = text.match(/^\{"index":/gm)?.length ?? 0;
        if (users > 0 && readBeforeFirstOutput < 0) readBeforeFirstOutput = produced;
        // Reading ahead is measured before this write counts: the users just written were held until now.
        mostReadAhead = Math.max(mostReadAhead, produced - written);
        written += users;
        tail = (tail + text).slice(-2000);
        return true;
      },
      isTTY: false,
    },
    stderr: { write: (text: string) => expect.fail(text), isTTY: false },
    env: {},
  });
  return { code, readBeforeFirstOutput, mostReadAhead, written, tail };
}

describe("provex diff streams JSON Lines users", () => {
  it("writes each user's result while reading, holding a bounded number of users", async () => {
    const count = 40_000;
    const run = await streamedDiff(count);
    expect(run.code).toBe(0);
    expect(run.written).toBe(count);
    expect(run.tail).toContain(`"summary": {"users":${count},"changed":${count},"unchanged":0`);
    // Results come out in output batches of 256 KiB (about 1,700 users here) while input still flows;
    // all users held at once would make both figures the whole count.
    expect(run.readBeforeFirstOutput).toBeGreaterThan(0);
    expect(run.readBeforeFirstOutput).toBeLessThan(count / 8);
    expect(run.mostReadAhead).toBeLessThan(count / 8);
  });

  it("compiles both configurations once, however many users there are", async () => {
    const calls = vi.mocked(compileMapping);
    calls.mockClear();
    await streamedDiff(1);
    const forOne = calls.mock.calls.length;
    calls.mockClear();
    await streamedDiff(5_000);
    // Two mappings on each side, each compiled once to load and once for the preview.
    expect(forOne).toBeGreaterThanOrEqual(4);
    expect(forOne).toBeLessThanOrEqual(8);
    expect(calls.mock.calls.length).toBe(forOne);
  });
});
