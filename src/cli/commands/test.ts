import { statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { glob } from "tinyglobby";
import { type Diagnostic, hasErrors } from "../../diagnostics/index.js";
import { loadConfig, parseTargetText, parseUsersText } from "../../mapping/index.js";
import {
  formatTestResults,
  parseTestFile,
  resolveTestSuite,
  runTests,
  TEST_FORMATS,
  type TestFile,
  type TestFormat,
  type TestResults,
  type TestSuite,
  updateSnapshots,
} from "../../review/index.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { fileAccessError, readTextFile, writeTextFile } from "../files.js";
import { withFileName } from "../input.js";
import { writeDiagnostics } from "../report.js";
import { parseInstant } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex test [files | folders | globs …] [options]

Runs expectation suites: files named *.provex-test.yaml (or .yml) that name a configuration,
an optional target directory and users file, and cases — a user (inline, or the objectId,
userPrincipalName, mailNickname or #n of a user in the users file, with 'with:' changes) and
what must hold: action, skipReason, scope (in/out), match (none or the target id), error
(a code or none), warnings (codes), and attributes (an exact value, { absent: true } or
{ pattern: <.NET regex> }) — what Entra would send: every attribute of a create, the changed
ones of an update. The format: schemas/provex-test.schema.json. With no argument, runs the
suites under the current folder (node_modules and .git skipped).

Options:
  -f, --format <name>     stylish (default): each case with file:line, failures with the
                          expected and the actual value; json; junit (JUnit XML for CI test
                          reports); github (workflow annotations; the default when
                          GITHUB_ACTIONS=true)
  -o, --output-file <path>
                          write the report to a file instead of standard output
  -u, --update            write the actual results into the cases that say snapshot: true
                          (their expect: is replaced; the rest of the file is kept as written)
  --show-redacted         compare and show the values that flow through Redact; by default
                          they are [Redact]

Exit codes: 0 every case passes, 1 a case fails, 2 usage error, a file that cannot be read,
an expectation file or configuration with errors, or nothing to test.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: "string", short: "f" },
      "output-file": { type: "string", short: "o" },
      update: { type: "boolean", short: "u", default: false },
      "show-redacted": { type: "boolean", default: false },
    });
    const format = formatOption(values.format);
    const cwd = process.cwd();
    const files = await findTestFiles(positionals, cwd);
    if (files.length === 0)
      throw new UsageError(
        `Nothing to test: no *.provex-test.yaml in ${positionals.length === 0 ? "the current folder" : positionals.join(", ")}.`,
      );
    const results: TestResults[] = [];
    let broken = false;
    for (const path of files) {
      const name = relative(cwd, path).split(sep).join("/") || path;
      let loaded = loadSuite(path, name, streams);
      if (!loaded) {
        broken = true;
        continue;
      }
      let result = runTests(loaded.suite, { showRedacted: values["show-redacted"] });
      if (values.update) {
        const update = updateSnapshots(loaded.text, result);
        for (const skipped of update.skipped)
          streams.stderr.write(
            `provex test: ${name}: case ${JSON.stringify(skipped)} is a flow mapping ({ … }); write it as a block to snapshot it.\n`,
          );
        if (update.text !== loaded.text) {
          writeTextFile(path, update.text);
          streams.stderr.write(
            `provex test: ${name}: wrote ${update.updated} snapshot${update.updated === 1 ? "" : "s"}.\n`,
          );
          loaded = loadSuite(path, name, streams);
          if (!loaded) {
            broken = true;
            continue;
          }
          result = runTests(loaded.suite, { showRedacted: values["show-redacted"] });
        }
      }
      results.push(result);
    }
    const report = formatTestResults(format, results, {
      ...(values["output-file"] === undefined ? { colours: streams.colours.stdout } : {}),
    });
    if (values["output-file"] !== undefined) writeTextFile(resolve(cwd, values["output-file"]), report);
    else streams.stdout.write(report);
    if (broken) return 2;
    return results.some((result) => result.failed > 0) ? 1 : 0;
  },
};

function formatOption(value: string | undefined): TestFormat {
  if (value === undefined) return process.env.GITHUB_ACTIONS === "true" ? "github" : "stylish";
  if ((TEST_FORMATS as readonly string[]).includes(value)) return value as TestFormat;
  throw new UsageError(`--format is ${TEST_FORMATS.join(", ")}; not ${JSON.stringify(value.slice(0, 40))}.`);
}

const PATTERN = "**/*.provex-test.{yaml,yml}";
const IGNORE = ["**/node_modules/**", "**/.git/**"];

/** The expectation files: files as given, folders searched, globs expanded; sorted, each once. */
async function findTestFiles(inputs: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs.length === 0 ? ["."] : inputs) {
    const path = resolve(cwd, input);
    let kind: "file" | "folder" | "missing" = "missing";
    try {
      kind = statSync(path).isDirectory() ? "folder" : "file";
    } catch (error) {
      if (!/[*?{[]/.test(input)) throw fileAccessError("read", input, error);
    }
    if (kind === "file") found.add(path);
    else {
      const matches = await glob(kind === "folder" ? [PATTERN] : [input], {
        cwd: kind === "folder" ? path : cwd,
        ignore: IGNORE,
        absolute: true,
        dot: false,
      });
      for (const match of matches) found.add(resolve(match));
      if (kind === "folder" && matches.length === 0 && inputs.length > 0)
        throw new UsageError(`Nothing to test in ${input}: no *.provex-test.yaml there.`);
    }
  }
  return [...found].sort();
}

/** Reads an expectation file and the files it names; prints every problem and gives undefined on errors. */
function loadSuite(
  path: string,
  name: string,
  streams: Streams,
): { suite: TestSuite; text: string } | undefined {
  const text = readTextFile(path);
  const { file, diagnostics } = parseTestFile(text);
  if (!report(streams, text, name, diagnostics)) return undefined;
  const folder = dirname(path);
  const at = (relativePath: string) => resolve(folder, relativePath);
  const shown = (relativePath: string) => relative(process.cwd(), at(relativePath)).split(sep).join("/");
  if (file.config === undefined) return undefined;
  const configText = readTextFile(at(file.config));
  const config = loadConfig(configText);
  if (!report(streams, configText, shown(file.config), config.diagnostics)) return undefined;
  const target = read(file, "target", (t) =>
    withFileName(shown(t), () => parseTargetText(readTextFile(at(t)))),
  );
  const users = read(file, "users", (u) => withFileName(shown(u), () => parseUsersText(readTextFile(at(u)))));
  const now =
    file.now === undefined ? undefined : withFileName(name, () => parseInstant(file.now as string, "now:"));
  const resolved = resolveTestSuite(file, {
    name,
    config,
    ...(target ? { target } : {}),
    ...(users ? { users } : {}),
    ...(now ? { now } : {}),
  });
  if (!report(streams, text, name, resolved.diagnostics)) return undefined;
  return { suite: resolved.suite, text };
}

function read<T>(file: TestFile, key: "target" | "users", load: (path: string) => T): T | undefined {
  const path = file[key];
  return path === undefined ? undefined : load(path);
}

/** Prints diagnostics; true when none is an error. */
function report(streams: Streams, text: string, name: string, diagnostics: readonly Diagnostic[]): boolean {
  writeDiagnostics(streams, text, name, diagnostics);
  return !hasErrors(diagnostics);
}
