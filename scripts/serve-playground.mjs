#!/usr/bin/env node
// Serves the built playground (dist-playground/) on 127.0.0.1 and prints its URL. A dozen lines of
// node:http rather than a dependency; the end-to-end tests start the same server on a random port.
// Usage: node scripts/serve-playground.mjs [port]   (default 5173; 0 picks a free port)
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** Starts a static server for `directory`; resolves to { url, close() }. */
export async function servePlayground(directory, port = 0) {
  const root = resolve(directory);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    // Nothing outside the build directory, whatever the request says.
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "x-content-type-options": "nosniff",
        // Built assets have content hashes in their names: cache them for good, so that a worker
        // restarted after a timeout loads even offline. The page itself is always revalidated.
        "cache-control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      });
      response.end(await readFile(file));
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  // A busy port (another playground still running) moves on to the next few.
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise((done, fail) => {
        server.once("error", fail);
        server.listen(port === 0 ? 0 : port + attempt, "127.0.0.1", done);
      });
      break;
    } catch (error) {
      if (error.code !== "EADDRINUSE" || port === 0 || attempt >= 10) throw error;
    }
  }
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const directory = fileURLToPath(new URL("../dist-playground", import.meta.url));
  const port = Number(process.argv[2] ?? 5173);
  const { url } = await servePlayground(directory, port);
  console.log(`provex playground: ${url}  (Ctrl+C to stop)`);
}
