import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/lexer/index.js";
import {
  type Argument,
  type ComparisonOperator,
  type Expression,
  format,
  knownConstants,
  parse,
  print,
} from "../../src/parser/index.js";
import { nodesOf, withoutSpans } from "../helpers/ast.js";

// Several thousand runs per property, as the issue asks; each run is a parse of a short text.
const RUNS = 3000;
const NO_SPAN = { start: 0, end: 0 };

/** Any text at all, astral characters and control characters included. */
const anyText = fc.string({ unit: "binary", maxLength: 80 });

/** Near-misses of the grammar: fragments that open, close and break things in every combination. */
const fragments = [
  "(",
  ")",
  ",",
  '"',
  "\\",
  "[",
  "]",
  "Join",
  "IIF",
  "x",
  " ",
  "\n",
  "=",
  "<>",
  ">=",
  "&H",
  "&HF",
  "-",
  "12",
  "&",
  "+",
  "'",
  "\u201C",
  "True",
  "and",
  "\u0000",
  "\u{1F600}",
  "\uD800",
  "[a]",
  '"s"',
  "F(",
  ",)",
];
const tokenSoup = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(""));

/** One character, often one that means something to the lexer (quotes, backslashes, brackets). */
const character = fc.oneof(
  fc.constantFrom(
    '"',
    "\\",
    "[",
    "(",
    ")",
    ",",
    " ",
    "\n",
    "a",
    "Z",
    "0",
    "-",
    "é",
    "\u{1F600}",
    "\u201C",
    "'",
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
/**
 * Attribute names as SPEC Part 1 admits them: plain text, and nested `[ ]` groups that may hold
 * double-quoted strings with any character but `"` (SCIM paths such as `emails[type eq "work"].value`).
 * No line breaks anywhere in a name.
 */
const plainNameText = (excluded: RegExp) =>
  fc.string({ unit: character, minLength: 1, maxLength: 8 }).filter((s) => !excluded.test(s));
const quotedInGroup = fc
  .string({ unit: character, maxLength: 8 })
  .filter((s) => !/["\r\n]/.test(s))
  .map((s) => `"${s}"`);
const bracketGroup: fc.Arbitrary<string> = fc.letrec<{ group: string }>((tie) => ({
  group: fc
    .array(
      fc.oneof({ depthSize: "small", maxDepth: 2 }, plainNameText(/["[\]\r\n]/), quotedInGroup, tie("group")),
      { maxLength: 3 },
    )
    .map((parts) => `[${parts.join("")}]`),
})).group;
const attributeName = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: plainNameText(/[[\]\r\n]/) }, { weight: 1, arbitrary: bracketGroup }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((parts) => parts.join(""));
/** SCIM-path attributes as Entra writes them for SCIM targets: a filter on a multi-valued attribute. */
const scimPath = fc
  .tuple(
    fc.constantFrom(
      "emails",
      "phoneNumbers",
      "addresses",
      "roles",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
    ),
    fc.constantFrom("type", "primary", "display"),
    fc.constantFrom("work", "mobile", "True", "a b", "é[1]"),
    fc.constantFrom("value", "streetAddress", "postalCode", "display"),
  )
  .map(([name, filter, wanted, sub]) => `${name}[${filter} eq "${wanted}"].${sub}`);
const isScimPath = (name: string) => /\[[a-z]+ eq "[^"]*"\]\./.test(name);
const operators: ComparisonOperator[] = ["=", "<>", "<", "<=", ">", ">="];

const trees = fc.letrec<{
  operand: Expression;
  argument: Argument;
  call: Expression;
}>((tie) => ({
  operand: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    attributeName.map((name) => ({ kind: "attribute", name, span: NO_SPAN }) as const),
    scimPath.map((name) => ({ kind: "attribute", name, span: NO_SPAN }) as const),
    // "" on its own too: it is how Entra writes null (SPEC Part 1).
    fc
      .oneof(fc.constant(""), fc.string({ unit: character, maxLength: 12 }))
      .map((value) => ({ kind: "string", value, span: NO_SPAN }) as const),
    fc
      .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
      .map((value) => ({ kind: "number", value, radix: 10, span: NO_SPAN }) as const),
    fc
      .bigInt({ min: 0n, max: 2n ** 64n - 1n })
      .map((value) => ({ kind: "number", value, radix: 16, span: NO_SPAN }) as const),
    fc.constantFrom(...knownConstants).map((name) => ({ kind: "constant", name, span: NO_SPAN }) as const),
    fc.constantFrom("True", "False").map((name) => ({ kind: "constant", name, span: NO_SPAN }) as const),
    tie("call"),
  ),
  argument: fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: "empty", span: NO_SPAN } as const) },
    { weight: 4, arbitrary: tie("operand") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie("operand"), fc.constantFrom(...operators), tie("operand"))
        .map(
          ([left, operator, right]) =>
            ({ kind: "comparison", operator, left, right, span: NO_SPAN }) as Expression,
        ),
    },
  ),
  call: fc
    .tuple(identifier, fc.array(tie("argument"), { maxLength: 5 }))
    // `F()` has no arguments: a lone empty argument cannot be written, so it is not generated.
    .map(([name, args]) => ({
      kind: "call",
      name,
      nameSpan: NO_SPAN,
      arguments: args.length === 1 && args[0]?.kind === "empty" ? [] : args,
      span: NO_SPAN,
    })),
}));
const operand: fc.Arbitrary<Expression> = trees.operand;

const expression: fc.Arbitrary<Expression> = fc.oneof(
  operand,
  // A call at the top as often again: calls hold the empty arguments and the nesting.
  trees.call,
  fc
    .tuple(operand, fc.constantFrom(...operators), operand)
    .map(
      ([left, operator, right]) =>
        ({ kind: "comparison", operator, left, right, span: NO_SPAN }) as Expression,
    ),
);

function spansAreSound(text: string): void {
  const { ast, diagnostics } = parse(text);
  for (const d of diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(typeof d.code).toBe("string");
  }
  for (const node of nodesOf(ast)) {
    expect(node.span.start).toBeGreaterThanOrEqual(0);
    expect(node.span.end).toBeGreaterThanOrEqual(node.span.start);
    expect(node.span.end).toBeLessThanOrEqual(text.length);
  }
}

describe("parser properties", () => {
  it("printing a generated tree and parsing it back gives the same tree, without diagnostics", () => {
    fc.assert(
      fc.property(expression, (ast) => {
        const text = print(ast);
        const back = parse(text);
        expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(withoutSpans(back.ast)).toEqual(withoutSpans(ast));
      }),
      { numRuns: RUNS },
    );
  });

  it("the same holds when long calls are broken over lines", () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: 10, max: 60 }), (ast, width) => {
        const text = print(ast, { width });
        expect(withoutSpans(parse(text).ast)).toEqual(withoutSpans(ast));
      }),
      { numRuns: RUNS },
    );
  });

  it("format is idempotent", () => {
    fc.assert(
      fc.property(expression, fc.integer({ min: 10, max: 120 }), (ast, width) => {
        const once = format(print(ast), { width });
        expect(format(once, { width })).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it("every node's span covers exactly its own text", () => {
    fc.assert(
      fc.property(expression, (ast) => {
        const text = print(ast);
        for (const node of nodesOf(parse(text).ast)) {
          if (node.kind === "empty") continue;
          const slice = text.slice(node.span.start, node.span.end);
          expect(withoutSpans(parse(slice).ast)).toEqual(withoutSpans(node));
        }
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it("no text makes parse throw, and every span lies inside the text", () => {
    fc.assert(fc.property(anyText, spansAreSound), { numRuns: RUNS });
  });

  it("no near-miss of the grammar makes parse throw, and every span lies inside the text", () => {
    fc.assert(fc.property(tokenSoup, spansAreSound), { numRuns: RUNS });
  });

  it("an error node comes only with an error diagnostic, for any near-miss of the grammar", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => {
        const { ast, diagnostics } = parse(text);
        const errorNode = [...nodesOf(ast)].some((node) => node.kind === "error");
        const errorDiagnostic = diagnostics.some((d) => d.severity === "error");
        expect({ text, errorNode, errorDiagnostic }).not.toMatchObject({
          errorNode: true,
          errorDiagnostic: false,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("the lexer's tokens never overlap and appear in order", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, tokenSoup), (text) => {
        let previousEnd = 0;
        for (const token of tokenize(text).tokens) {
          expect(token.startOffset).toBeGreaterThanOrEqual(previousEnd);
          expect(text.slice(token.startOffset, token.startOffset + token.image.length)).toBe(token.image);
          previousEnd = token.startOffset + token.image.length;
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** The node kinds (and the variants the issue names) one generated tree holds. */
function kindsOf(ast: Expression): Set<string> {
  const kinds = new Set<string>();
  const visit = (node: Argument, depth: number) => {
    kinds.add(node.kind);
    if (node.kind === "attribute" && isScimPath(node.name)) kinds.add("attribute: SCIM path");
    if (node.kind === "string" && node.value === "") kinds.add('string: "" (null)');
    if (node.kind === "number")
      kinds.add(node.radix === 16 ? "number: hex" : node.value < 0n ? "number: negative" : "number: decimal");
    if (node.kind === "constant" && (node.name === "True" || node.name === "False"))
      kinds.add("constant: boolean");
    if (node.kind === "call" && depth > 0) kinds.add("call: nested");
    if (node.kind === "call") for (const argument of node.arguments) visit(argument, depth + 1);
    if (node.kind === "comparison") {
      visit(node.left, depth + 1);
      visit(node.right, depth + 1);
    }
  };
  visit(ast, 0);
  return kinds;
}

const EVERY_KIND = [
  "call",
  "call: nested",
  "comparison",
  "attribute",
  "attribute: SCIM path",
  "string",
  'string: "" (null)',
  "number",
  "number: decimal",
  "number: negative",
  "number: hex",
  "constant",
  "constant: boolean",
  "empty",
];

describe("well-formed expressions of every kind", () => {
  it("parse without a single diagnostic, to the generated tree, and every kind occurs in a fair share of runs", () => {
    const seen = new Map<string, number>(EVERY_KIND.map((kind) => [kind, 0]));
    let runs = 0;
    fc.assert(
      fc.property(expression, (ast) => {
        runs++;
        for (const kind of kindsOf(ast)) seen.set(kind, (seen.get(kind) ?? 0) + 1);
        const text = print(ast);
        const back = parse(text);
        expect(back.diagnostics).toEqual([]);
        expect([...nodesOf(back.ast)].filter((node) => node.kind === "error")).toEqual([]);
        expect(withoutSpans(back.ast)).toEqual(withoutSpans(ast));
        expect(back.ast.span).toEqual({ start: 0, end: text.length });
      }),
      { numRuns: RUNS },
    );
    // Each kind in at least 5% of the runs (the rarest, an empty argument, is in about 7%).
    expect(runs).toBeGreaterThanOrEqual(100);
    const rare = [...seen].filter(([, count]) => count < runs * 0.05);
    expect(rare).toEqual([]);
  });
});

/** Text that breaks a well-formed expression right after its end: `F(a)` + `,` and the like. */
const JUNK = [")", ",", "(", '"', "[", "]", "=", "<>", " x", "&H", "-", "F("];

describe("broken input", () => {
  it("junk after a well-formed expression: no throw, spans inside the text, an error at the junk", () => {
    fc.assert(
      fc.property(expression, fc.constantFrom(...JUNK), (ast, junk) => {
        const whole = print(ast);
        const text = whole + junk;
        spansAreSound(text);
        const errors = parse(text).diagnostics.filter((d) => d.severity === "error");
        expect(errors.length).toBeGreaterThan(0);
        // Reported where the text goes wrong, not somewhere in the valid part before it.
        expect(errors.some((d) => d.span.end > whole.length)).toBe(true);
        expect(errors.every((d) => d.code.length > 0 && d.message.length > 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("a call missing its closing parenthesis reports missing-close-paren at the call", () => {
    const call = expression.filter((ast) => ast.kind === "call");
    fc.assert(
      fc.property(call, (ast) => {
        const text = print(ast).slice(0, -1);
        spansAreSound(text);
        const missing = parse(text).diagnostics.filter((d) => d.code === "missing-close-paren");
        expect(missing.length).toBeGreaterThan(0);
        expect(missing.every((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: RUNS / 3 },
    );
  });
});
