import type { Diagnostic, Span } from "../../src/diagnostics/index.js";
import type { UserPreview } from "../../src/index.js";
import type { DescribedValue } from "../../src/language/index.js";

/** Expression mode: one expression against one user's attributes. */
export interface ExpressionRequest {
  readonly kind: "expression";
  readonly id: number;
  readonly expression: string;
  /** The attributes pane's text, parsed in the worker so that a huge paste cannot block the page. */
  readonly attributesJson: string;
}

/** Mapping mode: a whole configuration previewed for every sample user. */
export interface PreviewRequest {
  readonly kind: "preview";
  readonly id: number;
  readonly configText: string;
  readonly usersJson: string;
  readonly targetJson: string;
  /** Expressions edited in the playground, by the mapping's index in the user object mapping. */
  readonly overrides: Readonly<Record<number, string>>;
}

export type WorkerRequest = ExpressionRequest | PreviewRequest;

/** A failure before or during the work, or the client's own timeout. */
export interface Failure {
  readonly id: number;
  readonly ok: false;
  /** Which step failed: an input's JSON, compiling the expression, evaluating it, or the time limit. */
  readonly stage: "attributes" | "users" | "target" | "compile" | "evaluate" | "timeout";
  readonly code: string;
  readonly message: string;
  readonly span: Span | undefined;
}

export type ExpressionResponse =
  | { readonly id: number; readonly ok: true; readonly value: DescribedValue; readonly workerMs: number }
  | Failure;

/** One mapping of the previewed object mapping, for the mapping editor's list. */
export interface MappingSummary {
  readonly index: number;
  readonly target: string;
  readonly expression: string | null;
}

export type PreviewResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly configDiagnostics: readonly Diagnostic[];
      readonly mappings: readonly MappingSummary[];
      /** The source object's attribute names from the configuration's schema, when it has one. */
      readonly sourceAttributes: readonly string[] | undefined;
      readonly users: readonly UserPreview[];
      readonly workerMs: number;
    }
  | Failure;

export type WorkerResponse = ExpressionResponse | PreviewResponse;
