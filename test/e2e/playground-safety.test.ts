import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "./browser.js";
import { busiestMainThread, busyWorkers, traceThreads } from "./main-thread-trace.js";
import {
  fillAttributes,
  resultCount,
  setExpression,
  usePlayground,
  waitForResult,
} from "./playground-session.js";

const PAYLOAD = "<img src=x onerror=alert(1)>";

describe.runIf(chromiumAvailable())("playground: safety", () => {
  const session = usePlayground();

  it("renders a user's HTML-looking value as text and runs nothing", async () => {
    const { page, dialogs, screenshot } = await session().open();
    await fillAttributes(page, JSON.stringify({ displayName: PAYLOAD }));
    const before = await resultCount(page);
    await setExpression(page, "[displayName]");
    await waitForResult(page, before);
    await page.waitForFunction((text) => document.querySelector("#value")?.textContent === text, PAYLOAD);
    // Multi-valued values and error messages carry user data too.
    const listed = await resultCount(page);
    await setExpression(page, 'Split(Join(",", [displayName], [displayName]), ",")');
    await waitForResult(page, listed);
    expect(await page.$$eval("#value li", (items) => items.map((item) => item.textContent))).toEqual([
      PAYLOAD,
      PAYLOAD,
    ]);
    const failing = await resultCount(page);
    await setExpression(page, "Error([displayName])");
    await waitForResult(page, failing);
    expect(await page.textContent("#value")).toContain(PAYLOAD);
    await screenshot("html-as-text");
    expect(await page.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("declares a Content-Security-Policy without unsafe-eval", async () => {
    const { page } = await session().open();
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-eval");
    // The policy is in force: code from strings and inline scripts are refused and reported.
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        violations.push(event.violatedDirective),
      );
      const flags = window as unknown as { fromString?: boolean; fromInline?: boolean };
      // A string handler is code from a string, which the policy must refuse like eval.
      const handler = "window.fromString = true" as unknown as () => void;
      setTimeout(handler, 0);
      const script = document.createElement("script");
      script.textContent = "window.fromInline = true";
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 200));
      return { fromString: flags.fromString ?? false, fromInline: flags.fromInline ?? false, violations };
    });
    expect(outcome.fromString).toBe(false);
    expect(outcome.fromInline).toBe(false);
    expect(outcome.violations.length).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it("stops a runaway evaluation after the timeout, keeps the page responsive, and recovers", async () => {
    const { page, screenshot } = await session().open();
    // A large multi-valued attribute split and re-joined 30 times: tens of seconds of work.
    await page.evaluate(() => {
      const input = document.querySelector("#attributes") as HTMLTextAreaElement;
      input.value = JSON.stringify({ x: "ab,".repeat(300_000) });
    });
    let expression = 'Split([x], ",")';
    for (let level = 0; level < 30; level++) expression = `Split(Join(",", ${expression}, [x]), ",")`;
    const before = await resultCount(page);
    // The page stays responsive while the worker is busy: through the whole runaway (until the page
    // stops it), no task of the page's main thread runs 100 ms of CPU (Chrome's trace: CPU time, which
    // a loaded machine does not inflate the way it does wall-clock time). An evaluation on the page's
    // thread would be one task of seconds.
    const threads = await traceThreads(page, async () => {
      await setExpression(page, expression);
      await waitForResult(page, before);
    });
    expect(busiestMainThread(threads)?.longestTaskCpuMs).toBeLessThan(100);
    expect(await page.textContent("#value-kind")).toBe("stopped");
    expect(await page.textContent("#value")).toContain("Evaluation stopped after 2 s");
    await screenshot("runaway-stopped");
    // A fresh worker evaluates the next expression.
    const recovered = await resultCount(page);
    await setExpression(page, 'Left("recovered!", 9)');
    await waitForResult(page, recovered);
    expect(await page.textContent("#value")).toBe("recovered");
    await page.close();
  });

  it("answers a catastrophic regular expression at once, without freezing the page", async () => {
    const { page, screenshot } = await session().open();
    await fillAttributes(page, JSON.stringify({ x: `${"a".repeat(5000)}!` }));
    const before = await resultCount(page);
    const threads = await traceThreads(page, async () => {
      await setExpression(page, 'Replace([x], , "(a+)+$", , "b", , )');
      await waitForResult(page, before);
    });
    // Neither the worker (re2js is linear) nor the page ran long.
    expect(busiestMainThread(threads)?.longestTaskCpuMs).toBeLessThan(100);
    expect(busyWorkers(threads)[0]?.longestTaskCpuMs ?? 0).toBeLessThan(1000);
    // re2js runs in linear time: no match (the text ends with "!"), so the text comes back unchanged.
    expect(await page.textContent("#value-kind")).toBe("string");
    expect(await page.textContent("#value")).toBe(`${"a".repeat(5000)}!`);
    await screenshot("catastrophic-regex");
    await page.close();
  });
});
