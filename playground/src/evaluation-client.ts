import type { Failure, WorkerRequest, WorkerResponse } from "./evaluation-protocol.js";

/** A request without its id, which the client assigns. */
type Unnumbered<Request> = Request extends unknown ? Omit<Request, "id"> : never;

/**
 * Runs work in a Web Worker, one request at a time, newest wins. A request still running when a newer
 * one arrives, or after `timeoutMs`, is stopped by terminating the worker (the only way to interrupt
 * synchronous JavaScript) and starting a fresh one; the timeout is reported as a `timeout` failure.
 */
export class WorkerClient<Request extends WorkerRequest, Response extends WorkerResponse> {
  private worker: Worker;
  private pending: { id: number; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private nextId = 1;
  /** The time limit counts from when the worker has started (loading it is not the expression's time). */
  private started = false;

  constructor(
    private readonly onResult: (outcome: Response | Failure) => void,
    private readonly timeoutMs = 2000,
  ) {
    this.worker = this.startWorker();
  }

  run(request: Unnumbered<Request>): number {
    if (this.pending) this.stop();
    const id = this.nextId++;
    this.pending = { id, timer: this.started ? this.limit(id) : undefined };
    this.worker.postMessage({ ...request, id });
    return id;
  }

  private limit(id: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (this.pending?.id !== id) return;
      this.stop();
      this.onResult({
        id,
        ok: false,
        stage: "timeout",
        code: "timeout",
        message: `Evaluation stopped after ${this.timeoutMs / 1000} s: the expression ran too long for this input.`,
        span: undefined,
      });
    }, this.timeoutMs);
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL("./evaluation-worker.ts", import.meta.url), { type: "module" });
    this.started = false;
    worker.onmessage = (event: MessageEvent<Response | { kind: "started" }>) => {
      const data = event.data;
      if ("kind" in data && data.kind === "started") {
        this.started = true;
        if (this.pending && this.pending.timer === undefined)
          this.pending.timer = this.limit(this.pending.id);
        return;
      }
      if (this.pending?.id !== (data as Response).id) return;
      clearTimeout(this.pending.timer);
      this.pending = undefined;
      this.onResult(data as Response);
    };
    return worker;
  }

  private stop(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
    this.worker.terminate();
    this.worker = this.startWorker();
  }
}
