import type { CDPSession, Page } from "playwright-core";

/** One thread's share of a traced interval: wall time of its tasks and the CPU time they used. */
export interface ThreadUse {
  readonly thread: string;
  readonly tasks: number;
  /** Sum of the tasks' wall-clock durations (ms). */
  readonly wallMs: number;
  /** Sum of the tasks' thread CPU time (ms): what the load of other processes does not inflate. */
  readonly cpuMs: number;
  /** The longest task, by CPU time (ms): how long an input event could wait on this thread. */
  readonly longestTaskCpuMs: number;
  readonly longestTaskWallMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * Records a Chrome trace (CDP Tracing) around `work` and sums, per renderer thread (the page's main
 * thread, each worker), the tasks it ran with their thread CPU time. CPU time, unlike wall-clock time,
 * stays meaningful on a loaded machine: a task preempted by other processes takes longer, not more CPU.
 */
export async function traceThreads(
  page: Page,
  work: () => Promise<void>,
  breakdown?: Map<string, number>,
): Promise<ThreadUse[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  await cdp.send("Tracing.start", {
    traceConfig: {
      includedCategories: ["toplevel", "__metadata", ...(breakdown ? ["devtools.timeline"] : [])],
      recordMode: "recordAsMuchAsPossible",
    },
    transferMode: "ReportEvents",
  });
  try {
    await work();
  } finally {
    await stopTracing(cdp);
  }
  if (breakdown) breakDown(events, breakdown);
  return summarise(events);
}

/** Sums the page's main-thread timeline events (Layout, Paint, FunctionCall, …) by name, in CPU ms. */
function breakDown(events: readonly TraceEvent[], into: Map<string, number>): void {
  const main = busiestMainThread(summarise(events));
  for (const event of events) {
    if (event.ph !== "X" || event.name.includes("RunTask")) continue;
    if (main && `CrRendererMain ${event.pid}:${event.tid}` !== main.thread) continue;
    into.set(event.name, (into.get(event.name) ?? 0) + (event.tdur ?? 0) / 1000);
  }
}

/**
 * The page's main thread among the traced ones: the busiest renderer main thread (the browser also
 * traces its other renderers, such as an about:blank page, which do next to nothing).
 */
export function busiestMainThread(threads: readonly ThreadUse[]): ThreadUse | undefined {
  return threads
    .filter((use) => use.thread.startsWith("CrRendererMain"))
    .sort((a, b) => b.cpuMs - a.cpuMs)[0];
}

/** The page's workers (dedicated worker threads that ran anything), busiest first. */
export function busyWorkers(threads: readonly ThreadUse[]): ThreadUse[] {
  return threads
    .filter((use) => use.thread.startsWith("DedicatedWorker") && use.cpuMs > 0.5)
    .sort((a, b) => b.cpuMs - a.cpuMs);
}

async function stopTracing(cdp: CDPSession): Promise<void> {
  const complete = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
}

function summarise(events: readonly TraceEvent[]): ThreadUse[] {
  const names = new Map<string, string>();
  for (const event of events) {
    if (event.ph === "M" && event.name === "thread_name" && event.args?.name) {
      names.set(`${event.pid}:${event.tid}`, event.args.name);
    }
  }
  const threads = new Map<
    string,
    { tasks: number; wall: number; cpu: number; longCpu: number; longWall: number }
  >();
  for (const event of events) {
    if (event.ph !== "X" || (event.name !== "ThreadControllerImpl::RunTask" && event.name !== "RunTask"))
      continue;
    const thread = names.get(`${event.pid}:${event.tid}`) ?? `${event.pid}:${event.tid}`;
    if (thread !== "CrRendererMain" && thread !== "DedicatedWorker thread") continue;
    const key = `${thread} ${event.pid}:${event.tid}`;
    const use = threads.get(key) ?? { tasks: 0, wall: 0, cpu: 0, longCpu: 0, longWall: 0 };
    const wall = (event.dur ?? 0) / 1000;
    const cpu = (event.tdur ?? event.dur ?? 0) / 1000;
    use.tasks++;
    use.wall += wall;
    use.cpu += cpu;
    if (cpu > use.longCpu) {
      use.longCpu = cpu;
      use.longWall = wall;
    }
    threads.set(key, use);
  }
  return [...threads].map(([thread, use]) => ({
    thread,
    tasks: use.tasks,
    wallMs: round(use.wall),
    cpuMs: round(use.cpu),
    longestTaskCpuMs: round(use.longCpu),
    longestTaskWallMs: round(use.longWall),
  }));
}

const round = (ms: number) => Math.round(ms * 10) / 10;
