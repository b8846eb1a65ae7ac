import type { Diagnostic, Span } from "../../src/diagnostics/index.js";
import type {
  CodeAction,
  CompletionItem,
  FormattingResult,
  Hover,
  LanguageOptions,
  SemanticToken,
  SignatureHelp,
} from "../../src/language/index.js";

/**
 * The editor services of src/language, run in a worker: the page holds no parser, checker or registry
 * (its JavaScript stays small) and a huge expression never blocks it. Each method is the service of
 * the same name, plain data in and out.
 */
export interface LanguageMethods {
  diagnose(text: string, options: LanguageOptions): Diagnostic[];
  complete(text: string, offset: number, options: LanguageOptions): CompletionItem[];
  signatureHelp(text: string, offset: number): SignatureHelp | undefined;
  hover(text: string, offset: number, options: LanguageOptions): Hover | undefined;
  codeActions(text: string, span: Span, options: LanguageOptions): CodeAction[];
  formatDocument(text: string): FormattingResult;
  semanticTokens(text: string): SemanticToken[];
  /** The semantic token legend (types and modifiers, in the order tokens index them). */
  semanticLegend(): { tokenTypes: string[]; tokenModifiers: string[] };
}

export type LanguageMethod = keyof LanguageMethods;

export interface LanguageRequest<Method extends LanguageMethod = LanguageMethod> {
  readonly kind: "language";
  readonly id: number;
  readonly method: Method;
  readonly args: Parameters<LanguageMethods[Method]>;
}

export interface LanguageResponse {
  readonly kind: "language";
  readonly id: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: string;
}
