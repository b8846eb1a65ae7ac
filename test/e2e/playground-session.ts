import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { servePlayground } from "../../scripts/serve-playground.mjs";
import { type BrowserSession, ensurePlaygroundBuilt, launchChromium, OUTPUT } from "./browser.js";

const RESULTS = join(import.meta.dirname, "../../test-results");

/** One server and one Chromium for a test file; each test opens its own page (and storage). */
export interface PlaygroundSession {
  readonly url: string;
  open(fragment?: string, options?: OpenOptions): Promise<PlaygroundPage>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly colorScheme?: "light" | "dark";
  /** Lets a test inject a script (axe-core) past the page's Content-Security-Policy. */
  readonly bypassCSP?: boolean;
  /** Open in this page's context (its storage) instead of a fresh one. */
  readonly sameStorageAs?: Page;
}

/** A loaded playground page with the problems it reported (console errors, page errors, dialogs). */
export interface PlaygroundPage {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly dialogs: string[];
  screenshot(name: string): Promise<void>;
}

/**
 * One playground server and browser for the calling test file: started before its tests, closed after.
 * Returns a getter, since the session exists only once `beforeAll` has run.
 */
export function usePlayground(): () => PlaygroundSession {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlayground();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error("The playground session has not started.");
    return session;
  };
}

export async function startPlayground(): Promise<PlaygroundSession> {
  await ensurePlaygroundBuilt();
  const server = await servePlayground(OUTPUT, 0);
  let browser: BrowserSession;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  mkdirSync(RESULTS, { recursive: true });
  return {
    url: server.url,
    async open(fragment = "", options: OpenOptions = {}) {
      const page = options.sameStorageAs
        ? await options.sameStorageAs.context().newPage()
        : await browser.newPage(options.bypassCSP ? { bypassCSP: true } : {});
      await page.setViewportSize({ width: options.width ?? 1280, height: options.height ?? 800 });
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      const consoleErrors: string[] = [];
      const dialogs: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(server.url + fragment);
      await waitUntilReady(page);
      const close = page.close.bind(page);
      // Closing a test's page also closes its own context (and storage).
      page.close = async (closeOptions) => {
        await close(closeOptions);
        if (!options.sameStorageAs)
          await page
            .context()
            .close()
            .catch(() => {});
      };
      return {
        page,
        consoleErrors,
        dialogs,
        screenshot: async (name) => {
          await page.screenshot({ path: join(RESULTS, `playground-${name}.png`) });
        },
      };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits for the page's ready flag and its first result (the first evaluation is in flight at ready). */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __provex?: { ready: boolean } }).__provex?.ready);
  await waitForResult(page, 0);
}

/** Waits until the work has been saved more than `after` times and no change waits to be saved. */
export async function waitForSave(page: Page, after: number): Promise<void> {
  await page.waitForFunction((count) => {
    const probe = (window as unknown as { __provex: { saved: number; savePending: boolean } }).__provex;
    return probe.saved > count && !probe.savePending;
  }, after);
}

export async function saveCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __provex: { saved: number } }).__provex.saved);
}

/** Types the one-user attributes and waits for the evaluation that typing triggers. */
export async function fillAttributes(page: Page, text: string): Promise<void> {
  const before = await resultCount(page);
  await page.fill("#attributes", text);
  await waitForResult(page, before);
}

/** Replaces the editor's text through Monaco's API, as a paste would (one undoable edit). */
export async function setExpression(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const { editor } = (
      window as unknown as { __provex: { editor: { getModel(): { setValue(v: string): void } } } }
    ).__provex;
    editor.getModel().setValue(value);
  }, text);
}

/** Waits until the value pane shows a result newer than `after` results. */
export async function waitForResult(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (count) => (window as unknown as { __provex: { results: number } }).__provex.results > count,
    after,
  );
}

export async function resultCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __provex: { results: number } }).__provex.results);
}

/** Places the cursor at the end of the text and focuses the editor. */
export async function cursorToEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { editor } = (
      window as unknown as {
        __provex: {
          editor: {
            focus(): void;
            getModel(): { getFullModelRange(): { endLineNumber: number; endColumn: number } };
            setPosition(position: { lineNumber: number; column: number }): void;
          };
        };
      }
    ).__provex;
    const end = editor.getModel().getFullModelRange();
    editor.focus();
    editor.setPosition({ lineNumber: end.endLineNumber, column: end.endColumn });
  });
}

/** Runs an editor action the way a keybinding would (headless Chromium ignores Ctrl+Space, STACK.md). */
export async function triggerAction(page: Page, action: string): Promise<void> {
  await page.evaluate((id) => {
    (
      window as unknown as { __provex: { editor: { trigger(s: string, id: string, a: object): void } } }
    ).__provex.editor.trigger("test", id, {});
  }, action);
}
