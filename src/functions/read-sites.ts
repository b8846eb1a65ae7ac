import type { EntryAttributes } from "./spec.js";
import type { Value } from "./value.js";

/**
 * Property reads of their own for whole-expression entries (see {@link EntryCompiler}).
 *
 * V8 keeps what a property read has seen (which names, which object shapes) per function literal of the
 * source, shared by every closure made from that literal. A read `attributes[name]` written once and
 * used by every compiled expression sees every attribute name, turns megamorphic, and costs a lookup in
 * a global cache; with the object's shape unknown, the own-property check (`Object.getPrototypeOf`)
 * becomes a call as well. A read in a literal of its own sees one name and few shapes: an inline field
 * load, and the prototype check folded into the shape check. Closures made at run time cannot have
 * literals of their own without generating code (no `eval`, strict CSP), so the literals are written out
 * below, identical, and handed out in turn: the first {@link READ_SITES} entries compiled in a process
 * get reads of their own, later ones share them (as fast as one shared read, never slower). The copies
 * do exactly the same thing; only V8's feedback tells them apart.
 */

/** Finishes an entry from the values read (undefined for both when there are no attributes). */
export type FinishTwo = (attributes: EntryAttributes, first: unknown, second: unknown) => Value;

type TwoReads = (first: string, second: string, finish: FinishTwo) => (attributes: EntryAttributes) => Value;

// biome-ignore format: one copy a line, so that the copies are visibly identical.
const TWO_READS: readonly TwoReads[] = [
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
  (f, s, finish) => (o) => (o == null ? finish(o, undefined, undefined) : finish(o, o[f], o[s])),
];

/** How many entries get reads of their own. */
export const READ_SITES = TWO_READS.length;

let nextTwo = 0;

/**
 * An `evaluate` that reads `attributes[first]` then `attributes[second]` (getters run once each, in
 * that order) and hands both to `finish`, from the next read site in turn.
 */
export function readTwo(
  first: string,
  second: string,
  finish: FinishTwo,
): (attributes: EntryAttributes) => Value {
  const site = TWO_READS[nextTwo] as TwoReads;
  nextTwo = (nextTwo + 1) % TWO_READS.length;
  return site(first, second, finish);
}
