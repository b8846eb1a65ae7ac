import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from "yaml";
import type { CaseActual, TestResults } from "./test-types.js";

/** What a snapshot writes for a case: everything the actual result says, in the order expect: reads. */
export function snapshotOf(actual: CaseActual): Record<string, unknown> {
  return {
    action: actual.action,
    ...(actual.skipReason !== undefined ? { skipReason: actual.skipReason } : {}),
    ...(actual.scope !== null ? { scope: actual.scope } : {}),
    match: actual.match ?? "none",
    error: actual.error?.code ?? "none",
    warnings: [...actual.warnings],
    attributes: actual.attributes,
  };
}

/**
 * The expectation file with the actual results written into every case that asks for a snapshot
 * (`snapshot: true`): its `expect:` is replaced, or added after the case's last key. Nothing else
 * changes — comments, order, quoting and the other cases stay as written. `results` are the results of
 * the file's cases, in file order. Cases written as flow mappings (`{ … }`) are left alone and listed.
 */
export function updateSnapshots(
  text: string,
  results: TestResults,
): { text: string; updated: number; skipped: string[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const root = document.contents;
  const cases = isMap(root) ? root.get("cases", true) : undefined;
  if (!isSeq(cases)) return { text, updated: 0, skipped: [] };
  const edits: { start: number; end: number; text: string }[] = [];
  const skipped: string[] = [];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  for (const node of cases.items as Node[]) {
    if (!isMap(node)) continue;
    const snapshot = node.get("snapshot");
    if (snapshot !== true) continue;
    const start = node.range?.[0] ?? 0;
    const { line, col } = lines.linePos(start);
    const result = results.cases.find((item) => item.position.line === line && item.position.column === col);
    if (!result) continue;
    if (node.flow) {
      skipped.push(result.name);
      continue;
    }
    const keyColumn = col - 1;
    const indent = " ".repeat(keyColumn + 2);
    const block = stringify(snapshotOf(result.actual), { indent: 2, lineWidth: 0 })
      .trimEnd()
      .split("\n")
      .map((row) => `${indent}${row}`)
      .join(eol);
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === "expect");
    if (pair && isScalar(pair.key)) {
      const keyEnd = pair.key.range?.[1] ?? start;
      const value = pair.value as Node | null;
      if (value === null) {
        // `? expect` alone (an explicit key without a value): rewritten as `expect:` with the block.
        // The key's own text (expect, quoted or not) holds no `?`: the last one before its end is the
        // indicator.
        const indicator = text.lastIndexOf("?", keyEnd);
        edits.push({ start: indicator, end: keyEnd, text: `expect:${eol}${block}` });
        continue;
      }
      let end = value.range?.[1] ?? keyEnd;
      while (end > keyEnd && /[\r\n]/.test(text[end - 1] ?? "")) end--;
      // A comment after the old value (`expect: # fill in`, `expect: ~  # none`) stays on the
      // expect: line; left where it was, it would end up glued to the block's last value.
      const comment = /^[ \t]*(#[^\r\n]*)/.exec(text.slice(end));
      edits.push({
        start: keyEnd,
        end: end + (comment?.[0].length ?? 0),
        text: `:${comment ? ` ${comment[1]}` : ""}${eol}${block}`,
      });
    } else {
      let end = node.range?.[1] ?? start;
      while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
      // After a comment on the case's last line, not inside it.
      while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
      edits.push({ start: end, end, text: `${eol}${" ".repeat(keyColumn)}expect:${eol}${block}` });
    }
  }
  let output = text;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return { text: output, updated: edits.length, skipped };
}
