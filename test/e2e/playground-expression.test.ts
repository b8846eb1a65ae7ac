import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { resultCount, setExpression, usePlayground, waitForResult } from "./playground-session.js";

const probeValue = (page: Page, name: string) =>
  page.evaluate(
    (key) => (window as unknown as { __provex: Record<string, number> }).__provex[key] as number,
    name,
  );

describe.runIf(chromiumAvailable())("playground: expression mode", () => {
  const session = usePlayground();

  it("loads with the first example evaluated and no console errors", async () => {
    const { page, consoleErrors, screenshot } = await session().open();
    await page.waitForFunction(
      () => (window as unknown as { __provex: { results: number } }).__provex.results > 0,
    );
    await screenshot("loaded");
    expect(await page.textContent("#value-kind")).toBe("string");
    expect(await page.textContent("#value")).toBe("Zoe.VanderBerg@contoso.com");
    expect(await page.isVisible("#expression-mode")).toBe(true);
    expect(await page.isVisible("#mapping-mode")).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("shows the value of a typed expression with its kind", async () => {
    const { page, screenshot } = await session().open();
    await page.fill("#attributes", JSON.stringify({ givenName: "Ada", surname: "Lovelace" }));
    await setExpression(page, "");
    await page.click("#editor .view-lines");
    const before = await resultCount(page);
    const starts = await probeValue(page, "expressionWorkerStarts");
    await page.keyboard.type('Join(".", [givenName], [surname]', { delay: 10 });
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "Ada.Lovelace");
    await screenshot("typed");
    // Then one key at a time, each waited for: the page measures from the editor's change event (the
    // keystroke) to the value on screen, and the worker round trip (request posted → answer).
    await setExpression(page, 'Join(".", [givenName], "q")');
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "Ada.q");
    await page.click("#editor .view-lines");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const latencies: number[] = [];
    const roundTrips: number[] = [];
    let typed = "";
    for (const key of ["x", "y", "z", "w", "v"]) {
      typed += key;
      await page.keyboard.type(key);
      await page.waitForFunction(
        (text) => document.querySelector("#value")?.textContent === text,
        `Ada.q${typed}`,
      );
      latencies.push(await probeValue(page, "lastLatencyMs"));
      roundTrips.push(await probeValue(page, "lastRoundTripMs"));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2] as number;
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-latency-expression.json"),
      `${JSON.stringify({ keystrokeToValueMs: latencies, workerRoundTripMs: roundTrips, medianMs: median(latencies), medianRoundTripMs: median(roundTrips), debounceMs: 15, loadAverage: loadavg() }, null, 2)}\n`,
    );
    console.log(
      `keystroke → value: ${latencies.map((ms) => ms.toFixed(0)).join(", ")} ms; worker round trip ${roundTrips.map((ms) => ms.toFixed(1)).join(", ")} ms; load ${loadavg()[0]?.toFixed(1)}`,
    );
    // The figures are recorded, not asserted (a loaded 2-core machine decides them). What is asserted:
    // keystrokes queue in the running worker rather than restart it (a restart reloads the library,
    // the 100+ ms that kept this latency over 50 ms), and a bound only a real regression reaches.
    expect(await probeValue(page, "expressionWorkerStarts")).toBe(starts);
    expect(median(latencies)).toBeLessThan(2000);
    expect(await page.textContent("#value-kind")).toBe("string");
    expect(await resultCount(page)).toBeGreaterThan(before);

    const splitting = await resultCount(page);
    await setExpression(page, 'Split("a,b,c", ",")');
    await waitForResult(page, splitting);
    await page.waitForFunction(() =>
      document.querySelector("#value-kind")?.textContent?.startsWith("multi-valued"),
    );
    expect(await page.$$eval("#value li", (items) => items.map((item) => item.textContent))).toEqual([
      "a",
      "b",
      "c",
    ]);

    const skipping = await resultCount(page);
    await setExpression(page, "IgnoreFlowIfNullOrEmpty([nothing])");
    await waitForResult(page, skipping);
    expect(await page.textContent("#value-kind")).toBe("flow skipped");
    await page.close();
  });
});
