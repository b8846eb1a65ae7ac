import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { resultCount, setExpression, usePlayground, waitForResult } from "./playground-session.js";

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
    await page.keyboard.type('Join(".", [givenName], [surname]', { delay: 10 });
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "Ada.Lovelace");
    await screenshot("typed");
    // The page measures from the editor's change event (the keystroke) to the value on screen.
    const latency = await page.evaluate(
      () => (window as unknown as { __provex: { lastLatencyMs: number } }).__provex.lastLatencyMs,
    );
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-latency-expression.json"),
      `${JSON.stringify({ keystrokeToValueMs: latency, debounceMs: 15, loadAverage: loadavg() }, null, 2)}\n`,
    );
    expect(latency).toBeGreaterThan(0);
    // The goal is 50 ms on an idle machine; a loaded CI machine gets ten times that before this fails.
    expect(latency).toBeLessThan(500);
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
