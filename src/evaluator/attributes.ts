import { ProvexError } from "../diagnostics/index.js";
import {
  type CallSite,
  dateTimeFromDate,
  hasPlainPrototype,
  type Role,
  type Value,
} from "../functions/index.js";

/**
 * Reads an attribute from the caller's plain object (DESIGN.md's `attributes`). Only own properties
 * count, so `[__proto__]`, `[constructor]` or `[toString]` read as absent rather than as Object's
 * prototype members.
 */
export function readAttribute(
  attributes: Readonly<Record<string, unknown>>,
  name: string,
  site: CallSite,
): Value {
  if (!Object.hasOwn(attributes, name)) return null;
  const raw = attributes[name];
  return typeof raw === "string" ? raw : toValue(raw, name, site);
}

/**
 * An attribute reference `[name]` as compiled code reads it: the property once when it is absent
 * (undefined is never inherited either) or a string the object owns; anything else through
 * readAttribute. A string of a plain object is its own (Object.prototype holds none), which spares the
 * own-property test: `plain` says whether the object is one, and when it is not given, hasPlainPrototype is
 * asked only once a string is read (an absent attribute asks the object nothing else). The compiled
 * closures, a direct mapping's `evaluate` and evaluateAll all read through here, so all three read a
 * getter equally often.
 */
export function readReference(
  attributes: Readonly<Record<string, unknown>>,
  name: string,
  site: CallSite,
  plain?: boolean,
): Value {
  const raw = attributes[name];
  if (raw === undefined) return null;
  if (
    typeof raw === "string" &&
    ((plain ?? hasPlainPrototype(attributes)) || Object.hasOwn(attributes, name))
  )
    return raw;
  return readAttribute(attributes, name, site);
}

function toValue(raw: unknown, name: string, site: CallSite): Value {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case "string":
    case "boolean":
    case "bigint":
      return raw;
    case "number":
      return Number.isSafeInteger(raw) ? BigInt(raw) : String(raw);
    default:
      break;
  }
  if (Array.isArray(raw)) return listValue(raw, name, site);
  if (raw instanceof Date) return dateTimeFromDate(raw);
  if (typeof raw === "object" && (raw as { kind?: unknown }).kind === "datetime") {
    const ticks = (raw as { ticks?: unknown }).ticks;
    if (typeof ticks === "bigint") return { kind: "datetime", ticks };
  }
  return invalid(name, site);
}

/** Strings stay a multi-valued attribute; any role object makes the whole list app-role assignments. */
function listValue(items: readonly unknown[], name: string, site: CallSite): Value {
  // One pass tells the three shapes apart: all strings, scalars only, or some object (roles).
  let roles = false;
  let strings = true;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item === "string") continue;
    strings = false;
    if (typeof item === "object" && item !== null) {
      roles = true;
      break;
    }
  }
  if (strings) return items as readonly string[];
  if (!roles) {
    return items.filter((item) => item !== null && item !== undefined).map((item) => String(item));
  }
  return roleList(items, name, site);
}

function roleList(items: readonly unknown[], name: string, site: CallSite): Value {
  const roles: Role[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item === "string") {
      roles.push({ value: item, displayName: item });
      continue;
    }
    const { id, value, displayName } = item as { id?: unknown; value?: unknown; displayName?: unknown };
    if (typeof item !== "object" || value === undefined || value === null) return invalid(name, site);
    roles.push(role(id, value, displayName));
  }
  return { kind: "roles", roles };
}

/**
 * One role object, built in one of four fixed shapes (no spreads: this runs for every user with roles).
 * Absent `id` and `displayName` are left out rather than set to undefined, as the SCIM payload expects.
 */
function role(id: unknown, value: unknown, displayName: unknown): Role {
  const text = typeof value === "string" ? value : String(value);
  const hasId = id !== undefined && id !== null;
  const hasName = displayName !== undefined && displayName !== null;
  if (hasId && hasName) {
    return {
      id: typeof id === "string" ? id : String(id),
      value: text,
      displayName: typeof displayName === "string" ? displayName : String(displayName),
    };
  }
  if (hasId) return { id: typeof id === "string" ? id : String(id), value: text };
  if (hasName) {
    return { value: text, displayName: typeof displayName === "string" ? displayName : String(displayName) };
  }
  return { value: text };
}

function invalid(name: string, site: CallSite): never {
  throw new ProvexError(
    "invalid-attribute-value",
    `Attribute [${name}] holds a value provex cannot use; give a string, number, boolean, array of strings, or role objects { value, displayName?, id? }.`,
    { span: site.span },
  );
}
