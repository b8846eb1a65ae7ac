import type { Diagnostic, Span } from "../../src/diagnostics/index.js";
import type { TraceStep } from "../../src/evaluator/trace.js";
import type { PreviewAction, UserPreview } from "../../src/index.js";
import type { DescribedValue } from "../../src/language/index.js";
import type { PreviewComparison, UserResultChange } from "../../src/review/preview-changes.js";

/** A problem with an input, placed at its line and column when the place is known. */
export interface InputProblem {
  readonly message: string;
  readonly code: string;
  readonly line?: number;
  readonly column?: number;
}

/** Which step failed: an input, compiling the expression, evaluating it, or the time limit. */
export type FailureStage = "attributes" | "users" | "target" | "config" | "compile" | "evaluate" | "timeout";

/** A failure before or during the work, or the client's own timeout. */
export interface Failure {
  readonly kind?: "failure";
  readonly id: number;
  readonly ok: false;
  readonly stage: FailureStage;
  readonly code: string;
  readonly message: string;
  readonly span: Span | undefined;
  /** For an input that does not parse: where (1-based). */
  readonly line?: number;
  readonly column?: number;
  /** For an evaluation error in expression mode: the steps up to the error. */
  readonly steps?: readonly TraceStepView[];
}

// ---- Expression mode (a stateless worker, stopped and restarted when it runs too long) ----

/** One expression against one user's attributes. */
export interface ExpressionRequest {
  readonly kind: "expression";
  readonly id: number;
  readonly expression: string;
  /** The attributes pane's text, parsed in the worker so that a huge paste cannot block the page. */
  readonly attributesJson: string;
}

/** A traced argument or result, described for the page. */
export type TracedValueView =
  | { readonly state: "value"; readonly value: DescribedValue }
  | { readonly state: "omitted" | "not-evaluated" }
  | { readonly state: "error"; readonly code: string; readonly message: string };

/**
 * One step of the step-through, as the page receives it: the evaluator's {@link TraceStep} with its
 * values described for display.
 */
export interface TraceStepView extends Pick<TraceStep, "kind" | "name" | "span" | "depth"> {
  readonly arguments: readonly TracedValueView[];
  readonly result: TracedValueView;
}

export type ExpressionResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly value: DescribedValue;
      readonly workerMs: number;
      readonly steps: readonly TraceStepView[];
    }
  | Failure;

export type WorkerRequest = ExpressionRequest;
export type WorkerResponse = ExpressionResponse;

// ---- The session worker (mapping mode and many users): keeps its inputs, streams results ----

/** One row of the summary grid: what the page needs for 5,000 users (the details stay in the worker). */
export interface SummaryRow {
  readonly index: number;
  readonly id: string;
  readonly displayName: string | undefined;
  readonly action: PreviewAction;
  readonly summary: string;
}

/** One mapping of the previewed object mapping, for the mapping editor's list. */
export interface MappingSummary {
  readonly index: number;
  readonly target: string;
  /** The expression the preview used (the edited one for an edited mapping). */
  readonly expression: string | null;
  /** The configuration's own expression. */
  readonly original: string | null;
}

/** A lint finding placed in the configuration text. */
export interface LintProblem {
  readonly ruleId: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly span: Span;
}

/**
 * Previews the configuration for every user. Inputs are sent only when they changed since the last
 * request (the worker keeps them); `priority` lists the users to preview first (the selected one and
 * the rows on screen).
 */
export interface PreviewRequest {
  readonly kind: "preview";
  readonly id: number;
  readonly config?: string;
  readonly users?: string;
  readonly target?: string;
  /** Expressions edited in the playground, by the mapping's index in the user object mapping. */
  readonly overrides: Readonly<Record<number, string>>;
  readonly priority: readonly number[];
}

/** The full preview of one user, for the details pane. */
export interface DetailRequest {
  readonly kind: "detail";
  readonly id: number;
  readonly index: number;
  /** The mapping whose expression the page steps through for this user. */
  readonly mapping: number;
}

/** Mapping mode's step-through: one mapping's expression traced for the selected user. */
export interface MappingTrace {
  readonly mapping: number;
  readonly steps: readonly TraceStepView[];
  /** True when the mapping calls Redact or reads a secret attribute: its values are not sent. */
  readonly hidden?: boolean;
}

/** The configuration with the playground's edits applied, written in its own format. */
export interface ExportRequest {
  readonly kind: "export";
  readonly id: number;
}

/** Expression mode's many users: one expression against each user, with an optional expected value. */
export interface BatchRequest {
  readonly kind: "batch";
  readonly id: number;
  readonly expression: string;
  readonly users: string;
}

export type SessionRequest = PreviewRequest | DetailRequest | ExportRequest | BatchRequest;

export interface PreviewStart {
  readonly kind: "preview-start";
  readonly id: number;
  readonly total: number;
  readonly format: "entra" | "provex";
  readonly configDiagnostics: readonly Diagnostic[];
  readonly lint: readonly LintProblem[];
  readonly mappings: readonly MappingSummary[];
  readonly sourceAttributes: readonly string[] | undefined;
}

export interface PreviewChunk {
  readonly kind: "preview-chunk";
  readonly id: number;
  readonly rows: readonly SummaryRow[];
}

export interface PreviewDone {
  readonly kind: "preview-done";
  readonly id: number;
  readonly workerMs: number;
}

/** How many changed users the "what changed" list shows in full. */
export const CHANGES_LISTED = 100;

/**
 * What the edits changed, against the configuration as loaded (sent once the baseline is known). Only
 * the users the page lists come in full; for the grid, every changed user's index and summary before
 * the edits (a 5,000-user comparison in full would cost a structured clone of megabytes).
 */
export interface PreviewChanges {
  readonly kind: "preview-changes";
  readonly id: number;
  /** The comparison, with `changed` cut to its first {@link CHANGES_LISTED} users. */
  readonly comparison: PreviewComparison;
  readonly changedCount: number;
  /** Every changed user: its index and its summary before the edits. */
  readonly changedUsers: readonly (readonly [index: number, before: string])[];
}

export interface DetailResponse {
  readonly kind: "detail";
  readonly id: number;
  readonly user: UserPreview | undefined;
  /** The user's source attributes (for the editor services' hover and completion). */
  readonly source: Readonly<Record<string, unknown>> | undefined;
  readonly change: UserResultChange | undefined;
  readonly trace?: MappingTrace;
}

export interface ExportResponse {
  readonly kind: "export";
  readonly id: number;
  readonly format: "entra" | "provex";
  readonly text: string;
}

/** One user's value in many-users mode. */
export interface BatchRow {
  readonly index: number;
  readonly label: string;
  readonly value: TracedValueView;
  /** The rendered expected value, when the user has one. */
  readonly expected?: string;
  readonly matches?: boolean;
}

export interface BatchStart {
  readonly kind: "batch-start";
  readonly id: number;
  readonly total: number;
  readonly withExpected: boolean;
}

export interface BatchChunk {
  readonly kind: "batch-chunk";
  readonly id: number;
  readonly rows: readonly BatchRow[];
}

export interface BatchDone {
  readonly kind: "batch-done";
  readonly id: number;
  readonly workerMs: number;
  readonly mismatches: number;
}

export type SessionMessage =
  | PreviewStart
  | PreviewChunk
  | PreviewDone
  | PreviewChanges
  | DetailResponse
  | ExportResponse
  | BatchStart
  | BatchChunk
  | BatchDone
  | (Failure & { readonly kind: "failure" });
