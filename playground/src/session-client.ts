import type { ExportResponse, SessionMessage, SessionRequest } from "./evaluation-protocol.js";

type Unnumbered<Request> = Request extends unknown ? Omit<Request, "id"> : never;

/** The inputs a preview runs on; only those that changed since the worker last saw them are sent. */
export interface PreviewInputs {
  readonly config: string;
  readonly users: string;
  readonly target: string;
}

/**
 * The page's side of the session worker. Requests are numbered; the worker drops an older run by itself
 * when a newer request arrives, so nothing is terminated on a keystroke. A worker that sends nothing
 * for `timeoutMs` while it has work (a runaway expression in a mapping) is terminated and replaced; the
 * replacement is sent every input again.
 */
export class SessionClient {
  private worker: Worker;
  private nextId = 1;
  private known: Partial<PreviewInputs> = {};
  /** The newest long job (preview or batch) and when the worker last showed signs of life. */
  private working: { id: number; lastHeard: number } | undefined;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly exports = new Map<number, (response: ExportResponse) => void>();

  constructor(
    private readonly onMessage: (message: SessionMessage) => void,
    private readonly timeoutMs = 8000,
  ) {
    this.worker = this.start();
    this.watchdog = setInterval(() => this.check(), 500);
  }

  preview(
    inputs: PreviewInputs,
    overrides: Readonly<Record<number, string>>,
    priority: readonly number[],
  ): number {
    const changed: { config?: string; users?: string; target?: string } = {};
    for (const key of ["config", "users", "target"] as const) {
      if (this.known[key] !== inputs[key]) changed[key] = inputs[key];
    }
    this.known = { ...inputs };
    return this.send({ kind: "preview", ...changed, overrides, priority: [...priority] }, true);
  }

  detail(index: number, mapping: number): number {
    return this.send({ kind: "detail", index, mapping }, false);
  }

  batch(expression: string, users: string): number {
    return this.send({ kind: "batch", expression, users }, true);
  }

  exportConfig(): Promise<ExportResponse> {
    return new Promise((resolve) => {
      const id = this.send({ kind: "export" }, false);
      this.exports.set(id, resolve);
    });
  }

  private send(request: Unnumbered<SessionRequest>, long: boolean): number {
    const id = this.nextId++;
    if (long) this.working = { id, lastHeard: performance.now() };
    this.worker.postMessage({ ...request, id });
    return id;
  }

  private start(): Worker {
    const worker = new Worker(new URL("./evaluation-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<SessionMessage>) => {
      const message = event.data;
      if (this.working) {
        this.working.lastHeard = performance.now();
        const finished =
          message.id === this.working.id &&
          (message.kind === "preview-done" || message.kind === "batch-done" || message.kind === "failure");
        // A preview with edits goes on to compare with the unedited configuration; that ends it too.
        if (finished || message.kind === "preview-changes") this.working = undefined;
      }
      if (message.kind === "export") {
        this.exports.get(message.id)?.(message);
        this.exports.delete(message.id);
        return;
      }
      this.onMessage(message);
    };
    return worker;
  }

  private check(): void {
    if (!this.working || performance.now() - this.working.lastHeard < this.timeoutMs) return;
    const { id } = this.working;
    this.working = undefined;
    this.worker.terminate();
    this.worker = this.start();
    this.known = {};
    this.onMessage({
      kind: "failure",
      id,
      ok: false,
      stage: "timeout",
      code: "timeout",
      message: `Stopped after ${this.timeoutMs / 1000} s without progress: an expression runs too long for these users.`,
      span: undefined,
    });
  }

  dispose(): void {
    clearInterval(this.watchdog);
    this.worker.terminate();
  }
}
