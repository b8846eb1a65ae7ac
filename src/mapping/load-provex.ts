import { closestName } from "../checker/index.js";
import type { Span } from "../diagnostics/index.js";
import { quoteString } from "../parser/index.js";
import { type ConfigReader, clauseLocations, entry, isNullScalar, keysOf, spanOf } from "./config-reader.js";
import type { ConfigMap, ConfigNode } from "./config-tree.js";
import { readDirectories } from "./directories.js";
import { bracketedName, quotedConstant } from "./expression-location.js";
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
import { setOwn, short } from "./plain-data.js";

/** `applyOn` values of the provex format and the Graph flowType each stands for. */
const APPLY_ON: Record<string, FlowType> = { always: "Always", create: "ObjectAddOnly" };

/**
 * Reads the provex configuration format (YAML or JSON; docs/configuration.md,
 * schemas/provex-config.schema.json). Unknown keys are errors here: the format is ours, so an unknown
 * key is almost always a typo.
 */
export function loadProvexConfig(reader: ConfigReader): LoadedParts {
  const root = reader.root === undefined ? undefined : reader.map(reader.root, "The configuration");
  const empty: LoadedParts = {
    rules: [],
    objects: [],
    extra: {},
    directories: [],
    dialect: "entra",
    assignment: undefined,
  };
  if (!root) return empty;
  checkKeys(reader, root, PROVEX_KEYS.root, "the configuration");
  const dialectText = reader.string(entry(root, "dialect"), "dialect");
  if (dialectText !== undefined && dialectText !== "entra" && dialectText !== "provex")
    reader.report(
      "config-value",
      `dialect must be entra or provex, not ${JSON.stringify(dialectText)}.`,
      entry(root, "dialect"),
    );
  const assignmentText = reader.string(entry(root, "assignment"), "assignment");
  if (assignmentText !== undefined && assignmentText !== "assigned" && assignmentText !== "all")
    reader.report(
      "config-value",
      `assignment must be assigned (sync only assigned users) or all.`,
      entry(root, "assignment"),
    );

  const entraNode = reader.map(entry(root, "entra"), "entra");
  const extra: Record<string, unknown> = {};
  const rules: SyncRule[] = [];
  if (entraNode) {
    for (const { key, value } of keysOf(entraNode)) {
      if (key !== "rules") setOwn(extra, key, reader.plain(value));
    }
    for (const item of reader.seq(entry(entraNode, "rules"), "entra.rules")?.items ?? []) {
      const plain = reader.plain(item);
      if (typeof plain !== "object" || plain === null || Array.isArray(plain)) {
        reader.report("config-type", "Each entry of entra.rules must be an object.", item);
        continue;
      }
      const { id, ...ruleExtra } = plain as Record<string, unknown>;
      rules.push({ id: typeof id === "string" ? id : "", extra: ruleExtra });
    }
  }
  // An Entra export with no rules says `entra: { rules: [] }`; otherwise one rule holds the objects.
  const explicitlyNone = rules.length === 0 && entry(entraNode, "rules")?.kind === "seq";
  const ruleCount = Math.max(1, rules.length);

  const objects: ObjectMapping[] = [];
  const list = entry(root, "objects");
  if (list !== undefined) {
    if (entry(root, "object") ?? entry(root, "mappings") ?? entry(root, "scope"))
      reader.report(
        "config-conflict",
        "Use either objects: [...] or object/scope/mappings at the top, not both.",
        list,
      );
    for (const item of reader.seq(list, "objects")?.items ?? []) {
      const map = reader.map(item, "An object mapping");
      if (!map) continue;
      checkKeys(reader, map, [...PROVEX_KEYS.object, "scope", "mappings"], "an object mapping");
      const object = readObject(reader, map, map, ruleCount);
      if (object) objects.push(object);
    }
  } else {
    const header = reader.map(entry(root, "object"), "object");
    if (header) checkKeys(reader, header, PROVEX_KEYS.object, "object");
    if (entry(root, "mappings") === undefined)
      reader.report(
        "config-missing",
        "The configuration needs mappings: a list of { target, attribute | expression | constant | none }.",
        root,
      );
    const object = readObject(reader, header, root, ruleCount);
    if (object) objects.push(object);
  }
  if (rules.length === 0 && !(explicitlyNone && objects.length === 0)) rules.push({ id: "", extra: {} });
  return {
    rules,
    objects,
    extra,
    directories: readDirectories(extra.directories),
    dialect: dialectText === "provex" ? "provex" : "entra",
    assignment: assignmentText === "assigned" || assignmentText === "all" ? assignmentText : undefined,
  };
}

/** An object mapping from its header (name, source, target) and its body (scope, mappings). */
function readObject(
  reader: ConfigReader,
  header: ConfigMap | undefined,
  body: ConfigMap,
  ruleCount: number,
): ObjectMapping | undefined {
  const rule = reader.integer(entry(header, "rule"), "rule") ?? 0;
  if (rule < 0 || rule >= ruleCount)
    reader.report(
      "config-value",
      `rule must be the index of an entry in entra.rules (0 to ${ruleCount - 1}).`,
      entry(header, "rule"),
    );
  const extraNode = entry(header, "entra");
  const extra = extraNode === undefined ? {} : plainObject(reader, extraNode, "entra");
  const scopeNode = entry(body, "scope");
  let scope: ScopingFilter[] | null = "scope" in extra && extra.scope === null ? null : [];
  if (scopeNode !== undefined && !isNullScalar(scopeNode)) {
    const scopeMap = reader.map(scopeNode, "scope");
    if (scopeMap) checkKeys(reader, scopeMap, PROVEX_KEYS.scope, "scope");
    scope = [];
    for (const item of reader.seq(entry(scopeMap, "filters"), "scope.filters")?.items ?? []) {
      const filter = readFilter(reader, item);
      if (filter) scope.push(filter);
    }
  }
  const mappings: AttributeMapping[] = [];
  for (const item of reader.seq(entry(body, "mappings"), "mappings")?.items ?? []) {
    const mapping = readMapping(reader, item);
    if (mapping) mappings.push(mapping);
  }
  return {
    rule: Math.max(0, Math.min(rule, ruleCount - 1)),
    name: reader.string(entry(header, "name"), "object.name", { coerce: true }) ?? "",
    enabled: reader.boolean(entry(header, "enabled"), "enabled") ?? true,
    sourceObjectName: reader.string(entry(header, "source"), "object.source") ?? "User",
    targetObjectName:
      reader.string(entry(header, "target"), "object.target") ?? "urn:ietf:params:scim:schemas:core:2.0:User",
    flowTypes: reader.string(entry(header, "flowTypes"), "flowTypes") ?? "Add, Update, Delete",
    scope,
    mappings,
    extra,
    span: spanOf(header ?? body),
    locations: {
      ...spanAt(header, "name"),
      ...spanAt(header, "enabled"),
      ...spanAt(header, "source", "sourceObjectName"),
      ...spanAt(header, "target", "targetObjectName"),
    },
  };
}

/** `{ [as]: span of the value of key }` when the map has it, else `{}` (for optional location fields). */
function spanAt(map: ConfigMap | undefined, key: string, as: string = key): Record<string, Span> {
  const node = entry(map, key);
  return node === undefined ? {} : { [as]: spanOf(node) };
}

function readFilter(reader: ConfigReader, node: ConfigNode): ScopingFilter | undefined {
  const map = reader.map(node, "A scoping filter");
  if (!map) return undefined;
  checkKeys(reader, map, PROVEX_KEYS.filter, "a scoping filter");
  const clauses: ScopingClause[] = [];
  for (const item of reader.seq(entry(map, "clauses"), "clauses")?.items ?? []) {
    const clause = reader.map(item, "A clause");
    if (!clause) continue;
    checkKeys(reader, clause, PROVEX_KEYS.clause, "a clause");
    const attributeNode = entry(clause, "attribute");
    const attribute = reader.string(attributeNode, "attribute");
    if (attribute === undefined)
      reader.report("config-missing", "A clause needs attribute: the source attribute it tests.", clause);
    const operatorNode = entry(clause, "operator");
    if (operatorNode === undefined)
      reader.report(
        "config-missing",
        "A clause needs operator: EQUALS, IS_NOT_NULL, REGEX_MATCH, ….",
        clause,
      );
    const operator = operatorNode === undefined ? undefined : readOperator(reader, operatorNode, clause);
    const values: string[] = [];
    const valueNodes: ConfigNode[] = [];
    const single = entry(clause, "value");
    if (single !== undefined) {
      const text = reader.string(single, "value", { coerce: true });
      if (text !== undefined) {
        values.push(text);
        valueNodes.push(single);
      }
    }
    for (const value of reader.seq(entry(clause, "values"), "values")?.items ?? []) {
      const text = reader.string(value, "A value", { coerce: true });
      if (text !== undefined) {
        values.push(text);
        valueNodes.push(value);
      }
    }
    const extraNode = entry(clause, "entra");
    const extra = extraNode === undefined ? {} : plainObject(reader, extraNode, "entra");
    if (attribute !== undefined && operator)
      clauses.push({
        attribute,
        operator,
        values,
        extra,
        span: spanOf(clause),
        locations: clauseLocations(reader, attributeNode, operatorNode, valueNodes),
      });
  }
  const extraNode = entry(map, "entra");
  return {
    name: reader.string(entry(map, "name"), "name", { coerce: true }) ?? "",
    clauses,
    extra: extraNode === undefined ? {} : plainObject(reader, extraNode, "entra"),
    span: spanOf(map),
  };
}

const SOURCE_KEYS = ["attribute", "expression", "constant", "none"] as const;

/** The keys each part of the provex format allows; schemas/provex-config.schema.json lists the same. */
export const PROVEX_KEYS = {
  root: ["dialect", "assignment", "object", "scope", "mappings", "objects", "entra"],
  object: ["name", "source", "target", "enabled", "flowTypes", "rule", "entra"],
  scope: ["filters"],
  filter: ["name", "clauses", "entra"],
  clause: ["attribute", "operator", "value", "values", "entra"],
  mapping: [
    ...SOURCE_KEYS,
    "target",
    "default",
    "applyOn",
    "match",
    "flowBehavior",
    "exportMissingReferences",
    "entra",
  ],
} as const;

function readMapping(reader: ConfigReader, node: ConfigNode): AttributeMapping | undefined {
  const map = reader.map(node, "A mapping");
  if (!map) return undefined;
  checkKeys(reader, map, PROVEX_KEYS.mapping, "a mapping");
  const targetNode = entry(map, "target");
  const target = reader.string(targetNode, "target");
  if (target === undefined) {
    reader.report("config-missing", "A mapping needs target: the target attribute it writes.", map);
    return undefined;
  }
  const given = SOURCE_KEYS.filter((key) => entry(map, key) !== undefined);
  if (given.length !== 1) {
    reader.report(
      given.length === 0 ? "config-missing" : "config-conflict",
      `The mapping of ${target} needs exactly one of attribute, expression, constant or none: true${given.length > 1 ? ` (it has ${given.join(" and ")})` : ""}.`,
      map,
    );
  }
  const kind = given[0] ?? "none";
  let type: MappingType = "none";
  let expression: string | null = null;
  let location: MappingLocations["expression"];
  const sourceNode = entry(map, kind);
  if (kind === "attribute") {
    const name = reader.string(sourceNode, "attribute");
    type = "direct";
    expression = name === undefined ? null : `[${name}]`;
    if (expression !== null) location = bracketedName(reader, sourceNode, expression);
  } else if (kind === "constant") {
    const value = reader.string(sourceNode, "constant", { coerce: true });
    type = "constant";
    expression = value === undefined ? null : quoteString(value);
    if (expression !== null) location = quotedConstant(reader, sourceNode, expression);
  } else if (kind === "expression") {
    const text = reader.string(sourceNode, "expression");
    type = "expression";
    expression = text ?? null;
    if (text !== undefined) location = reader.location(sourceNode);
  } else if (sourceNode !== undefined && reader.boolean(sourceNode, "none") === false) {
    reader.report(
      "config-value",
      "none takes true; give attribute, expression or constant instead.",
      sourceNode,
    );
  }
  const extraNode = entry(map, "entra");
  const defaultNode = entry(map, "default");
  return {
    target,
    type,
    expression,
    expressionOffsets: location?.offsets,
    defaultValue: reader.nullableString(defaultNode, "default") ?? null,
    flowType: readApplyOn(reader, entry(map, "applyOn")),
    flowBehavior: reader.string(entry(map, "flowBehavior"), "flowBehavior") ?? "FlowWhenChanged",
    matchingPriority: readMatch(reader, entry(map, "match")),
    exportMissingReferences:
      reader.boolean(entry(map, "exportMissingReferences"), "exportMissingReferences") ?? false,
    extra: extraNode === undefined ? {} : plainObject(reader, extraNode, "entra"),
    span: spanOf(map),
    locations: {
      target: reader.location(targetNode),
      ...(location ? { expression: location } : {}),
      ...(defaultNode && !isNullScalar(defaultNode)
        ? { defaultValue: reader.textLocation(defaultNode) }
        : {}),
      ...spanAt(map, kind, "source"),
      ...spanAt(map, "applyOn", "flowType"),
      ...spanAt(map, "match", "matchingPriority"),
    },
  };
}

function readApplyOn(reader: ConfigReader, node: ConfigNode | undefined): FlowType {
  const text = reader.string(node, "applyOn");
  if (text === undefined) return "Always";
  // Own keys only: `applyOn: constructor` is no short name (it read Object's constructor, a function).
  if (Object.hasOwn(APPLY_ON, text)) return APPLY_ON[text] as FlowType;
  return readFlowType(reader, node) ?? "Always";
}

function readMatch(reader: ConfigReader, node: ConfigNode | undefined): number {
  const priority = reader.integer(node, "match");
  if (priority !== undefined && priority < 1) {
    reader.report(
      "config-value",
      "match is a matching priority: 1 is tried first; leave it out for other attributes.",
      node,
    );
    return 0;
  }
  return priority ?? 0;
}

function checkKeys(reader: ConfigReader, map: ConfigMap, allowed: readonly string[], what: string): void {
  for (const { key, keySpan } of keysOf(map)) {
    if (allowed.includes(key)) continue;
    const suggestion = closestName(key, allowed);
    reader.report(
      "unknown-property",
      `Unknown key ${JSON.stringify(short(key))} in ${what}${suggestion ? `; did you mean ${suggestion}?` : `; allowed: ${allowed.join(", ")}.`}`,
      keySpan,
    );
  }
}

function plainObject(reader: ConfigReader, node: ConfigNode, what: string): Record<string, unknown> {
  const value = reader.plain(node);
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  if (value !== null)
    reader.report("config-type", `${what} must be an object of Entra properties kept as they are.`, node);
  return {};
}
