/**
 * SCIM target attribute paths as Entra writes them (SPEC §c.1): `userName`, `name.givenName`,
 * `emails[type eq "work"].value`, and extension attributes prefixed by their schema URN
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`).
 */
export interface TargetPath {
  /** The full target attribute name, as mapped. */
  readonly name: string;
  /** The extension schema URN, or undefined for a core attribute. */
  readonly schema: string | undefined;
  readonly attribute: string;
  /** A value filter on a multi-valued complex attribute: `[type eq "work"]`. */
  readonly filter: { readonly attribute: string; readonly value: string } | undefined;
  readonly subAttribute: string | undefined;
}

export const CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const PATH = /^([^.[\]]+)(?:\[\s*([\w$-]+)\s+eq\s+"([^"]*)"\s*\])?(?:\.(.+))?$/i;
const cache = new Map<string, TargetPath>();

export function parseTargetPath(name: string): TargetPath {
  const hit = cache.get(name);
  if (hit) return hit;
  let schema: string | undefined;
  let rest = name;
  if (/^urn:/i.test(name)) {
    const bracket = name.indexOf("[");
    const searchEnd = bracket < 0 ? name.length : bracket;
    const colon = name.lastIndexOf(":", searchEnd);
    schema = name.slice(0, colon);
    rest = name.slice(colon + 1);
    if (schema.toLowerCase() === CORE_USER_SCHEMA.toLowerCase()) schema = undefined;
  }
  const match = PATH.exec(rest);
  const path: TargetPath = match
    ? {
        name,
        schema,
        attribute: match[1] ?? rest,
        filter: match[2] !== undefined ? { attribute: match[2], value: match[3] ?? "" } : undefined,
        subAttribute: match[4],
      }
    : { name, schema, attribute: rest, filter: undefined, subAttribute: undefined };
  if (cache.size > 1024) cache.clear();
  cache.set(name, path);
  return path;
}

/** The value a SCIM resource holds at a path (attribute names compare case-insensitively, as in SCIM). */
export function readTargetValue(resource: unknown, path: TargetPath): unknown {
  let container: unknown = resource;
  if (path.schema !== undefined) container = property(resource, path.schema);
  let value = property(container, path.attribute);
  if (path.filter) {
    if (!Array.isArray(value)) return undefined;
    const filter = path.filter;
    value = value.find((item) => sameText(property(item, filter.attribute), filter.value));
    if (value === undefined) return undefined;
    return path.subAttribute === undefined ? property(value, "value") : property(value, path.subAttribute);
  }
  return path.subAttribute === undefined ? value : property(value, path.subAttribute);
}

/**
 * Writes a value into a SCIM resource being assembled (a POST body): filters become list items carrying
 * the filter attribute (`emails: [{ type: "work", value }]`), dotted paths nested objects, extension
 * attributes an object under their schema URN.
 */
export function writeTargetValue(resource: Record<string, unknown>, path: TargetPath, value: unknown): void {
  let container = resource;
  if (path.schema !== undefined) container = objectAt(resource, path.schema);
  if (path.filter) {
    let list = container[path.attribute] as Record<string, unknown>[] | undefined;
    if (!Array.isArray(list)) {
      list = [];
      container[path.attribute] = list;
    }
    const filter = path.filter;
    let item: Record<string, unknown> | undefined;
    for (const entry of list) {
      const held = entry[filter.attribute];
      // Paths of one item share the filter text exactly, as a rule; case-insensitive is the fallback.
      if (held === filter.value || sameText(held, filter.value)) {
        item = entry;
        break;
      }
    }
    if (!item) {
      item = {};
      item[filter.attribute] = filterValue(filter.attribute, filter.value);
      list.push(item);
    }
    item[path.subAttribute ?? "value"] = value;
    return;
  }
  if (path.subAttribute !== undefined) objectAt(container, path.attribute)[path.subAttribute] = value;
  else container[path.attribute] = value;
}

/** Writes one value into a SCIM resource being assembled, for one path. */
export type TargetWriter = (resource: Record<string, unknown>, value: unknown) => void;

/**
 * {@link writeTargetValue} specialised once for a path (an export plan builds one per mapping): a plain
 * core attribute, the most common case, becomes one property assignment.
 */
export function targetWriter(path: TargetPath): TargetWriter {
  if (path.schema === undefined && !path.filter && path.subAttribute === undefined) {
    const attribute = path.attribute;
    return (resource, value) => {
      resource[attribute] = value;
    };
  }
  return (resource, value) => writeTargetValue(resource, path, value);
}

/** `primary eq "True"` filters a boolean sub-attribute: the item carries the JSON boolean. */
function filterValue(attribute: string, value: string): unknown {
  if (attribute.toLowerCase() === "primary" && /^(true|false)$/i.test(value))
    return value.toLowerCase() === "true";
  return value;
}

function objectAt(container: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = container[key];
  if (typeof existing === "object" && existing !== null && !Array.isArray(existing))
    return existing as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  container[key] = created;
  return created;
}

function property(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, key)) return record[key];
  const lower = key.toLowerCase();
  for (const candidate of Object.keys(record))
    if (candidate.toLowerCase() === lower) return record[candidate];
  return undefined;
}

function sameText(value: unknown, text: string): boolean {
  if (typeof value === "boolean") return String(value) === text.toLowerCase();
  return typeof value === "string" && value.toLowerCase() === text.toLowerCase();
}
