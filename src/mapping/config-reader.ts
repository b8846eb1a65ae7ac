import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";
import type { ConfigMap, ConfigNode, ConfigScalar, ConfigSeq } from "./config-tree.js";
import { readJsonTree } from "./json-tree.js";
import type { ClauseLocations, TextLocation } from "./model.js";
import { exactNumberProblem, setOwn, short } from "./plain-data.js";
import { traceScalar } from "./scalar-offsets.js";
import { readYamlTree } from "./yaml-tree.js";

/** The syntax a configuration text is written in. */
export type ConfigSyntax = "json" | "yaml";

/**
 * JSON or YAML? A text whose first character, after a byte order mark and white space, is `{` or `[`
 * is JSON and is read strictly; so is one that starts with a `//` or `/*` comment (to say that JSON has
 * none). Anything else is YAML. (A YAML file written in flow style from its first character on is
 * therefore read as JSON: start it with a comment or `---`.)
 */
export function syntaxOf(text: string): ConfigSyntax {
  return /^\uFEFF?[ \t\r\n]*(?:[[{]|\/[/*])/.test(text) ? "json" : "yaml";
}

/**
 * Reads a configuration document node by node, whichever syntax it is in, reporting every type
 * problem as a positioned diagnostic instead of stopping at the first. The Entra and provex loaders
 * read through it only, so that both syntaxes get the same checks and the same positions.
 */
export class ConfigReader {
  readonly problems: Diagnostic[];
  /** The document's top node; undefined when the text could not be parsed at all. */
  readonly root: ConfigNode | undefined;
  readonly syntax: ConfigSyntax;

  constructor(readonly text: string) {
    this.syntax = syntaxOf(text);
    const document = this.syntax === "json" ? readJsonTree(text) : readYamlTree(text);
    this.root = document.root;
    this.problems = [];
    for (const problem of document.problems)
      this.report(problem.code, problem.message, problem.span, problem.severity);
  }

  report(
    code: string,
    message: string,
    where: Span | ConfigNode | null | undefined,
    severity: Diagnostic["severity"] = "error",
  ): void {
    const { start, end } = spanOf(where);
    const limit = this.text.length;
    const clampedStart = Math.min(Math.max(0, start), limit);
    this.problems.push(
      diagnostic(code, severity, message, {
        start: clampedStart,
        end: Math.min(Math.max(clampedStart, end), limit),
      }),
    );
  }

  /** The node as a mapping, or a `config-type` error naming what was expected. */
  map(node: ConfigNode | undefined, what: string): ConfigMap | undefined {
    if (node?.kind === "map") return node;
    if (node !== undefined && !isDropped(node))
      this.report("config-type", `${what} must be an object (key: value pairs).`, node);
    return undefined;
  }

  /** The node as a list; `null` counts as an empty list, and says nothing. */
  seq(node: ConfigNode | undefined, what: string): ConfigSeq | undefined {
    if (node?.kind === "seq") return node;
    if (node !== undefined && !isNullScalar(node))
      this.report("config-type", `${what} must be a list.`, node);
    return undefined;
  }

  /** A string; numbers and booleans are accepted as their text when `coerce` is set. */
  string(node: ConfigNode | undefined, what: string, options: { coerce?: boolean } = {}): string | undefined {
    if (node === undefined || isDropped(node)) return undefined;
    if (node.kind === "scalar") {
      if (typeof node.value === "string") return node.value;
      if (options.coerce && node.value !== null) return node.raw;
      if (node.value === null) return undefined;
    }
    this.report("config-type", `${what} must be a string.`, node);
    return undefined;
  }

  /** A string or null (`null` → null, missing → undefined). */
  nullableString(node: ConfigNode | undefined, what: string): string | null | undefined {
    if (isNullScalar(node)) return null;
    return this.string(node, what, { coerce: true });
  }

  /**
   * A whole number written in decimal digits and small enough to be exact (at most 2^53 − 1). Hex,
   * octal, exponents and fractions are refused: `match: 0x10` or `1e3` is more likely a mistake than a
   * priority, and a number JavaScript cannot hold exactly would be written back changed.
   */
  integer(node: ConfigNode | undefined, what: string): number | undefined {
    if (node === undefined || isNullScalar(node)) return undefined;
    if (node.kind === "scalar" && (typeof node.value === "number" || typeof node.value === "bigint")) {
      const decimal = /^[-+]?\d+$/.test(node.raw.trim());
      if (decimal && typeof node.value === "number" && Number.isSafeInteger(node.value)) return node.value;
      if (decimal || typeof node.value === "bigint") {
        this.report("config-value", `${what} is too large: at most ${Number.MAX_SAFE_INTEGER}.`, node);
        return undefined;
      }
      this.report(
        "config-type",
        `${what} must be a whole number written in decimal digits, such as 1 or 2 (not ${short(node.raw)}).`,
        node,
      );
      return undefined;
    }
    this.report("config-type", `${what} must be a whole number.`, node);
    return undefined;
  }

  boolean(node: ConfigNode | undefined, what: string): boolean | undefined {
    if (node === undefined || isNullScalar(node)) return undefined;
    if (node.kind === "scalar" && typeof node.value === "boolean") return node.value;
    this.report("config-type", `${what} must be true or false.`, node);
    return undefined;
  }

  /**
   * A node as plain data, for properties kept as they are. Keys such as `__proto__` become own
   * properties (never a prototype); a number that JSON cannot hold exactly (beyond 2^53, more digits
   * than a double keeps, `.inf`) is an error, since writing it back would change it.
   */
  plain(node: ConfigNode | undefined): unknown {
    if (node === undefined) return null;
    switch (node.kind) {
      case "map": {
        const object: Record<string, unknown> = {};
        for (const { key, value } of node.entries) setOwn(object, key, this.plain(value));
        return object;
      }
      case "seq":
        return node.items.map((item) => this.plain(item));
      case "scalar":
        return this.plainScalar(node);
    }
  }

  private plainScalar(node: ConfigScalar): unknown {
    const { value } = node;
    if (typeof value !== "number" && typeof value !== "bigint") return value;
    const problem = exactNumberProblem(value, node.raw);
    if (problem) this.report("config-value", problem, node);
    return Number(value);
  }

  /** Where each character of a string value is written, for positions and fixes; undefined for non-strings. */
  location(node: ConfigNode | undefined): TextLocation | undefined {
    return node?.kind === "scalar" ? traceScalar(this.text, node) : undefined;
  }

  /**
   * Like {@link location}, and also for a number or boolean read as text (`coerce`): each character of
   * its digits is itself. In JSON that text is not a string, so its style is `synthesized` (a fix may
   * not put quotes or escapes there); in YAML it is a plain scalar.
   */
  textLocation(node: ConfigNode | undefined): TextLocation | undefined {
    if (node?.kind !== "scalar" || node.value === null) return undefined;
    if (typeof node.value === "string") return traceScalar(this.text, node);
    const offsets: number[] = [];
    for (let i = 0; i <= node.raw.length; i++) offsets.push(node.span.start + i);
    return { offsets, style: node.source.format === "yaml" ? "plain" : "synthesized" };
  }
}

/** The value of `key` in a mapping (undefined when absent). */
export function entry(map: ConfigMap | undefined, key: string): ConfigNode | undefined {
  if (!map) return undefined;
  for (const item of map.entries) if (item.key === key) return item.value;
  return undefined;
}

/** The entries of a mapping, in file order. */
export function keysOf(map: ConfigMap): readonly { key: string; keySpan: Span; value: ConfigNode }[] {
  return map.entries;
}

/** Null, or a value already reported and dropped (both read as "nothing here"). */
export function isNullScalar(node: ConfigNode | undefined): boolean {
  return node?.kind === "scalar" && node.value === null;
}

function isDropped(node: ConfigNode): boolean {
  return node.kind === "scalar" && node.dropped === true;
}

export function spanOf(where: Span | ConfigNode | null | undefined): Span {
  if (!where) return { start: 0, end: 0 };
  if ("kind" in where) return where.span;
  return where;
}

/**
 * Where a scoping clause's parts are in the file: its attribute (when written), its operator (when
 * written) and each value. Both configuration formats locate a clause the same way.
 */
export function clauseLocations(
  reader: ConfigReader,
  attributeNode: ConfigNode | undefined,
  operatorNode: ConfigNode | undefined,
  valueNodes: readonly ConfigNode[],
): ClauseLocations {
  return {
    ...(attributeNode ? { attribute: reader.location(attributeNode) } : {}),
    ...(operatorNode ? { operator: spanOf(operatorNode) } : {}),
    values: valueNodes.map((value) => reader.textLocation(value)),
  };
}
