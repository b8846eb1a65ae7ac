import type { LanguageMethod, LanguageMethods, LanguageResponse } from "./language-protocol.js";

/**
 * The page's side of the editor services: calls a method in the language worker and resolves with its
 * result. The worker only parses and checks (linear time), so it is never stopped; each call is
 * answered in order.
 */
export class LanguageClient {
  private readonly worker = new Worker(new URL("./evaluation-worker.ts", import.meta.url), {
    type: "module",
    name: "provex-language",
  });
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<LanguageResponse>) => {
      const { id, ok, result, error } = event.data;
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      if (ok) waiting.resolve(result);
      else waiting.reject(new Error(error));
    };
  }

  call<Method extends LanguageMethod>(
    method: Method,
    ...args: Parameters<LanguageMethods[Method]>
  ): Promise<ReturnType<LanguageMethods[Method]>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ kind: "language", id, method, args });
    });
  }
}

/** The one language worker of the page. */
export const language = new LanguageClient();
