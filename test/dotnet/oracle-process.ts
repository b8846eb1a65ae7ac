/**
 * Runs the C# oracle (test/dotnet-oracle/Oracle.cs) under Mono: compiles it once into a temporary
 * directory and answers batches of cases through one process per batch. See Oracle.cs for the line format.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SOURCE = resolve(import.meta.dirname, "../dotnet-oracle/Oracle.cs");

/** True when `mcs` and `mono` can be started. */
export function monoAvailable(): boolean {
  const found = (command: string) =>
    spawnSync(command, ["--version"], { stdio: "ignore" }).error === undefined;
  return found("mcs") && found("mono");
}

let compiled: string | undefined;

/** Compiles the oracle (once per process) and returns the path of oracle.exe. */
export function compileOracle(): string {
  if (compiled !== undefined) return compiled;
  const directory = mkdtempSync(join(tmpdir(), "provex-oracle-"));
  const exe = join(directory, "oracle.exe");
  execFileSync("mcs", ["-nologo", "-optimize", `-out:${exe}`, SOURCE], { stdio: "pipe" });
  compiled = exe;
  return exe;
}

/** Escapes one field as Oracle.cs reads it: `\\ \t \n \r`, and `\uXXXX` outside printable ASCII. */
export function escapeField(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) out += "\\\\";
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += text[i];
  }
  return out;
}

export function unescapeField(text: string): string {
  return text.replace(/\\u([0-9A-F]{4})|\\(.)/g, (_, hex: string | undefined, ch: string) => {
    if (hex !== undefined) return String.fromCharCode(Number.parseInt(hex, 16));
    return ch === "t" ? "\t" : ch === "n" ? "\n" : ch === "r" ? "\r" : ch;
  });
}

/**
 * Sends every case (an operation name and its fields) in one batch and returns the oracle's answers,
 * each as `ok<TAB>…` with fields unescaped, or `err`.
 */
export function askOracle(cases: readonly (readonly string[])[]): string[] {
  if (cases.length === 0) return [];
  const exe = compileOracle();
  const input = `${cases.map((fields) => fields.map(escapeField).join("\t")).join("\n")}\n`;
  const result = spawnSync("mono", [exe], {
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // The oracle must see the server's time zone (UTC) and the invariant culture by default.
    env: { ...process.env, TZ: "UTC", LANG: "C", LC_ALL: "C" },
  });
  if (result.status !== 0) throw new Error(`the .NET oracle failed: ${result.stderr}`);
  const lines = result.stdout.split("\n").slice(0, cases.length);
  if (lines.length !== cases.length)
    throw new Error(`the oracle answered ${lines.length} of ${cases.length} cases`);
  return lines.map((line) => {
    const [status, ...fields] = line.split("\t");
    return status === "ok" ? ["ok", ...fields.map(unescapeField)].join("\t") : "err";
  });
}
