import type { Span } from "../diagnostics/index.js";
import { type FunctionSpec, functions, lookupFunction } from "../functions/index.js";
import { isWritableAttributeName } from "../lexer/index.js";
import { knownConstants } from "../parser/index.js";
import { positionContext } from "./call-context.js";
import { functionDocumentation, parameterIndexAt, signatureParts } from "./function-docs.js";
import { snippets } from "./snippets.js";
import type { CompletionItem, LanguageOptions } from "./types.js";
import { previewAttribute } from "./value-text.js";

const CONSTANT_DOCS: Readonly<Record<string, string>> = {
  True: "The boolean true.",
  False: "The boolean false.",
  vbTextCompare: "InStr's compareType: compare ignoring case.",
  vbBinaryCompare: "InStr's compareType: compare exactly (the default).",
  UTF8: "ConvertFromBase64's encoding: UTF-8.",
  Unicode: "ConvertFromBase64's encoding: UTF-16LE (the default).",
  ASCII: "ConvertFromBase64's encoding: ASCII.",
};

/**
 * Completion at `offset`: attribute names inside `[…]`; elsewhere functions (with their signature and
 * summary), constants, attributes and snippets. Nothing inside a string. Constants that fit the
 * parameter at the cursor (InStr's compareType, ConvertFromBase64's encoding) sort first.
 */
export function complete(text: string, offset: number, options: LanguageOptions = {}): CompletionItem[] {
  const context = positionContext(text, offset);
  const place = context.place;
  if (place.kind === "string") return [];
  if (place.kind === "attribute") {
    if (place.closed) {
      return attributeNames(options).map((name) => attributeItem(name, options, place.nameSpan, "name"));
    }
    // An unterminated reference runs to the end of its line, so its whole name is not the thing to
    // replace: only what is typed up to the cursor and the name characters just after it. The item
    // closes the reference.
    const range = { start: place.nameSpan.start, end: nameEndAfter(text, offset, place.nameSpan.end) };
    return attributeNames(options).map((name) => attributeItem(name, options, range, "closing"));
  }
  const range: Span = place.kind === "word" ? place.span : { start: offset, end: offset };
  const preferredKind = expectedKind(context.calls[0]?.name, context.calls[0]?.argumentIndex ?? 0);
  const items: CompletionItem[] = [];
  for (const spec of functions.values()) items.push(functionItem(spec, range, options));
  for (const name of knownConstants) items.push(constantItem(name, range, preferredKind));
  for (const name of attributeNames(options)) items.push(attributeItem(name, options, range, "bracketed"));
  for (const snippet of snippets) {
    items.push({
      label: snippet.label,
      kind: "snippet",
      detail: snippet.detail,
      documentation: snippet.documentation,
      insertText: snippet.body,
      snippet: true,
      range,
      sortText: `4${snippet.label}`,
    });
  }
  return items;
}

/** Names offered: those of the sample user and the schema that can be written as `[name]`. */
function attributeNames(options: LanguageOptions): string[] {
  const names = new Set<string>(options.schema ?? []);
  for (const name of Object.keys(options.attributes ?? {})) names.add(name);
  return [...names].filter(isWritableAttributeName).sort((a, b) => a.localeCompare(b, "en"));
}

/** Where the name being typed ends: past the cursor over characters that continue it, `]` and `"` included. */
function nameEndAfter(text: string, offset: number, limit: number): number {
  let end = offset;
  while (end < limit && !/[\s,()[]/.test(text.charAt(end))) end++;
  return end;
}

/** How an attribute item is inserted: the bare name, the name and a closing `]`, or `[name]`. */
type AttributeInsertion = "name" | "closing" | "bracketed";

function attributeItem(
  name: string,
  options: LanguageOptions,
  range: Span,
  insertion: AttributeInsertion,
): CompletionItem {
  const value = options.attributes ? previewAttribute(options.attributes[name]) : "";
  const bracketed = insertion === "bracketed";
  return {
    label: bracketed ? `[${name}]` : name,
    kind: "attribute",
    detail: value ? `= ${value}` : "source attribute",
    documentation: "",
    insertText: bracketed ? `[${name}]` : insertion === "closing" ? `${name}]` : name,
    snippet: false,
    range,
    sortText: `1${name}`,
  };
}

/** A call snippet with a placeholder per required parameter; optional ones are left for the user. */
export function callSnippet(spec: FunctionSpec): string {
  const required = spec.parameters.filter((parameter) => parameter.occurrence === "required");
  let lastRequired = -1;
  spec.parameters.forEach((parameter, index) => {
    if (parameter.occurrence === "required") lastRequired = index;
  });
  const placeholders = spec.parameters.slice(0, lastRequired + 1).map((parameter) => {
    if (parameter.occurrence === "optional") return "";
    return `\${${required.indexOf(parameter) + 1}:${parameter.name}}`;
  });
  return `${spec.name}(${placeholders.join(", ")})$0`;
}

function functionItem(spec: FunctionSpec, range: Span, options: LanguageOptions): CompletionItem {
  const provexOnly = spec.availability.every((where) => where === "provex");
  return {
    label: spec.name,
    kind: "function",
    detail: `${signatureParts(spec).label}${provexOnly ? " (provex extension)" : ""}`,
    documentation: functionDocumentation(spec),
    insertText: callSnippet(spec),
    snippet: true,
    range,
    // Extensions sink below Entra's own functions unless the provex dialect is chosen.
    sortText: `${provexOnly && options.dialect !== "provex" ? "3" : "2"}${spec.name}`,
  };
}

function constantItem(name: string, range: Span, preferredKind: string | undefined): CompletionItem {
  const fits =
    (preferredKind === "compareMode" && name.startsWith("vb")) ||
    (preferredKind === "encoding" && ["UTF8", "Unicode", "ASCII"].includes(name)) ||
    (preferredKind === "boolean" && (name === "True" || name === "False"));
  return {
    label: name,
    kind: "constant",
    detail: "constant",
    documentation: CONSTANT_DOCS[name] ?? "",
    insertText: name,
    snippet: false,
    range,
    sortText: `${fits ? "0" : "3"}${name}`,
  };
}

function expectedKind(name: string | undefined, argumentIndex: number): string | undefined {
  if (name === undefined) return undefined;
  const spec = lookupFunction(name);
  if (!spec) return undefined;
  const index = parameterIndexAt(spec, argumentIndex);
  return index === undefined ? undefined : spec.parameters[index]?.kind;
}
