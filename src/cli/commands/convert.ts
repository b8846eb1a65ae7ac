import { convertConfig } from "../../mapping/index.js";
import { parseCommandArgs } from "../arguments.js";
import type { Command, Streams } from "../command.js";
import { readInputText, writeTextFile } from "../input.js";
import { writeDiagnostics } from "../report.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex convert --to entra|provex <file | -> [--json] [--output <file>]

Reads a mapping configuration (Entra's exported synchronizationSchema JSON or the provex
format, told apart by their content) and writes it in the other form. Entra properties provex
does not interpret are kept, so Entra → provex → Entra gives back the same JSON.

  file              the configuration file ('-' for standard input)
  --to <format>     entra: synchronizationSchema JSON for PUT …/synchronization/jobs/{id}/schema
                    provex: the provex YAML format (docs/configuration.md)
  --json            with --to provex: write the provex format as JSON instead of YAML
  --output <file>   write to a file instead of standard output ('-': standard output); the
                    file is replaced whole or not at all

Exit codes: 0 converted, 1 the input has errors, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      to: { type: "string" },
      json: { type: "boolean", default: false },
      output: { type: "string" },
    });
    if (values.to !== "entra" && values.to !== "provex")
      throw new UsageError(
        values.to === undefined
          ? "--to entra|provex is required"
          : `--to is entra or provex, not ${JSON.stringify(values.to)}`,
      );
    const [path, ...extra] = positionals;
    if (path === undefined)
      throw new UsageError("give the configuration file to convert ('-' for standard input)");
    if (extra.length > 0) throw new UsageError(`give one configuration file, not ${positionals.length}`);
    if (values.json && values.to !== "provex") throw new UsageError("--json applies to --to provex only");

    const text = await readInputText(path, streams.stdin);
    const source = path === "-" ? "<stdin>" : path;
    const result = convertConfig(text, { format: values.to, json: values.json });
    writeDiagnostics(streams, text, source, result.diagnostics);
    if (result.text === undefined) return 1;
    if (values.output !== undefined && values.output !== "-") writeTextFile(values.output, result.text);
    else streams.stdout.write(result.text);
    return 0;
  },
};
