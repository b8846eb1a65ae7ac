import { Composer, type CST, isAlias, isMap, isScalar, isSeq, type Node, Parser, type YAMLError } from "yaml";
import { type Diagnostic, diagnostic, type Span } from "../diagnostics/index.js";
import {
  type ConfigEntry,
  type ConfigNode,
  type ConfigScalar,
  MAX_NESTING,
  nullScalar,
  type ReadDocument,
  type ScalarSource,
  tooDeep,
} from "./config-tree.js";
import { integerFitsNumber, short } from "./plain-data.js";

/**
 * Reads one YAML 1.2 document (core schema) into a {@link ConfigNode} tree. What a configuration has
 * no use for and that would make positions or write-back lie is refused with a positioned
 * `config-unsupported` error instead of being half-understood: aliases (`*name`), keys that are lists
 * or mappings, tags other than the core ones (`!!binary`, `!!timestamp`, `!custom`). Nesting deeper
 * than {@link MAX_NESTING} is refused before composing (the composer overflows, and on very deep flow
 * collections runs out of memory).
 */
export function readYamlTree(text: string): ReadDocument {
  const problems: Diagnostic[] = [];
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (error) {
    problems.push(syntax(`The file cannot be read as YAML: ${String(error)}`, { start: 0, end: 0 }));
    return { root: undefined, problems };
  }
  const deep = firstTooDeep(tokens);
  if (deep !== undefined) return { root: undefined, problems: [tooDeep({ start: deep, end: deep + 1 })] };
  for (const token of tokens) {
    if (token.type === "directive" && /^%YAML\s+1\.[01]\b/.test(token.source))
      problems.push(
        diagnostic(
          "config-unsupported",
          "warning",
          "provex reads YAML 1.2: yes, no, on and off are text here, not booleans, and dates stay text. Remove the %YAML directive.",
          { start: token.offset, end: token.offset + token.source.length },
        ),
      );
  }
  const composer = new Composer({
    keepSourceTokens: true,
    uniqueKeys: true,
    intAsBigInt: true,
    schema: "core",
    version: "1.2",
    merge: false,
  });
  const documents = Array.from(composer.compose(tokens, true, text.length));
  const document = documents[0];
  if (!document) return { root: undefined, problems };
  const second = documents[1];
  if (second)
    problems.push(
      syntax("The file holds several YAML documents (---); a configuration is one document.", {
        start: second.range[0],
        end: second.range[0],
      }),
    );
  for (const error of document.errors) problems.push(syntax(yamlMessage(error), errorSpan(error)));
  for (const warning of document.warnings) {
    if (warning.code !== "TAG_RESOLVE_FAILED") {
      problems.push(diagnostic("config-syntax", "warning", yamlMessage(warning), errorSpan(warning)));
      continue;
    }
    // A tag other than the core ones is refused where its node is converted; a core tag that does not
    // fit its value (`!!int abc`, `!!bool yes`) would otherwise leave the value silently as text.
    const core = [...CORE_TAGS].find((tag) => warning.message.endsWith(` ${tag}`));
    if (core)
      problems.push(
        syntax(
          `The value does not fit its YAML tag ${core.replace("tag:yaml.org,2002:", "!!")}; remove the tag, or write a value of that type.`,
          errorSpan(warning),
        ),
      );
  }
  const contents = document.contents as Node | null;
  const root = contents ? convert(contents, problems, text) : nullScalar({ start: 0, end: 0 });
  return { root, problems };
}

function syntax(message: string, span: Span): Diagnostic {
  return diagnostic("config-syntax", "error", message, span);
}

function yamlMessage(error: YAMLError): string {
  const line = error.message.split("\n")[0] ?? error.message;
  return `${/[.:]$/.test(line) ? line : `${line}.`} Fix the syntax here.`;
}

function errorSpan(error: YAMLError): Span {
  return { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) };
}

/** The offset of the first collection nested past the limit, walking the concrete syntax tree. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type === "document") {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > MAX_NESTING) return token.offset;
      for (const item of token.items) {
        if ("key" in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Tags that mean nothing beyond what the core schema already reads. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((name) => `tag:yaml.org,2002:${name}`),
);

function unsupported(problems: Diagnostic[], message: string, span: Span): void {
  problems.push(diagnostic("config-unsupported", "error", message, span));
}

function spanOf(node: Node): Span {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/** Converts a composed node; depth is bounded by {@link firstTooDeep}, so recursion is safe. */
function convert(node: Node, problems: Diagnostic[], text: string): ConfigNode {
  const span = spanOf(node);
  if (isAlias(node)) {
    unsupported(
      problems,
      `YAML aliases (*${short(node.source)}) are not supported: provex points findings and fixes at the text of each value, so write the value out here instead of referring to an anchor.`,
      span,
    );
    return nullScalar(span, true);
  }
  if (node.tag && !CORE_TAGS.has(node.tag)) {
    // The node's range starts after its tag; point at the tag (the nearest `!` before it).
    let tagAt = text.lastIndexOf("!", span.start);
    while (tagAt > 0 && text[tagAt - 1] === "!") tagAt--;
    const lineStart = text.lastIndexOf("\n", span.start - 1);
    const tagSpan = tagAt > lineStart && tagAt >= 0 ? { start: tagAt, end: span.end } : span;
    unsupported(
      problems,
      `The YAML tag ${node.tag.replace("tag:yaml.org,2002:", "!!")} is not supported: a configuration holds only text, numbers, booleans, null, lists and mappings. Remove the tag.`,
      tagSpan,
    );
    return nullScalar(span, true);
  }
  if (isMap(node)) {
    const entries: ConfigEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key !== null && !isScalar(key)) {
        unsupported(
          problems,
          isAlias(key)
            ? "A YAML alias cannot be a key here; write the key out."
            : "A list or mapping cannot be a key in a configuration (YAML's `? [a, b]` complex keys); keys are text.",
          spanOf(key),
        );
        continue;
      }
      const keySpan = key ? spanOf(key) : { start: span.start, end: span.start };
      const keyValue = key?.value;
      const keyText = typeof keyValue === "string" ? keyValue : keyValue == null ? "" : String(keyValue);
      entries.push({
        key: keyText,
        keySpan,
        value: value ? convert(value, problems, text) : nullScalar({ start: keySpan.end, end: keySpan.end }),
      });
    }
    return { kind: "map", span, entries };
  }
  if (isSeq(node)) {
    return {
      kind: "seq",
      span,
      items: node.items.map((item) =>
        item ? convert(item as Node, problems, text) : nullScalar({ start: span.start, end: span.start }),
      ),
    };
  }
  if (isScalar(node)) {
    const token = node.srcToken as CST.Token | undefined;
    const written =
      token &&
      (token.type === "block-scalar" ||
        token.type === "scalar" ||
        token.type === "single-quoted-scalar" ||
        token.type === "double-quoted-scalar")
        ? token
        : undefined;
    return scalarOf(node.value, span, written, problems, text);
  }
  unsupported(problems, "This YAML value cannot be read.", span);
  return nullScalar(span, true);
}

function scalarOf(
  value: unknown,
  span: Span,
  token: CST.FlowScalar | CST.BlockScalar | undefined,
  problems: Diagnostic[],
  text: string,
): ConfigScalar {
  let read: ConfigScalar["value"];
  // Integers come as bigint (intAsBigInt) so that one a double cannot hold exactly stays detectable.
  if (typeof value === "bigint")
    read = integerFitsNumber(value, text.slice(span.start, span.end)) ? Number(value) : value;
  else if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value === null
  )
    read = value;
  else {
    unsupported(problems, "This YAML value is not text, a number, a boolean or null.", span);
    read = null;
  }
  return {
    kind: "scalar",
    span,
    value: read,
    raw: text.slice(span.start, span.end),
    source: sourceOf(token, span),
  };
}

function sourceOf(token: CST.FlowScalar | CST.BlockScalar | undefined, span: Span): ScalarSource {
  if (!token) return { format: "yaml", type: "plain", start: span.start, end: span.end, blockIndent: 0 };
  if (token.type === "block-scalar") {
    const first = token.props[0];
    const headerText = first && "source" in first && typeof first.source === "string" ? first.source : "|";
    const length = token.props.reduce(
      (sum, prop) => sum + ("source" in prop && typeof prop.source === "string" ? prop.source.length : 0),
      0,
    );
    const digit = /[1-9]/.exec(headerText.slice(1))?.[0];
    const chomp = /[-+]/.exec(headerText.slice(1))?.[0] as "-" | "+" | undefined;
    return {
      format: "yaml",
      type: headerText.startsWith(">") ? "folded" : "literal",
      start: token.offset,
      end: token.offset + length + token.source.length,
      blockIndent: token.indent,
      header: { indent: digit ? Number(digit) : 0, chomp: chomp ?? "", length },
    };
  }
  const type =
    token.type === "single-quoted-scalar"
      ? "single-quoted"
      : token.type === "double-quoted-scalar"
        ? "double-quoted"
        : "plain";
  return {
    format: "yaml",
    type,
    start: token.offset,
    end: token.offset + token.source.length,
    blockIndent: token.indent,
  };
}
