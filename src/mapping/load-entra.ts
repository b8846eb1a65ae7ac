import { graphParameterKeys } from "../functions/index.js";
import { fromGraphSource } from "../parser/index.js";
import { type ConfigReader, clauseLocations, entry, isNullScalar, keysOf, spanOf } from "./config-reader.js";
import type { ConfigMap, ConfigNode } from "./config-tree.js";
import { readDirectories } from "./directories.js";
import { noteOriginal, rawScalar } from "./entra-original.js";
import { expressionLocation } from "./expression-location.js";
import { graphSourceIsRegenerated } from "./graph-source.js";
import type { LoadedParts } from "./load-parts.js";
import type {
  AttributeMapping,
  FlowType,
  MappingLocations,
  MappingType,
  ObjectMapping,
  ScopingClause,
  ScopingFilter,
  SyncRule,
} from "./model.js";
import { readFlowType, readOperator } from "./model-values.js";
import { setOwn } from "./plain-data.js";

/**
 * Reads Entra's exported synchronizationSchema JSON (SPEC §c, §f) exactly as Graph exports it. Known
 * properties become the model; everything else is kept in `extra` for the writer, and so is the way a
 * known property was written when the model normalises it (see entra-original.ts).
 */
export function loadEntraSchema(reader: ConfigReader): LoadedParts {
  const root = reader.root === undefined ? undefined : reader.map(reader.root, "The synchronization schema");
  const rules: SyncRule[] = [];
  const objects: ObjectMapping[] = [];
  const extra: Record<string, unknown> = {};
  if (root) {
    for (const { key, value } of keysOf(root)) {
      if (key !== "synchronizationRules") setOwn(extra, key, reader.plain(value));
    }
    const list = reader.seq(entry(root, "synchronizationRules"), "synchronizationRules");
    if (!entry(root, "synchronizationRules"))
      reader.report(
        "config-missing",
        "An Entra schema needs synchronizationRules; export it with GET …/synchronization/jobs/{id}/schema.",
        root,
      );
    list?.items.forEach((item, index) => {
      const rule = reader.map(item, `synchronizationRules[${index}]`);
      if (!rule) return;
      const ruleExtra: Record<string, unknown> = {};
      for (const { key, value } of keysOf(rule))
        if (key !== "objectMappings" && key !== "id") setOwn(ruleExtra, key, reader.plain(value));
      const idNode = entry(rule, "id");
      const id = reader.string(idNode, "id", { coerce: true }) ?? "";
      noteOriginal(ruleExtra, "id", rawScalar(idNode), id);
      const mappingsNode = entry(rule, "objectMappings");
      const mappings = reader.seq(mappingsNode, "objectMappings");
      const first = objects.length;
      for (const [objectIndex, objectNode] of (mappings?.items ?? []).entries()) {
        const object = readObjectMapping(reader, objectNode, rules.length, `objectMappings[${objectIndex}]`);
        if (object) objects.push(object);
      }
      if (objects.length === first) noteEmptyList(ruleExtra, "objectMappings", mappingsNode);
      rules.push({ id, extra: ruleExtra });
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

/**
 * A list property that gave nothing: when it was absent or `null` (not `[]`), the writer gives that
 * back as long as the list stays empty (the writer compares the number of items).
 */
function noteEmptyList(
  extra: Record<string, unknown>,
  key: string,
  node: ConfigNode | undefined,
  read: unknown = 0,
): void {
  if (node === undefined) noteOriginal(extra, key, undefined, read);
  else if (isNullScalar(node)) noteOriginal(extra, key, null, read);
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
  node: ConfigNode,
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
      setOwn(extra, "scope", scopeExtra);
      const groupsNode = entry(scopeMap, "groups");
      for (const group of reader.seq(groupsNode, "scope.groups")?.items ?? []) {
        const filter = readFilter(reader, group);
        if (filter) scope.push(filter);
      }
      if (scope.length === 0) noteEmptyList(scopeExtra, "groups", groupsNode);
    }
  } else if (scopeNode !== undefined) {
    setOwn(extra, "scope", null);
  } else {
    noteOriginal(extra, "scope", undefined, null);
  }
  const attributeMappings: AttributeMapping[] = [];
  const listNode = entry(map, "attributeMappings");
  for (const item of reader.seq(listNode, `${what}.attributeMappings`)?.items ?? []) {
    const mapping = readAttributeMapping(reader, item);
    if (mapping) attributeMappings.push(mapping);
  }
  if (attributeMappings.length === 0) noteEmptyList(extra, "attributeMappings", listNode);
  const text = (key: string, fallback: string) => {
    const valueNode = entry(map, key);
    const value = reader.string(valueNode, key) ?? fallback;
    noteOriginal(extra, key, rawScalar(valueNode), value);
    return value;
  };
  const enabledNode = entry(map, "enabled");
  const enabled = reader.boolean(enabledNode, "enabled") ?? true;
  noteOriginal(extra, "enabled", rawScalar(enabledNode), enabled);
  return {
    rule,
    name: text("name", ""),
    enabled,
    sourceObjectName: text("sourceObjectName", "User"),
    targetObjectName: text("targetObjectName", ""),
    flowTypes: text("flowTypes", "Add, Update, Delete"),
    scope,
    mappings: attributeMappings,
    extra,
    span: spanOf(map),
    locations: {
      ...spanAt(map, "name"),
      ...spanAt(map, "enabled"),
      ...spanAt(map, "sourceObjectName"),
      ...spanAt(map, "targetObjectName"),
    },
  };
}

/** `{ [key]: span of its value }` when the map has it, else `{}` (for optional location fields). */
function spanAt(
  map: ConfigMap | undefined,
  key: string,
  as: string = key,
): Record<string, ReturnType<typeof spanOf>> {
  const node = entry(map, key);
  return node === undefined ? {} : { [as]: spanOf(node) };
}

function readFilter(reader: ConfigReader, node: ConfigNode): ScopingFilter | undefined {
  const map = reader.map(node, "A scoping filter group");
  if (!map) return undefined;
  const clauses: ScopingClause[] = [];
  const clausesNode = entry(map, "clauses");
  for (const item of reader.seq(clausesNode, "clauses")?.items ?? []) {
    const clause = readClause(reader, item);
    if (clause) clauses.push(clause);
  }
  const extra = leftovers(reader, map, new Set(["name", "clauses"]));
  const nameNode = entry(map, "name");
  const name = reader.string(nameNode, "name", { coerce: true }) ?? "";
  noteOriginal(extra, "name", rawScalar(nameNode), name);
  if (clauses.length === 0) noteEmptyList(extra, "clauses", clausesNode);
  return { name, clauses, extra, span: spanOf(map) };
}

function readClause(reader: ConfigReader, node: ConfigNode): ScopingClause | undefined {
  const clause = reader.map(node, "A scoping clause");
  if (!clause) return undefined;
  const operatorNode = entry(clause, "operatorName");
  const operator = readOperator(reader, operatorNode, clause);
  const attributeNode = entry(clause, "sourceOperandName");
  const attribute = reader.string(attributeNode, "sourceOperandName");
  if (attribute === undefined)
    reader.report("config-missing", "A clause needs sourceOperandName: the attribute it tests.", clause);
  const operandNode = entry(clause, "targetOperand");
  const operand = isNullScalar(operandNode) ? undefined : reader.map(operandNode, "targetOperand");
  const values: string[] = [];
  const valueNodes: ConfigNode[] = [];
  const valuesNode = entry(operand, "values");
  for (const value of reader.seq(valuesNode, "targetOperand.values")?.items ?? []) {
    const text = reader.string(value, "A clause value", { coerce: true });
    if (text === undefined) continue;
    values.push(text);
    valueNodes.push(value);
  }
  const extra = leftovers(reader, clause, new Set(["operatorName", "sourceOperandName", "targetOperand"]));
  if (operator) noteOriginal(extra, "operatorName", rawScalar(operatorNode), operator);
  if (values.length === 0) noteEmptyList(extra, "targetOperand", operandNode);
  if (operand) {
    const operandExtra = leftovers(reader, operand, new Set(["values"]));
    if (valuesNode?.kind === "seq")
      noteOriginal(operandExtra, "values", valuesNode.items.map(rawScalar), values);
    else if (values.length === 0) noteEmptyList(operandExtra, "values", valuesNode, []);
    if (Object.keys(operandExtra).length > 0) setOwn(extra, "targetOperand", operandExtra);
  }
  if (!operator || attribute === undefined) return undefined;
  return {
    attribute,
    operator,
    values,
    extra,
    span: spanOf(clause),
    locations: clauseLocations(reader, attributeNode, operatorNode, valueNodes),
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

function readAttributeMapping(reader: ConfigReader, node: ConfigNode): AttributeMapping | undefined {
  const map = reader.map(node, "An attribute mapping");
  if (!map) return undefined;
  const targetNode = entry(map, "targetAttributeName");
  const target = reader.string(targetNode, "targetAttributeName");
  if (target === undefined) {
    reader.report("config-missing", "An attribute mapping needs targetAttributeName.", map);
    return undefined;
  }
  const extra = leftovers(reader, map, MAPPING_KEYS);
  const sourceNode = entry(map, "source");
  let type: MappingType = "none";
  let expression: string | null = null;
  let expressionLocationFound: MappingLocations["expression"];
  if (sourceNode !== undefined && !isNullScalar(sourceNode)) {
    const sourceMap = reader.map(sourceNode, `The source of ${target}`);
    const plainSource = reader.plain(sourceNode);
    const parsed = fromGraphSource(plainSource, graphParameterKeys);
    expression = parsed.text;
    const sourceType = reader.string(entry(sourceMap, "type"), "source.type") ?? "Attribute";
    // Own keys only: a type such as "toString" is an unknown type (it read Object's toString, a function).
    type = Object.hasOwn(TYPE_OF_SOURCE, sourceType)
      ? (TYPE_OF_SOURCE[sourceType] as MappingType)
      : "expression";
    expressionLocationFound = expressionLocation(reader, sourceMap, parsed.text);
    for (const problem of parsed.diagnostics.filter((d) => d.code === "invalid-graph-source"))
      reader.report(problem.code, problem.message, sourceNode);
    if (!graphSourceIsRegenerated(plainSource, parsed.ast, parsed.diagnostics))
      setOwn(extra, "source", plainSource);
  } else if (sourceNode === undefined) {
    noteOriginal(extra, "source", undefined, null);
  }
  const scalar = <T>(key: string, value: T) => {
    noteOriginal(extra, key, rawScalar(entry(map, key)), value);
    return value;
  };
  const priorityNode = entry(map, "matchingPriority");
  const defaultNode = entry(map, "defaultValue");
  return {
    target,
    type,
    expression,
    expressionOffsets: expressionLocationFound?.offsets,
    defaultValue: scalar("defaultValue", reader.nullableString(defaultNode, "defaultValue") ?? null),
    flowType: scalar("flowType", readFlowType(reader, entry(map, "flowType")) ?? ("Always" as FlowType)),
    flowBehavior: scalar(
      "flowBehavior",
      reader.string(entry(map, "flowBehavior"), "flowBehavior") ?? "FlowWhenChanged",
    ),
    matchingPriority: scalar("matchingPriority", reader.integer(priorityNode, "matchingPriority") ?? 0),
    exportMissingReferences: scalar(
      "exportMissingReferences",
      reader.boolean(entry(map, "exportMissingReferences"), "exportMissingReferences") ?? false,
    ),
    extra,
    span: spanOf(map),
    locations: {
      target: reader.location(targetNode),
      ...(expressionLocationFound ? { expression: expressionLocationFound } : {}),
      ...(defaultNode && !isNullScalar(defaultNode)
        ? { defaultValue: reader.textLocation(defaultNode) }
        : {}),
      ...spanAt(map, "source"),
      ...spanAt(map, "flowType"),
      ...spanAt(map, "matchingPriority"),
    },
  };
}

/** The properties of `map` the model does not interpret, as plain data. */
function leftovers(
  reader: ConfigReader,
  map: ConfigMap,
  known: ReadonlySet<string>,
): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const { key, value } of keysOf(map)) if (!known.has(key)) setOwn(rest, key, reader.plain(value));
  return rest;
}
