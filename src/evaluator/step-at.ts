import type { Span } from "../diagnostics/index.js";

/**
 * The innermost step whose span contains `[start, end]` (a selection or a hovered offset), preferring
 * the later one among equals (a node a lazy builtin entered again); undefined when none does. Generic,
 * so that the playground can search steps it received from its worker.
 */
export function stepAt<Step extends { readonly span: Span }>(
  steps: readonly Step[],
  start: number,
  end: number = start,
): Step | undefined {
  let found: Step | undefined;
  for (const step of steps) {
    if (step.span.start > start || step.span.end < end) continue;
    const width = step.span.end - step.span.start;
    if (!found || width <= found.span.end - found.span.start) found = step;
  }
  return found;
}
