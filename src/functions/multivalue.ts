import { listOf, smallIntegerOf, textOf, textOrEmpty } from "./coerce.js";
import { type CallSite, fail } from "./context.js";
import { eager, required } from "./define.js";
import { readTwo } from "./read-sites.js";
import type { CallCompiler, EntryCompiler, FunctionSpec } from "./spec.js";
import { hasPlainPrototype, isRoleList, type Value } from "./value.js";

/** Multi-valued attributes: arrays of strings. A single value counts as a list of one. */

const ALL = ["provisioning", "cloudSync"] as const;

export const Count: FunctionSpec = {
  name: "Count",
  family: "multivalue",
  parameters: [required("attribute", "list", "A multi-valued attribute.")],
  returns: "integer",
  availability: ALL,
  summary: "Returns the number of values of a multi-valued attribute.",
  doc: "Counts the values; a single value counts 1 and null counts 0.",
  example: {
    expression: "Count([proxyAddresses])",
    attributes: { proxyAddresses: ["SMTP:a@contoso.com", "smtp:b@contoso.com"] },
    result: "2",
  },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => BigInt(listOf(value, site, "attribute")?.length ?? 0)),
};

export const Item: FunctionSpec = {
  name: "Item",
  family: "multivalue",
  parameters: [
    required("attribute", "list", "A multi-valued attribute."),
    required("index", "integer", "The 1-based position of the value."),
  ],
  returns: "text",
  availability: ALL,
  summary: "Returns one value of a multi-valued attribute.",
  doc: "The index is 1-based; an index below 1 or past the last value is an evaluation error (`item-out-of-range`). Null gives null.",
  example: {
    expression: "Item([proxyAddresses], 1)",
    attributes: { proxyAddresses: ["SMTP:john@contoso.com", "smtp:jd@contoso.com"] },
    result: "SMTP:john@contoso.com",
  },
  pure: true,
  implemented: true,
  implementation: eager(([value, indexArgument], site) => {
    const index = smallIntegerOf(indexArgument, site, "index");
    const list = listOf(value, site, "attribute");
    if (list === null) return null;
    const item = index >= 1 ? list[index - 1] : undefined;
    if (item === undefined) {
      return fail(
        site,
        "item-out-of-range",
        `Item's index ${index} is outside 1…${list.length}; check Count first, or guard with IIF.`,
      );
    }
    return item;
  }),
};

export const Join: FunctionSpec = {
  name: "Join",
  family: "multivalue",
  parameters: [
    required("separator", "text", 'The text between values (may be "").'),
    required("source", "any", "A value or multi-valued attribute to join."),
  ],
  repeatFrom: 1,
  returns: "text",
  availability: ALL,
  summary: "Joins values with a separator.",
  doc: 'Joins every source with the separator. Null and "" sources are skipped and multi-valued sources contribute each of their values, so `Join(", ", "", [surname], [givenName])` gives "Doe, John".',
  example: {
    expression: 'Join(".", [givenName], [surname])',
    attributes: { givenName: "John", surname: "Doe" },
    result: "John.Doe",
  },
  pure: true,
  implemented: true,
  implementation: eager(
    (args, site) => {
      const separator = textOrEmpty(args[0], site, "separator");
      const parts: string[] = [];
      for (let index = 1; index < args.length; index++) collectParts(args[index], parts, site);
      return parts.join(separator);
    },
    undefined,
    compileJoin,
    compileJoinEntry,
  ),
};

/**
 * Join's fast path: a constant separator and one to three sources (nearly every Join written) become a
 * closure that joins the strings by concatenation; anything but plain strings takes the general rules.
 */
function compileJoin(...[args, site]: Parameters<CallCompiler>): ReturnType<CallCompiler> {
  const separatorArgument = args[0];
  if (!separatorArgument?.constant || args.length < 2 || args.length > 4) return undefined;
  const separator = textOrEmpty(separatorArgument.constant.value, site, "separator");
  const [, first, second, third] = args.map((argument) => argument.run);
  const general = (values: readonly (Value | undefined)[]) => {
    const parts: string[] = [];
    for (const value of values) collectParts(value, parts, site);
    return parts.join(separator);
  };
  if (third && second && first) {
    // Three strings joined by concatenation, the empty ones skipped, without an array per call.
    return (state) => {
      const a = first(state);
      const b = second(state);
      const c = third(state);
      if (typeof a === "string" && typeof b === "string" && typeof c === "string") {
        return joinTwo(joinTwo(a, b, separator), c, separator);
      }
      return general([a, b, c]);
    };
  }
  const firstName = args[1]?.attribute;
  const secondName = args[2]?.attribute;
  if (second && first && firstName !== undefined && secondName !== undefined) {
    // `Join(".", [givenName], [surname])`: both attributes read here rather than through their closures.
    // Only own strings are taken as read (see CompiledArgument.attribute); anything else (absent aside)
    // is read again by the source's own closure.
    return (state) => {
      const attributes = state.attributes;
      const plain = state.plain === true;
      const rawA = attributes[firstName];
      const a = typeof rawA === "string" && plain ? rawA : rawA === undefined ? null : first(state);
      const rawB = attributes[secondName];
      const b = typeof rawB === "string" && plain ? rawB : rawB === undefined ? null : second(state);
      if (typeof a === "string" && typeof b === "string") {
        return joinTwo(a, b, separator);
      }
      return general([a, b]);
    };
  }
  if (second && first) {
    return (state) => {
      const a = first(state);
      const b = second(state);
      if (typeof a === "string" && typeof b === "string") {
        return joinTwo(a, b, separator);
      }
      return general([a, b]);
    };
  }
  if (!first) return undefined;
  return (state) => {
    const a = first(state);
    return typeof a === "string" ? a : general([a]);
  };
}

/**
 * `Join(".", [a], [b])` as a whole expression: the two attributes read straight from the caller's
 * object, at read sites of its own (read-sites.ts). Own strings and absent values are decided here;
 * anything else (numbers, lists, an object whose prototype is not Object.prototype or null, so that a
 * string might be inherited) goes to `general`. A string read from a plain object is its own:
 * Object.prototype holds no strings.
 */
function compileJoinEntry(...[args, site, general]: Parameters<EntryCompiler>): ReturnType<EntryCompiler> {
  const separatorArgument = args[0];
  const firstName = args[1]?.attribute;
  const secondName = args[2]?.attribute;
  if (
    args.length !== 3 ||
    !separatorArgument?.constant ||
    firstName === undefined ||
    secondName === undefined
  ) {
    return undefined;
  }
  const separator = textOrEmpty(separatorArgument.constant.value, site, "separator");
  return readTwo(firstName, secondName, (attributes, a, b) => {
    if (typeof a === "string") {
      if (typeof b === "string") {
        if (hasPlainPrototype(attributes as object)) return joinTwo(a, b, separator);
      } else if (b === undefined && hasPlainPrototype(attributes as object)) return a;
    } else if (a === undefined) {
      if (b === undefined) return "";
      if (typeof b === "string" && hasPlainPrototype(attributes as object)) return b;
    }
    return general(attributes);
  });
}

/** Two strings joined as Join joins them: an empty one is skipped, so no separator is doubled. */
function joinTwo(a: string, b: string, separator: string): string {
  return a === "" ? b : b === "" ? a : a + separator + b;
}

function collectParts(value: Value | undefined, parts: string[], site: CallSite): void {
  if (typeof value === "string") {
    if (value !== "") parts.push(value);
    return;
  }
  if (Array.isArray(value) || (value != null && isRoleList(value))) {
    for (const item of listOf(value, site, "source") ?? []) if (item !== "") parts.push(item);
    return;
  }
  const text = textOf(value, site, "source");
  if (text) parts.push(text);
}

export const Split: FunctionSpec = {
  name: "Split",
  family: "multivalue",
  parameters: [
    required("source", "text", "The text to split."),
    required("delimiter", "text", "The delimiter between values."),
  ],
  returns: "list",
  availability: ALL,
  summary: "Splits a string into a multi-valued array.",
  doc: "Splits at every occurrence of the delimiter, without trimming the parts. An empty delimiter gives the whole text as one value; null gives null.",
  example: {
    expression: 'Split([extensionAttribute5], ",")',
    attributes: { extensionAttribute5: "PermissionSetOne, PermissionSetTwo" },
    result: ["PermissionSetOne", " PermissionSetTwo"],
  },
  pure: true,
  implemented: true,
  implementation: eager(([source, delimiterArgument], site) => {
    const text = textOf(source, site, "source");
    const delimiter = textOrEmpty(delimiterArgument, site, "delimiter");
    if (text === null) return null;
    return delimiter === "" ? [text] : text.split(delimiter);
  }),
};

export const RemoveDuplicates: FunctionSpec = {
  name: "RemoveDuplicates",
  family: "multivalue",
  parameters: [required("attribute", "list", "A multi-valued attribute.")],
  returns: "list",
  availability: ALL,
  summary: "Removes repeated values from a multi-valued attribute.",
  doc: "Compares values ordinally (case-sensitively) and keeps the first occurrence of each, in order. Null gives null.",
  example: {
    expression: "RemoveDuplicates([proxyAddresses])",
    attributes: { proxyAddresses: ["SMTP:a@contoso.com", "smtp:b@contoso.com", "SMTP:a@contoso.com"] },
    result: ["SMTP:a@contoso.com", "smtp:b@contoso.com"],
  },
  pure: true,
  implemented: true,
  implementation: eager(([value], site) => {
    const list = listOf(value, site, "attribute");
    return list === null ? null : [...new Set(list)];
  }),
};

export const multivalueFunctions: readonly FunctionSpec[] = [Count, Item, Join, RemoveDuplicates, Split];
