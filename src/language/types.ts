import type { Dialect } from "../checker/index.js";
import type { Span } from "../diagnostics/index.js";

/**
 * What the editor knows besides the text: the sample user whose values hover shows and whose attribute
 * names completion offers, and the source schema. Every service takes this one shape.
 */
export interface LanguageOptions {
  /** The selected sample user's attributes (the same plain object `evaluate` takes). */
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** Source attribute names from a schema; when given, the checker reports unknown attributes. */
  readonly schema?: readonly string[];
  /** `entra` (default) or `provex`. */
  readonly dialect?: Dialect;
}

/** Replace `span` of the text with `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export type CompletionKind = "function" | "attribute" | "constant" | "snippet";

/** One completion proposal. `insertText` uses LSP/Monaco snippet syntax when `snippet` is true. */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line shown beside the label (a signature, a value). */
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
  readonly insertText: string;
  readonly snippet: boolean;
  /** The part of the text the proposal replaces (the word being typed; empty at a fresh position). */
  readonly range: Span;
  readonly sortText: string;
}

/** Hover contents: Markdown paragraphs, and the span they describe. */
export interface Hover {
  readonly contents: readonly string[];
  readonly span: Span;
}

/** A signature with the offsets of each parameter inside `label`, as LSP and Monaco want them. */
export interface SignatureHelp {
  readonly functionName: string;
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly {
    readonly label: readonly [number, number];
    readonly documentation: string;
  }[];
  /** Index into `parameters` (a repeating group maps back onto its declaration). */
  readonly activeParameter: number;
  /** The argument position the cursor is in, counting empty arguments (0-based). */
  readonly argumentIndex: number;
}

/** A fix for a diagnostic, keyed on the diagnostic's stable code. */
export interface CodeAction {
  readonly title: string;
  readonly diagnosticCode: string;
  readonly diagnosticSpan: Span;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

export type SemanticTokenType =
  | "function"
  | "variable"
  | "string"
  | "number"
  | "keyword"
  | "operator"
  | "invalid";

/** One classified token; `modifiers` may hold `defaultLibrary` (a builtin) or `deprecated`. */
export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: SemanticTokenType;
  readonly modifiers: readonly ("defaultLibrary" | "unknown")[];
}
