import { lookupFunction } from "../functions/index.js";
import { parse } from "../parser/index.js";
import {
  codeBlock,
  functionDocumentation,
  parameterIndexAt,
  parameterLabel,
  signatureParts,
} from "./function-docs.js";
import { nodeAt } from "./syntax-tree-search.js";
import type { Hover, LanguageOptions } from "./types.js";
import { previewAttribute } from "./value-text.js";

/**
 * Hover at `offset`: a function name shows its signature and documentation from the registry; an
 * `[attribute]` shows its value for the selected sample user; any argument shows the parameter it
 * binds to. User data goes into code blocks, so that it can never be read as Markdown or HTML.
 */
export function hover(text: string, offset: number, options: LanguageOptions = {}): Hover | undefined {
  const found = nodeAt(parse(text).ast, offset);
  if (!found) return undefined;
  const { node, parent, argumentIndex } = found;
  if (node.kind === "call" && offset >= node.nameSpan.start && offset <= node.nameSpan.end) {
    const spec = lookupFunction(node.name);
    if (!spec) return undefined;
    return {
      contents: [codeBlock(signatureParts(spec).label), functionDocumentation(spec)],
      span: node.nameSpan,
    };
  }
  const contents: string[] = [];
  if (node.kind === "attribute") {
    if (options.attributes) {
      const value = Object.hasOwn(options.attributes, node.name) ? options.attributes[node.name] : undefined;
      contents.push(
        `Value of [${node.name}] for the selected user:`,
        codeBlock(previewAttribute(value, 500)),
      );
    } else {
      contents.push(codeBlock(`[${node.name}]`), "Source attribute.");
    }
  }
  const spec = parent ? lookupFunction(parent.name) : undefined;
  const index = spec ? parameterIndexAt(spec, argumentIndex) : undefined;
  const parameter = spec && index !== undefined ? spec.parameters[index] : undefined;
  if (spec && parameter && index !== undefined && node.kind !== "call") {
    contents.push(
      `Parameter \`${parameterLabel(spec, parameter, index)}\` of ${spec.name} (${parameter.kind}): ${parameter.doc}`,
    );
  }
  return contents.length > 0 ? { contents, span: node.span } : undefined;
}
