#!/usr/bin/env node
// Writes reports/mutation/README.md from the Stryker reports of each folder (reports/mutation/<folder>/
// mutation.json, or one per part in reports/mutation/<folder>/<part>/, written by `npm run mutate`): the
// score per folder and every surviving mutant, with the mutants listed as equivalent (in the equivalent.json
// beside each report) set apart with their reason.
// Usage: node scripts/mutation-report.mjs   (npm run mutate:report)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { entryNames, mutantKey, originalText, sourceMutants } from "./mutation-source.mjs";

const ROOT = "reports/mutation";
const TARGET = 85;

/** Stryker's statuses: what counts as detected, as undetected, and what is left out of the score. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** The directories under reports/mutation that hold a file of this name: a folder's, or its parts'. */
function reportDirectories(name) {
  return readdirSync(ROOT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => relative(ROOT, entry.parentPath))
    .sort();
}

/** @type {{ file: string, line?: number, mutator: string, original: string, replacement: string, reason: string }[]} */
const equivalents = reportDirectories("equivalent.json").flatMap((directory) =>
  JSON.parse(readFileSync(join(ROOT, directory, "equivalent.json"), "utf8")),
);
const used = new Set();

/** Line, then column, then mutator and replacement: a total order on a file's mutants. */
function byPlace(a, b) {
  const { line: la, column: ca } = a.location.start;
  const { line: lb, column: cb } = b.location.start;
  return (
    la - lb ||
    ca - cb ||
    a.mutatorName.localeCompare(b.mutatorName) ||
    (a.replacement ?? "").localeCompare(b.replacement ?? "")
  );
}

function equivalentFor(file, mutant, original) {
  const index = equivalents.findIndex((entry) => entryNames(entry, file, mutant, original));
  if (index >= 0) used.add(index);
  return index >= 0 ? equivalents[index] : undefined;
}

const oneLine = (text) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
};
const code = (text) => `\`${oneLine(text).replaceAll("`", "'").replaceAll("|", "\\|")}\``;

/** Each folder's reports ("lint" → lint/engine and lint/rules), merged: every file is in one part only. */
const reportsByFolder = new Map();
for (const directory of reportDirectories("mutation.json")) {
  const [folder, ...part] = directory.split(/[\\/]/);
  if (folder === undefined || folder === "") continue;
  const report = JSON.parse(readFileSync(join(ROOT, directory, "mutation.json"), "utf8"));
  const merged = reportsByFolder.get(folder) ?? { files: {}, parts: [] };
  for (const [file, result] of Object.entries(report.files)) {
    if (file in merged.files)
      throw new Error(`${file} is in two reports of src/${folder}: ${directory} and another`);
    merged.files[file] = result;
  }
  if (part.length > 0) merged.parts.push(part.join("/"));
  reportsByFolder.set(folder, merged);
}
const folders = [...reportsByFolder.keys()].sort();

/**
 * The mutants Stryker makes of the folder's sources now that no report of the folder holds, counted per
 * file: files (or line ranges, PROVEX_MUTATION_FILES) not run yet, and code changed since its run.
 */
async function notRun(folder) {
  const reported = new Set(
    Object.entries(reportsByFolder.get(folder).files).flatMap(([file, { mutants }]) =>
      mutants.map((mutant) => mutantKey(file, mutant)),
    ),
  );
  const byFile = new Map();
  for (const [key, file] of await sourceMutants(folder)) {
    if (!reported.has(key)) byFile.set(file, (byFile.get(file) ?? 0) + 1);
  }
  return byFile;
}

/**
 * Yes only when the score is at the target and the reports hold every mutant of the folder's current
 * sources: the score says nothing of code never run (a part, a file or a line range not run yet).
 */
async function verdict(folder, score) {
  const left = await notRun(folder);
  if (left.size > 0) {
    const total = [...left.values()].reduce((sum, count) => sum + count, 0);
    const files = [...left].map(([file, count]) => `${file.replace(`src/${folder}/`, "")} ${count}`);
    return `no: ${total} mutants of the sources in no report (${files.join(", ")})`;
  }
  return score >= TARGET ? "yes" : "no";
}

const rows = [];
const sections = [];
for (const folder of folders) {
  const report = reportsByFolder.get(folder);
  const counts = {
    detected: 0,
    timedOut: 0,
    survived: 0,
    noCoverage: 0,
    equivalent: 0,
    ignoredStatic: 0,
    other: 0,
    total: 0,
  };
  const survivors = [];
  const equivalentList = [];
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    // Stryker writes a file's mutants in the order they finished; by place, the report is the same every run.
    for (const mutant of [...mutants].sort(byPlace)) {
      counts.total++;
      const original = originalText(source, mutant.location);
      if (DETECTED.has(mutant.status)) {
        counts.detected++;
        if (mutant.status === "Timeout") counts.timedOut++;
        continue;
      }
      if (!UNDETECTED.has(mutant.status)) {
        // Left out by a part's ignoreStatic (stryker.config.mjs): never tested, so never in the score.
        if (mutant.status === "Ignored" && /^Static mutant/.test(mutant.statusReason ?? ""))
          counts.ignoredStatic++;
        counts.other++;
        continue;
      }
      const equivalent = equivalentFor(file, mutant, original);
      const where = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
      const what = `${mutant.mutatorName}: ${code(original)} → ${code(mutant.replacement ?? "")}`;
      if (equivalent) {
        counts.equivalent++;
        equivalentList.push(`- ${where} ${what} — ${equivalent.reason}`);
      } else {
        if (mutant.status === "Survived") counts.survived++;
        else counts.noCoverage++;
        survivors.push(
          `- ${where} ${what}${mutant.status === "NoCoverage" ? " (no test runs this code)" : ""}`,
        );
      }
    }
  }
  const scored = counts.detected + counts.survived + counts.noCoverage + counts.equivalent;
  const score = scored === 0 ? 100 : (100 * counts.detected) / scored;
  const withoutEquivalent =
    scored - counts.equivalent === 0 ? 100 : (100 * counts.detected) / (scored - counts.equivalent);
  const files = Object.keys(report.files)
    .map((file) => file.replace(`src/${folder}/`, ""))
    .sort();
  const listed = files.length > 6 ? `${files.length} files` : files.join(", ");
  const parts = report.parts.length === 1 ? "part" : "parts";
  const run = report.parts.length > 0 ? `${parts} ${report.parts.join(", ")}: ${listed}` : listed;
  rows.push(
    `| src/${folder} (${run}) | ${counts.total} | ${counts.detected} (${counts.timedOut}) | ${counts.survived} | ${counts.noCoverage} | ${counts.ignoredStatic} | ${counts.equivalent} | ${score.toFixed(1)}% | **${withoutEquivalent.toFixed(1)}%** | ${await verdict(folder, withoutEquivalent)} |`,
  );
  sections.push(
    `## src/${folder}\n\n### Surviving mutants (${survivors.length})\n\n${survivors.join("\n") || "None."}\n\n` +
      `### Equivalent mutants (${equivalentList.length})\n\n${equivalentList.join("\n") || "None."}\n`,
  );
}

const stale = equivalents.filter((_, index) => !used.has(index));
const text = `# Mutation testing report

Generated by \`npm run mutate:report\` from \`reports/mutation/<folder>/mutation.json\` or, for a folder run
in parts, \`reports/mutation/<folder>/<part>/mutation.json\` (written by \`npm run mutate\`; see
docs/mutation-testing.md). Do not edit by hand.

Score = detected (killed or timed out) / (detected + survived + no coverage), Stryker's mutation score (a
mutant that makes a test run past its timeout counts as detected: it made the code loop or crawl);
the bold column leaves out the mutants listed as equivalent in the \`equivalent.json\` beside each report. Compile
errors and runtime errors of a mutant count for neither side. Target: ${TARGET}% per folder.
"Static, not tested" counts the mutants of a part run with Stryker's \`ignoreStatic\` (stryker.config.mjs,
\`IGNORE_STATIC\`): mutants of code that runs while a module loads, which were not tested at all and are in
neither side of the score (docs/mutation-testing.md says which fast tests pin that code instead).
The last column is "yes" only when the folder's reports also hold every mutant Stryker makes of the folder's
current sources (this script instruments them to see): a file or line range not run yet, or code changed since
its run, is counted as "in no report" until its part is run again.

| folder (files run) | mutants | detected (of which timed out) | survived | no coverage | static, not tested | equivalent | score | score without equivalent | ≥ ${TARGET}% |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Folders not listed have not been run yet. A survivor killed by a test written after the run still shows
here until the folder is run again (\`npm run mutate -- --mutate 'src/<folder>/**/*.ts'\`, or for a folder run in
parts \`PROVEX_MUTATION_PART=<folder>/<part> npm run mutate\`).

${sections.join("\n")}${
  stale.length > 0
    ? `\n## Stale equivalent entries\n\nThese entries of equivalent.json match no surviving mutant any more (the code changed, or a test kills them now):\n\n${stale.map((e) => `- ${e.file}:${e.line ?? "?"} ${e.mutator}: ${code(e.original)} → ${code(e.replacement)}`).join("\n")}\n`
    : ""
}`;
writeFileSync(join(ROOT, "README.md"), text);
console.log(`Wrote ${join(ROOT, "README.md")}: ${rows.length} folder(s).`);
