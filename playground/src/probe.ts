import type { monaco } from "./monaco-setup.js";

/**
 * What the browser tests and the latency measurement read: a plain object on `window.__provex`.
 * `lastEditAt` is the performance.now() of the last edit; `lastLatencyMs` the time from it to the
 * result on screen; `results` counts results shown (expression and preview alike).
 */
export const probe = {
  ready: false,
  editor: undefined as monaco.editor.IStandaloneCodeEditor | undefined,
  mappingEditor: undefined as monaco.editor.IStandaloneCodeEditor | undefined,
  monaco: undefined as typeof monaco | undefined,
  lastEditAt: 0,
  lastLatencyMs: Number.NaN,
  /** The worker's own time for the last preview or evaluation. */
  lastWorkerMs: Number.NaN,
  /** From the last edit to the first rows of the newer preview on screen (the selected user and the rows shown first). */
  lastFirstRowsMs: Number.NaN,
  results: 0,
  /** Expression mode's worker round trip for the last answer shown: request posted → answer received. */
  lastRoundTripMs: Number.NaN,
  /** How many times expression mode's worker was started (a restart stops a runaway evaluation). */
  expressionWorkerStarts: 0,
  previews: 0,
  /** Edits in mapping mode (inputs or expressions), and the newest of them the shown preview includes. */
  mappingEdits: 0,
  previewedMappingEdit: 0,
  batches: 0,
  /** Set once the page has restored its state and is saving edits. */
  saved: 0,
  /** True while a change waits to be saved (a save is scheduled or running). */
  savePending: false,
  /** Set by main.ts: test access to the modes (read-only use). */
  app: undefined as unknown,
  /** The link the last Share produced. */
  lastShareLink: "",
};
(window as unknown as { __provex: typeof probe }).__provex = probe;

/** Records a result on screen; returns the latency since the last edit (NaN before any edit). */
export function recordResult(kind: "expression" | "preview" | "batch"): number {
  probe.results++;
  if (kind === "preview") probe.previews++;
  if (kind === "batch") probe.batches++;
  if (probe.lastEditAt === 0) return Number.NaN;
  probe.lastLatencyMs = performance.now() - probe.lastEditAt;
  return probe.lastLatencyMs;
}

export function recordEdit(): void {
  probe.lastEditAt = performance.now();
}
