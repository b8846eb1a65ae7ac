import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { loadSample, selectUser } from "./playground-mapping-helpers.js";
import { usePlayground, waitUntilReady } from "./playground-session.js";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.help}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    wide: Array.from(document.querySelectorAll("body *"))
      // Monaco's own layers inside an editor are clipped by it; everything else must fit.
      .filter(
        (element) =>
          !element.parentElement?.closest(".monaco-editor") &&
          element.getBoundingClientRect().right > window.innerWidth + 1 &&
          element.checkVisibility(),
      )
      .slice(0, 5)
      .map((element) => `${element.tagName}#${element.id}.${element.className}`),
  }));

describe.runIf(chromiumAvailable())("playground: any screen, keyboard and accessibility", () => {
  const session = usePlayground();

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe-core violations in the ${colorScheme} theme`, async () => {
      const { page, screenshot } = await session().open("", { colorScheme, bypassCSP: true });
      expect(await seriousViolations(page)).toEqual([]);
      await loadSample(page);
      await selectUser(page, "José García Márquez");
      await page.waitForFunction(() =>
        document.querySelector("#user-detail")?.textContent?.includes("PATCH"),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(`axe-mapping-${colorScheme}`);
      await page.close();
    });
  }

  it("fits 390 px without scrolling sideways, in one column, in both modes", async () => {
    const { page, screenshot } = await session().open("", { width: 390, height: 844 });
    expect(await noHorizontalScroll(page)).toMatchObject({ wide: [] });
    const layout = await page.evaluate(
      () => getComputedStyle(document.querySelector("#expression-mode") as Element).flexDirection,
    );
    expect(layout).toBe("column");
    await screenshot("390-expression");
    await loadSample(page);
    await selectUser(page, "José García Márquez");
    await page.waitForFunction(() => document.querySelector("#user-detail")?.textContent?.includes("PATCH"));
    const measured = await noHorizontalScroll(page);
    expect(measured.wide).toEqual([]);
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.width);
    // The action column is not cut.
    const action = await page
      .locator("#summary [role=row][aria-rowindex='3'] [role=gridcell]")
      .nth(2)
      .boundingBox();
    expect((action?.x ?? 0) + (action?.width ?? 0)).toBeLessThanOrEqual(390);
    await screenshot("390-mapping");
    await page.close();
  });

  it("keeps the editors a usable height at 1024×700", async () => {
    const { page, screenshot } = await session().open("", { width: 1024, height: 700 });
    const height = (selector: string) =>
      page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
    expect(await height("#editor")).toBeGreaterThanOrEqual(150);
    await loadSample(page);
    expect(await height("#mapping-editor")).toBeGreaterThanOrEqual(90);
    expect(await height("#config-editor")).toBeGreaterThanOrEqual(150);
    expect(await height("#users-editor")).toBeGreaterThanOrEqual(100);
    expect(
      await page.locator("#summary .vgrid-body").evaluate((element) => element.clientHeight),
    ).toBeGreaterThanOrEqual(150);
    await screenshot("1024x700");
    await page.close();
  });

  it("reaches every control with Tab (Ctrl+M lets Tab leave an editor) and walks the summary grid with the arrows", async () => {
    const { page } = await session().open();
    await loadSample(page);
    // Tab trapping off (Monaco's Ctrl+M, listed in the shortcuts panel).
    await page.click("#mapping-editor .view-lines");
    await page.keyboard.press("Control+m");
    await page.focus("#mode-expression");
    const reached = new Set<string>();
    for (let press = 0; press < 60; press++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const editor = element?.closest(".code-editor, .data-editor");
        return editor ? editor.id : element?.id || element?.closest("[id]")?.id || element?.tagName || "";
      });
      reached.add(id);
    }
    for (const id of [
      "share",
      "help-button",
      "load-sample",
      "config-file",
      "config-editor",
      "export-download",
      "export-copy",
      "mapping-select",
      "mapping-editor",
      "users-file",
      "users-editor",
      "target-editor",
      "filter-action",
      "filter-text",
      "summary",
    ]) {
      expect({ id, reached: reached.has(id) }).toEqual({ id, reached: true });
    }
    // The summary grid: ↓ and End move the selection, and the details follow.
    await selectUser(page, "Zoë Ångström");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.querySelector("#user-detail")?.textContent?.includes("José"));
    expect(await page.getAttribute("#summary", "aria-activedescendant")).toBe("summary-row-1");
    await page.keyboard.press("End");
    await page.waitForFunction(
      () => document.querySelector("#summary")?.getAttribute("aria-activedescendant") === "summary-row-13",
    );
    await page.click("#help-button");
    expect(await page.textContent("#shortcuts")).toContain("Ctrl+M");
    await page.close();
  });

  it("shows the quick fix's whole label and keeps signature help clear of the completion list", async () => {
    const { page, screenshot } = await session().open();
    await page.evaluate(() => {
      const { editor } = (
        window as unknown as {
          __provex: {
            editor: {
              getModel(): { setValue(v: string): void };
              focus(): void;
              setPosition(p: object): void;
              trigger(s: string, a: string, o: object): void;
            };
          };
        }
      ).__provex;
      editor.getModel().setValue('Join(".", Trm([givenName]))');
      editor.focus();
      editor.setPosition({ lineNumber: 1, column: 12 });
    });
    await page.waitForSelector("#editor .squiggly-error");
    await page.evaluate(() =>
      (
        window as unknown as { __provex: { editor: { trigger(s: string, a: string, o: object): void } } }
      ).__provex.editor.trigger("test", "editor.action.quickFix", {}),
    );
    const fix = page.locator(".action-widget .monaco-list-row", { hasText: "Change to Trim" });
    await fix.waitFor({ state: "visible" });
    // The label's text ends inside the widget, and is not cut with an ellipsis.
    const fits = await fix.evaluate((row) => {
      const title = row.querySelector(".title") ?? row;
      const range = document.createRange();
      range.selectNodeContents(title);
      const text = range.getBoundingClientRect();
      const widget = (row.closest(".action-widget") as HTMLElement).getBoundingClientRect();
      return { inside: text.right <= widget.right, ellipsis: getComputedStyle(title).textOverflow };
    });
    expect(fits).toEqual({ inside: true, ellipsis: "clip" });
    await screenshot("quick-fix-label");
    await page.keyboard.press("Escape");
    await page.evaluate(() => {
      const { editor } = (
        window as unknown as {
          __provex: {
            editor: {
              getModel(): { setValue(v: string): void };
              setPosition(p: object): void;
              trigger(s: string, a: string, o: object): void;
            };
          };
        }
      ).__provex;
      editor.getModel().setValue("Replace([givenName], , ");
      editor.setPosition({ lineNumber: 1, column: 24 });
      editor.trigger("test", "editor.action.triggerParameterHints", {});
    });
    await page.locator(".parameter-hints-widget").waitFor({ state: "visible" });
    await page.evaluate(() =>
      (
        window as unknown as { __provex: { editor: { trigger(s: string, a: string, o: object): void } } }
      ).__provex.editor.trigger("test", "editor.action.triggerSuggest", {}),
    );
    await page.locator(".suggest-widget .monaco-list-row").first().waitFor({ state: "visible" });
    await screenshot("completion-and-signature");
    // Wherever the two overlap, signature help is the one on top: every corner of it is itself.
    const covered = await page.locator(".parameter-hints-widget").evaluate((hints) => {
      const box = hints.getBoundingClientRect();
      const points = [
        [box.left + 4, box.top + 4],
        [box.right - 4, box.top + 4],
        [box.left + 4, box.bottom - 4],
        [box.right - 4, box.bottom - 4],
      ];
      return points.filter(([x, y]) => !hints.contains(document.elementFromPoint(x as number, y as number)))
        .length;
    });
    expect(covered).toBe(0);
    await page.close();
  });

  it("themes the changed-attribute labels in dark mode", async () => {
    const { page } = await session().open("", { colorScheme: "dark" });
    await loadSample(page);
    await selectUser(page, "José García Márquez");
    await page.waitForSelector("#user-detail .update-changes .changed-attribute");
    const colours = await page
      .locator("#user-detail .update-changes .changed-attribute")
      .first()
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return [style.backgroundColor, style.color];
      });
    expect(colours).toEqual(["rgb(59, 46, 0)", "rgb(242, 204, 96)"]);
    await waitUntilReady(page);
    await page.close();
  });
});
