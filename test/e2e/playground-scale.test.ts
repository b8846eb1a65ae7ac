import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
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

    // Measure: a click on a button while a preview of 5,000 users runs (from the input event to its
    // handler: the time the page's main thread kept it waiting), and edit → first rows / whole preview.
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
    for (const suffix of ["a", "b", "c", "d", "e"]) {
      const count = await previews(page);
      await setMappingExpression(page, `Join(".", [givenName], "${suffix}")`);
      // While the worker previews, click (the page must answer at once).
      await page.waitForTimeout(60);
      await page.click("#summary-title");
      await waitForRows(page, USERS, count);
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
    const figures = {
      users: USERS,
      usersBytes: text.length,
      clickDelayMs: clicks,
      editToFirstRowsMs: firstRows,
      editToWholePreviewMs: whole,
      workerMs: worker,
      medians: {
        clickDelayMs: median(clicks),
        editToFirstRowsMs: median(firstRows),
        editToWholePreviewMs: median(whole),
      },
      loadAverage: loadavg(),
    };
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-scale.json"),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log(`5,000 users: ${JSON.stringify(figures.medians)} (load ${loadavg()[0]?.toFixed(1)})`);
    expect(clicks).toHaveLength(5);
    // Goals: a click answers within 100 ms while a preview runs; the preview updates within 500 ms.
    expect(median(clicks)).toBeLessThan(100);
    expect(median(firstRows)).toBeLessThan(500);
    await page.close();
  }, 180_000);
});
