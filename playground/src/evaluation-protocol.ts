import type { Span } from "../../src/diagnostics/index.js";
import type { DescribedValue } from "../../src/language/index.js";

/** What the page asks the evaluation worker. */
export interface EvaluationRequest {
  readonly id: number;
  readonly expression: string;
  /** The attributes pane's text, parsed in the worker so that a huge paste cannot block the page. */
  readonly attributesJson: string;
}

export type EvaluationResponse =
  | { readonly id: number; readonly ok: true; readonly value: DescribedValue; readonly workerMs: number }
  | {
      readonly id: number;
      readonly ok: false;
      /** Which step failed: the attributes JSON, compiling the expression, or evaluating it. */
      readonly stage: "attributes" | "compile" | "evaluate";
      readonly code: string;
      readonly message: string;
      readonly span: Span | undefined;
    };
