/**
 * Editor-agnostic language services (DESIGN.md, `src/language/`): plain data in, plain data out, with
 * half-open UTF-16 offsets. Monaco's adapter in `playground/` converts offsets to positions; an LSP server
 * or a test can use them as they are.
 */

export { applyEdits, codeActions } from "./code-action-provider.js";
export { callSnippet, complete } from "./completion-provider.js";
export { diagnose } from "./diagnostics-provider.js";
export { type FormattingResult, formatDocument } from "./formatter.js";
export { hover } from "./hover-provider.js";
export { semanticTokenModifiers, semanticTokens, semanticTokenTypes } from "./semantic-tokens-provider.js";
export { signatureHelp } from "./signature-help-provider.js";
export { type Snippet, snippets } from "./snippets.js";
export type * from "./types.js";
export { type DescribedValue, describeValue, previewAttribute, type ValueKindLabel } from "./value-text.js";
