import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convertConfig, loadConfig } from "../../src/index.js";
import { chromiumAvailable } from "./browser.js";
import {
  fixture,
  loadSample,
  type MappingProbe,
  previews,
  setData,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import { usePlayground } from "./playground-session.js";

/** The expression the configuration text gives a target attribute (read back by the library). */
function expressionOf(text: string, target: string): string | null | undefined {
  const config = loadConfig(text);
  return config.objects
    .find((object) => object.sourceObjectName === "User")
    ?.mappings.find((mapping) => mapping.target === target)?.expression;
}

describe.runIf(chromiumAvailable())("playground: edits are real", () => {
  const session = usePlayground();

  it("marks an edited mapping, shows what it changes, exports it as Entra JSON (download and copy), reverts", async () => {
    const { page, screenshot } = await session().open();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await loadSample(page);
    const titleIndex = await page.$$eval("#mapping-select option", (options) =>
      options.findIndex((option) => option.textContent?.startsWith("title ←")),
    );
    await page.selectOption("#mapping-select", { index: titleIndex });
    const before = await previews(page);
    await setMappingExpression(page, 'Join(" ", "Staff:", [jobTitle])');
    await waitForRows(page, 14, before);
    // The list label shows the new expression and the mark; the editor says "modified" and can revert.
    const label = await page.$eval(
      "#mapping-select",
      (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent,
    );
    expect(label).toBe('✎ title ← Join(" ", "Staff:", [jobTitle])');
    expect(await page.isVisible("#mapping-modified")).toBe(true);
    expect(await page.isEnabled("#mapping-revert")).toBe(true);
    // What changed: the users whose result differs from the configuration as loaded, before → after.
    await page.waitForFunction(() =>
      document.querySelector("#changes")?.textContent?.includes("Your edits change"),
    );
    const changes = await page.textContent("#changes");
    expect(changes).toMatch(/Your edits change \d+ of 14 users' results/);
    expect(changes).toContain("Skip → Update");
    await screenshot("edited-mapping");

    const download = page.waitForEvent("download");
    await page.click("#export-download");
    const file = await download;
    expect(file.suggestedFilename()).toBe("synchronization-schema.json");
    const exported = readFileSync((await file.path()) as string, "utf8");
    expect(JSON.parse(exported)).toHaveProperty("synchronizationRules");
    expect(expressionOf(exported, "title")).toBe('Join(" ", "Staff:", [jobTitle])');
    // Nothing else changed: every other mapping exports as it was loaded.
    expect(expressionOf(exported, "displayName")).toBe(
      expressionOf(fixture("entra-scim-schema.json"), "displayName"),
    );

    await page.click("#export-copy");
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("clipboard"));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(exported);

    const reverted = await previews(page);
    await page.click("#mapping-revert");
    await waitForRows(page, 14, reverted);
    const restored = await page.$eval(
      "#mapping-select",
      (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent,
    );
    expect(restored?.startsWith("✎")).toBe(false);
    expect(await page.isHidden("#mapping-modified")).toBe(true);
    expect(await page.isHidden("#changes")).toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as MappingProbe).__provex.mappingEditor.getValue()),
    ).toBe(expressionOf(fixture("entra-scim-schema.json"), "title"));
    await page.close();
  });

  it("exports a provex YAML configuration as YAML, and can write the edits into the text", async () => {
    const { page } = await session().open();
    const yaml = convertConfig(fixture("entra-scim-schema.json"), { format: "provex" }).text as string;
    await page.click("#mode-mapping");
    const before = await previews(page);
    await setData(page, "config", yaml);
    await setData(page, "users", fixture("users.json"));
    await waitForRows(page, 14, before);
    await page.selectOption("#mapping-select", { index: 2 });
    const target = (
      await page.$eval(
        "#mapping-select",
        (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent,
      )
    )?.split(" ←")[0] as string;
    const edited = await previews(page);
    await setMappingExpression(page, 'ToLower("EXPORTED")');
    await waitForRows(page, 14, edited);
    const download = page.waitForEvent("download");
    await page.click("#export-download");
    const file = await download;
    expect(file.suggestedFilename()).toBe("provex-mapping.yaml");
    const exported = readFileSync((await file.path()) as string, "utf8");
    expect(exported.trimStart().startsWith("{")).toBe(false);
    expect(expressionOf(exported, target)).toBe('ToLower("EXPORTED")');
    // "Write the edits into the text": the configuration text now holds the edit, nothing is marked.
    const written = await previews(page);
    await page.click("#apply-edits");
    await waitForRows(page, 14, written);
    const text = await page.evaluate(() =>
      (window as unknown as MappingProbe).__provex.app.mappingMode.config.model.getValue(),
    );
    expect(expressionOf(text, target)).toBe('ToLower("EXPORTED")');
    expect(await page.isHidden("#edits-note")).toBe(true);
    await page.close();
  });
});
