import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import {
  fixture,
  loadSample,
  previews,
  setData,
  waitForPreview,
  waitForRows,
} from "./playground-mapping-helpers.js";
import { resultCount, setExpression, usePlayground, waitForResult } from "./playground-session.js";

describe.runIf(chromiumAvailable())("playground: results are never stale", () => {
  const session = usePlayground();

  it("dims the preview with the users' error and its line:column until they parse again", async () => {
    const { page, screenshot } = await session().open();
    await loadSample(page);
    expect(await page.getAttribute("#preview-pane", "data-stale")).toBeNull();
    const broken = fixture("users.json").replace(
      '"mailNickname": "zoe.angstrom",',
      '"mailNickname": "zoe.angstrom"',
    );
    const before = await previews(page);
    await setData(page, "users", broken);
    await waitForPreview(page, before);
    expect(await page.getAttribute("#preview-pane", "data-stale")).toBe("true");
    const banner = await page.textContent("#stale-banner");
    expect(banner).toMatch(/^Out of date — Users 6:5: A comma is missing before a string/);
    // The old results stay visible, dimmed.
    expect(await page.locator("#summary").evaluate((grid) => getComputedStyle(grid).opacity)).toBe("0.45");
    expect(await page.locator("#summary [role=row]").count()).toBeGreaterThan(5);
    await screenshot("stale-users");
    const again = await previews(page);
    await setData(page, "users", fixture("users.json"));
    await waitForRows(page, 14, again);
    expect(await page.getAttribute("#preview-pane", "data-stale")).toBeNull();
    expect(await page.isHidden("#stale-banner")).toBe(true);

    // The target directory too.
    const target = await previews(page);
    await setData(page, "target", "[{}, ]");
    await waitForPreview(page, target);
    expect(await page.textContent("#stale-banner")).toMatch(
      /^Out of date — Target directory 1:4: JSON allows no comma before '\]'/,
    );
    await page.close();
  });

  it("dims the value with the attributes' error and line:column in expression mode", async () => {
    const { page, screenshot } = await session().open();
    await page.waitForFunction(
      () => document.querySelector("#value")?.textContent === "Zoe.VanderBerg@contoso.com",
    );
    const before = await resultCount(page);
    await page.fill("#attributes", '{\n  "givenName": "Zoë",\n  "surname": Van\n}');
    await waitForResult(page, before);
    expect(await page.getAttribute("#result-pane", "data-stale")).toBe("true");
    expect(await page.textContent("#value-stale")).toMatch(/^Out of date — Attributes 3:14: /);
    expect(await page.textContent("#value")).toBe("Zoe.VanderBerg@contoso.com");
    await screenshot("stale-attributes");
    const fixed = await resultCount(page);
    await page.fill("#attributes", JSON.stringify({ givenName: "Ada", surname: "Lovelace" }));
    await waitForResult(page, fixed);
    expect(await page.getAttribute("#result-pane", "data-stale")).toBeNull();
    expect(await page.textContent("#value")).toBe("Ada.Lovelace@contoso.com");
    // An expression that does not compile shows its error, not an old value.
    const failing = await resultCount(page);
    await setExpression(page, 'Join(".", ');
    await waitForResult(page, failing);
    expect(await page.textContent("#value-kind")).toBe("error");
    await page.close();
  });
});
