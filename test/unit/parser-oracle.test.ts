import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/index.js";
import { canonicalResult, digest } from "../fixtures/parser-oracle/canonical.js";

// The lexer and the grammar were rewritten for speed; what `parse` returns must not have moved. The
// expectations were written by the implementation before the rewrite (see
// test/fixtures/parser-oracle/generate.ts): trees, spans, diagnostic codes, severities and messages.

const directory = join(import.meta.dirname, "../fixtures/parser-oracle");
const named: { text: string; result: unknown }[] = JSON.parse(
  readFileSync(join(directory, "named.json"), "utf8"),
);
const generated: [string, string][] = readFileSync(join(directory, "generated.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line));

describe("parse gives what the parser gave before its rewrite", () => {
  it("holds enough cases to mean something", () => {
    expect(named.length).toBeGreaterThan(200);
    expect(generated.length).toBeGreaterThan(8000);
    // Most generated text is broken, and the broken text covers every kind of syntax diagnostic.
    const codes = new Set<string>();
    let broken = 0;
    for (const [text] of generated) {
      const { diagnostics } = parse(text);
      if (diagnostics.some((d) => d.severity === "error")) broken++;
      for (const d of diagnostics) codes.add(d.code);
    }
    expect(broken / generated.length).toBeGreaterThan(0.7);
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        "chained-comparison",
        "expected-operand",
        "missing-close-paren",
        "missing-comma",
        "unexpected-token",
        "unsupported-operator",
        "unterminated-string",
      ]),
    );
  });

  it("on every documented example and every expression of the fixtures, in full", () => {
    for (const { text, result } of named) {
      expect(JSON.parse(canonicalResult(parse(text))), text).toEqual(result);
    }
  });

  it("on the stored sample of generated text, by digest", () => {
    const differing = generated.filter(
      ([text, expected]) => digest(canonicalResult(parse(text))) !== expected,
    );
    expect(differing.map(([text]) => text)).toEqual([]);
  });
});
