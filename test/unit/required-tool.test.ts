import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CHROMIUM } from "../e2e/browser.js";
import { requireTool } from "../helpers/required-tool.js";

const tool = { name: "frobnicator", install: "apt-get install -y frobnicator" };
const ciRun = readFileSync(new URL("../../.ci/run", import.meta.url), "utf8");

describe("the guard of the tests that need a tool from the machine", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("lets the tests run when the tool is there, on CI or not", () => {
    vi.stubEnv("CI", "1");
    expect(requireTool({ ...tool, found: true })).toBe(true);
  });

  it("fails the run on CI when the tool is missing, saying how to install it", () => {
    vi.stubEnv("CI", "1");
    expect(() => requireTool({ ...tool, found: false })).toThrow(
      "frobnicator is missing on CI: apt-get install -y frobnicator",
    );
  });

  it("skips loudly off CI", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(requireTool({ ...tool, found: false })).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("frobnicator not found"));
    warn.mockRestore();
  });

  it(".ci/run sets CI itself, before the tests, and looks for Chromium where the browser tests do", () => {
    const exported = ciRun.search(/^export CI=1$/m);
    expect(exported).toBeGreaterThan(-1);
    expect(exported).toBeLessThan(ciRun.search(/^npm test$/m));
    expect(ciRun).toContain(`[ ! -x ${CHROMIUM} ]`);
  });
});
