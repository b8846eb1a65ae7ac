import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { resultCount, setExpression, usePlayground, waitForResult } from "./playground-session.js";

describe.runIf(chromiumAvailable())("playground: share link", () => {
  const session = usePlayground();

  it("reproduces the expression, attributes and value from the link alone", async () => {
    const { page } = await session().open();
    const attributes = JSON.stringify({ givenName: "Grace", surname: "Hopper" });
    await page.fill("#attributes", attributes);
    const before = await resultCount(page);
    await setExpression(page, 'ToUpper(Join(" ", [givenName], [surname]))');
    await waitForResult(page, before);
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "GRACE HOPPER");
    await page.click("#share");
    await page.waitForFunction(() => location.hash.startsWith("#s="));
    const link = await page.evaluate(() => location.href);
    // Nothing but the fragment carries the state: the query and path are the playground's own.
    expect(new URL(link).search).toBe("");
    await page.close();

    const { page: reopened, screenshot } = await session().open(new URL(link).hash);
    await reopened.waitForFunction(() => document.querySelector("#value")?.textContent === "GRACE HOPPER");
    expect(await reopened.inputValue("#attributes")).toBe(attributes);
    expect(
      await reopened.evaluate(() =>
        (window as unknown as { __provex: { editor: { getValue(): string } } }).__provex.editor.getValue(),
      ),
    ).toBe('ToUpper(Join(" ", [givenName], [surname]))');
    await screenshot("shared");
    await reopened.close();
  });

  it("reproduces mapping mode: inputs and edited mapping expressions", async () => {
    const { page } = await session().open();
    await page.click("#mode-mapping");
    await page.click("#load-sample");
    await page.waitForFunction(() => document.querySelectorAll("#summary tbody tr").length === 14);
    await page.selectOption("#mapping-select", { index: 3 });
    await page.evaluate(() =>
      (
        window as unknown as { __provex: { mappingEditor: { getModel(): { setValue(v: string): void } } } }
      ).__provex.mappingEditor
        .getModel()
        .setValue('"Shared display name"'),
    );
    await page.waitForFunction(() =>
      document.querySelector("#user-detail")?.textContent?.includes("Shared display name"),
    );
    await page.click("#share");
    await page.waitForFunction(() => location.hash.startsWith("#s="));
    const hash = await page.evaluate(() => location.hash);
    await page.close();

    const { page: reopened, screenshot } = await session().open(hash);
    expect(await reopened.isVisible("#mapping-mode")).toBe(true);
    await reopened.waitForFunction(() => document.querySelectorAll("#summary tbody tr").length === 14);
    expect(await reopened.textContent("#user-detail")).toContain('"displayName": "Shared display name"');
    await reopened.selectOption("#mapping-select", { index: 3 });
    const edited = await reopened.evaluate(() =>
      (
        window as unknown as { __provex: { mappingEditor: { getValue(): string } } }
      ).__provex.mappingEditor.getValue(),
    );
    expect(edited).toBe('"Shared display name"');
    await screenshot("shared-mapping");
    await reopened.close();
  });

  it("ignores a damaged link and starts from the first example", async () => {
    const { page } = await session().open("#s=not-a-valid-state");
    await page.waitForFunction(
      () => document.querySelector("#value")?.textContent === "Zoe.VanderBerg@contoso.com",
    );
    await page.close();
  });
});
