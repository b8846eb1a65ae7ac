import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { busiestMainThread, busyWorkers, type ThreadUse, traceThreads } from "./main-thread-trace.js";
import {
  fixture,
  type MappingProbe,
  previews,
  setData,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import { usePlayground } from "./playground-session.js";

const USERS = 5000;

interface ScaleProbe {
  __provex: { lastLatencyMs: number; lastFirstRowsMs: number; lastWorkerMs: number; previews: number };
  __clickDelays: number[];
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe.runIf(chromiumAvailable())("playground: 5,000 users", () => {
  const session = usePlayground();

  it("holds the users as data, draws only the rows on screen, and answers clicks while previewing", async () => {
    const { page, screenshot } = await session().open();
    await page.click("#mode-mapping");
    const base = JSON.parse(fixture("users.json")) as Record<string, unknown>[];
    const users = Array.from({ length: USERS }, (_, index) => {
      const user = { ...base[index % base.length] };
      for (const key of ["objectId", "userPrincipalName", "mailNickname", "displayName"]) {
        if (typeof user[key] === "string") user[key] = `${index}-${user[key]}`;
      }
      return user;
    });
    const text = JSON.stringify(users);
    await setData(page, "config", fixture("entra-scim-schema.json"));
    await setData(page, "target", fixture("target-users.json"));
    const before = await previews(page);
    // Loaded as a file, as a user would: the text goes into an editor model, folded away.
    await page.setInputFiles("#users-file", {
      name: "users.json",
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    await waitForRows(page, USERS, before);
    expect(await page.isHidden("#users-editor")).toBe(true);
    expect(await page.textContent("#users-summary")).toBe(
      `${(text.length / 1e6).toFixed(1)} MB · 5,000 users`,
    );
    // No plain text field holds the users: the only textarea outside the editors is the one-user pane.
    const fields = await page.$$eval("textarea", (areas) =>
      areas.filter((area) => !area.closest(".monaco-editor")).map((area) => area.id),
    );
    expect(fields).toEqual(["attributes"]);
    // Virtualised: 5,000 rows in the grid's count, a few dozen in the document.
    expect(await page.getAttribute("#summary", "aria-rowcount")).toBe(String(USERS + 1));
    expect(await page.locator("#summary [role=row]").count()).toBeLessThan(80);

    // Filter by action and by text.
    await page.selectOption("#filter-action", "Update");
    await page.waitForFunction(() => document.querySelector("#filter-count")?.textContent?.includes("shown"));
    const updates = await page.evaluate(
      () =>
        (window as unknown as MappingProbe).__provex.app.mappingMode
          .summaryRows()
          .filter((row) => row?.action === "Update").length,
    );
    expect(await page.getAttribute("#summary", "aria-rowcount")).toBe(String(updates + 1));
    await page.selectOption("#filter-action", "");
    await page.fill("#filter-text", "4999-");
    await page.waitForFunction(
      () => document.querySelector("#summary")?.getAttribute("aria-rowcount") === "2",
    );
    await page.fill("#filter-text", "");

    // Measure, for five edits of a mapping: edit → first rows and → the whole preview (wall clock, in
    // the page), the worker's own time, a click on a button while the preview runs (input event → its
    // handler), and from Chrome's trace the CPU time of the page's main thread and of the worker, and
    // the page's longest task: the longest any click could have waited, whatever the machine's load.
    await page.evaluate(() => {
      const probe = window as unknown as ScaleProbe;
      probe.__clickDelays = [];
      document.querySelector("#summary-title")?.addEventListener("click", (event) => {
        probe.__clickDelays.push(performance.now() - event.timeStamp);
      });
    });
    await page.selectOption("#mapping-select", { index: 9 });
    const firstRows: number[] = [];
    const whole: number[] = [];
    const worker: number[] = [];
    const threads: ThreadUse[][] = [];
    for (const suffix of ["a", "b", "c", "d", "e"]) {
      const count = await previews(page);
      threads.push(
        await traceThreads(page, async () => {
          await setMappingExpression(page, `Join(".", [givenName], "${suffix}")`);
          // Click once the preview for this edit is under way (or, on a fast machine, already done).
          await page.waitForFunction(() => {
            const { mappingEdits, previewedMappingEdit } = (window as unknown as MappingProbe).__provex;
            return (
              document.querySelector("#preview-pane")?.hasAttribute("data-running") ||
              previewedMappingEdit === mappingEdits
            );
          });
          await page.click("#summary-title");
          await waitForRows(page, USERS, count);
        }),
      );
      const probe = await page.evaluate(() => {
        const { lastFirstRowsMs, lastLatencyMs, lastWorkerMs } = (window as unknown as ScaleProbe).__provex;
        return { lastFirstRowsMs, lastLatencyMs, lastWorkerMs };
      });
      firstRows.push(probe.lastFirstRowsMs);
      whole.push(probe.lastLatencyMs);
      worker.push(probe.lastWorkerMs);
    }
    const clicks = await page.evaluate(() => (window as unknown as ScaleProbe).__clickDelays);
    await screenshot("5000-users");
    const main = threads.map((use) => busiestMainThread(use));
    const longestTaskCpuMs = main.map((use) => use?.longestTaskCpuMs ?? Number.NaN);
    const figures = {
      users: USERS,
      usersBytes: text.length,
      clickDelayMs: clicks,
      editToFirstRowsMs: firstRows,
      editToWholePreviewMs: whole,
      workerMs: worker,
      mainThreadCpuMs: main.map((use) => use?.cpuMs ?? Number.NaN),
      mainThreadLongestTaskCpuMs: longestTaskCpuMs,
      mainThreadLongestTaskWallMs: main.map((use) => use?.longestTaskWallMs ?? Number.NaN),
      workersCpuMs: threads.map((use) => busyWorkers(use).reduce((sum, thread) => sum + thread.cpuMs, 0)),
      medians: {
        clickDelayMs: median(clicks),
        editToFirstRowsMs: median(firstRows),
        editToWholePreviewMs: median(whole),
        workerMs: median(worker),
      },
      loadAverage: loadavg(),
    };
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-scale.json"),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log(
      `5,000 users: ${JSON.stringify(figures.medians)}; longest main-thread task (CPU) ${longestTaskCpuMs.join(", ")} ms; workers' CPU ${figures.workersCpuMs.map((ms) => ms.toFixed(0)).join(", ")} ms (load ${loadavg()[0]?.toFixed(1)})`,
    );
    // Every click was answered while previews ran.
    expect(clicks).toHaveLength(5);
    // Goal: a click answers within 100 ms while a preview runs. Asserted on CPU time (the trace), which
    // the machine's load does not inflate: no task of the page's main thread kept it busy 100 ms. The
    // wall-clock figures (and the 500 ms goal for the whole preview) are recorded, not asserted.
    expect(Math.max(...longestTaskCpuMs)).toBeLessThan(100);
    await page.close();
  }, 180_000);
});
