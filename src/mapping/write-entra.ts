import { graphParameterKeys } from "../functions/index.js";
import { type GraphMappingSource, parse, toGraphSource } from "../parser/index.js";
import { keptProperties, writeOriginal } from "./entra-original.js";
import type {
  AttributeMapping,
  MappingConfig,
  ObjectMapping,
  ScopingClause,
  ScopingFilter,
} from "./model.js";
import { assignOwn } from "./plain-data.js";

/**
 * Writes a configuration as Entra's synchronizationSchema JSON (2-space indented), the form that
 * `PUT …/synchronization/jobs/{id}/schema` accepts. Properties the model does not interpret come back
 * from `extra` unchanged, and so does the way the file wrote a property the model normalises (absent,
 * `null`, another spelling) as long as the model still holds what was read; the output is stable, so
 * writing what it reads gives the same bytes.
 */
export function writeEntraSchema(config: MappingConfig): string {
  return `${JSON.stringify(entraSchemaObject(config), null, 2)}\n`;
}

/** The synchronizationSchema as plain data. */
export function entraSchemaObject(config: MappingConfig): Record<string, unknown> {
  // A configuration built without rules (not read from a file) still needs one to hold its objects.
  const rules =
    config.rules.length > 0 || config.objects.length === 0 ? config.rules : [{ id: "", extra: {} }];
  return {
    ...keptProperties(config.extra),
    synchronizationRules: rules.map((rule, index) => {
      const out: Record<string, unknown> = {};
      writeOriginal(out, rule.extra, "id", rule.id);
      assignOwn(out, keptProperties(rule.extra));
      const objects = config.objects.filter((object) => object.rule === index).map(objectJson);
      writeOriginal(out, rule.extra, "objectMappings", objects.length, objects);
      return out;
    }),
  };
}

function objectJson(object: ObjectMapping): Record<string, unknown> {
  const { scope: scopeExtra, ...extra } = object.extra;
  const out: Record<string, unknown> = {};
  writeOriginal(out, extra, "name", object.name);
  writeOriginal(out, extra, "enabled", object.enabled);
  writeOriginal(out, extra, "flowTypes", object.flowTypes);
  writeOriginal(out, extra, "sourceObjectName", object.sourceObjectName);
  writeOriginal(out, extra, "targetObjectName", object.targetObjectName);
  assignOwn(out, keptProperties(extra));
  writeOriginal(out, extra, "scope", scopeJson(object.scope, scopeExtra));
  const mappings = object.mappings.map(mappingJson);
  writeOriginal(out, extra, "attributeMappings", mappings.length, mappings);
  return out;
}

function scopeJson(filters: readonly ScopingFilter[] | null, extra: unknown): unknown {
  const hasScopeObject = typeof extra === "object" && extra !== null;
  if (filters === null || (filters.length === 0 && !hasScopeObject)) return null;
  const rest = hasScopeObject
    ? (extra as Record<string, unknown>)
    : { inputFilterGroups: [], categoryFilterGroups: [] };
  const out: Record<string, unknown> = {};
  const groups = filters.map(filterJson);
  writeOriginal(out, rest, "groups", groups.length, groups);
  return assignOwn(out, keptProperties(rest));
}

function filterJson(filter: ScopingFilter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  writeOriginal(out, filter.extra, "name", filter.name);
  const clauses = filter.clauses.map(clauseJson);
  writeOriginal(out, filter.extra, "clauses", clauses.length, clauses);
  return assignOwn(out, keptProperties(filter.extra));
}

function clauseJson(clause: ScopingClause): Record<string, unknown> {
  const { targetOperand, ...extra } = clause.extra;
  const operandExtra = (
    typeof targetOperand === "object" && targetOperand !== null ? targetOperand : {}
  ) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  writeOriginal(out, extra, "operatorName", clause.operator);
  out.sourceOperandName = clause.attribute;
  const operand: Record<string, unknown> = {};
  writeOriginal(operand, operandExtra, "values", [...clause.values]);
  assignOwn(operand, keptProperties(operandExtra));
  writeOriginal(out, extra, "targetOperand", clause.values.length, operand);
  return assignOwn(out, keptProperties(extra));
}

/** Graph exports attribute mappings with their keys in alphabetical order; so does provex. */
function mappingJson(mapping: AttributeMapping): Record<string, unknown> {
  const { source: originalSource, ...extra } = mapping.extra;
  const out: Record<string, unknown> = {};
  writeOriginal(out, extra, "defaultValue", mapping.defaultValue);
  writeOriginal(out, extra, "exportMissingReferences", mapping.exportMissingReferences);
  writeOriginal(out, extra, "flowBehavior", mapping.flowBehavior);
  writeOriginal(out, extra, "flowType", mapping.flowType);
  writeOriginal(out, extra, "matchingPriority", mapping.matchingPriority);
  writeOriginal(out, extra, "source", originalSource !== undefined ? originalSource : sourceJson(mapping));
  out.targetAttributeName = mapping.target;
  return assignOwn(out, keptProperties(extra));
}

const GRAPH_TYPE = { direct: "Attribute", constant: "Constant", expression: "Function" } as const;

function sourceJson(mapping: AttributeMapping): GraphMappingSource | null {
  if (mapping.type === "none" || mapping.expression === null) return null;
  const parsed = parse(mapping.expression);
  if (!parsed.diagnostics.some((d) => d.severity === "error")) {
    try {
      return toGraphSource(parsed.ast, graphParameterKeys);
    } catch {
      // Fall through: a node the converter cannot write still travels as its expression text.
    }
  }
  // Loaders (Entra's included) read `expression` first, so the text alone keeps the mapping.
  return { type: GRAPH_TYPE[mapping.type], name: "", expression: mapping.expression, parameters: [] };
}
