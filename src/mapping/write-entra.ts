import { graphParameterKeys } from "../functions/index.js";
import { type GraphMappingSource, parse, toGraphSource } from "../parser/index.js";
import type {
  AttributeMapping,
  MappingConfig,
  ObjectMapping,
  ScopingClause,
  ScopingFilter,
} from "./model.js";

/**
 * Writes a configuration as Entra's synchronizationSchema JSON (2-space indented), the form that
 * `PUT …/synchronization/jobs/{id}/schema` accepts. Properties the model does not interpret come back
 * from `extra` unchanged; the output is stable, so writing what it reads gives the same bytes.
 */
export function writeEntraSchema(config: MappingConfig): string {
  return `${JSON.stringify(entraSchemaObject(config), null, 2)}\n`;
}

/** The synchronizationSchema as plain data. */
export function entraSchemaObject(config: MappingConfig): Record<string, unknown> {
  const rules = config.rules.length > 0 ? config.rules : [{ id: "", extra: {} }];
  return {
    ...config.extra,
    synchronizationRules: rules.map((rule, index) => ({
      id: rule.id,
      ...rule.extra,
      objectMappings: config.objects.filter((object) => object.rule === index).map(objectJson),
    })),
  };
}

function objectJson(object: ObjectMapping): Record<string, unknown> {
  const { scope: scopeExtra, ...extra } = object.extra;
  return {
    name: object.name,
    enabled: object.enabled,
    flowTypes: object.flowTypes,
    sourceObjectName: object.sourceObjectName,
    targetObjectName: object.targetObjectName,
    ...extra,
    scope: scopeJson(object.scope, scopeExtra),
    attributeMappings: object.mappings.map(mappingJson),
  };
}

function scopeJson(filters: readonly ScopingFilter[] | null, extra: unknown): unknown {
  const hasScopeObject = typeof extra === "object" && extra !== null;
  if (filters === null || (filters.length === 0 && !hasScopeObject)) return null;
  const rest = hasScopeObject
    ? (extra as Record<string, unknown>)
    : { inputFilterGroups: [], categoryFilterGroups: [] };
  return { groups: filters.map(filterJson), ...rest };
}

function filterJson(filter: ScopingFilter): Record<string, unknown> {
  return { name: filter.name, clauses: filter.clauses.map(clauseJson), ...filter.extra };
}

function clauseJson(clause: ScopingClause): Record<string, unknown> {
  const { targetOperand, ...extra } = clause.extra;
  const operandExtra = typeof targetOperand === "object" && targetOperand !== null ? targetOperand : {};
  return {
    operatorName: clause.operator,
    sourceOperandName: clause.attribute,
    targetOperand: { values: [...clause.values], ...operandExtra },
    ...extra,
  };
}

/** Graph exports attribute mappings with their keys in alphabetical order; so does provex. */
function mappingJson(mapping: AttributeMapping): Record<string, unknown> {
  const { source: originalSource, ...extra } = mapping.extra;
  return {
    defaultValue: mapping.defaultValue,
    exportMissingReferences: mapping.exportMissingReferences,
    flowBehavior: mapping.flowBehavior,
    flowType: mapping.flowType,
    matchingPriority: mapping.matchingPriority,
    source: originalSource !== undefined ? originalSource : sourceJson(mapping),
    targetAttributeName: mapping.target,
    ...extra,
  };
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
