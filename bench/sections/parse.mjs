// Section 3: lex + parse of a megabyte of realistic expressions, as one big expression and as ~10,000
// small ones, against the minimal hand-written parser of bench/baseline-parser.mjs. Both parsers must
// build the same tree (kinds, names, values) for every input, or the comparison would mean nothing.
import { readFileSync } from "node:fs";
import { parse } from "../../dist/index.js";
import { baselineParse } from "../baseline-parser.mjs";
import { interleave, pairedRatio } from "../lib/timing.mjs";

const BIG_SHAPES = [
  'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane")',
  'IIF([country] = "USA", Join(".", [givenName], [surname]), Replace([mobile], , "[()\\\\s-]+", , "", , ))',
  'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", Mid([PreferredFirstName], 1, 1), "contoso.com"))',
  'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
  "DateFromNum(129699324000000000)",
];

/** The tree as text: kinds, names and values, nothing positional; the same for both parsers. */
function shape(node) {
  switch (node.kind) {
    case "call":
      return `${node.name}(${node.arguments.map(shape).join(",")})`;
    case "attribute":
      return `[${node.name}]`;
    case "string":
      return JSON.stringify(node.value);
    case "number":
      return `#${node.value}`;
    case "constant":
      return `${node.name}`;
    case "comparison":
      return `(${shape(node.left)}${node.operator}${shape(node.right)})`;
    case "empty":
      return "_";
    default:
      return `<${node.kind}>`;
  }
}

function agrees(text) {
  const ours = parse(text);
  if (ours.diagnostics.some((d) => d.severity === "error")) return false;
  try {
    return shape(ours.ast) === shape(baselineParse(text));
  } catch {
    return false;
  }
}

/**
 * Realistic small expressions: the documented examples of mapping size (40 characters or more; the
 * shortest, such as `Now()`, are not what a mapping holds) and the big input's shapes, those that both
 * parsers read alike.
 */
function smallCorpus() {
  const examples = JSON.parse(
    readFileSync(new URL("../../test/conformance/doc-examples.json", import.meta.url)),
  );
  const candidates = [...new Set([...examples.map((e) => e.expression), ...BIG_SHAPES])];
  return candidates.filter((text) => text.length >= 40 && agrees(text));
}

export function parseInputs(size = 1_000_000) {
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = BIG_SHAPES[i % BIG_SHAPES.length];
    parts.push(part);
    length += part.length + 4;
  }
  const big = `Join(",", ${parts.join(",\n  ")})`;
  const corpus = smallCorpus();
  const small = [];
  length = 0;
  for (let i = 0; length < size; i++) {
    const text = corpus[i % corpus.length];
    small.push(text);
    length += text.length;
  }
  return { big, small, corpusSize: corpus.length, smallBytes: length };
}

export async function runParse({ rounds = 15 } = {}) {
  const { big, small, corpusSize, smallBytes } = parseInputs();
  if (shape(parse(big).ast) !== shape(baselineParse(big))) {
    throw new Error("provex and the baseline parser build different trees for the big input");
  }
  let out;
  const bigSet = await interleave(
    { provex: { run: () => (out = parse(big)) }, baseline: { run: () => (out = baselineParse(big)) } },
    { rounds },
  );
  const smallSet = await interleave(
    {
      provex: {
        run: () => {
          for (const text of small) out = parse(text);
        },
      },
      baseline: {
        run: () => {
          for (const text of small) out = baselineParse(text);
        },
      },
    },
    { rounds },
  );
  void out;
  return {
    big: {
      megabytes: big.length / 1e6,
      provexMBps: big.length / 1e6 / bigSet.provex.median,
      baselineMBps: big.length / 1e6 / bigSet.baseline.median,
      timeRatio: pairedRatio(bigSet.provex.samples, bigSet.baseline.samples),
    },
    small: {
      count: small.length,
      distinct: corpusSize,
      megabytes: smallBytes / 1e6,
      provexMBps: smallBytes / 1e6 / smallSet.provex.median,
      baselineMBps: smallBytes / 1e6 / smallSet.baseline.median,
      timeRatio: pairedRatio(smallSet.provex.samples, smallSet.baseline.samples),
    },
  };
}
