#!/usr/bin/env node
// Moves the equivalent.json entries of one report to the lines their mutants moved to, after code above
// them grew or shrank: an entry that names no surviving mutant any more is paired, in line order, with
// a surviving mutant of the same file, mutator, original text and replacement that no entry names.
// Only the line changes, so the reason still describes the same code; check the diff before committing.
// Usage: node scripts/mutation-realign.mjs reports/mutation/<folder>[/<part>]   (npm run mutate:realign --)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entryNames, originalText } from "./mutation-source.mjs";

const directory = process.argv[2];
if (!directory) {
  console.error("usage: node scripts/mutation-realign.mjs reports/mutation/<folder>[/<part>]");
  process.exit(2);
}
const report = JSON.parse(readFileSync(join(directory, "mutation.json"), "utf8"));
const entriesFile = join(directory, "equivalent.json");
const entries = JSON.parse(readFileSync(entriesFile, "utf8"));

const undetected = Object.entries(report.files).flatMap(([file, { source, mutants }]) =>
  mutants
    .filter((mutant) => mutant.status === "Survived" || mutant.status === "NoCoverage")
    .map((mutant) => ({ file, mutant, original: originalText(source, mutant.location) }))
    .sort((a, b) => a.mutant.location.start.line - b.mutant.location.start.line),
);
const named = new Set();
const stale = [];
for (const entry of entries) {
  const match = undetected.find((u) => !named.has(u) && entryNames(entry, u.file, u.mutant, u.original));
  if (match) named.add(match);
  else stale.push(entry);
}
let moved = 0;
for (const entry of stale.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
  const match = undetected.find(
    (u) => !named.has(u) && entryNames(entry, u.file, u.mutant, u.original, { anyLine: true }),
  );
  if (!match) {
    console.log(
      `left: ${entry.file}:${entry.line} ${entry.mutator} names no surviving mutant (drop or rewrite it)`,
    );
    continue;
  }
  named.add(match);
  console.log(`moved: ${entry.file}:${entry.line} → ${match.mutant.location.start.line} ${entry.mutator}`);
  entry.line = match.mutant.location.start.line;
  moved++;
}
if (moved > 0) writeFileSync(entriesFile, `${JSON.stringify(entries, null, 2)}\n`);
console.log(
  `${moved} moved, ${stale.length - moved} left, ${entries.length - stale.length} already in place`,
);
