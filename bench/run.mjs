#!/usr/bin/env node
// Benchmarks of the built library (dist/, compiled JS: STACK.md measured tsx making the parser 4×
// slower). Each figure is the median of several timed rounds, reported with its ratio to a baseline
// measured in the same run. Run: npm run bench. Results: bench/results.md (committed).
import { writeFileSync } from "node:fs";
import { compile, parse } from "../dist/index.js";
import { baselineParse } from "./baseline-parser.mjs";

const ROUNDS = 15;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median seconds per call of `work` over ROUNDS rounds, after a warm-up round. */
function time(work, repetitions = 1) {
  work();
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < repetitions; i++) work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e9 / repetitions);
  }
  return median(samples);
}

// A deterministic megabyte of realistic expressions inside one Join.
const shapes = [
  'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane")',
  'IIF([country] = "USA", Join(".", [givenName], [surname]), Replace([mobile], , "[()\\\\s-]+", , "", , ))',
  'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", Mid([PreferredFirstName], 1, 1), "contoso.com"))',
  'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
  "DateFromNum(129699324000000000)",
];
const parts = [];
let size = 0;
for (let i = 0; size < 1_000_000; i++) {
  const part = shapes[i % shapes.length];
  parts.push(part);
  size += part.length + 3;
}
const megabyte = `Join(",", ${parts.join(",\n  ")})`;
const megabytes = megabyte.length / 1e6;

// Both parsers must read the same thing, or the comparison means nothing.
const provexTree = parse(megabyte);
if (provexTree.ast.arguments.length !== baselineParse(megabyte).arguments.length) {
  throw new Error("provex and the baseline parser disagree on the benchmark input");
}
const provexParse = time(() => parse(megabyte));
const handParse = time(() => baselineParse(megabyte));

// Evaluation: the UPN expression compiled once, against a hand-written JS equivalent.
const upnText = 'Join("@", ToLower(StripSpaces(Join(".", [givenName], [surname]))), "contoso.com")';
const upn = compile(upnText);
const handUpn = (user) => {
  const parts = [user.givenName, user.surname].filter((v) => v !== undefined && v !== null && v !== "");
  return `${parts.join(".").replaceAll(" ", "").toLowerCase()}@contoso.com`;
};
const users = Array.from({ length: 1000 }, (_, i) => ({
  givenName: `Given ${i}`,
  surname: `Sur Name${i % 37}`,
}));
const provexEval =
  time(() => {
    for (const user of users) upn.evaluate(user);
  }, 20) / users.length;
const handEval =
  time(() => {
    for (const user of users) handUpn(user);
  }, 20) / users.length;
const compileTime = time(() => compile(upnText), 200);

const rows = [
  [
    "parse 1 MB (lex + parse + tree)",
    `${(megabytes / provexParse).toFixed(2)} MB/s`,
    `${(megabytes / handParse).toFixed(2)} MB/s`,
    (provexParse / handParse).toFixed(2),
  ],
  [
    "evaluate the UPN expression",
    `${(1 / provexEval / 1e6).toFixed(2)} M/s`,
    `${(1 / handEval / 1e6).toFixed(2)} M/s`,
    (provexEval / handEval).toFixed(2),
  ],
  ["compile the UPN expression", `${(compileTime * 1e6).toFixed(1)} µs`, "—", "—"],
];
const table = [
  "| measure | provex | hand-written baseline | time ratio (provex / baseline) |",
  "|---|---|---|---|",
  ...rows.map((row) => `| ${row.join(" | ")} |`),
].join("\n");
const report = `# Benchmark results

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, built JS,
median of ${ROUNDS} rounds. The baseline is measured in the same run: a minimal hand-written recursive-descent
parser without diagnostics (bench/baseline-parser.mjs), and the UPN expression written by hand in JS.

${table}
`;
console.log(report);
if (!process.argv.includes("--no-write")) writeFileSync(new URL("./results.md", import.meta.url), report);
