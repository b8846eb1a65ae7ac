import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { requireTool } from "../helpers/required-tool.js";

/** The one place Chromium is looked for (`.ci/run` checks the same path before installing it). */
export const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
export const OUTPUT = join(ROOT, "dist-playground");

/** The flags STACK.md found to work headless on CI; nothing else is passed but the profile and the port. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Whether the browser tests can run; off CI a missing Chromium skips them loudly, on CI it fails. */
export function chromiumAvailable(): boolean {
  return requireTool({
    name: `${CHROMIUM} (the playground's browser tests)`,
    found: existsSync(CHROMIUM),
    install: "Install Debian's chromium package: apt-get install -y chromium",
  });
}

async function newestChange(directory: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function isFresh(index: string): Promise<boolean> {
  if (!existsSync(index)) return false;
  const sources = Math.max(
    await newestChange(join(ROOT, "playground")),
    await newestChange(join(ROOT, "src")),
  );
  return statSync(index).mtimeMs >= sources;
}

/**
 * Builds the playground with Vite's API when the output is missing or older than its sources. Test files
 * run in parallel processes: a lock directory (mkdir is atomic) lets one build while the others wait.
 */
export async function ensurePlaygroundBuilt(): Promise<void> {
  const index = join(OUTPUT, "index.html");
  const lock = join(ROOT, "node_modules/.cache/provex-playground-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (await isFresh(index)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than the deadline is from a crashed run.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (Date.now() > deadline || age > 180_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    if (await isFresh(index)) return;
    const { build } = await import("vite");
    await build({ configFile: join(ROOT, "playground/vite.config.ts"), logLevel: "warn" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Chromium started by us (exact flags, fresh profile) and driven over CDP; `close` kills and cleans up. */
export interface BrowserSession {
  readonly browser: Browser;
  newPage(options?: import("playwright-core").BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "provex-chromium-"));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    // Its own process group, so that closing ends the renderer and helper processes too.
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const endpoint = await new Promise<string>((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${code}):\n${output}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    // Each page in its own context: its own storage, so that one test's saved work never leaks into the next.
    newPage: async (options = {}) => (await browser.newContext(options)).newPage(),
    close: async () => {
      await browser.close().catch(() => {});
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((done) => child.once("exit", done));
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
      // Helper processes may still be flushing the profile for a moment after the main one exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
}
