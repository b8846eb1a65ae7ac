/// <reference lib="webworker" />
// Evaluates off the page's thread. The page runs three of these: one for expression mode (stateless; a
// runaway evaluation blocks only it, and the page terminates it after its timeout) and one session
// (mapping mode's previews and expression mode's many users), which keeps its inputs and streams
// results in slices, dropping a run as soon as a newer request arrives. A third answers the editor
// services (language-service.ts), so that the page itself holds no parser.

import { runBatch } from "./batch-run.js";
import type { SessionMessage, SessionRequest, WorkerRequest } from "./evaluation-protocol.js";
import { failure, runExpression } from "./expression-run.js";
import type { LanguageRequest } from "./language-protocol.js";
import { answerLanguage } from "./language-service.js";
import { PreviewSession } from "./preview-session.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SessionMessage) => scope.postMessage(message);
const session = new PreviewSession(post);
let batchGeneration = 0;

scope.onmessage = (event: MessageEvent<WorkerRequest | SessionRequest | LanguageRequest>) => {
  const request = event.data;
  try {
    switch (request.kind) {
      case "language":
        scope.postMessage(answerLanguage(request));
        return;
      case "expression":
        scope.postMessage(runExpression(request));
        return;
      case "preview":
        session.preview(request).catch((error) => reportInternal(request.id, error));
        return;
      case "detail":
        session.detail(request);
        return;
      case "export":
        session.export(request);
        return;
      case "batch": {
        const generation = ++batchGeneration;
        runBatch(request, post, () => generation === batchGeneration).catch((error) =>
          reportInternal(request.id, error),
        );
        return;
      }
    }
  } catch (error) {
    reportInternal(request.id, error);
  }
};

// Says the worker has loaded: the page's time limit for an evaluation starts from here.
scope.postMessage({ kind: "started" });

function reportInternal(id: number, error: unknown): void {
  const message = /Maximum call stack size exceeded/.test(String(error))
    ? "The input is nested too deeply to process."
    : `provex failed on this input (a bug; please report it): ${String(error)}`;
  scope.postMessage({ ...failure(id, "evaluate", "internal-error", message), kind: "failure" });
}
