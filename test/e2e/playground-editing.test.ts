import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { cursorToEnd, setExpression, triggerAction, usePlayground } from "./playground-session.js";

interface Marker {
  message: string;
  code: { value: string; target: { path: string; fragment: string } };
  severity: number;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

describe.runIf(chromiumAvailable())("playground: editor services in Monaco", () => {
  const session = usePlayground();

  it("underlines a typo with the checker's message at the right position", async () => {
    const { page, screenshot } = await session().open();
    await setExpression(page, 'Join(".", Trm([givenName]))');
    await page.waitForSelector("#editor .squiggly-error");
    const markers = await page.evaluate(() => {
      const { monaco } = (
        window as unknown as { __provex: { monaco: { editor: { getModelMarkers(f: object): unknown[] } } } }
      ).__provex;
      return monaco.editor.getModelMarkers({ owner: "provex" });
    });
    expect(markers).toHaveLength(1);
    const marker = markers[0] as Marker;
    // The code links to the function reference shipped with the playground, at the suggested function.
    expect(marker.code.value).toBe("unknown-function");
    expect(marker.code.target.path).toMatch(/\/docs\/functions\.html$/);
    expect(marker.code.target.fragment).toBe("trim");
    expect(marker.message).toContain("did you mean Trim?");
    expect(marker.severity).toBe(8); // MarkerSeverity.Error
    expect([marker.startLineNumber, marker.startColumn, marker.endLineNumber, marker.endColumn]).toEqual([
      1, 11, 1, 14,
    ]);
    expect(await page.textContent("#problems")).toContain("[unknown-function]");
    expect(await page.getAttribute("#problems a.problem-code", "href")).toBe("./docs/functions.html#trim");
    // The value pane (debounced, from the worker) reports the same problem.
    await page.waitForFunction(() => document.querySelector("#value-kind")?.textContent === "error");
    expect(await page.textContent("#value")).toContain("did you mean Trim?");
    await screenshot("squiggle");

    // The quick fix replaces the name; the squiggle goes away.
    await page.evaluate(() => {
      const { editor } = (window as unknown as { __provex: { editor: { setPosition(p: object): void } } })
        .__provex;
      editor.setPosition({ lineNumber: 1, column: 12 });
    });
    await triggerAction(page, "editor.action.quickFix");
    // Wait for the fix itself (the widget opens before its list is filled), then choose it.
    const fix = page.locator(".action-widget", { hasText: "Change to Trim" });
    await fix.waitFor({ state: "visible" });
    await screenshot("quick-fix");
    await page.getByText("Change to Trim").click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __provex: { editor: { getValue(): string } } }).__provex.editor.getValue() ===
        'Join(".", Trim([givenName]))',
    );
    await page.waitForSelector("#editor .squiggly-error", { state: "detached" });
    await page.close();
  });

  it("shows completion from the registry and the sample user, and signature help", async () => {
    const { page, screenshot } = await session().open();
    await page.fill("#attributes", JSON.stringify({ givenName: "Ada", surname: "Lovelace" }));
    await page.dispatchEvent("#attributes", "input");
    await setExpression(page, 'Join(".", Jo');
    await cursorToEnd(page);
    await triggerAction(page, "editor.action.triggerSuggest");
    const row = page.locator(".suggest-widget .monaco-list-row", { hasText: "Join" }).first();
    await row.waitFor({ state: "visible" });
    await screenshot("completion");
    expect(await page.locator(".suggest-widget").textContent()).toContain("Join");
    await page.keyboard.press("Escape");

    // Attribute names of the sample user inside brackets.
    await setExpression(page, 'Join(".", [giv');
    await cursorToEnd(page);
    await triggerAction(page, "editor.action.triggerSuggest");
    await page
      .locator(".suggest-widget .monaco-list-row", { hasText: "givenName" })
      .first()
      .waitFor({ state: "visible" });
    await page.keyboard.press("Escape");

    await setExpression(page, "Replace([givenName], , ");
    await cursorToEnd(page);
    await triggerAction(page, "editor.action.triggerParameterHints");
    const hints = page.locator(".parameter-hints-widget");
    await hints.waitFor({ state: "visible" });
    await screenshot("signature-help");
    expect(await hints.textContent()).toContain("Replace(source, [oldValue], [regexPattern]");
    // The active parameter counts the empty argument: regexPattern.
    expect(await page.locator(".parameter-hints-widget .parameter.active").textContent()).toBe(
      "[regexPattern]",
    );
    await page.close();
  });

  it("formats the expression from the toolbar and leaves broken text alone", async () => {
    const { page } = await session().open();
    await setExpression(page, 'Join(".",[givenName],[surname])');
    await page.click("#format");
    await page.waitForFunction(
      () =>
        (window as unknown as { __provex: { editor: { getValue(): string } } }).__provex.editor.getValue() ===
        'Join(".", [givenName], [surname])',
    );
    await setExpression(page, 'Join(".",[givenName]');
    await page.click("#format");
    await page.waitForFunction(() =>
      document.querySelector("#status")?.textContent?.includes("syntax errors"),
    );
    await page.close();
  });

  it("follows the OS colour scheme", async () => {
    const { page, screenshot } = await session().open();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForSelector("#editor .monaco-editor.vs-dark");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
    await screenshot("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForSelector("#editor .monaco-editor.vs");
    await page.close();
  });

  it("shows an attribute's value for the selected user on hover", async () => {
    const { page, screenshot } = await session().open();
    await page.fill("#attributes", JSON.stringify({ department: "Research & Development" }));
    await page.dispatchEvent("#attributes", "input");
    await setExpression(page, "ToUpper([department])");
    // The hover reads the attributes the last evaluation saw.
    await page.waitForFunction(
      () => document.querySelector("#value")?.textContent === "RESEARCH & DEVELOPMENT",
    );
    await page.evaluate(() => {
      const { editor } = (
        window as unknown as { __provex: { editor: { setPosition(p: object): void; focus(): void } } }
      ).__provex;
      editor.focus();
      editor.setPosition({ lineNumber: 1, column: 12 });
    });
    await triggerAction(page, "editor.action.showHover");
    const hover = page.locator(".monaco-hover", { hasText: "Research & Development" });
    await hover.first().waitFor({ state: "visible" });
    await screenshot("hover");
    await page.close();
  });
});
