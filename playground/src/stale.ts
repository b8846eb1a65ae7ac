import type { Failure } from "./evaluation-protocol.js";

/**
 * Marks results as out of date: the pane is dimmed (`data-stale`) and a banner says which input does
 * not parse, where (line:column) and why, until a run succeeds again. Results are never shown as if
 * current after an input broke.
 */
export class StaleMarker {
  constructor(
    private readonly pane: HTMLElement,
    private readonly banner: HTMLElement,
  ) {}

  mark(text: string): void {
    this.pane.dataset.stale = "true";
    this.banner.hidden = false;
    this.banner.textContent = text;
  }

  clear(): void {
    delete this.pane.dataset.stale;
    this.banner.hidden = true;
    this.banner.textContent = "";
  }

  get isStale(): boolean {
    return this.pane.dataset.stale === "true";
  }
}

/** "Out of date — Users 3:14: The users are not valid JSON (…)." */
export function markStale(marker: StaleMarker, input: string, failure: Failure): void {
  const place = failure.line !== undefined ? ` ${failure.line}:${failure.column ?? 1}` : "";
  marker.mark(`Out of date — ${input}${place}: ${failure.message}`);
}
