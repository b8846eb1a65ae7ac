// Timing helpers: warm-up, interleaved rounds, medians. Interleaving (A B C, A B C, …) rather than
// A A A, B B B spreads the noise of a shared machine over every contender alike, so the ratios of
// medians stay meaningful even when absolute times drift.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The process's CPU time (user + system) in seconds. Rounds are timed in CPU time, not wall time: on a
 * machine shared by several engineers a process waits for a core for long stretches, which wall time
 * counts and CPU time does not. The GC's helper threads are included, so allocation is paid for.
 */
function cpuNow() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Runs every contender once to warm up (JIT, caches), then `rounds` rounds in which each contender runs
 * once, in turn. `contenders` maps a name to `{ run, rounds?, warm? }`; `run()` does one round of work
 * and may return a promise. A contender with fewer `rounds` (a slow one such as jsonata) runs only in the
 * first rounds; `warm: true` says it is warm already (its outputs were just checked). Returns, per name,
 * the median CPU seconds per round and every sample.
 */
export async function interleave(contenders, { rounds = 15, warmup = 1 } = {}) {
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let w = 0; w < warmup; w++) {
    for (const name of names) if (!contenders[name].warm) await contenders[name].run();
  }
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const contender = contenders[name];
      if (round >= (contender.rounds ?? rounds)) continue;
      const start = cpuNow();
      const pending = contender.run();
      if (pending && typeof pending.then === "function") await pending;
      samples[name].push(cpuNow() - start);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }]),
  );
}

/** Median ratio of paired samples a[i] / b[i] (same round), with the range of the ratios. */
export function pairedRatio(a, b) {
  const count = Math.min(a.length, b.length);
  const ratios = [];
  for (let i = 0; i < count; i++) ratios.push(a[i] / b[i]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
