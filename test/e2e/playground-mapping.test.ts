import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { usePlayground } from "./playground-session.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/shared");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

interface Probe {
  __provex: {
    previews: number;
    lastLatencyMs: number;
    mappingEditor: { getModel(): { setValue(text: string): void } };
  };
}

const previews = (page: Page) => page.evaluate(() => (window as unknown as Probe).__provex.previews);
async function waitForPreview(page: Page, after: number): Promise<void> {
  await page.waitForFunction((count) => (window as unknown as Probe).__provex.previews > count, after);
}
async function actionOf(page: Page, name: string): Promise<string | null> {
  return page.locator("#summary tbody tr", { hasText: name }).locator("td.action").textContent();
}

describe.runIf(chromiumAvailable())("playground: mapping mode", () => {
  const session = usePlayground();

  it("previews the fixture schema, users and target: the right action per user", async () => {
    const { page, screenshot, consoleErrors } = await session().open();
    await page.click("#mode-mapping");
    expect(await page.isVisible("#expression-mode")).toBe(false);
    const before = await previews(page);
    await page.fill("#config", fixture("entra-scim-schema.json"));
    await page.fill("#users", fixture("users.json"));
    await page.fill("#target", fixture("target-users.json"));
    await page.waitForFunction(
      (count) =>
        (window as unknown as Probe).__provex.previews > count &&
        document.querySelectorAll("#summary tbody tr").length === 14,
      before,
    );
    // The expected outcomes of test/fixtures/shared/README.md for users independent of Replace.
    expect(await actionOf(page, "Chloé Dubois")).toBe("Skip");
    expect(await actionOf(page, "Lobby Kiosk 3")).toBe("Skip");
    expect(await actionOf(page, "Daniel Kim")).toBe("Error");
    await page.locator("#summary tbody tr", { hasText: "Daniel Kim" }).click();
    expect(await page.textContent("#user-detail")).toContain("DuplicateTargetEntries");
    await screenshot("mapping");

    // Editing one mapping's expression re-runs the preview with it.
    await page.selectOption("#mapping-select", { index: 13 });
    const edited = await previews(page);
    await page.evaluate(() =>
      (window as unknown as Probe).__provex.mappingEditor.getModel().setValue("[mobile]"),
    );
    await waitForPreview(page, edited);
    expect(await actionOf(page, "Zoë Ångström")).toBe("Create");
    expect(await actionOf(page, "José García Márquez")).toBe("Update");
    await page.locator("#summary tbody tr", { hasText: "Zoë Ångström" }).click();
    const detail = await page.textContent("#user-detail");
    expect(detail).toContain("POST /Users");
    expect(detail).toContain("+46 (70) 123-45 67");
    // The mapping editor checks attribute names against the configuration's source schema.
    await page.evaluate(() =>
      (window as unknown as Probe).__provex.mappingEditor.getModel().setValue("[mobil]"),
    );
    await page.waitForFunction(() =>
      document.querySelector("#mapping-problems")?.textContent?.includes("[unknown-attribute]"),
    );
    expect(await page.textContent("#mapping-problems")).toContain("did you mean [mobile]?");
    await page.waitForSelector("#mapping-editor .squiggly-warning");
    const fixed = await previews(page);
    await page.evaluate(() =>
      (window as unknown as Probe).__provex.mappingEditor.getModel().setValue("[mobile]"),
    );
    await waitForPreview(page, fixed);
    // ↓ selects the next user.
    await page.locator("#preview-status").click();
    await page.keyboard.press("ArrowDown");
    expect(await page.textContent("#user-detail")).toContain("José");
    // His update is a PATCH whose changed attributes are highlighted (README of the fixtures: title,
    // the work locality and the mobile number are stale in the target).
    expect(await page.textContent("#user-detail h3")).toMatch(/^PATCH \/Users\//);
    const changed = await page.$$eval("#user-detail .changed mark", (marks) =>
      marks.map((mark) => mark.textContent),
    );
    expect(changed).toContain("title");
    expect(changed.length).toBe(3);
    await screenshot("mapping-edited");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("accepts the sample users as CSV", async () => {
    const { page, screenshot } = await session().open();
    await page.click("#mode-mapping");
    const before = await previews(page);
    await page.fill("#config", fixture("entra-scim-schema.json"));
    await page.fill(
      "#users",
      [
        "objectId,userPrincipalName,mailNickname,displayName,department,jobTitle,IsSoftDeleted",
        'c1,chloe@contoso.com,chloe,"Dubois, Chloé",Marketing,Designer,False',
        "e1,ethan@fabrikam.com,ethan,Ethan Brooks,Engineering,Engineer,False",
      ].join("\n"),
    );
    await page.waitForFunction(
      (count) =>
        (window as unknown as Probe).__provex.previews > count &&
        document.querySelectorAll("#summary tbody tr").length === 2,
      before,
    );
    expect(await actionOf(page, "Dubois, Chloé")).toBe("Skip");
    expect(await actionOf(page, "Ethan Brooks")).toBe("Create");
    await screenshot("mapping-csv");
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
    await page.fill("#config", fixture("entra-scim-schema.json"));
    await page.fill("#target", fixture("target-users.json"));
    const loaded = await previews(page);
    await page.fill("#users", JSON.stringify(users));
    await page.waitForFunction(
      (count) =>
        (window as unknown as Probe).__provex.previews > count &&
        document.querySelectorAll("#summary tbody tr").length === 100,
      loaded,
    );
    // Until Replace is wired, the mobile mapping fails every user early; send the raw number instead
    // so that each user goes through the whole export.
    await page.selectOption("#mapping-select", { index: 13 });
    const replaced = await previews(page);
    await page.evaluate(() =>
      (window as unknown as Probe).__provex.mappingEditor.getModel().setValue("[mobile]"),
    );
    await waitForPreview(page, replaced);
    // Type into one mapping's expression, one real keystroke at a time, and time each until the
    // preview of all 100 users is on screen (the page measures from the editor's change event).
    await page.selectOption("#mapping-select", { index: 9 });
    const typed = await previews(page);
    await page.evaluate(() =>
      (window as unknown as Probe).__provex.mappingEditor
        .getModel()
        .setValue('Join(".", [givenName], [surname])'),
    );
    await waitForPreview(page, typed);
    await page.click("#mapping-editor .view-lines");
    await page.keyboard.press("Home");
    for (let i = 0; i < 'Join(".'.length; i++) await page.keyboard.press("ArrowRight");
    const samples: number[] = [];
    for (const key of ["x", "y", "z"]) {
      const count = await previews(page);
      await page.keyboard.type(key);
      await waitForPreview(page, count);
      samples.push(await page.evaluate(() => (window as unknown as Probe).__provex.lastLatencyMs));
    }
    expect(await page.textContent("#user-detail")).toContain(".xyz");
    await screenshot("mapping-100-users");
    const status = await page.textContent("#preview-status");
    writeFileSync(
      join(import.meta.dirname, "../../test-results/playground-latency.json"),
      `${JSON.stringify({ users: 100, keystrokeToPreviewMs: samples, status }, null, 2)}\n`,
    );
    console.log(
      `keystroke → preview of 100 users: ${samples.map((ms) => ms.toFixed(0)).join(", ")} ms (${status})`,
    );
    expect(Math.min(...samples)).toBeLessThan(2000);
    await page.close();
  });
});
