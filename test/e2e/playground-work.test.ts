import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import {
  loadSample,
  type MappingProbe,
  selectUser,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import {
  resultCount,
  saveCount,
  setExpression,
  usePlayground,
  waitForResult,
  waitForSave,
  waitUntilReady,
} from "./playground-session.js";

/** A share fragment for any JSON, as the page encodes one (deflate-raw, base64url). */
const fragmentOf = (json: string) => `#s=${deflateRawSync(Buffer.from(json)).toString("base64url")}`;
const editorValue = (page: import("playwright-core").Page) =>
  page.evaluate(() =>
    (window as unknown as { __provex: { editor: { getValue(): string } } }).__provex.editor.getValue(),
  );

describe.runIf(chromiumAvailable())("playground: never lose work", () => {
  const session = usePlayground();

  it("keeps the expression, attributes and mode over a reload, with the fragment kept current", async () => {
    const { page, screenshot } = await session().open();
    await page.fill("#attributes", JSON.stringify({ givenName: "Ada" }));
    const saved = await saveCount(page);
    const before = await resultCount(page);
    await setExpression(page, "ToUpper([givenName])");
    await waitForResult(page, before);
    await waitForSave(page, saved);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#s=/);
    await page.reload();
    await waitUntilReady(page);
    expect(await editorValue(page)).toBe("ToUpper([givenName])");
    expect(await page.inputValue("#attributes")).toBe(JSON.stringify({ givenName: "Ada" }));
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "ADA");
    // Opened again without the fragment (a bookmark of the bare address): the local copy is used.
    await page.goto(page.url().replace(/#.*$/, ""));
    await waitUntilReady(page);
    expect(await editorValue(page)).toBe("ToUpper([givenName])");
    await screenshot("reloaded");
    await page.close();
  });

  it("keeps mapping mode's inputs, edits and selections over a reload", async () => {
    const { page } = await session().open();
    await loadSample(page);
    await page.selectOption("#mapping-select", { index: 4 });
    await setMappingExpression(page, '"Reloaded title"');
    await waitForRows(page, 14);
    const saved = await saveCount(page);
    await selectUser(page, "Tomasz Wiśniewski");
    await waitForSave(page, saved);
    await page.reload();
    await waitUntilReady(page);
    await page.waitForFunction(() => document.querySelector("#user-detail")?.textContent?.includes("Tomasz"));
    expect(await page.inputValue("#mapping-select")).toBe("4");
    expect(
      await page.evaluate(() => (window as unknown as MappingProbe).__provex.mappingEditor.getValue()),
    ).toBe('"Reloaded title"');
    expect(await page.textContent("#user-detail")).toContain("Reloaded title");
    await page.close();
  });

  it("never lets a link from elsewhere silently replace newer local work: both are offered", async () => {
    const { page, screenshot } = await session().open();
    const saved = await saveCount(page);
    await setExpression(page, '"my own work"');
    await waitForSave(page, saved);
    // Someone else's link, opened in the same browser (same storage).
    const link = fragmentOf(
      JSON.stringify({ mode: "expression", expression: '"the link"', attributes: "{}", savedAt: 1 }),
    );
    const { page: opened } = await session().open(link, { sameStorageAs: page });
    expect(await editorValue(opened)).toBe('"the link"');
    expect(await opened.textContent("#notice")).toContain("Your own work");
    await screenshot("link-over-work");
    await opened.click("#open-my-work");
    await opened.waitForLoadState("load");
    await waitUntilReady(opened);
    expect(await editorValue(opened)).toBe('"my own work"');
    // And the link's state is now the one kept aside: nothing was lost either way.
    expect(await opened.textContent("#notice")).not.toContain("shared link");
    await opened.close();
    await page.close();
  });

  it("refuses a hostile link (27 KB expanding to a 20 MB expression) with a message, and starts", async () => {
    const hostile = JSON.stringify({
      mode: "expression",
      expression: `"${"A".repeat(20_000_000)}"`,
      attributes: "{}",
    });
    const fragment = fragmentOf(hostile);
    expect(fragment.length).toBeLessThan(40_000);
    const { page, screenshot, consoleErrors } = await session().open(fragment);
    expect(await page.textContent("#notice")).toMatch(
      /This link was not opened: It expands to more than 16 MB/,
    );
    await page.waitForFunction(
      () => document.querySelector("#value")?.textContent === "Zoe.VanderBerg@contoso.com",
    );
    expect(await page.evaluate(() => location.hash)).not.toBe(fragment);
    await screenshot("hostile-link");
    // A reload does not meet the link again.
    await page.reload();
    await waitUntilReady(page);
    expect(await page.isHidden("#notice")).toBe(true);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("refuses links nested too deep, too large once inflated, or not a state", async () => {
    const cases: [string, RegExp][] = [
      [
        fragmentOf(JSON.stringify({ expression: `${"Trim(".repeat(500)}[a]${")".repeat(500)}` })),
        /nests 501 levels/,
      ],
      [fragmentOf(`{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}`), /nested too deeply/],
      [fragmentOf(" ".repeat(40_000_000)), /expands to more than 16 MB/],
      [fragmentOf("[1,2,3]"), /holds no playground state/],
      [fragmentOf(JSON.stringify({ expression: `"${"A".repeat(150_000)}"` })), /150,002 characters long/],
    ];
    for (const [fragment, reason] of cases) {
      const { page } = await session().open(fragment);
      expect(await page.textContent("#notice")).toMatch(reason);
      await page.close();
    }
  });
});
