/**
 * mulberry32: a small, well-distributed 32-bit generator. Not cryptographic, which is the point: the
 * same seed gives the same passwords and GUIDs (`--seed`, and the review commands' per-user streams).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A random source restarted for each user from (seed, user position): both configurations of a diff,
 * and every case of a test suite, draw the same numbers for the same user whatever ran before, so an
 * unchanged Guid() or RandomString() mapping gives the same value on both sides.
 */
export class PerUserRandom {
  private next: () => number;

  constructor(private readonly seed: number) {
    this.next = seededRandom(seed);
  }

  /** Restarts the stream for the user at `index`. */
  restart(index: number): void {
    this.next = seededRandom(Math.imul(this.seed ^ 0x9e3779b9, 0x85ebca6b) ^ index);
  }

  readonly random = (): number => this.next();
}
