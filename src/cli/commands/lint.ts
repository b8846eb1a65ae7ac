import { mkdirSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Dialect } from "../../checker/index.js";
import { FORMATTERS, type FormatterName, loadFormatter } from "../../lint/formatters/names.js";
import { countOf, type LintFileResult } from "../../lint/formatters/result.js";
import { type LintReport, lintAndFix, lintReport, lintRules } from "../../lint/lint.js";
import type { LintFinding } from "../../lint/types.js";
import { loadConfig } from "../../mapping/load-config.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { fileAccessError, writeTextFile } from "../files.js";
import { findLintInputs, type LintInput } from "../lint-files.js";
import { parseRuleOptions, readSourceSchema, SettingsFinder, type SourceSchema } from "../lint-settings.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex lint [files | folders | globs …] [options]

Checks mapping configurations without sample users: every expression, mapping and scoping
filter, by the rules of docs/lint-rules.md. With no argument, lints the configurations under
the current folder.

Which files: a file named on the command line is always linted. In a folder (searched
recursively, skipping node_modules, .git and whatever the .gitignore files ignore) or
through a glob ('configs/**/*.yaml', quoted so the shell leaves it alone), a file is linted
when it is a configuration: a .json file with a top-level "synchronizationRules" (an Entra
schema export), a file named *.provex.yaml, *.provex.yml or *.provex.json, a file naming
provex-config.schema.json, or a .yaml/.yml file whose top level has mappings: or objects:.

Options:
  -f, --format <name>     stylish (default): findings grouped by file;
                          json: ESLint's JSON formatter shape;
                          sarif: SARIF 2.1.0, for GitHub code scanning;
                          github: workflow commands that annotate a pull request
                          (the default when GITHUB_ACTIONS=true)
  -o, --output-file <path>
                          write the report to a file instead of standard output
  --fix                   apply the safe fixes and rewrite the files; only the fixed
                          characters change (comments, key order, indentation and line
                          endings stay as they are); the remaining findings are reported
  --fix-dry-run           work out the fixes without writing the files (json: "output")
  --rule <id:setting>     set a rule to off, warn or error (repeatable; wins over
                          provex.config.*)
  --dialect <name>        entra or provex: the expression dialect, instead of the
                          configuration's own
  --schema <file>         the source attributes: an Entra schema export (its directories),
                          a JSON list of names, or a text file with one name per line
  --quiet                 report errors only (warnings are not counted either)
  --max-warnings <n>      exit 1 when there are more than n warnings
  --no-inline-config      ignore # provex-disable… comments

Rule settings: a provex.config.json, provex.config.yaml or provex.config.yml in the file's
folder or a folder above it (the nearest counts): rules: { <id>: off | warn | error }.
In YAML, '# provex-disable-next-line <id>, <id>', '# provex-disable-line <id>' and
'# provex-disable <id>' … '# provex-enable <id>' hide findings (without ids: every rule);
a directive that hides nothing is reported (rule unused-disable-directive).

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage error,
unreadable path or nothing to lint.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: "string", short: "f" },
      "output-file": { type: "string", short: "o" },
      fix: { type: "boolean", default: false },
      "fix-dry-run": { type: "boolean", default: false },
      rule: { type: "string", multiple: true, default: [] },
      dialect: { type: "string" },
      schema: { type: "string" },
      quiet: { type: "boolean", default: false },
      "max-warnings": { type: "string" },
      "no-inline-config": { type: "boolean", default: false },
    });
    const format = formatOption(values.format);
    const maxWarnings = maxWarningsOption(values["max-warnings"]);
    const dialect = dialectOption(values.dialect);
    if (values.fix && values["fix-dry-run"]) throw new UsageError("Use --fix or --fix-dry-run, not both.");
    const ruleIds = lintRules.map((rule) => rule.meta.id);
    const overrides = parseRuleOptions(values.rule ?? [], ruleIds);
    const schema = values.schema === undefined ? undefined : readSourceSchema(values.schema);
    const cwd = process.cwd();
    const inputs = await findLintInputs(positionals, cwd);
    if (inputs.length === 0)
      throw new UsageError(
        `Nothing to lint: no mapping configuration found in ${positionals.length === 0 ? "the current folder" : positionals.join(", ")} (see --help for how files are recognised).`,
      );
    const finder = new SettingsFinder(ruleIds, cwd);
    const fixing = values.fix || values["fix-dry-run"];
    const inlineConfig = values["no-inline-config"] !== true;

    const results: LintFileResult[] = [];
    for (const input of inputs) {
      const rules = { ...(await finder.settingsFor(input.path)), ...overrides };
      const options = { rules, inlineConfig, ...(dialect ? { dialect } : {}) };
      const report = lintOne(input, options, schema, fixing, values.quiet === true);
      const output = "output" in report && report.output !== input.text ? report.output : undefined;
      if (values.fix && output !== undefined)
        writeTextFile(input.path, input.bom ? `\uFEFF${output}` : output);
      const keep = (finding: LintFinding) => !values.quiet || finding.severity === "error";
      results.push({
        filePath: input.path,
        relativePath: relative(cwd, input.path).split(sep).join("/"),
        text: report.text,
        findings: report.findings.filter(keep),
        suppressed: report.suppressed.filter(keep),
        ...(output !== undefined ? { output } : {}),
      });
    }

    // Only the chosen formatter is loaded (SARIF's rule descriptions and the others stay unread).
    const formatResults = await loadFormatter(format);
    const rendered = formatResults(results, {
      rules: lintRules,
      root: cwd,
      toolVersion: await version(),
      ...(values["output-file"] === undefined ? { colours: streams.colours.stdout } : {}),
    });
    if (values["output-file"] !== undefined) writeReport(resolve(cwd, values["output-file"]), rendered);
    else streams.stdout.write(rendered);

    const { errors, warnings } = countOf(results);
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      streams.stderr.write(`provex lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
      return 1;
    }
    return 0;
  },
};

function lintOne(
  input: LintInput,
  options: Parameters<typeof lintReport>[1] & object,
  schema: SourceSchema | undefined,
  fixing: boolean,
  quiet: boolean,
): LintReport & { output?: string } {
  const withSchema = (text: string) => (schema ? { ...options, schema: schema(loadConfig(text)) } : options);
  // --quiet with --fix fixes errors only, as ESLint does.
  const shouldFix = (finding: LintFinding) => !quiet || finding.severity === "error";
  if (fixing) return lintAndFix(input.text, withSchema(input.text), shouldFix);
  return lintReport(input.text, withSchema(input.text));
}

function formatOption(value: string | undefined): FormatterName {
  if (value === undefined) return process.env.GITHUB_ACTIONS === "true" ? "github" : "stylish";
  if ((FORMATTERS as readonly string[]).includes(value)) return value as FormatterName;
  throw new UsageError(`--format is ${FORMATTERS.join(", ")}; not ${JSON.stringify(value)}.`);
}

function maxWarningsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count))
    throw new UsageError(`--max-warnings takes a whole number of warnings, not ${JSON.stringify(value)}.`);
  return count;
}

function dialectOption(value: string | undefined): Dialect | undefined {
  if (value === undefined || value === "entra" || value === "provex") return value;
  throw new UsageError(`--dialect is entra or provex, not ${JSON.stringify(value)}.`);
}

/** The report file, in a folder created when missing (as ESLint's --output-file does). */
function writeReport(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw fileAccessError("write", path, error);
  }
  writeTextFile(path, text);
}

async function version(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  try {
    const manifest = new URL("../../../package.json", import.meta.url);
    return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}
