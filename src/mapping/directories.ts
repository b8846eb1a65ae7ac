import type { AttributeDefinition, DirectoryDefinition, MappingConfig, ObjectMapping } from "./model.js";

/** The attribute definitions of an export's `directories` (plain data; malformed entries are skipped). */
export function readDirectories(raw: unknown): DirectoryDefinition[] {
  const definitions: DirectoryDefinition[] = [];
  for (const directory of asArray(raw)) {
    const directoryName = stringField(directory, "name");
    for (const object of asArray(field(directory, "objects"))) {
      definitions.push({
        directory: directoryName,
        object: stringField(object, "name"),
        attributes: asArray(field(object, "attributes")).map(attributeDefinition),
      });
    }
  }
  return definitions;
}

function attributeDefinition(raw: unknown): AttributeDefinition {
  return {
    name: stringField(raw, "name"),
    type: stringField(raw, "type") || "String",
    required: field(raw, "required") === true,
    multivalued: field(raw, "multivalued") === true,
    caseExact: field(raw, "caseExact") === true,
  };
}

/**
 * Well-known attributes, used when the configuration carries no directory definitions (a hand-written
 * provex file): the SCIM core and enterprise attributes whose type changes what the preview sends.
 */
const KNOWN_TARGET: readonly AttributeDefinition[] = [
  { name: "userName", type: "String", required: true, multivalued: false, caseExact: false },
  { name: "externalId", type: "String", required: false, multivalued: false, caseExact: true },
  { name: "active", type: "Boolean", required: false, multivalued: false, caseExact: false },
  { name: "roles", type: "String", required: false, multivalued: true, caseExact: false },
  {
    name: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
    type: "Reference",
    required: false,
    multivalued: false,
    caseExact: true,
  },
];

const KNOWN_SOURCE: readonly AttributeDefinition[] = [
  { name: "manager", type: "Reference", required: false, multivalued: false, caseExact: true },
  { name: "IsSoftDeleted", type: "Boolean", required: false, multivalued: false, caseExact: false },
  { name: "accountEnabled", type: "Boolean", required: false, multivalued: false, caseExact: false },
  { name: "proxyAddresses", type: "String", required: false, multivalued: true, caseExact: false },
  { name: "appRoleAssignments", type: "String", required: false, multivalued: true, caseExact: false },
  { name: "objectId", type: "String", required: false, multivalued: false, caseExact: true },
];

/** Attribute definitions of one side of an object mapping, by name. */
export interface AttributeTable {
  get(name: string): AttributeDefinition | undefined;
  /** True when the directory defined the attributes (not just the well-known fallbacks). */
  readonly defined: boolean;
  readonly names: readonly string[];
  /** The attributes a create must write (`required: true`; SCIM's userName when nothing is defined). */
  readonly required: readonly string[];
}

export function attributeTable(
  config: MappingConfig,
  object: ObjectMapping,
  side: "source" | "target",
): AttributeTable {
  const rule = config.rules[object.rule];
  const directoryName = rule?.extra[side === "source" ? "sourceDirectoryName" : "targetDirectoryName"];
  const objectName = side === "source" ? object.sourceObjectName : object.targetObjectName;
  const found = config.directories.find(
    (d) => d.object === objectName && (typeof directoryName !== "string" || d.directory === directoryName),
  );
  const byName = new Map<string, AttributeDefinition>();
  for (const known of side === "source" ? KNOWN_SOURCE : KNOWN_TARGET) byName.set(known.name, known);
  for (const definition of found?.attributes ?? []) byName.set(definition.name, definition);
  const definitions = found?.attributes ?? (side === "target" ? KNOWN_TARGET : []);
  return {
    get: (name) => byName.get(name),
    defined: found !== undefined,
    names: (found?.attributes ?? []).map((a) => a.name),
    required: definitions.filter((a) => a.required).map((a) => a.name),
  };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringField(value: unknown, key: string): string {
  const found = field(value, key);
  return typeof found === "string" ? found : "";
}
