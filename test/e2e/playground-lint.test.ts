import { describe, expect, it } from "vitest";
import { lintRules } from "../../src/lint/index.js";
import { chromiumAvailable } from "./browser.js";
import { previews, setData, waitForPreview } from "./playground-mapping-helpers.js";
import { usePlayground } from "./playground-session.js";

interface Marker {
  owner: string;
  code: { value: string; target: { path: string; fragment: string } };
  startLineNumber: number;
}

describe.runIf(chromiumAvailable())("playground: lint in the page", () => {
  const session = usePlayground();

  it("shows the configuration's lint findings as squiggles and a problems list linking each rule's docs", async () => {
    const rule = lintRules.find((candidate) => candidate.meta.id === "unknown-function");
    if (!rule) throw new Error("the unknown-function rule is missing");
    const { page, screenshot } = await session().open();
    await page.click("#mode-mapping");
    const before = await previews(page);
    await setData(page, "config", rule.meta.examples.failing.text);
    await waitForPreview(page, before);
    await page.waitForSelector("#config-problems li[data-code='unknown-function']");
    const link = await page.getAttribute(
      "#config-problems li[data-code='unknown-function'] a.problem-code",
      "href",
    );
    expect(link).toBe("./docs/lint-rules.html#unknown-function");
    const markers = await page.evaluate(() => {
      const { monaco } = (
        window as unknown as { __provex: { monaco: { editor: { getModelMarkers(f: object): unknown[] } } } }
      ).__provex;
      return monaco.editor.getModelMarkers({ owner: "lint" });
    });
    const marker = (markers as Marker[]).find((candidate) => candidate.code.value === "unknown-function");
    expect(marker?.code.target.path).toMatch(/\/docs\/lint-rules\.html$/);
    expect(marker?.code.target.fragment).toBe("unknown-function");
    // The place in the list is the finding's line in the configuration, and activating it selects it there.
    const place = await page.textContent("#config-problems li[data-code='unknown-function'] .problem-place");
    expect(place).toBe(`${marker?.startLineNumber}:${place?.split(":")[1]}`);
    await page.click("#config-problems li[data-code='unknown-function'] .problem-place");
    await page.waitForSelector("#config-editor .squiggly-error, #config-editor .squiggly-warning");
    await screenshot("lint");
    // The repaired example has no finding of that rule.
    const fixed = await previews(page);
    await setData(page, "config", rule.meta.examples.passing.text);
    await waitForPreview(page, fixed);
    await page.waitForSelector("#config-problems li[data-code='unknown-function']", { state: "detached" });
    await page.close();
  });

  it("says the configuration is nested too deeply instead of overflowing the stack", async () => {
    const { page } = await session().open();
    await page.click("#mode-mapping");
    const before = await previews(page);
    await setData(page, "config", `${"- ".repeat(20_000)}x`);
    await waitForPreview(page, before);
    const shown = `${await page.textContent("#config-problems")} ${await page.textContent("#stale-banner")}`;
    expect(shown).not.toContain("Maximum call stack size exceeded");
    await page.close();
  });
});
