/**
 * mulberry32: a small, well-distributed 32-bit generator. Not cryptographic, which is the point: the
 * same seed gives the same passwords and GUIDs (`--seed`, and the review commands' streams).
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
 * Random streams for the review commands: one per (seed, user position, target attribute), restarted
 * for each user. Both configurations of a diff, and every case of a test suite, draw the same numbers
 * for the same user and mapping whatever else ran, so an unchanged Guid() or RandomString() mapping
 * gives the same value on both sides, even when another random mapping is added before it.
 */
export class PerUserRandom {
  private user = 0;
  private readonly streams = new Map<string, () => number>();

  constructor(private readonly seed: number) {}

  /** Restarts every stream for the user at `index`. */
  restart(index: number): void {
    this.user = index;
    this.streams.clear();
  }

  /** The stream of one target attribute (give it as the preview's `randomFor`). */
  readonly randomFor = (targetAttribute: string): (() => number) => {
    return () => {
      let next = this.streams.get(targetAttribute);
      if (!next) {
        next = seededRandom(mix(mix(this.seed, this.user), hashText(targetAttribute)));
        this.streams.set(targetAttribute, next);
      }
      return next();
    };
  };
}

function mix(a: number, b: number): number {
  return Math.imul((a ^ 0x9e3779b9) + b, 0x85ebca6b) ^ (b >>> 13);
}

/** FNV-1a over UTF-16 code units. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
