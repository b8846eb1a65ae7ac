import { quoteString } from "../parser/index.js";
import { type ConfigReader, entry } from "./config-reader.js";
import type { ConfigMap, ConfigNode } from "./config-tree.js";
import type { TextLocation } from "./model.js";

/**
 * Where the expression of an Entra `source` tree is written: its `expression` text when the tree has
 * one (what the loader reads), else the `[name]` or quoted constant built from `name`; undefined for a
 * Function tree without text (its diagnostics go to the source object).
 */
export function expressionLocation(
  reader: ConfigReader,
  source: ConfigMap | undefined,
  expression: string,
): TextLocation | undefined {
  const written = entry(source, "expression");
  if (written?.kind === "scalar" && typeof written.value === "string" && written.value === expression)
    return reader.location(written);
  const name = entry(source, "name");
  const type = entry(source, "type");
  const kind = type?.kind === "scalar" && typeof type.value === "string" ? type.value : "Attribute";
  if (kind === "Attribute") return bracketedName(reader, name, expression);
  if (kind === "Constant") return quotedConstant(reader, name, expression);
  return undefined;
}

/**
 * A direct mapping's `[name]`: each character of the name at its place, the brackets (not in the file)
 * at the name's first and last characters. Style `synthesized`.
 */
export function bracketedName(
  reader: ConfigReader,
  node: ConfigNode | undefined,
  expression: string,
): TextLocation | undefined {
  const name = reader.location(node);
  if (!name) return undefined;
  const { offsets } = name;
  const length = offsets.length - 1;
  const end = offsets[length] ?? 0;
  const traced = {
    offsets: [offsets[0] ?? end, ...offsets.slice(0, length), offsets[length - 1] ?? end, end],
    style: "synthesized" as const,
  };
  return traced.offsets.length === expression.length + 1 ? traced : undefined;
}

/**
 * A constant mapping's quoted literal: each character (and the backslash of its escape) at the
 * character of the value it writes, the quotes at the value's start and end. Style `synthesized`.
 */
export function quotedConstant(
  reader: ConfigReader,
  node: ConfigNode | undefined,
  expression: string,
): TextLocation | undefined {
  const location = reader.textLocation(node);
  if (!location || node?.kind !== "scalar") return undefined;
  const text = typeof node.value === "string" ? node.value : node.raw;
  const { offsets } = location;
  const end = offsets[text.length] ?? 0;
  const result: number[] = [offsets[0] ?? end];
  for (let i = 0; i < text.length; i++) {
    const written = quoteString(text[i] ?? "").length - 2;
    for (let k = 0; k < written; k++) result.push(offsets[i] ?? end);
  }
  result.push(end, end);
  return result.length === expression.length + 1 ? { offsets: result, style: "synthesized" } : undefined;
}
