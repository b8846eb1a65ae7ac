import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

/** The page's test probe, as far as these helpers read it. */
export interface MappingProbe {
  __provex: {
    previews: number;
    mappingEdits: number;
    previewedMappingEdit: number;
    lastLatencyMs: number;
    lastWorkerMs: number;
    mappingEditor: { getModel(): { setValue(text: string): void }; getValue(): string };
    app: {
      mappingMode: {
        config: DataEditorProbe;
        users: DataEditorProbe;
        target: DataEditorProbe;
        summaryRows(): (
          | { index: number; displayName?: string; id: string; action: string; summary: string }
          | undefined
        )[];
      };
      manyUsers: { input: DataEditorProbe; results(): { index: number; matches?: boolean; label: string }[] };
    };
  };
}
interface DataEditorProbe {
  model: { setValue(text: string): void; getValue(): string };
}

export const previews = (page: Page) =>
  page.evaluate(() => (window as unknown as MappingProbe).__provex.previews);

export async function waitForPreview(page: Page, after: number): Promise<void> {
  await page.waitForFunction((count) => (window as unknown as MappingProbe).__provex.previews > count, after);
}

/** Types `text` into a mapping-mode input as a paste would (the editor model's setValue). */
export async function setData(page: Page, input: "config" | "users" | "target", text: string): Promise<void> {
  await page.evaluate(
    ([name, value]) => {
      (window as unknown as MappingProbe).__provex.app.mappingMode[name as "config"].model.setValue(
        value as string,
      );
    },
    [input, text],
  );
}

/**
 * Waits until the summary holds `count` users and the preview is done: a preview newer than `after`
 * that includes the latest edit (a preview requested before the last edit does not count, however
 * late it finishes).
 */
export async function waitForRows(page: Page, count: number, after = 0): Promise<void> {
  await page.waitForFunction(
    ([total, before]) => {
      const probe = (window as unknown as MappingProbe).__provex;
      const rows = probe.app.mappingMode.summaryRows();
      return (
        probe.previews > (before as number) &&
        probe.previewedMappingEdit === probe.mappingEdits &&
        rows.length === total &&
        rows.every((row) => row !== undefined) &&
        document.querySelector("#preview-pane")?.getAttribute("data-running") === null
      );
    },
    [count, after],
  );
}

export async function actionOf(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate(
    (who) =>
      (window as unknown as MappingProbe).__provex.app.mappingMode
        .summaryRows()
        .find((row) => (row?.displayName ?? row?.id) === who)?.action,
    name,
  );
}

/** Clicks a user's row in the grid (scrolling it into view through the filter box if need be). */
export async function selectUser(page: Page, name: string): Promise<void> {
  await page.fill("#filter-text", name);
  await page.locator("#summary [role=row][aria-rowindex]", { hasText: name }).first().click();
  await page.fill("#filter-text", "");
  await page.focus("#summary");
}

export async function setMappingExpression(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (value) => (window as unknown as MappingProbe).__provex.mappingEditor.getModel().setValue(value),
    text,
  );
}

/** Loads the shared fixtures: configuration, 14 users, target directory. */
export async function loadSample(page: Page): Promise<void> {
  const before = await previews(page);
  await page.click("#mode-mapping");
  await page.click("#load-sample");
  await waitForRows(page, 14, before);
}
