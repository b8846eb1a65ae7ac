import { type Argument, parse } from "../parser/index.js";
import type { MappingConfig } from "./model.js";
import { setOwn } from "./plain-data.js";

/** What provex shows in place of a secret (SPEC Part 1 "Redact"), as Entra's provisioning logs do. */
export const REDACTED = "[Redact]";

/**
 * The source attributes a configuration treats as secret: every attribute read inside a `Redact` call in
 * any mapping of any object mapping. SPEC Part 1: such an attribute is a secret wherever else it appears
 * in the same configuration (another mapping, a scoping clause, a matching attribute).
 */
export function secretAttributesOf(config: MappingConfig): ReadonlySet<string> {
  const secrets = new Set<string>();
  const objects = Array.isArray(config?.objects) ? config.objects : [];
  for (const object of objects) {
    for (const mapping of Array.isArray(object.mappings) ? object.mappings : []) {
      if (typeof mapping.expression !== "string" || !/redact/i.test(mapping.expression)) continue;
      walk(parse(mapping.expression).ast, false, (name, inRedact) => {
        if (inRedact) secrets.add(name);
      });
    }
  }
  return secrets;
}

/** True when an expression calls Redact or reads a secret attribute: its values are secrets too. */
export function readsSecret(ast: Argument | undefined, secrets: ReadonlySet<string>): boolean {
  if (!ast) return false;
  let found = false;
  walk(ast, false, (name, inRedact) => {
    if (inRedact || secrets.has(name)) found = true;
  });
  return found || callsRedact(ast);
}

function callsRedact(node: Argument): boolean {
  if (node.kind === "call")
    return node.name.toLowerCase() === "redact" || node.arguments.some((argument) => callsRedact(argument));
  if (node.kind === "comparison") return callsRedact(node.left) || callsRedact(node.right);
  return false;
}

function walk(
  node: Argument,
  inRedact: boolean,
  visit: (attribute: string, inRedact: boolean) => void,
): void {
  switch (node.kind) {
    case "attribute":
      visit(node.name, inRedact);
      return;
    case "call": {
      const inside = inRedact || node.name.toLowerCase() === "redact";
      for (const argument of node.arguments) walk(argument, inside, visit);
      return;
    }
    case "comparison":
      walk(node.left, inRedact, visit);
      walk(node.right, inRedact, visit);
      return;
    default:
      return;
  }
}

/**
 * Adds the texts under which a value could appear in a preview (a string, a number's digits, each item of
 * a list, a role's value, display name and id). Booleans and empty strings are left out: they carry no
 * secret worth hiding, and hiding every `true` or every "" would make the preview unreadable; the places
 * where a secret boolean could show (the Import step, a clause's value, the request) hide it by position.
 */
export function addSecretTexts(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    if (value !== "") into.add(value);
  } else if (typeof value === "number" || typeof value === "bigint") {
    into.add(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) addSecretTexts(item, into);
  } else if (typeof value === "object" && value !== null) {
    const record = value as { value?: unknown; displayName?: unknown; id?: unknown; roles?: unknown };
    if (Array.isArray(record.roles)) addSecretTexts(record.roles, into);
    addSecretTexts(record.value, into);
    addSecretTexts(record.displayName, into);
    addSecretTexts(record.id, into);
  }
}

/**
 * The output boundary of Redact: a deep copy of a preview result in which every occurrence of a secret
 * text, in any string (keys included), is replaced by `[Redact]`, and every number whose digits are a
 * secret becomes `[Redact]`. One pass over each string with one pattern, longest secret first, so that a
 * replacement is never rescanned. Secrets are the user's values of secret attributes and the values that
 * secret mappings computed for the user; whatever text quotes them (an evaluation error, a clause detail,
 * a match description, a SCIM body, a user's label) is covered without knowing where it came from.
 */
export function redactTexts<T>(value: T, secrets: ReadonlySet<string>): T {
  if (secrets.size === 0) return value;
  const texts = [...secrets].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(texts.map(escapeRegExp).join("|"), "g");
  const scrub = (text: string): string => {
    pattern.lastIndex = 0;
    return pattern.test(text) ? text.replace(pattern, REDACTED) : text;
  };
  const copy = (item: unknown): unknown => {
    if (typeof item === "string") return scrub(item);
    if (typeof item === "number") return secrets.has(String(item)) ? REDACTED : item;
    if (Array.isArray(item)) return item.map(copy);
    if (typeof item === "object" && item !== null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item)) {
        // setOwn (defineProperty): a user attribute named __proto__ stays data, never the copy's prototype.
        setOwn(out, scrub(key), copy((item as Record<string, unknown>)[key]));
      }
      return out;
    }
    return item;
  };
  return copy(value) as T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
