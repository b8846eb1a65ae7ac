/// <reference lib="webworker" />

/**
 * Lets the worker's event loop run (so that a newer request or a detail request is seen) between
 * slices of a long job. A MessageChannel task, not setTimeout, which browsers clamp to 4 ms when nested.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** How long one slice of work runs before the worker posts what it has and looks at its messages. */
export const SLICE_MS = 25;
