import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";

/**
 * A configuration document as a tree that does not depend on the format it was written in: the JSON
 * reader (strict JSON, through momoa) and the YAML reader (through `yaml`) both produce it, so that the
 * Entra and provex loaders read either format through one {@link ConfigReader}.
 */
export type ConfigNode = ConfigMap | ConfigSeq | ConfigScalar;

/** An object (JSON) or mapping (YAML): its entries in file order, keys unique. */
export interface ConfigMap {
  readonly kind: "map";
  readonly span: Span;
  readonly entries: readonly ConfigEntry[];
}

export interface ConfigEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ConfigNode;
}

/** An array (JSON) or sequence (YAML). */
export interface ConfigSeq {
  readonly kind: "seq";
  readonly span: Span;
  readonly items: readonly ConfigNode[];
}

/**
 * A string, number, boolean or null. `raw` is the value's text as written (for a number, its digits, so
 * that exactness can be checked). Integers too large for a JavaScript number are kept as `bigint`.
 */
export interface ConfigScalar {
  readonly kind: "scalar";
  readonly span: Span;
  readonly value: string | number | bigint | boolean | null;
  readonly raw: string;
  /** How the scalar is written; decides how its characters are traced (see scalar-offsets.ts). */
  readonly source: ScalarSource;
  /** Set on the null that replaces a value already reported (an alias, a tag): nothing more is said of it. */
  readonly dropped?: true;
}

/** The writing of a scalar, as much as its tracing needs to know. */
export type ScalarSource =
  | { readonly format: "json" }
  | {
      readonly format: "yaml";
      readonly type: "plain" | "single-quoted" | "double-quoted" | "literal" | "folded";
      /** The scalar's own text: quotes included; for a block scalar, from its `|`/`>` header. */
      readonly start: number;
      readonly end: number;
      /** For block scalars: the indentation of the collection that holds them. */
      readonly blockIndent: number;
      /** For block scalars: the indentation indicator (0 when none), chomping and header length. */
      readonly header?: { readonly indent: number; readonly chomp: "" | "-" | "+"; readonly length: number };
    };

/** What a format reader gives the {@link ConfigReader}: the tree (undefined when unreadable) and its problems. */
export interface ReadDocument {
  readonly root: ConfigNode | undefined;
  readonly problems: Diagnostic[];
}

/**
 * How deep objects and lists may nest. Entra's source trees take three levels per nested call, and
 * expressions nest at most 100 calls deep, so real exports stay under about 310; both parsers overflow
 * the call stack a little past 2,000 (momoa) and 1,000 (yaml's composer).
 */
export const MAX_NESTING = 400;

/** A null scalar standing for a value that was reported and dropped (an alias, an unsupported tag). */
export function nullScalar(span: Span, dropped = false): ConfigScalar {
  return {
    kind: "scalar",
    span,
    value: null,
    raw: "",
    source: { format: "json" },
    ...(dropped ? { dropped: true } : {}),
  };
}

/** The diagnostic for a document nested past {@link MAX_NESTING}. */
export function tooDeep(span: Span): Diagnostic {
  return diagnostic(
    "config-too-deep",
    "error",
    `The document nests objects and lists more than ${MAX_NESTING} levels deep here; no mapping configuration needs that many, so the file is not read. Flatten it.`,
    span,
  );
}
