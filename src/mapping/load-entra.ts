import { isMap, type Node, type YAMLMap } from "yaml";
import { graphParameterKeys } from "../functions/index.js";
import { fromGraphSource } from "../parser/index.js";
import { readDirectories } from "./directories.js";
import { graphSourceIsRegenerated } from "./graph-source.js";
import type { LoadedParts } from "./load-parts.js";
import type {
  AttributeMapping,
  FlowType,
  MappingType,
  ObjectMapping,
  ScopingClause,
  ScopingFilter,
  SyncRule,
} from "./model.js";
import { readFlowType, readOperator } from "./model-values.js";
import { type ConfigReader, entry, isNullScalar, keysOf, spanOf, valueOffsets } from "./yaml-reader.js";

/**
 * Reads Entra's exported synchronizationSchema JSON (SPEC §c, §f) exactly as Graph exports it. Known
 * properties become the model; everything else is kept in `extra` for the writer.
 */
export function loadEntraSchema(reader: ConfigReader): LoadedParts {
  const root = reader.map(reader.root, "The synchronization schema");
  const rules: SyncRule[] = [];
  const objects: ObjectMapping[] = [];
  const extra: Record<string, unknown> = {};
  if (root) {
    for (const { key, value } of keysOf(root)) {
      if (key !== "synchronizationRules") extra[key] = reader.plain(value);
    }
    const list = reader.seq(entry(root, "synchronizationRules"), "synchronizationRules");
    if (!entry(root, "synchronizationRules"))
      reader.report(
        "config-missing",
        "An Entra schema needs synchronizationRules; export it with GET …/synchronization/jobs/{id}/schema.",
        root,
      );
    list?.items.forEach((item, index) => {
      const rule = reader.map(item as Node, `synchronizationRules[${index}]`);
      if (!rule) return;
      const ruleExtra: Record<string, unknown> = {};
      for (const { key, value } of keysOf(rule))
        if (key !== "objectMappings" && key !== "id") ruleExtra[key] = reader.plain(value);
      rules.push({ id: reader.string(entry(rule, "id"), "id", { coerce: true }) ?? "", extra: ruleExtra });
      const mappings = reader.seq(entry(rule, "objectMappings"), "objectMappings");
      for (const [objectIndex, objectNode] of (mappings?.items ?? []).entries()) {
        const object = readObjectMapping(
          reader,
          objectNode as Node,
          rules.length - 1,
          `objectMappings[${objectIndex}]`,
        );
        if (object) objects.push(object);
      }
    });
  }
  return {
    rules,
    objects,
    extra,
    directories: readDirectories(extra.directories),
    dialect: "entra",
    assignment: undefined,
  };
}

const OBJECT_KEYS = new Set([
  "name",
  "enabled",
  "flowTypes",
  "sourceObjectName",
  "targetObjectName",
  "scope",
  "attributeMappings",
]);

function readObjectMapping(
  reader: ConfigReader,
  node: Node,
  rule: number,
  what: string,
): ObjectMapping | undefined {
  const map = reader.map(node, what);
  if (!map) return undefined;
  const extra = leftovers(reader, map, OBJECT_KEYS);
  const scopeNode = entry(map, "scope");
  let scope: ScopingFilter[] | null = null;
  if (scopeNode !== undefined && !isNullScalar(scopeNode)) {
    const scopeMap = reader.map(scopeNode, `${what}.scope`);
    scope = [];
    if (scopeMap) {
      const scopeExtra = leftovers(reader, scopeMap, new Set(["groups"]));
      // Kept even when empty: it tells the writer the export had a scope object, not `scope: null`.
      extra.scope = scopeExtra;
      for (const group of reader.seq(entry(scopeMap, "groups"), "scope.groups")?.items ?? []) {
        const filter = readFilter(reader, group as Node);
        if (filter) scope.push(filter);
      }
    }
  } else if (scopeNode !== undefined) {
    extra.scope = null;
  }
  const attributeMappings: AttributeMapping[] = [];
  for (const item of reader.seq(entry(map, "attributeMappings"), `${what}.attributeMappings`)?.items ?? []) {
    const mapping = readAttributeMapping(reader, item as Node);
    if (mapping) attributeMappings.push(mapping);
  }
  return {
    rule,
    name: reader.string(entry(map, "name"), "name") ?? "",
    enabled: reader.boolean(entry(map, "enabled"), "enabled") ?? true,
    sourceObjectName: reader.string(entry(map, "sourceObjectName"), "sourceObjectName") ?? "User",
    targetObjectName: reader.string(entry(map, "targetObjectName"), "targetObjectName") ?? "",
    flowTypes: reader.string(entry(map, "flowTypes"), "flowTypes") ?? "Add, Update, Delete",
    scope,
    mappings: attributeMappings,
    extra,
    span: spanOf(map),
  };
}

function readFilter(reader: ConfigReader, node: Node): ScopingFilter | undefined {
  const map = reader.map(node, "A scoping filter group");
  if (!map) return undefined;
  const clauses: ScopingClause[] = [];
  for (const item of reader.seq(entry(map, "clauses"), "clauses")?.items ?? []) {
    const clause = reader.map(item as Node, "A scoping clause");
    if (!clause) continue;
    const operator = readOperator(reader, entry(clause, "operatorName"), clause);
    const attribute = reader.string(entry(clause, "sourceOperandName"), "sourceOperandName");
    if (attribute === undefined)
      reader.report("config-missing", "A clause needs sourceOperandName: the attribute it tests.", clause);
    const operand = reader.map(entry(clause, "targetOperand") ?? undefined, "targetOperand");
    const values: string[] = [];
    for (const value of reader.seq(entry(operand, "values"), "targetOperand.values")?.items ?? []) {
      const text = reader.string(value as Node, "A clause value", { coerce: true });
      if (text !== undefined) values.push(text);
    }
    const extra = leftovers(reader, clause, new Set(["operatorName", "sourceOperandName", "targetOperand"]));
    if (operand) {
      const operandExtra = leftovers(reader, operand, new Set(["values"]));
      if (Object.keys(operandExtra).length > 0) extra.targetOperand = operandExtra;
    }
    if (operator && attribute !== undefined)
      clauses.push({ attribute, operator, values, extra, span: spanOf(clause) });
  }
  return {
    name: reader.string(entry(map, "name"), "name", { coerce: true }) ?? "",
    clauses,
    extra: leftovers(reader, map, new Set(["name", "clauses"])),
    span: spanOf(map),
  };
}

const MAPPING_KEYS = new Set([
  "targetAttributeName",
  "source",
  "defaultValue",
  "flowType",
  "flowBehavior",
  "matchingPriority",
  "exportMissingReferences",
]);

const TYPE_OF_SOURCE: Record<string, MappingType> = {
  Attribute: "direct",
  Constant: "constant",
  Function: "expression",
};

function readAttributeMapping(reader: ConfigReader, node: Node): AttributeMapping | undefined {
  const map = reader.map(node, "An attribute mapping");
  if (!map) return undefined;
  const target = reader.string(entry(map, "targetAttributeName"), "targetAttributeName");
  if (target === undefined) {
    reader.report("config-missing", "An attribute mapping needs targetAttributeName.", map);
    return undefined;
  }
  const extra = leftovers(reader, map, MAPPING_KEYS);
  const sourceNode = entry(map, "source");
  let type: MappingType = "none";
  let expression: string | null = null;
  let expressionOffsets: number[] | undefined;
  if (sourceNode !== undefined && !isNullScalar(sourceNode)) {
    const sourceMap = reader.map(sourceNode, `The source of ${target}`);
    const plainSource = reader.plain(sourceNode);
    const parsed = fromGraphSource(plainSource, graphParameterKeys);
    expression = parsed.text;
    const expressionNode = entry(sourceMap, "expression");
    if (expressionNode && isMap(sourceMap) && typeof plainSource === "object" && plainSource !== null) {
      const written = (plainSource as { expression?: unknown }).expression;
      if (typeof written === "string" && written.trim() !== "")
        expressionOffsets = valueOffsets(reader.text, expressionNode);
    }
    const sourceType = reader.string(entry(sourceMap, "type"), "source.type") ?? "Attribute";
    type = TYPE_OF_SOURCE[sourceType] ?? "expression";
    for (const problem of parsed.diagnostics.filter((d) => d.code === "invalid-graph-source"))
      reader.report(problem.code, problem.message, sourceNode);
    if (!graphSourceIsRegenerated(plainSource, parsed.ast, parsed.diagnostics)) extra.source = plainSource;
  }
  const priorityNode = entry(map, "matchingPriority");
  return {
    target,
    type,
    expression,
    expressionOffsets,
    defaultValue: reader.nullableString(entry(map, "defaultValue"), "defaultValue") ?? null,
    flowType: readFlowType(reader, entry(map, "flowType")) ?? ("Always" as FlowType),
    flowBehavior: reader.string(entry(map, "flowBehavior"), "flowBehavior") ?? "FlowWhenChanged",
    matchingPriority: reader.integer(priorityNode, "matchingPriority") ?? 0,
    exportMissingReferences:
      reader.boolean(entry(map, "exportMissingReferences"), "exportMissingReferences") ?? false,
    extra,
    span: spanOf(map),
  };
}

/** The properties of `map` the model does not interpret, as plain data. */
function leftovers(reader: ConfigReader, map: YAMLMap, known: ReadonlySet<string>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const { key, value } of keysOf(map)) if (!known.has(key)) rest[key] = reader.plain(value);
  return rest;
}
