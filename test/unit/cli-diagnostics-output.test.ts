import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CODE_FRAME_WIDTH,
  codeFrame,
  DEFAULT_MAX_DIAGNOSTICS,
  grouped,
  palette,
  writeDiagnostics,
} from "../../src/cli/report.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { runCli } from "../helpers/cli.js";
import { randomBytes } from "../helpers/random-bytes.js";

const directory = mkdtempSync(join(tmpdir(), "provex-report-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};

const headers = (stderr: string) =>
  stderr.split("\n").filter((line) => /^\S+:\d+:\d+ (error|warning|info) /.test(line));

describe("printing many diagnostics", () => {
  it("prints the first 50 of a megabyte of random bytes, then counts the rest", async () => {
    const path = file("random.bin", randomBytes(1_000_000));
    const run = await runCli(["eval", "--file", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(headers(run.stderr)).toHaveLength(DEFAULT_MAX_DIAGNOSTICS);
    const summary = run.stderr.trimEnd().split("\n").at(-1)!;
    expect(summary).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: … and [\\d,]+ more \\([\\d,]+ errors.*\\); --max-diagnostics <n> or all shows more$`,
      ),
    );
    // The whole report stays small: the issue measured 75 MB here.
    expect(run.stderr.length).toBeLessThan(100_000);
    expect(run.stderr).not.toContain("internal error");
  }, 60_000);

  it("--max-diagnostics raises or lowers the cap; all prints every one", async () => {
    // 300 missing commas, one per line (lines 2 to 301).
    const path = file("many.txt", `Join(","${",\n[a] [b]".repeat(300)})`);
    const three = await runCli(["parse", "--max-diagnostics", "3", "--file", path]);
    expect(headers(three.stderr)).toHaveLength(3);
    expect(three.stderr).toContain(": … and 297 more (297 errors);");
    const all = await runCli(["parse", "--file", path, "--max-diagnostics=all"]);
    const allHeaders = headers(all.stderr);
    expect(allHeaders).toHaveLength(300);
    expect(allHeaders[299]).toMatch(/:301:5 error .*\[missing-comma\]$/);
    expect(all.stderr).not.toContain("more (");
    const bad = await runCli(["parse", "--max-diagnostics", "many", "[a]"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^provex: --max-diagnostics takes a positive whole number or all, not "many"\n/,
    );
  });

  it("reports a 1 MB configuration with 40,000 errors in 50 diagnostics and one count", async () => {
    const mappings = Array.from(
      { length: 20_000 },
      (_, i) => `  - { target: a${i}, expression: 'Left([b] [c], 1)' }`,
    );
    const path = file("big.provex.yaml", `mappings:\n${mappings.join("\n")}\n`);
    const run = await runCli(["convert", "--to", "entra", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const shown = headers(run.stderr);
    expect(shown).toHaveLength(DEFAULT_MAX_DIAGNOSTICS);
    expect(shown[0]).toMatch(/big\.provex\.yaml:2:41 error a0: .*\[missing-comma\]$/);
    expect(run.stderr).toMatch(/big\.provex\.yaml: … and 39,950 more \(39,950 errors\)/);
    expect(run.stderr.length).toBeLessThan(50_000);
  }, 60_000);

  it("prints 20,000 diagnostics of a 1 MB text in one pass over the text (linear, not quadratic)", () => {
    // One line index for the text: with one per diagnostic this would take minutes.
    const line = `${"x".repeat(49)}\n`;
    const text = line.repeat(20_000);
    const diagnostics: Diagnostic[] = Array.from({ length: 20_000 }, (_, i) => ({
      code: "c",
      severity: i % 2 ? "warning" : "error",
      message: "m",
      span: { start: i * 50 + 3, end: i * 50 + 5 },
    }));
    let stderr = "";
    let writes = 0;
    const write = (t: string) => {
      stderr += t;
      writes++;
    };
    writeDiagnostics(
      {
        stderr: { write },
        colours: { stdout: palette(false), stderr: palette(false) },
        maxDiagnostics: Number.POSITIVE_INFINITY,
      },
      text,
      "big.txt",
      diagnostics,
    );
    const lines = stderr.split("\n");
    expect(lines[0]).toBe("big.txt:1:4 error m [c]");
    expect(lines[3]).toBe("big.txt:2:4 warning m [c]");
    expect(lines[3 * 19_999]).toBe("big.txt:20000:4 warning m [c]");
    expect(lines[3 * 19_999 + 2]).toBe("      |    ^^");
    // Batched: far fewer writes than diagnostics.
    expect(writes).toBe(200);
  });

  it("counts the rest by severity, with thousands separators", () => {
    let stderr = "";
    const diagnostics: Diagnostic[] = Array.from({ length: 20_000 }, (_, i) => ({
      code: "c",
      severity: i < 19_000 ? "error" : "warning",
      message: "m",
      span: { start: 0, end: 1 },
    }));
    writeDiagnostics(
      {
        stderr: { write: (t: string) => (stderr += t) },
        colours: { stdout: palette(false), stderr: palette(false) },
        maxDiagnostics: 50,
      },
      "x",
      "f",
      diagnostics,
    );
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(
      "f: … and 19,950 more (18,950 errors, 1,000 warnings); --max-diagnostics <n> or all shows more",
    );
    expect(grouped(1234567)).toBe("1,234,567");
  });
});

describe("code frames of long lines", () => {
  it("shows a window around the caret, marked with … on each cut side", async () => {
    const text = `${"[a], ".repeat(20_000)}Left([a] [b])${", [c]".repeat(20_000)}`;
    const run = await runCli(["parse", `Join(",", ${text})`]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    const at = lines.findIndex((line) => line.includes("[missing-comma]"));
    const [header, frame, caret] = lines.slice(at, at + 3);
    expect(header).toMatch(/^<expression>:1:100020 error .*\[missing-comma\]$/);
    expect(frame!.length).toBeLessThan(CODE_FRAME_WIDTH + 20);
    expect(frame).toMatch(/^1 \| ….*Left\(\[a\] \[b\]\), \[c\].*…$/);
    // The caret stands under "[b]".
    const column = caret!.indexOf("^");
    expect(frame!.slice(column, column + 3)).toBe("[b]");
    expect(caret!.slice(column)).toBe("^^^");
  });

  it("keeps short lines whole and never cuts a surrogate pair", () => {
    expect(codeFrame("Left([a], 1)", 5, 8)).toEqual({ line: "Left([a], 1)", caretStart: 5, caretWidth: 3 });
    const emoji = "😀".repeat(200);
    // Spans start and end between characters; the window's edges may fall anywhere.
    for (let at = 0; at < 400; at += 38) {
      const { line } = codeFrame(emoji, at, at + 2);
      expect(line.replace(/…/g, ""), `at ${at}`).toMatch(/^(?:😀)+$/u);
    }
  });

  it("escapes control, format and bidi characters in the frame and the message", () => {
    const { line, caretStart } = codeFrame("a\u0000\u202E\u200B\u2028b", 5, 6);
    expect(line).toBe("a\\u0000\\u202e\\u200b\\u2028b");
    expect(line.slice(caretStart)).toBe("b");
  });

  it("cuts a message that quotes a megabyte of input", async () => {
    const run = await runCli(["parse", `"${"x".repeat(2000)}" "${"y".repeat(1_000_000)}`]);
    expect(run.code).toBe(1);
    for (const line of run.stderr.split("\n")) expect(line.length).toBeLessThan(1000);
  });
});
