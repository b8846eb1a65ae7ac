import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import {
  actionOf,
  loadSample,
  type MappingProbe,
  selectUser,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import {
  fillAttributes,
  resultCount,
  setExpression,
  usePlayground,
  waitForResult,
} from "./playground-session.js";

const shareLink = async (page: import("playwright-core").Page): Promise<string> => {
  await page.evaluate(() => {
    (window as unknown as { __provex: { lastShareLink: string } }).__provex.lastShareLink = "";
  });
  await page.click("#share");
  await page.waitForFunction(
    () => (window as unknown as { __provex: { lastShareLink: string } }).__provex.lastShareLink !== "",
  );
  return page.evaluate(
    () => (window as unknown as { __provex: { lastShareLink: string } }).__provex.lastShareLink,
  );
};

describe.runIf(chromiumAvailable())("playground: share link", () => {
  const session = usePlayground();

  it("reproduces the expression, attributes and value from the link alone", async () => {
    const { page } = await session().open();
    const attributes = JSON.stringify({ givenName: "Grace", surname: "Hopper" });
    await fillAttributes(page, attributes);
    const before = await resultCount(page);
    await setExpression(page, 'ToUpper(Join(" ", [givenName], [surname]))');
    await waitForResult(page, before);
    await page.waitForFunction(() => document.querySelector("#value")?.textContent === "GRACE HOPPER");
    const link = await shareLink(page);
    // Nothing but the fragment carries the state: the query and path are the playground's own.
    expect(new URL(link).search).toBe("");
    expect(new URL(link).hash).toMatch(/^#s=/);
    await page.close();

    // A fresh browser profile: nothing saved locally, only the link.
    const { page: reopened, screenshot } = await session().open(new URL(link).hash);
    await reopened.waitForFunction(() => document.querySelector("#value")?.textContent === "GRACE HOPPER");
    expect(await reopened.inputValue("#attributes")).toBe(attributes);
    expect(
      await reopened.evaluate(() =>
        (window as unknown as { __provex: { editor: { getValue(): string } } }).__provex.editor.getValue(),
      ),
    ).toBe('ToUpper(Join(" ", [givenName], [surname]))');
    expect(await reopened.isHidden("#notice")).toBe(true);
    await screenshot("shared");
    await reopened.close();
  });

  it("reproduces mapping mode: inputs, edited mappings, the selected user and mapping", async () => {
    const { page } = await session().open();
    await loadSample(page);
    await page.selectOption("#mapping-select", { index: 3 });
    await setMappingExpression(page, '"Shared display name"');
    await waitForRows(page, 14);
    await selectUser(page, "Kwame Mensah");
    await page.waitForFunction(() =>
      document.querySelector("#user-detail")?.textContent?.includes("Shared display name"),
    );
    const hash = new URL(await shareLink(page)).hash;
    await page.close();

    const { page: reopened, screenshot } = await session().open(hash);
    expect(await reopened.isVisible("#mapping-mode")).toBe(true);
    await reopened.waitForFunction(() =>
      document.querySelector("#user-detail")?.textContent?.includes("Kwame"),
    );
    expect(await reopened.textContent("#user-detail")).toContain('"displayName": "Shared display name"');
    expect(await actionOf(reopened, "Kwame Mensah")).toBe("Create");
    expect(await reopened.inputValue("#mapping-select")).toBe("3");
    const edited = await reopened.evaluate(() =>
      (window as unknown as MappingProbe).__provex.mappingEditor.getValue(),
    );
    expect(edited).toBe('"Shared display name"');
    expect(await reopened.isVisible("#mapping-modified")).toBe(true);
    expect(await reopened.getAttribute("#summary", "aria-activedescendant")).toBeTruthy();
    await screenshot("shared-mapping");
    await reopened.close();
  });

  it("refuses a damaged link with a message and starts from the first example", async () => {
    const { page } = await session().open("#s=not-a-valid-state");
    await page.waitForFunction(
      () => document.querySelector("#value")?.textContent === "Zoe.VanderBerg@contoso.com",
    );
    expect(await page.textContent("#notice")).toContain("This link was not opened");
    await page.close();
  });
});
