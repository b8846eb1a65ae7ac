/// <reference lib="webworker" />
// Evaluates expressions off the page's thread: a runaway evaluation blocks only this worker, which
// the page terminates after its timeout (evaluation-client.ts).
import { compile, ProvexError } from "../../src/index.js";
import { describeValue } from "../../src/language/index.js";
import type { EvaluationRequest, EvaluationResponse } from "./evaluation-protocol.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EvaluationRequest>) => {
  scope.postMessage(run(event.data));
};

function run(request: EvaluationRequest): EvaluationResponse {
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

function failure(
  id: number,
  stage: "attributes" | "compile" | "evaluate",
  code: string,
  message: string,
  span?: { start: number; end: number },
): EvaluationResponse {
  return {
    id,
    ok: false,
    stage,
    code,
    message,
    span: span ? { start: span.start, end: span.end } : undefined,
  };
}
