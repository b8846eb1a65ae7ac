import { seededRandom } from "../../src/review/seeded-random.js";

/**
 * Deterministic bytes from the project's own seeded generator (mulberry32), so that a failure can be
 * reproduced: each byte is the low 8 bits of one 32-bit draw.
 */
export function randomBytes(length: number, seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 4_294_967_296) & 0xff;
  return bytes;
}
