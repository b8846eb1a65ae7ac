import { hasErrors } from "../../diagnostics/index.js";
import { loadConfig, type MappingConfig, parseTargetText } from "../../mapping/index.js";
import {
  createDiffer,
  formatDiffSummaryText,
  formatUserDiffText,
  MarkdownDiff,
  MIN_MARKDOWN_LENGTH,
  type UserDiff,
} from "../../review/index.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { defaultDomainOption } from "../default-domain.js";
import { type ConfigSource, fileAtRevision, gitShow, revisionArgument } from "../git-file.js";
import { atMostOneStdin, readInputText, withFileName } from "../input.js";
import { OutputBatch } from "../preview-output.js";
import { writeDiagnostics } from "../report.js";
import { parseInstant } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";
import { openUsers, USERS_FORMATS, type UsersFormat } from "../users-input.js";

const FORMATS = ["text", "json", "markdown"] as const;
type DiffFormat = (typeof FORMATS)[number];

export const command: Command = {
  help: `Usage: provex diff OLD NEW --users <file|-> [--target <file>] [options]
       provex diff --base <rev> CONFIG --users <file|-> [--target <file>] [options]

Runs both configurations over the same users and target directory, with one clock and seed,
and reports what changes for whom: per user, scope entered or left, the action before and
after (Create → Skip, Update → Error, …), the matched object, each target attribute whose
exported value changes (old → new, added and removed attributes included), and errors and
warnings that appear or vanish; then a summary. Users whose result is identical are counted,
not listed. What is compared is what Entra would send: every attribute of a create, the
attributes an update changes.

OLD and NEW are files ('-' for standard input), or git revisions of a file: 'REV:path' (the
path relative to the repository root, or ./path relative to the current folder), or
--base REV with one file, which reads the file's old version through 'git show REV:path'
(no checkout of the base branch is needed).

Options:
  --users <file|->        the sample users: a JSON array, JSON Lines (streamed in constant
                          memory) or CSV with a header row
  --users-format <name>   json, jsonl or csv (default: from the extension; on standard
                          input, from the first character)
  --target <file>         the target app's users before the run (a JSON array of SCIM
                          resources; default: an empty directory)
  --base <rev>            compare CONFIG with its version at this git revision
  -f, --format <name>     text (the default; coloured on a terminal), json (one document:
                          schemas/provex-diff.schema.json) or markdown (a pull-request
                          comment, under GitHub's 65,536-character limit)
  --exit-code             exit 1 when any user changes (like git diff --exit-code)
  --now <iso>             the instant Now() returns on both sides (default: the real
                          clock, read once)
  --seed <n>              Guid() and RandomString() are reproducible per user (default 0)
  --default-domain <domain>
                          what DefaultDomain() returns on both sides
  --show-redacted         show the values that flow through Redact; by default every
                          output shows [Redact] in their place
  --max-length <n>        markdown: the longest comment to write, in characters, 2048 or
                          more (default 65024: GitHub's limit of 65536 less room for a
                          marker); users that do not fit are counted, not shown

Exit codes: 0 compared (with --exit-code: and nothing changes), 1 with --exit-code: some user
changes, 2 usage error, a file or revision that cannot be read, or a configuration with
errors.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      users: { type: "string" },
      "users-format": { type: "string" },
      target: { type: "string" },
      base: { type: "string" },
      format: { type: "string", short: "f" },
      "exit-code": { type: "boolean", default: false },
      now: { type: "string" },
      seed: { type: "string" },
      "default-domain": { type: "string" },
      "show-redacted": { type: "boolean", default: false },
      "max-length": { type: "string" },
    });
    const format = formatOption(values.format);
    const maxLength = maxLengthOption(values["max-length"]);
    const [oldSource, newSource] = await sources(positionals, values.base);
    if (values.users === undefined) throw new UsageError("--users <file> is required.");
    const usersFormat = values["users-format"];
    if (usersFormat !== undefined && !(USERS_FORMATS as readonly string[]).includes(usersFormat))
      throw new UsageError(`--users-format is json, jsonl or csv, not ${JSON.stringify(usersFormat)}.`);
    const now = values.now === undefined ? new Date() : parseInstant(values.now, "--now");
    const seed = seedOption(values.seed);
    const context = { now, ...defaultDomainOption(values["default-domain"]) };
    atMostOneStdin({
      OLD: oldSource.path,
      NEW: newSource.path,
      "--users": values.users,
      "--target": values.target,
    });

    const oldConfig = await readConfig(oldSource, streams);
    const newConfig = await readConfig(newSource, streams);
    if (!oldConfig || !newConfig) return 2;
    const target = values.target === undefined ? [] : await readTarget(values.target, streams);
    const users = await openUsers(values.users, usersFormat as UsersFormat | undefined, streams.stdin);
    const differ = createDiffer(
      oldConfig,
      newConfig,
      { target, context, seed, showRedacted: values["show-redacted"] },
      users.all,
    );
    for (const [side, source] of [
      ["old", oldSource],
      ["new", newSource],
    ] as const) {
      const problem = differ.problems?.[side];
      if (problem) streams.stderr.write(`provex diff: ${source.name}: ${problem}\n`);
    }

    const output = new OutputBatch(streams.stdout);
    const write = async (text: string) => {
      if (output.add(text) && output.flush() === false) await drained(streams.stdout);
    };
    const markdown =
      format === "markdown"
        ? new MarkdownDiff({ oldName: oldSource.name, newName: newSource.name, maxLength })
        : undefined;
    const colours = streams.colours.stdout;
    if (format === "json")
      await write(
        `{\n"version": 1,\n"old": ${JSON.stringify(oldSource.name)},\n"new": ${JSON.stringify(newSource.name)},\n"users": [`,
      );
    let index = 0;
    let listed = 0;
    for await (const batch of users.batches) {
      for (const record of batch) {
        // A line of JSON Lines that is not a user is previewed as what it is: not an object.
        const user = "user" in record ? record.user : undefined;
        const diff = differ.diffUser(user, index++);
        if (!diff) continue;
        if (markdown) markdown.add(diff);
        else if (format === "json") await write(`${listed === 0 ? "\n" : ",\n"}${jsonLine(diff)}`);
        else await write(`${formatUserDiffText(diff, colours)}\n`);
        listed++;
      }
    }
    const summary = differ.summary();
    if (markdown) await write(markdown.finish(summary));
    else if (format === "json") {
      const problems = differ.problems ? `,\n"problems": ${JSON.stringify(differ.problems)}` : "";
      await write(`${listed === 0 ? "" : "\n"}],\n"summary": ${JSON.stringify(summary)}${problems}\n}\n`);
    } else await write(formatDiffSummaryText(summary, colours));
    if (output.flush() === false) await drained(streams.stdout);
    return values["exit-code"] && summary.changed > 0 ? 1 : 0;
  },
};

function formatOption(value: string | undefined): DiffFormat {
  if (value === undefined) return "text";
  if ((FORMATS as readonly string[]).includes(value)) return value as DiffFormat;
  throw new UsageError(`--format is text, json or markdown, not ${JSON.stringify(value.slice(0, 40))}.`);
}

function maxLengthOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < MIN_MARKDOWN_LENGTH)
    throw new UsageError(
      `--max-length takes a number of characters, ${MIN_MARKDOWN_LENGTH} or more, not ${JSON.stringify(value.slice(0, 40))}.`,
    );
  return Number(value);
}

function seedOption(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^-?\d{1,30}$/.test(value))
    throw new UsageError(
      `--seed takes a whole number (at most 30 digits), not ${JSON.stringify(value.slice(0, 40))}`,
    );
  return Number(BigInt.asUintN(32, BigInt(value)));
}

/** The two configurations, from OLD NEW, REV:path arguments or --base REV CONFIG. */
async function sources(
  positionals: readonly string[],
  base: string | undefined,
): Promise<[ConfigSource, ConfigSource]> {
  const cwd = process.cwd();
  if (base !== undefined) {
    if (positionals.length !== 1)
      throw new UsageError(
        `--base takes one configuration file (its old version is read from git), not ${positionals.length}.`,
      );
    const file = positionals[0] as string;
    if (file === "-")
      throw new UsageError("--base needs the configuration as a file in a git repository, not '-'.");
    return [await fileAtRevision(base, file, cwd), fileSource(file)];
  }
  if (positionals.length !== 2)
    throw new UsageError(
      positionals.length < 2
        ? "give the old and the new configuration (files or REV:path), or --base <rev> and one file."
        : `Unexpected argument ${JSON.stringify(positionals[2]?.slice(0, 80))}: give two configurations.`,
    );
  const source = (argument: string): ConfigSource => {
    const revision = argument === "-" ? undefined : revisionArgument(argument);
    if (!revision) return fileSource(argument);
    return { name: argument, text: () => gitShow(revision.revision, revision.path, cwd) };
  };
  return [source(positionals[0] as string), source(positionals[1] as string)];
}

function fileSource(path: string): ConfigSource {
  return { name: path === "-" ? "<stdin>" : path, path, text: () => Promise.reject() };
}

async function readConfig(source: ConfigSource, streams: Streams): Promise<MappingConfig | undefined> {
  const text =
    source.path !== undefined ? await readInputText(source.path, streams.stdin) : await source.text();
  const config = loadConfig(text);
  writeDiagnostics(streams, text, source.name, config.diagnostics);
  if (!hasErrors(config.diagnostics)) return config;
  streams.stderr.write(
    `provex diff: ${source.name} has errors; fix them first (provex lint shows them all).\n`,
  );
  return undefined;
}

async function readTarget(path: string, streams: Streams): Promise<unknown[]> {
  const text = await readInputText(path, streams.stdin);
  return withFileName(path, () => parseTargetText(text));
}

/** One user of the JSON document, on one line; a value too large to write is that user's note. */
function jsonLine(diff: UserDiff): string {
  try {
    return JSON.stringify(diff, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return JSON.stringify({ ...diff, attributes: [], note: "this user's values are too large to write" });
  }
}

function drained(stream: Streams["stdout"]): Promise<void> {
  const once = (stream as { once?: (event: string, listener: () => void) => unknown }).once;
  if (typeof once !== "function") return Promise.resolve();
  return new Promise((resolve) => once.call(stream, "drain", () => resolve()));
}
