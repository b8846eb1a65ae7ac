import { hasErrors } from "../../diagnostics/index.js";
import { createPreviewer, loadConfig, parseTargetText, type UserPreview } from "../../mapping/index.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { atMostOneStdin, readInputText, withFileName } from "../input.js";
import { formatUserPreview, PreviewTally, ProgressBar } from "../preview-report.js";
import { writeDiagnostics } from "../report.js";
import { reproducibleContext } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";
import { openUsers } from "../users-input.js";

/** Inputs longer than this get a progress bar when stderr is a terminal. */
const LONG_INPUT_USERS = 500;
const LONG_INPUT_BYTES = 512 * 1024;

export const command: Command = {
  help: `Usage: provex preview --config <file> --users <file> [--target <file>]
                      [--format text|json|jsonl] [--now <iso>] [--seed <n>]

For each user, in order, shows the steps Entra's provision on demand shows — Import, Scope,
Match, Action — with the action (Create, Update, Skip, Disable or Error), the SCIM request Entra
would send (POST /Users or PATCH /Users/{id}) and warnings per attribute.

  --config <file>   the mapping configuration: Entra's exported synchronizationSchema JSON,
                    or the provex format (YAML or JSON); '-' for standard input
  --users <file>    the source users: a JSON array of attribute objects, JSONL (.jsonl, streamed
                    in constant memory) or CSV with a header row (.csv)
  --target <file>   the target app's users before the run: a JSON array of SCIM resources
                    (default: an empty directory, so every user in scope is created);
                    '-' for standard input
  --format <name>   text (default): one block per user; json: one JSON array;
                    jsonl: one JSON result per line
  --now <iso>       the instant Now() returns, in ISO 8601 (2025-01-31T09:00:00Z, …+02:00);
                    without an offset it is UTC (default: the real clock)
  --seed <n>        make Guid() and RandomString() reproducible

Exit codes: 0 every user previewed, 1 some user failed (action Error) or the configuration has
errors, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      config: { type: "string" },
      users: { type: "string" },
      target: { type: "string" },
      format: { type: "string", default: "text" },
      now: { type: "string" },
      seed: { type: "string" },
    });
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument ${JSON.stringify(positionals[0])}.`);
    if (values.config === undefined) throw new UsageError("--config <file> is required.");
    if (values.users === undefined) throw new UsageError("--users <file> is required.");
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json" && format !== "jsonl")
      throw new UsageError(`--format is text, json or jsonl, not ${JSON.stringify(format)}.`);
    const context = reproducibleContext(values.now, values.seed);
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
    const users = openUsers(values.users);
    const previewer = createPreviewer(config, { target, context }, users.all);

    const tally = new PreviewTally();
    const long = (users.total ?? 0) >= LONG_INPUT_USERS || users.bytes.size >= LONG_INPUT_BYTES;
    const progress = streams.stderr.isTTY === true && long ? new ProgressBar(streams.stderr) : undefined;
    const write = writer(format, streams);
    let index = 0;
    for await (const record of users.records) {
      const result: UserPreview =
        "user" in record ? previewer.previewUser(record.user, index) : invalidLine(record.invalid, index);
      index++;
      tally.add(result);
      // A full pipe (a slow reader) must pause the input, or results would pile up in memory.
      if (write.result(result, streams) === false) await drained(streams.stdout);
      progress?.update(
        index,
        users.total !== undefined
          ? index / Math.max(1, users.total)
          : users.bytes.read / Math.max(1, users.bytes.size),
      );
    }
    progress?.update(index, 1, true);
    progress?.finish();
    write.end(tally, streams);
    return tally.failed > 0 ? 1 : 0;
  },
};

async function readTarget(path: string, streams: Streams): Promise<unknown[]> {
  const text = await readInputText(path, streams.stdin);
  return withFileName(path, () => parseTargetText(text));
}

function invalidLine(message: string, index: number): UserPreview {
  return {
    index,
    id: `#${index + 1}`,
    displayName: undefined,
    action: "Error",
    error: { code: "invalid-user", message },
    summary: `Error invalid-user: ${message}`,
    match: null,
    steps: [],
    requests: [],
    warnings: [],
  };
}

interface ResultWriter {
  /** What the stream's write returned: false when its buffer is full. */
  result(result: UserPreview, streams: Streams): unknown;
  end(tally: PreviewTally, streams: Streams): void;
}

function writer(format: "text" | "json" | "jsonl", streams: Streams): ResultWriter {
  if (format === "jsonl") {
    return { result: (r, s) => s.stdout.write(`${JSON.stringify(r)}\n`), end: () => {} };
  }
  if (format === "json") {
    let first = true;
    return {
      result: (r, s) => {
        const written = s.stdout.write(`${first ? "[\n" : ",\n"}${JSON.stringify(r, null, 2)}`);
        first = false;
        return written;
      },
      end: (_, s) => s.stdout.write(first ? "[]\n" : "\n]\n"),
    };
  }
  return {
    result: (r, s) => s.stdout.write(`${formatUserPreview(r, streams.colours.stdout)}\n\n`),
    end: (tally, s) => s.stdout.write(`${streams.colours.stdout.bold(tally.summary())}\n`),
  };
}

function drained(stream: Streams["stdout"]): Promise<void> {
  const once = (stream as { once?: (event: string, listener: () => void) => unknown }).once;
  if (typeof once !== "function") return Promise.resolve();
  return new Promise((resolve) => once.call(stream, "drain", () => resolve()));
}
