import { closestName } from "../checker/index.js";
import { type ConfigReader, isNullScalar } from "./config-reader.js";
import type { ConfigNode } from "./config-tree.js";
import { FLOW_TYPES, type FlowType, SCOPING_OPERATORS, type ScopingOperator } from "./model.js";
import { short } from "./plain-data.js";

/** Reads a scoping operator name; UI spellings ("NOT EQUALS", "Greater_Than") are accepted. */
export function readOperator(
  reader: ConfigReader,
  node: ConfigNode | undefined,
  clause: ConfigNode,
): ScopingOperator | undefined {
  const text = reader.string(node, "operatorName");
  if (text === undefined) {
    // Absent or null: the clause cannot be read, and dropping it without a word would widen its filter,
    // in the preview and in what is written back. (A value already refused, such as an alias, reads as
    // null too; loadConfig drops config-missing after such an error.)
    if (node === undefined || isNullScalar(node))
      reader.report(
        "config-missing",
        "A clause needs an operator such as EQUALS or IS_NOT_NULL.",
        node === undefined ? clause : node,
      );
    return undefined;
  }
  const operator = normalizeOperator(text);
  if (operator) return operator;
  const suggestion = closestName(text.toUpperCase(), SCOPING_OPERATORS);
  reader.report(
    "unknown-operator",
    `Unknown scoping operator ${JSON.stringify(short(text))}${suggestion ? `; did you mean ${suggestion}?` : "."} Use one of ${SCOPING_OPERATORS.join(", ")}.`,
    node,
  );
  return undefined;
}

export function normalizeOperator(text: string): ScopingOperator | undefined {
  const upper = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (SCOPING_OPERATORS as readonly string[]).includes(upper) ? (upper as ScopingOperator) : undefined;
}

/** Reads Graph's flowType (Always, ObjectAddOnly, …). */
export function readFlowType(reader: ConfigReader, node: ConfigNode | undefined): FlowType | undefined {
  const text = reader.string(node, "flowType");
  if (text === undefined) return undefined;
  const found = FLOW_TYPES.find((flow) => flow.toLowerCase() === text.toLowerCase());
  if (!found)
    reader.report(
      "config-value",
      `flowType must be one of ${FLOW_TYPES.join(", ")}, not ${JSON.stringify(short(text))}.`,
      node,
    );
  return found;
}
