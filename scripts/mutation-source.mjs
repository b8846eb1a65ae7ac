// What the mutation scripts (mutation-report.mjs, mutation-realign.mjs) read of a Stryker report.
import { readdirSync, readFileSync } from "node:fs";

/** The source text a mutant replaces (its location is 1-based lines and columns). */
export function originalText(source, location) {
  const lines = source.split("\n");
  const { start, end } = location;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const first = lines[start.line - 1].slice(start.column - 1);
  const last = lines[end.line - 1].slice(0, end.column - 1);
  return [first, ...lines.slice(start.line, end.line - 1), last].join("\n");
}

/** True when the equivalent.json entry names this mutant (any line when the entry gives none). */
export function entryNames(entry, file, mutant, original, { anyLine = false } = {}) {
  return (
    entry.file === file &&
    entry.mutator === mutant.mutatorName &&
    entry.original === original &&
    entry.replacement === (mutant.replacement ?? "") &&
    (anyLine || entry.line === undefined || entry.line === mutant.location.start.line)
  );
}

/** A mutant's identity across runs: its file, place, mutator and replacement. */
export const mutantKey = (file, mutant) => {
  const { start, end } = mutant.location;
  return `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${mutant.mutatorName} ${mutant.replacement ?? ""}`;
};

/**
 * Every mutant Stryker makes of the folder's sources now (its instrumenter, as `npm run mutate` uses it),
 * by key: what a complete, current report of the folder must hold.
 */
export async function sourceMutants(folder) {
  const { Instrumenter } = await import("@stryker-mutator/instrumenter");
  const silent = new Proxy(
    {},
    { get: (_, name) => (String(name).startsWith("is") ? () => false : () => {}) },
  );
  const names = readdirSync(`src/${folder}`, { recursive: true })
    .map((name) => `src/${folder}/${String(name).replaceAll("\\", "/")}`)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort();
  const files = names.map((name) => ({ name, content: readFileSync(name, "utf8"), mutate: true }));
  const { mutants } = await new Instrumenter(silent).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
    noHeader: true,
  });
  // The instrumenter counts lines and columns from 0, the report from 1.
  const oneBased = ({ line, column }) => ({ line: line + 1, column: column + 1 });
  return new Map(
    mutants.map((mutant) => {
      const location = { start: oneBased(mutant.location.start), end: oneBased(mutant.location.end) };
      return [mutantKey(mutant.fileName, { ...mutant, location }), mutant.fileName];
    }),
  );
}
