import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { busiestMainThread, busyWorkers, traceThreads } from "./main-thread-trace.js";
import {
  actionOf,
  fixture,
  type MappingProbe,
  previews,
  selectUser,
  setData,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import { usePlayground } from "./playground-session.js";

describe.runIf(chromiumAvailable())("playground: mapping mode", () => {
  const session = usePlayground();

  it("previews the fixture schema, users and target: the right action per user", async () => {
    const { page, screenshot, consoleErrors } = await session().open();
    await page.click("#mode-mapping");
    expect(await page.isVisible("#expression-mode")).toBe(false);
    const before = await previews(page);
    await setData(page, "config", fixture("entra-scim-schema.json"));
    await setData(page, "users", fixture("users.json"));
    await setData(page, "target", fixture("target-users.json"));
    await waitForRows(page, 14, before);
    // The expected outcomes of test/fixtures/shared/README.md for users independent of Replace.
    expect(await actionOf(page, "Chloé Dubois")).toBe("Skip");
    expect(await actionOf(page, "Lobby Kiosk 3")).toBe("Skip");
    expect(await actionOf(page, "Daniel Kim")).toBe("Error");
    await selectUser(page, "Daniel Kim");
    await page.waitForFunction(() =>
      document.querySelector("#user-detail")?.textContent?.includes("DuplicateTargetEntries"),
    );
    await screenshot("mapping");

    // Editing one mapping's expression re-runs the preview with it.
    await page.selectOption("#mapping-select", { index: 13 });
    const edited = await previews(page);
    await setMappingExpression(page, "[mobile]");
    await waitForRows(page, 14, edited);
    expect(await actionOf(page, "Zoë Ångström")).toBe("Create");
    expect(await actionOf(page, "José García Márquez")).toBe("Update");
    await selectUser(page, "Zoë Ångström");
    await page.waitForFunction(() =>
      document.querySelector("#user-detail")?.textContent?.includes("POST /Users"),
    );
    expect(await page.textContent("#user-detail")).toContain("+46 (70) 123-45 67");
    // The mapping editor checks attribute names against the configuration's source schema.
    await setMappingExpression(page, "[mobil]");
    await page.waitForFunction(() =>
      document.querySelector("#mapping-problems")?.textContent?.includes("[unknown-attribute]"),
    );
    expect(await page.textContent("#mapping-problems")).toContain("did you mean [mobile]?");
    await page.waitForSelector("#mapping-editor .squiggly-warning");
    const fixed = await previews(page);
    await setMappingExpression(page, "[mobile]");
    await waitForRows(page, 14, fixed);
    // ↓ in the focused grid selects the next user.
    await selectUser(page, "Zoë Ångström");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.querySelector("#user-detail")?.textContent?.includes("José"));
    // His update is a PATCH listing each changed attribute with the target's current value → the new one
    // (README of the fixtures: title, the work locality and the mobile number are stale in the target).
    expect(await page.textContent("#user-detail h3")).toMatch(/^PATCH \/Users\//);
    const changed = await page.$$eval("#user-detail .update-changes li", (items) =>
      items.map((item) => [
        item.getAttribute("data-target"),
        item.querySelector(".before")?.textContent,
        item.querySelector(".after")?.textContent,
      ]),
    );
    expect(changed).toContainEqual(["title", "Sales Representative", "Regional Sales Manager"]);
    expect(changed.length).toBe(3);
    await screenshot("mapping-edited");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("accepts the sample users as CSV", async () => {
    const { page, screenshot } = await session().open();
    await page.click("#mode-mapping");
    const before = await previews(page);
    await setData(page, "config", fixture("entra-scim-schema.json"));
    await setData(
      page,
      "users",
      [
        "objectId,userPrincipalName,mailNickname,displayName,department,jobTitle,IsSoftDeleted",
        'c1,chloe@contoso.com,chloe,"Dubois, Chloé",Marketing,Designer,False',
        "e1,ethan@fabrikam.com,ethan,Ethan Brooks,Engineering,Engineer,False",
      ].join("\n"),
    );
    await waitForRows(page, 2, before);
    expect(await actionOf(page, "Dubois, Chloé")).toBe("Skip");
    expect(await actionOf(page, "Ethan Brooks")).toBe("Create");
    await screenshot("mapping-csv");
    await page.close();
  });

  it("updates the preview of 100 users shortly after a keystroke (measured in the browser)", async () => {
    const { page, screenshot } = await session().open();
    await page.click("#mode-mapping");
    const base = JSON.parse(fixture("users.json")) as Record<string, unknown>[];
    const users = Array.from({ length: 100 }, (_, index) => {
      const user = { ...base[index % base.length] };
      // Distinct people, so that matching and references stay realistic.
      for (const key of ["objectId", "userPrincipalName", "mailNickname"]) {
        if (typeof user[key] === "string") user[key] = `${index}-${user[key]}`;
      }
      return user;
    });
    await setData(page, "config", fixture("entra-scim-schema.json"));
    await setData(page, "target", fixture("target-users.json"));
    const loaded = await previews(page);
    await setData(page, "users", JSON.stringify(users));
    await waitForRows(page, 100, loaded);
    // Type into one mapping's expression, one real keystroke at a time, and time each until the
    // preview of all 100 users is on screen (the page measures from the editor's change event).
    await page.selectOption("#mapping-select", { index: 9 });
    const typed = await previews(page);
    await setMappingExpression(page, 'Join(".", [givenName], [surname])');
    await waitForRows(page, 100, typed);
    await page.click("#mapping-editor .view-lines");
    await page.keyboard.press("Home");
    for (let i = 0; i < 'Join(".'.length; i++) await page.keyboard.press("ArrowRight");
    const samples: number[] = [];
    const worker: number[] = [];
    const mainCpu: number[] = [];
    const workerCpu: number[] = [];
    for (const key of ["x", "y", "z", "w", "v"]) {
      const count = await previews(page);
      const threads = await traceThreads(page, async () => {
        await page.keyboard.type(key);
        await waitForRows(page, 100, count);
      });
      const { lastLatencyMs, lastWorkerMs } = await page.evaluate(() => {
        const { lastLatencyMs, lastWorkerMs } = (window as unknown as MappingProbe).__provex;
        return { lastLatencyMs, lastWorkerMs };
      });
      samples.push(lastLatencyMs);
      worker.push(lastWorkerMs);
      mainCpu.push(busiestMainThread(threads)?.cpuMs ?? Number.NaN);
      workerCpu.push(busyWorkers(threads).reduce((sum, use) => sum + use.cpuMs, 0));
    }
    await page.waitForFunction(() => document.querySelector("#user-detail")?.textContent?.includes(".xyzwv"));
    await screenshot("mapping-100-users");
    const status = await page.textContent("#preview-status");
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] as number;
    const figures = {
      users: 100,
      keystrokeToPreviewMs: samples,
      workerMs: worker,
      mainThreadCpuMs: mainCpu,
      workersCpuMs: workerCpu,
      medianMs: median(samples),
      medianMainThreadCpuMs: median(mainCpu),
      medianWorkersCpuMs: median(workerCpu),
      loadAverage: loadavg(),
      status,
    };
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-latency.json"),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
    console.log(
      `keystroke → preview of 100 users: ${samples.map((ms) => ms.toFixed(0)).join(", ")} ms; worker ${worker.map((ms) => ms.toFixed(0)).join(", ")} ms; CPU: page ${mainCpu.join(", ")} ms, workers ${workerCpu.map((ms) => ms.toFixed(1)).join(", ")} ms; load ${loadavg()[0]?.toFixed(1)}`,
    );
    // The wall-clock latency is recorded, not asserted: on a loaded 2-core machine it measures the load.
    // Asserted is the CPU time each keystroke costs (Chrome's trace; other processes do not inflate
    // it), with bounds that only a real regression reaches (redrawing every row, serialising every
    // input on the page's thread, previewing with every step's details).
    expect(median(mainCpu)).toBeLessThan(300);
    expect(median(workerCpu)).toBeLessThan(150);
    await page.close();
  });
});
