// What the mutation scripts (mutation-report.mjs, mutation-realign.mjs) read of a Stryker report.

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
