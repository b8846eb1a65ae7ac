/// <reference lib="webworker" />
// Evaluates off the page's thread: a runaway evaluation blocks only this worker, which the page
// terminates after its timeout (evaluation-client.ts).
import { compile, ProvexError } from "../../src/index.js";
import { describeValue } from "../../src/language/index.js";
import type { ExpressionRequest, Failure, WorkerRequest, WorkerResponse } from "./evaluation-protocol.js";
import { runPreview } from "./preview-run.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  let response: WorkerResponse;
  try {
    response = request.kind === "preview" ? runPreview(request) : runExpression(request);
  } catch (error) {
    response = failure(request.id, "evaluate", "internal-error", String(error));
  }
  scope.postMessage(response);
};

function runExpression(request: ExpressionRequest): WorkerResponse {
  const { id } = request;
  let attributes: Record<string, unknown>;
  try {
    const parsed: unknown = request.attributesJson.trim() === "" ? {} : JSON.parse(request.attributesJson);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return failure(
        id,
        "attributes",
        "attributes-not-object",
        'The attributes must be one JSON object: { "name": value, … }.',
      );
    }
    attributes = parsed as Record<string, unknown>;
  } catch (error) {
    return failure(
      id,
      "attributes",
      "attributes-json",
      `The attributes are not valid JSON: ${(error as Error).message}`,
    );
  }
  let stage: "compile" | "evaluate" = "compile";
  try {
    const compiled = compile(request.expression);
    stage = "evaluate";
    const started = performance.now();
    const value = compiled.evaluate(attributes);
    return { id, ok: true, value: describeValue(value), workerMs: performance.now() - started };
  } catch (error) {
    if (error instanceof ProvexError) return failure(id, stage, error.code, error.message, error.span);
    return failure(id, stage, "internal-error", String(error));
  }
}

export function failure(
  id: number,
  stage: Failure["stage"],
  code: string,
  message: string,
  span?: { start: number; end: number },
): Failure {
  return {
    id,
    ok: false,
    stage,
    code,
    message,
    span: span ? { start: span.start, end: span.end } : undefined,
  };
}
