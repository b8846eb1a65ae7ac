/// <reference lib="webworker" />
import {
  codeActions,
  complete,
  diagnose,
  formatDocument,
  hover,
  semanticTokenModifiers,
  semanticTokens,
  semanticTokenTypes,
  signatureHelp,
} from "../../src/language/index.js";
import type { LanguageMethods, LanguageRequest, LanguageResponse } from "./language-protocol.js";

/** The worker's side of the editor services: each method runs the src/language service it names. */
const methods: LanguageMethods = {
  diagnose,
  complete,
  signatureHelp,
  hover,
  codeActions: (text, span, options) => codeActions(text, diagnose(text, options), span, options),
  formatDocument: (text) => formatDocument(text),
  semanticTokens,
  semanticLegend: () => ({
    tokenTypes: [...semanticTokenTypes],
    tokenModifiers: [...semanticTokenModifiers],
  }),
};

export function answerLanguage(request: LanguageRequest): LanguageResponse {
  try {
    const method = methods[request.method] as (...args: unknown[]) => unknown;
    return { kind: "language", id: request.id, ok: true, result: method(...request.args) };
  } catch (error) {
    return { kind: "language", id: request.id, ok: false, error: String(error) };
  }
}
