/**
 * Edit distance, case-insensitive, counting a swap of two neighbouring letters as one edit (optimal
 * string alignment), since `Jion` for `Join` is the most common typo.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: right.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= left.length; i++) {
    const row = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(
        (rows[i - 1]?.[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (rows[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[left.length]?.[right.length] ?? 0;
}

/**
 * The candidate closest to `name`, when it is close enough to be a plausible typo: at most a third of
 * the name's length in edits (and at most 3), so that `Jion` suggests Join but `Foo` suggests nothing.
 * Of equally close candidates the first wins, so the suggestion follows the schema's or the registry's order.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const budget = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip the quadratic table when that alone
    // is over budget (a megabyte-long name against every schema attribute would take minutes).
    if (Math.abs(candidate.length - name.length) > budget) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= budget ? best : undefined;
}
