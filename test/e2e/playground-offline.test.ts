import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import {
  fillAttributes,
  resultCount,
  setExpression,
  usePlayground,
  waitForResult,
} from "./playground-session.js";

describe.runIf(chromiumAvailable())("playground: offline and help", () => {
  const session = usePlayground();

  it("keeps working offline once loaded, even when a worker has to be restarted", async () => {
    const { page, screenshot } = await session().open();
    await page.context().setOffline(true);
    const first = await resultCount(page);
    await setExpression(page, 'ToUpper("offline")');
    await waitForResult(page, first);
    expect(await page.textContent("#value")).toBe("OFFLINE");
    // A timeout terminates the worker; its replacement must load without the network.
    await page.evaluate(() => {
      (document.querySelector("#attributes") as HTMLTextAreaElement).value = JSON.stringify({
        x: "ab,".repeat(300_000),
      });
    });
    let expression = 'Split([x], ",")';
    for (let level = 0; level < 30; level++) expression = `Split(Join(",", ${expression}, [x]), ",")`;
    const slow = await resultCount(page);
    await setExpression(page, expression);
    await waitForResult(page, slow);
    expect(await page.textContent("#value-kind")).toBe("stopped");
    await fillAttributes(page, "{}");
    const after = await resultCount(page);
    await setExpression(page, 'Left("restarted", 7)');
    await waitForResult(page, after);
    expect(await page.textContent("#value")).toBe("restart");
    await screenshot("offline");
    await page.context().setOffline(false);
    await page.close();
  });

  it("lists the keyboard shortcuts in a help panel (button or F1)", async () => {
    const { page, screenshot } = await session().open();
    await page.click("#help-button");
    await page.waitForSelector("#help[open]");
    expect(await page.textContent("#shortcuts")).toContain("Shift+Alt+F");
    await screenshot("help");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#help:not([open])", { state: "attached" });
    await page.click("h1");
    await page.keyboard.press("F1");
    await page.waitForSelector("#help[open]");
    await page.close();
  });
});
