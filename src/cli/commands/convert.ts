import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { convertConfig } from "../../mapping/index.js";
import type { Command, Streams } from "../command.js";
import { readTextFile } from "../input.js";
import { formatDiagnostic } from "../report.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex convert --to entra|provex <file> [--json] [--output <file>]

Reads a mapping configuration (Entra's exported synchronizationSchema JSON or the provex
format, told apart by their content) and writes it in the other form. Entra properties provex
does not interpret are kept, so Entra → provex → Entra gives back the same JSON.

  --to <format>     entra: synchronizationSchema JSON for PUT …/synchronization/jobs/{id}/schema
                    provex: the provex YAML format (docs/configuration.md)
  --json            with --to provex: write the provex format as JSON instead of YAML
  --output <file>   write to a file instead of standard output

Exit codes: 0 converted, 1 the input has errors, 2 usage error.`,
  run(args: string[], streams: Streams): number {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: "string" },
        json: { type: "boolean", default: false },
        output: { type: "string" },
      },
    });
    if (values.to !== "entra" && values.to !== "provex")
      throw new UsageError(
        values.to === undefined
          ? "--to entra|provex is required."
          : `--to is entra or provex, not ${JSON.stringify(values.to)}.`,
      );
    const [path, ...extra] = positionals;
    if (path === undefined) throw new UsageError("Give the configuration file to convert.");
    if (extra.length > 0) throw new UsageError("Give one configuration file.");
    if (values.json && values.to !== "provex") throw new UsageError("--json applies to --to provex only.");

    const text = readTextFile(path);
    const result = convertConfig(text, { format: values.to, json: values.json });
    for (const problem of result.diagnostics)
      streams.stderr.write(`${formatDiagnostic(text, problem, path, streams.colours.stderr)}\n`);
    if (result.text === undefined) return 1;
    if (values.output !== undefined) writeFileSync(values.output, result.text);
    else streams.stdout.write(result.text);
    return 0;
  },
};
