/** Starts a static server for `directory` on 127.0.0.1 (`port` 0 picks a free one). */
export function servePlayground(
  directory: string,
  port?: number,
): Promise<{ readonly url: string; close(): Promise<void> }>;
