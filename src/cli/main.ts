#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command, Streams } from "./command.js";
import { convertCommand } from "./commands/convert.js";
import { evalCommand } from "./commands/eval.js";
import { fmtCommand } from "./commands/fmt.js";
import { parseCommand } from "./commands/parse.js";
import { previewCommand } from "./commands/preview.js";
import { palette } from "./report.js";
import { UsageError } from "./usage-error.js";

const commands: readonly Command[] = [convertCommand, evalCommand, fmtCommand, parseCommand, previewCommand];

const overview = `Usage: provex <command> [options]

Tools for the attribute-mapping expression language of Microsoft Entra ID provisioning.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join("\n")}

Run 'provex <command> --help' for a command's options.`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    streams.stdout.write(`${overview}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    streams.stdout.write(`${await version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    streams.stderr.write(`provex: unknown command '${name}'.\n\n${overview}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    streams.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, streams);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      streams.stderr.write(`provex ${command.name}: ${(error as Error).message}\n\n${command.help}\n`);
      return 2;
    }
    streams.stderr.write(
      `provex ${command.name}: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 70;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

async function version(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const manifest = new URL("../../package.json", import.meta.url);
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}

/** True when this module is the program being run (also through npm's bin symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const streams: Streams = {
    stdout: process.stdout,
    stderr: process.stderr,
    colours: palette(process.stderr),
  };
  main(process.argv.slice(2), streams).then((code) => {
    process.exitCode = code;
  });
}
