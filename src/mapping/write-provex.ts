import { Document } from "yaml";
import { parse } from "../parser/index.js";
import type { AttributeMapping, MappingConfig, ObjectMapping, ScopingFilter } from "./model.js";

/**
 * Writes a configuration in the provex format (YAML, or JSON with `json: true`). Entra properties the
 * model does not interpret go under `entra:` keys, so converting back to Entra JSON loses nothing.
 */
export function writeProvexConfig(config: MappingConfig, options: { json?: boolean } = {}): string {
  const data = provexConfigObject(config);
  if (options.json) return `${JSON.stringify(data, null, 2)}\n`;
  return new Document(data).toString({ lineWidth: 0, indentSeq: true });
}

/** The provex format as plain data. */
export function provexConfigObject(config: MappingConfig): Record<string, unknown> {
  const data: Record<string, unknown> = { dialect: config.dialect };
  if (config.assignment) data.assignment = config.assignment;
  const [only, ...others] = config.objects;
  if (only && others.length === 0) {
    data.object = objectHeader(only);
    Object.assign(data, objectBody(only));
  } else {
    data.objects = config.objects.map((object) => ({ ...objectHeader(object), ...objectBody(object) }));
  }
  const keepRules =
    config.rules.length !== 1 ||
    config.rules.some((rule) => rule.id !== "" || Object.keys(rule.extra).length > 0);
  const entra: Record<string, unknown> = { ...config.extra };
  if (keepRules) entra.rules = config.rules.map((rule) => ({ id: rule.id, ...rule.extra }));
  if (Object.keys(entra).length > 0) data.entra = entra;
  return data;
}

function objectHeader(object: ObjectMapping): Record<string, unknown> {
  const header: Record<string, unknown> = {
    name: object.name,
    source: object.sourceObjectName,
    target: object.targetObjectName,
  };
  if (!object.enabled) header.enabled = false;
  if (object.flowTypes !== "Add, Update, Delete") header.flowTypes = object.flowTypes;
  if (object.rule !== 0) header.rule = object.rule;
  if (Object.keys(object.extra).length > 0) header.entra = object.extra;
  return header;
}

function objectBody(object: ObjectMapping): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (object.scope && object.scope.length > 0) body.scope = { filters: object.scope.map(filterData) };
  body.mappings = object.mappings.map(mappingData);
  return body;
}

function filterData(filter: ScopingFilter): Record<string, unknown> {
  const data: Record<string, unknown> = {
    name: filter.name,
    clauses: filter.clauses.map((clause) => {
      const item: Record<string, unknown> = { attribute: clause.attribute, operator: clause.operator };
      if (clause.values.length === 1) item.value = clause.values[0];
      else if (clause.values.length > 1) item.values = [...clause.values];
      if (Object.keys(clause.extra).length > 0) item.entra = clause.extra;
      return item;
    }),
  };
  if (Object.keys(filter.extra).length > 0) data.entra = filter.extra;
  return data;
}

const APPLY_ON: Record<string, string> = { ObjectAddOnly: "create" };

function mappingData(mapping: AttributeMapping): Record<string, unknown> {
  const data: Record<string, unknown> = { target: mapping.target };
  Object.assign(data, sourceData(mapping));
  if (mapping.defaultValue !== null) data.default = mapping.defaultValue;
  if (mapping.flowType !== "Always") data.applyOn = APPLY_ON[mapping.flowType] ?? mapping.flowType;
  if (mapping.matchingPriority !== 0) data.match = mapping.matchingPriority;
  if (mapping.flowBehavior !== "FlowWhenChanged") data.flowBehavior = mapping.flowBehavior;
  if (mapping.exportMissingReferences) data.exportMissingReferences = true;
  if (Object.keys(mapping.extra).length > 0) data.entra = mapping.extra;
  return data;
}

function sourceData(mapping: AttributeMapping): Record<string, unknown> {
  if (mapping.type === "none" || mapping.expression === null) return { none: true };
  const { ast, diagnostics } = parse(mapping.expression);
  const clean = !diagnostics.some((d) => d.severity === "error");
  if (
    clean &&
    mapping.type === "direct" &&
    ast.kind === "attribute" &&
    mapping.expression === `[${ast.name}]`
  )
    return { attribute: ast.name };
  if (clean && mapping.type === "constant" && ast.kind === "string") return { constant: ast.value };
  return { expression: mapping.expression };
}
