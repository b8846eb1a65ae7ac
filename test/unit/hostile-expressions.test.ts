import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/index.js";
import { ProvexError } from "../../src/diagnostics/index.js";
import { graphParameterKeys } from "../../src/functions/index.js";
import { complete, diagnose, hover, semanticTokens, signatureHelp } from "../../src/language/index.js";
import { tokenize } from "../../src/lexer/index.js";
import {
  format,
  fromGraphSource,
  MAX_INPUT_LENGTH,
  MAX_NESTING_DEPTH,
  parse,
  toGraphSource,
} from "../../src/parser/index.js";

// The promise of SPEC Part 1: no input makes parse (or anything built on it) throw, hang or overflow the
// stack. Each text below is just under the 1 MiB input limit and stresses one token kind or one loop.
const room = MAX_INPUT_LENGTH - 16;
const fill = (unit: string, prefix = "", suffix = "") =>
  prefix + unit.repeat(Math.floor((room - prefix.length - suffix.length) / unit.length)) + suffix;
const half = Math.floor(room / 2);

const longInputs: Record<string, string> = {
  "a string literal": fill("a", '"', '"'),
  "a string of escaped quotes": fill('\\"', '"', '"'),
  "lines of unclosed strings (each would rescan to the end)": fill('"\n\\'),
  "an attribute name": fill("a", "[", "]"),
  "nested attribute groups left open": fill("[", "["),
  "nested attribute groups closed": `[${"[".repeat(half - 2)}${"]".repeat(half - 2)}]`,
  "strings inside attribute groups": fill('[x "]"]', "[a", "]"),
  "an identifier": fill("a"),
  "a decimal number": fill("9"),
  "a hex number": fill("F", "&H"),
  whitespace: fill(" ", "", "[a]"),
  "typographic quotes": fill("\u201Ca"),
  "single quotes": fill("'a"),
  "stray brackets": fill("]"),
  "astral characters": fill("\u{1F600}"),
  "unclosed references on every line": fill("\n["),
  "many arguments": fill("1,", "F(", "1)"),
  "many empty arguments": fill(",", "Join(", ")"),
  "a chain of comparisons": fill(" = [a]", "IIF([a]", ", 1, 2)"),
  "stray operators inside a call": fill("=", "F("),
  "Connect operators": fill("&[a]", "[a]"),
  "open parentheses": fill("("),
  "calls nested just below the limit": `${"F(".repeat(MAX_NESTING_DEPTH)}[a]${")".repeat(MAX_NESTING_DEPTH)}`,
  "calls nested past the limit": "F(".repeat(half),
};

/** Runs `work`; any error it raises must be a ProvexError (the documented failure of format, compile…). */
function provexErrorOrValue<T>(work: () => T): T | ProvexError {
  try {
    return work();
  } catch (error) {
    if (error instanceof ProvexError) return error;
    throw error;
  }
}

/** Every span lies inside the text (one assertion: hostile texts have hundreds of thousands of spans). */
function expectSoundSpans(text: string, spans: readonly { start: number; end: number }[]): void {
  const outside = spans.find(
    (span) => !(span.start >= 0 && span.end >= span.start && span.end <= text.length),
  );
  expect(outside).toBeUndefined();
}

describe("hostile expressions just under the input limit", () => {
  it.each(Object.entries(longInputs))("%s: parse, format, check and Graph JSON never throw", (_, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
    const parsed = parse(text);
    expectSoundSpans(
      text,
      parsed.diagnostics.map((d) => d.span),
    );
    expect(parsed.diagnostics.some((d) => d.code === "input-too-large")).toBe(false);
    const formatted = provexErrorOrValue(() => format(text));
    expect(typeof formatted === "string" || formatted.code === "syntax-error").toBe(true);
    expectSoundSpans(
      text,
      check(text, { schema: ["a", "mail"] }).map((d) => d.span),
    );
    if (!parsed.diagnostics.some((d) => d.severity === "error")) {
      // Canonical text can outgrow the limit (`F(1,1,…)` gains a space per comma): only totality here.
      const graph = toGraphSource(parsed.ast, graphParameterKeys);
      expectSoundSpans(
        graph.expression ?? "",
        fromGraphSource(graph, graphParameterKeys).diagnostics.map((d) => d.span),
      );
    }
  });

  it.each([
    "a string literal",
    "many arguments",
    "a chain of comparisons",
    "unclosed references on every line",
  ])("%s: the language services never throw", (name) => {
    const text = longInputs[name] ?? "";
    const middle = Math.floor(text.length / 2);
    // One offset: every service re-reads the whole megabyte, and the other offsets add nothing new.
    for (const offset of [middle]) {
      expectSoundSpans(
        text,
        complete(text, offset, { attributes: { a: "x" } }).map((item) => item.range),
      );
      const shown = hover(text, offset, { attributes: { a: "x" } });
      if (shown) expectSoundSpans(text, [shown.span]);
      signatureHelp(text, offset);
    }
    const tokens = semanticTokens(text);
    expect(tokens.every((token) => token.start + token.length <= text.length)).toBe(true);
    expectSoundSpans(
      text,
      diagnose(text, { schema: ["a"] }).map((d) => d.span),
    );
  });

  it("keeps messages short when the text they quote is a megabyte long", () => {
    const name = "x".repeat(room);
    for (const text of [`[${name}]`, name, `${name}(`, `F(${"1".repeat(room)})`]) {
      for (const found of check(text, { schema: ["a"] })) expect(found.message.length).toBeLessThan(600);
    }
  });
});

describe("the input limit", () => {
  it("refuses text over 1 MiB with one input-too-large diagnostic and no tokens", () => {
    const text = `"${"a".repeat(MAX_INPUT_LENGTH)}"`;
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "input-too-large",
      severity: "error",
      span: { start: MAX_INPUT_LENGTH, end: text.length },
    });
    expect(diagnostics[0]?.message).toContain("1,048,576");
    expect(ast).toEqual({ kind: "error", span: { start: 0, end: text.length } });
    expect(tokenize(text).tokens).toEqual([]);
  });

  it("accepts text of exactly the limit", () => {
    const text = `"${"a".repeat(MAX_INPUT_LENGTH - 2)}"`;
    expect(parse(text).diagnostics.map((d) => d.code)).toEqual(["expression-too-long"]);
  });

  it("no longer throws on a string literal of 8.5 million characters (it overflowed the regex stack)", () => {
    const text = `"${"a".repeat(8_500_000)}"`;
    expect(parse(text).diagnostics.map((d) => d.code)).toEqual(["input-too-large"]);
    expect(check(text).map((d) => d.code)).toEqual(["input-too-large"]);
    expect(provexErrorOrValue(() => format(text))).toMatchObject({ code: "syntax-error" });
    expect(complete(text, 3).length).toBeGreaterThan(0);
    expect(semanticTokens(text)).toEqual([]);
  });
});

describe("Graph trees that are too deep or too large", () => {
  it("reports a tree nested deeper than the nesting limit instead of overflowing the stack", () => {
    let tree: Record<string, unknown> = { type: "Attribute", name: "a" };
    for (let i = 0; i < 20_000; i++)
      tree = { type: "Function", name: "Trim", parameters: [{ key: "source", value: tree }] };
    const result = fromGraphSource(tree, graphParameterKeys);
    expect(result.diagnostics[0]).toMatchObject({ code: "invalid-graph-source" });
    expect(result.diagnostics[0]?.message).toContain(`${MAX_NESTING_DEPTH}`);
  });

  it("reports a cyclic object instead of recursing forever", () => {
    const tree: { type: string; name: string; parameters: unknown[] } = {
      type: "Function",
      name: "Trim",
      parameters: [],
    };
    tree.parameters.push({ key: "source", value: tree });
    expect(fromGraphSource(tree, graphParameterKeys).diagnostics[0]?.code).toBe("invalid-graph-source");
  });

  it("stops rebuilding text that doubles at every level (shared sub-trees) once it passes the limit", () => {
    let tree: unknown = { type: "Constant", name: "x".repeat(1000) };
    for (let i = 0; i < 60; i++) {
      tree = {
        type: "Function",
        name: "Join",
        parameters: [
          { key: "separator", value: tree },
          { key: "source", value: tree },
        ],
      };
    }
    const result = fromGraphSource(tree, graphParameterKeys);
    expect(result.diagnostics[0]).toMatchObject({ code: "invalid-graph-source" });
    expect(result.text.length).toBeLessThanOrEqual(MAX_INPUT_LENGTH);
  });
});

describe("totality on large generated input", () => {
  const fragments = [
    '"',
    "\\",
    "[",
    "]",
    "(",
    ")",
    ",",
    " ",
    "\n",
    "=",
    "F",
    "1",
    "&H",
    '"x"',
    "[a]",
    "\u201C",
    "'",
  ];
  const largeText = fc
    .tuple(
      fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 20_000 }),
    )
    .map(([parts, times]) => parts.join("").repeat(times));

  it("parse, check, format and the editor services raise nothing but ProvexError", () => {
    fc.assert(
      fc.property(largeText, (text) => {
        expectSoundSpans(
          text,
          parse(text).diagnostics.map((d) => d.span),
        );
        check(text);
        provexErrorOrValue(() => format(text));
        semanticTokens(text);
        complete(text, Math.floor(text.length / 2));
        hover(text, Math.floor(text.length / 2));
      }),
      { numRuns: 40 },
    );
  });
});
