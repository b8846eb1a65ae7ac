import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import {
  loadSample,
  type MappingProbe,
  previews,
  selectUser,
  setMappingExpression,
  waitForRows,
} from "./playground-mapping-helpers.js";
import {
  resultCount,
  setExpression,
  triggerAction,
  usePlayground,
  waitForResult,
} from "./playground-session.js";

interface MappingEditorProbe {
  __provex: {
    mappingEditor: {
      focus(): void;
      setPosition(position: object): void;
      trigger(source: string, id: string, payload: object): void;
    };
  };
}

const batches = (page: import("playwright-core").Page) =>
  page.evaluate(() => (window as unknown as { __provex: { batches: number } }).__provex.batches);

describe.runIf(chromiumAvailable())("playground: step through, many users", () => {
  const session = usePlayground();

  it("shows every call's arguments and result, and the value of the sub-expression under the cursor", async () => {
    const { page, screenshot } = await session().open();
    await page.fill("#attributes", JSON.stringify({ givenName: " Ada ", surname: "LOVELACE" }));
    const before = await resultCount(page);
    await setExpression(page, 'Join(".", Trim([givenName]), ToLower([surname]))');
    await waitForResult(page, before);
    const steps = await page.$$eval("#steps .step", (items) => items.map((item) => item.textContent));
    expect(steps).toEqual([
      'Join(".", "Ada", "lovelace") → "Ada.lovelace"',
      'Trim(" Ada ") → "Ada"',
      '[givenName] → " Ada "',
      'ToLower("LOVELACE") → "lovelace"',
      '[surname] → "LOVELACE"',
    ]);
    // The cursor inside ToLower(…) picks that call; a selection of [surname] picks the attribute.
    await page.evaluate(() => {
      const { editor } = (
        window as unknown as {
          __provex: {
            editor: { focus(): void; setPosition(p: object): void; setSelection(r: object): void };
          };
        }
      ).__provex;
      editor.focus();
      editor.setPosition({ lineNumber: 1, column: 33 });
    });
    await page.waitForFunction(() =>
      document.querySelector("#steps .step-current")?.textContent?.startsWith("ToLower("),
    );
    expect(await page.textContent("#steps .step-current")).toBe('ToLower([surname]) = "lovelace"');
    expect(await page.getAttribute("#steps li[aria-current=true]", "data-step")).toBe("3");
    await page.evaluate(() => {
      const { editor } = (window as unknown as { __provex: { editor: { setSelection(r: object): void } } })
        .__provex;
      editor.setSelection({ startLineNumber: 1, startColumn: 38, endLineNumber: 1, endColumn: 47 });
    });
    await page.waitForFunction(
      () => document.querySelector("#steps .step-current")?.textContent === '[surname] = "LOVELACE"',
    );
    // Hovering shows the value too.
    await page.evaluate(() => {
      const { editor } = (window as unknown as { __provex: { editor: { setPosition(p: object): void } } })
        .__provex;
      editor.setPosition({ lineNumber: 1, column: 12 });
    });
    await triggerAction(page, "editor.action.showHover");
    await page
      .locator(".monaco-hover", { hasText: "Value for this user" })
      .first()
      .waitFor({ state: "visible" });
    expect(await page.locator(".monaco-hover").first().textContent()).toContain('"Ada"');
    await screenshot("step-through");
    // A step activated selects its text in the editor.
    await page.click("#steps li[data-step='4'] .step");
    const selected = await page.evaluate(() => {
      const { editor } = (
        window as unknown as {
          __provex: {
            editor: { getModel(): { getValueInRange(r: object): string }; getSelection(): object };
          };
        }
      ).__provex;
      return editor.getModel().getValueInRange(editor.getSelection());
    });
    expect(selected).toBe("[surname]");
    await page.close();
  });

  it("steps through a mapping's expression for the selected user in mapping mode, hover included; Redact hides it", async () => {
    const { page, screenshot } = await session().open();
    await loadSample(page);
    await page.selectOption("#mapping-select", { index: 9 });
    const edited = await previews(page);
    await setMappingExpression(page, 'Join(".", ToLower([givenName]), [surname])');
    await waitForRows(page, 14, edited);
    await selectUser(page, "José García Márquez");
    await page.waitForFunction(() =>
      document.querySelector("#mapping-steps .step")?.textContent?.includes('"josé.García Márquez"'),
    );
    const steps = await page.$$eval("#mapping-steps .step", (items) => items.map((item) => item.textContent));
    expect(steps).toEqual([
      'Join(".", "josé", "García Márquez") → "josé.García Márquez"',
      'ToLower("José") → "josé"',
      '[givenName] → "José"',
      '[surname] → "García Márquez"',
    ]);
    // Hovering ToLower(…) in the mapping editor shows its value for this user.
    await page.evaluate(() => {
      const editor = (window as unknown as MappingEditorProbe).__provex.mappingEditor;
      editor.focus();
      editor.setPosition({ lineNumber: 1, column: 12 });
      editor.trigger("test", "editor.action.showHover", {});
    });
    await page
      .locator(".monaco-hover", { hasText: "Value for this user" })
      .first()
      .waitFor({ state: "visible" });
    expect(
      await page.locator(".monaco-hover", { hasText: "Value for this user" }).first().textContent(),
    ).toContain('"josé"');
    expect(await page.textContent("#mapping-steps .step-current")).toBe('ToLower([givenName]) = "josé"');
    await screenshot("mapping-step-through");
    // A mapping that calls Redact sends no values to step through.
    const redacted = await previews(page);
    await setMappingExpression(page, 'Redact(Join(".", [givenName], [surname]))');
    await waitForRows(page, 14, redacted);
    await page.waitForFunction(() =>
      document.querySelector("#mapping-steps .step-current")?.textContent?.includes("Redact"),
    );
    expect(await page.locator("#mapping-steps .step").count()).toBe(0);
    expect(await page.textContent("#mapping-steps")).not.toContain("José");
    await page.close();
  });

  it("evaluates the expression for many users (CSV) and marks those that differ from the expected value", async () => {
    const { page, screenshot } = await session().open();
    await setExpression(page, 'Join("@", ToLower([mailNickname]), "contoso.com")');
    const before = await batches(page);
    await page.click("#view-many");
    await page.evaluate((csv) => {
      (window as unknown as MappingProbe).__provex.app.manyUsers.input.model.setValue(csv);
    }, [
      "displayName,mailNickname,expected",
      "Ada,ADA,ada@contoso.com",
      "Grace,Grace,grace@fabrikam.com",
      "Alan,alan,",
      "Bob,bob,bob@other.com",
    ].join("\n"));
    await page.waitForFunction(
      (count) =>
        (window as unknown as { __provex: { batches: number } }).__provex.batches > count &&
        (window as unknown as MappingProbe).__provex.app.manyUsers.results().filter(Boolean).length === 4,
      before,
    );
    const rows = await page.evaluate(() =>
      (window as unknown as MappingProbe).__provex.app.manyUsers
        .results()
        .map((row) => [row.label, row.matches]),
    );
    expect(rows).toEqual([
      ["Ada", true],
      ["Grace", false],
      // An empty expected cell is an absent value: nothing to compare.
      ["Alan", undefined],
      ["Bob", false],
    ]);
    await page.waitForFunction(() =>
      document.querySelector("#many-status")?.textContent?.includes("2 differ"),
    );
    expect(await page.locator("#many-grid [role=row].row-mismatch").count()).toBe(2);
    await screenshot("many-users");
    // Only the mismatches, and the expression's edits re-run the table.
    await page.check("#many-mismatches-only");
    await page.waitForFunction(
      () => document.querySelector("#many-grid")?.getAttribute("aria-rowcount") === "3",
    );
    const edited = await batches(page);
    await setExpression(page, 'Join("@", ToLower([mailNickname]), "fabrikam.com")');
    await page.waitForFunction(
      (count) => (window as unknown as { __provex: { batches: number } }).__provex.batches > count,
      edited,
    );
    await page.waitForFunction(() =>
      document.querySelector("#many-status")?.textContent?.includes("2 differ"),
    );
    await page.close();
  });
});
