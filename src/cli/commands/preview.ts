import { hasErrors } from "../../diagnostics/index.js";
import { createPreviewer, loadConfig, parseTargetText, type UserPreview } from "../../mapping/index.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { defaultDomainOption } from "../default-domain.js";
import { atMostOneStdin, readInputText, withFileName } from "../input.js";
import { OutputBatch, type PreviewFormat, serializeResult } from "../preview-output.js";
import { PreviewTally, ProgressBar } from "../preview-report.js";
import { writeDiagnostics } from "../report.js";
import { reproducibleContext } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";
import { openUsers, USERS_FORMATS, type UserRecord, type UsersFormat } from "../users-input.js";

/** Inputs longer than this get a progress bar when stderr is a terminal. */
const LONG_INPUT_USERS = 500;
const LONG_INPUT_BYTES = 512 * 1024;

export const command: Command = {
  help: `Usage: provex preview --config <file> --users <file|-> [--target <file>]
                      [--format text|json|jsonl] [--details] [--users-format json|jsonl|csv]
                      [--show-redacted] [--target-kind scim|attributes] [--now <iso>] [--seed <n>]
                      [--default-domain <domain>]

For each user, in order, shows the steps Entra's provision on demand shows — Import, Scope,
Match, Action — with the action (Create, Update, Skip, Disable or Error), what Entra would send
and warnings per attribute. A SCIM app gets its SCIM request (POST /Users or PATCH /Users/{id});
any other app (salesforce.com, an on-premises LDAP or ECMA app) the attribute changes Entra
would export, labelled as such.

  --config <file>   the mapping configuration: Entra's exported synchronizationSchema JSON,
                    or the provex format (YAML or JSON); '-' for standard input
  --users <file|->  the source users ('-' for standard input): a JSON array of attribute
                    objects, JSON Lines (streamed in constant memory) or CSV with a header row
  --users-format <name>
                    json, jsonl or csv; default: from the file's extension (.jsonl/.ndjson,
                    .csv, else json); on standard input, from its first character ([ json,
                    { jsonl, else csv)
  --target <file>   the target app's users before the run: a JSON array of SCIM resources
                    (default: an empty directory, so every user in scope is created);
                    '-' for standard input
  --format <name>   text (default): one block per user with every step; json: one JSON array;
                    jsonl: one JSON result per line
  --details         json and jsonl: add each user's steps with their details (Import, Scope,
                    Match, Action). Without it a record holds index, id, displayName, action,
                    skipReason or error, summary, match, requests (or attributeChanges) and
                    warnings
  --show-redacted   show the values that flow through Redact; by default every output shows
                    [Redact] in their place
  --target-kind <kind>
                    scim or attributes: how to show what Entra sends, when the configuration
                    is recognised wrongly (default: recognised from the export)
  --now <iso>       the instant Now() returns, in ISO 8601 (2025-01-31T09:00:00Z, …+02:00);
                    without an offset it is UTC (default: the real clock)
  --seed <n>        make Guid() and RandomString() reproducible
  --default-domain <domain>
                    the tenant's default verified domain, which DefaultDomain() returns
                    (e.g. contoso.com; without it DefaultDomain() fails: that user's Error
                    default-domain-missing)

A user whose values are too large to preview (past 1,048,576 characters, or a JSON Lines line
over 16 MiB) is that user's Error value-too-large; the others go on.

Exit codes: 0 every user previewed, 1 some user failed (action Error) or the configuration has
errors or no user object mapping, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      config: { type: "string" },
      users: { type: "string" },
      "users-format": { type: "string" },
      target: { type: "string" },
      format: { type: "string", default: "text" },
      details: { type: "boolean", default: false },
      "show-redacted": { type: "boolean", default: false },
      "target-kind": { type: "string" },
      now: { type: "string" },
      seed: { type: "string" },
      "default-domain": { type: "string" },
    });
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument ${JSON.stringify(positionals[0])}.`);
    if (values.config === undefined) throw new UsageError("--config <file> is required.");
    if (values.users === undefined) throw new UsageError("--users <file> is required.");
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json" && format !== "jsonl")
      throw new UsageError(`--format is text, json or jsonl, not ${JSON.stringify(format)}.`);
    const usersFormat = values["users-format"];
    if (usersFormat !== undefined && !(USERS_FORMATS as readonly string[]).includes(usersFormat))
      throw new UsageError(`--users-format is json, jsonl or csv, not ${JSON.stringify(usersFormat)}.`);
    const targetKind = values["target-kind"];
    if (targetKind !== undefined && targetKind !== "scim" && targetKind !== "attributes")
      throw new UsageError(`--target-kind is scim or attributes, not ${JSON.stringify(targetKind)}.`);
    const context = {
      ...reproducibleContext(values.now, values.seed),
      ...defaultDomainOption(values["default-domain"]),
    };
    // The text report always shows the steps; JSON records carry them on request.
    const details = format === "text" || values.details === true;

    atMostOneStdin({ "--config": values.config, "--users": values.users, "--target": values.target });

    const configText = await readInputText(values.config, streams.stdin);
    const config = loadConfig(configText);
    writeDiagnostics(
      streams,
      configText,
      values.config === "-" ? "<stdin>" : values.config,
      config.diagnostics,
    );
    if (hasErrors(config.diagnostics)) return 1;
    const target = values.target === undefined ? [] : await readTarget(values.target, streams);
    const users = await openUsers(values.users, usersFormat as UsersFormat | undefined, streams.stdin);
    const previewer = createPreviewer(
      config,
      { target, context, details, showRedacted: values["show-redacted"], targetKind },
      users.all,
    );
    if (previewer.problem) {
      streams.stderr.write(`provex preview: ${values.config}: ${previewer.problem.message}\n`);
      return 1;
    }

    const tally = new PreviewTally();
    const long = (users.total ?? 0) >= LONG_INPUT_USERS || users.bytes.size >= LONG_INPUT_BYTES;
    // On a terminal shared with stdout, the bar would run into the results: draw it only when stdout
    // goes to a file or a pipe.
    const progress =
      streams.stderr.isTTY === true && streams.stdout.isTTY !== true && long
        ? new ProgressBar(streams.stderr)
        : undefined;
    const output = new OutputBatch(streams.stdout);
    const flush = async () => {
      // A full pipe (a slow reader) must pause the input, or results would pile up in memory.
      if (output.flush() === false) await drained(streams.stdout);
    };
    let index = 0;
    for await (const batch of users.batches) {
      for (let at = 0; at < batch.size; at++) {
        const record = batch.at(at);
        if (record === undefined) continue;
        const result =
          "user" in record ? previewer.previewUser(record.user, index) : invalidLine(record, index);
        const { text, written } = serializeResult(
          result,
          format,
          details,
          streams.colours.stdout,
          index === 0,
        );
        index++;
        tally.add(written);
        if (output.add(text)) await flush();
      }
      progress?.update(
        index,
        users.total !== undefined
          ? index / Math.max(1, users.total)
          : users.bytes.size > 0
            ? users.bytes.read / users.bytes.size
            : undefined,
      );
    }
    await flush();
    progress?.update(index, 1, true);
    progress?.finish();
    writeEnd(format, index, tally, streams);
    return tally.failed > 0 ? 1 : 0;
  },
};

async function readTarget(path: string, streams: Streams): Promise<unknown[]> {
  const text = await readInputText(path, streams.stdin);
  return withFileName(path, () => parseTargetText(text));
}

function invalidLine(record: Extract<UserRecord, { invalid: string }>, index: number): UserPreview {
  return {
    index,
    id: `#${index + 1}`,
    displayName: undefined,
    action: "Error",
    skipReason: undefined,
    error: { code: record.code, message: record.invalid },
    summary: `Error ${record.code}: ${record.invalid}`,
    match: null,
    steps: [],
    requests: [],
    attributeChanges: undefined,
    warnings: [],
  };
}

function writeEnd(format: PreviewFormat, count: number, tally: PreviewTally, streams: Streams): void {
  if (format === "json") streams.stdout.write(count === 0 ? "[]\n" : "\n]\n");
  else if (format === "text") streams.stdout.write(`${streams.colours.stdout.bold(tally.summary())}\n`);
}

function drained(stream: Streams["stdout"]): Promise<void> {
  const once = (stream as { once?: (event: string, listener: () => void) => unknown }).once;
  if (typeof once !== "function") return Promise.resolve();
  return new Promise((resolve) => once.call(stream, "drain", () => resolve()));
}
