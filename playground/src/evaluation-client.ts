import type { Failure, WorkerRequest, WorkerResponse } from "./evaluation-protocol.js";
import { probe } from "./probe.js";

/** A request without its id, which the client assigns. */
type Unnumbered<Request> = Request extends unknown ? Omit<Request, "id"> : never;

/**
 * How long an evaluation may run before a newer request stops it instead of queueing behind it.
 * Evaluations take well under a millisecond: a keystroke's request queues behind the previous one
 * (answered next), since starting a fresh worker — loading and compiling the library again — costs
 * far more than any ordinary evaluation.
 */
export const SUPERSEDE_AFTER_MS = 250;

interface Sent<Request> {
  readonly id: number;
  readonly request: Unnumbered<Request>;
  readonly sentAt: number;
  /** When the worker began on it (it answers in order): the time limit counts from there. */
  runningSince: number | undefined;
}

/**
 * Runs work in a Web Worker, newest wins: only the answer to the newest request is reported. The worker
 * answers requests in order; a request still running after `timeoutMs` is stopped by terminating the
 * worker (the only way to interrupt synchronous JavaScript) and starting a fresh one. A runaway is
 * reported as a `timeout` failure when it is the newest request; a superseded one is dropped and the
 * newest request is sent again to the fresh worker.
 */
export class WorkerClient<Request extends WorkerRequest, Response extends WorkerResponse> {
  private worker: Worker;
  /** Requests posted to this worker and not answered yet, oldest first. */
  private queue: Sent<Request>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
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
    const head = this.queue[0];
    if (head?.runningSince !== undefined && performance.now() - head.runningSince > SUPERSEDE_AFTER_MS) {
      this.restart();
    }
    const id = this.nextId++;
    this.send({ id, request, sentAt: performance.now(), runningSince: undefined });
    return id;
  }

  private send(sent: Sent<Request>): void {
    this.queue.push(sent);
    this.worker.postMessage({ ...sent.request, id: sent.id });
    this.arm();
  }

  /** Starts the time limit of the request the worker is on. */
  private arm(): void {
    clearTimeout(this.timer);
    const head = this.queue[0];
    if (!head || !this.started) return;
    head.runningSince ??= performance.now();
    const left = head.runningSince + this.timeoutMs - performance.now();
    this.timer = setTimeout(() => this.expire(head.id), Math.max(0, left));
  }

  private expire(id: number): void {
    if (this.queue[0]?.id !== id) return;
    const newest = this.queue[this.queue.length - 1] as Sent<Request>;
    this.restart();
    if (newest.id !== id) {
      this.send({ ...newest, sentAt: performance.now(), runningSince: undefined });
      return;
    }
    this.onResult({
      id,
      ok: false,
      stage: "timeout",
      code: "timeout",
      message: `Evaluation stopped after ${this.timeoutMs / 1000} s: the expression ran too long for this input.`,
      span: undefined,
    });
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL("./evaluation-worker.ts", import.meta.url), { type: "module" });
    probe.expressionWorkerStarts++;
    this.started = false;
    worker.onmessage = (event: MessageEvent<Response | { kind: "started" }>) => {
      const data = event.data;
      if ("kind" in data && data.kind === "started") {
        this.started = true;
        this.arm();
        return;
      }
      const { id } = data as Response;
      const position = this.queue.findIndex((sent) => sent.id === id);
      if (position < 0) return;
      const [answered] = this.queue.splice(position, 1);
      this.queue.splice(0, position);
      this.arm();
      if (id !== this.nextId - 1) return;
      if (answered) probe.lastRoundTripMs = performance.now() - answered.sentAt;
      this.onResult(data as Response);
    };
    return worker;
  }

  /** Terminates the worker (and whatever it was running) and starts a fresh one with nothing queued. */
  private restart(): void {
    clearTimeout(this.timer);
    this.queue = [];
    this.worker.terminate();
    this.worker = this.startWorker();
  }
}
