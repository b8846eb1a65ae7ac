import { writeFileSync } from "node:fs";
import { hasErrors } from "../../diagnostics/index.js";
import { parse, print } from "../../parser/index.js";
import type { Command, Streams } from "../command.js";
import { expressionArguments } from "../expression-arguments.js";
import { formatDiagnostic } from "../report.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex fmt [expression] [--file <path> | -] [--check] [--write] [--width <n>]

Prints the expression in canonical form: one space after each comma, empty arguments
kept, strings re-escaped, long calls broken over indented lines.

  expression        the expression text (else --file, else standard input)
  --file <path>     read the expression from a file ('-' for standard input)
  --check           print nothing; exit 1 when the input is not already formatted
  --write           rewrite --file in place
  --width <n>       break lines longer than n characters (default 100)

Exit codes: 0 done, 1 syntax errors or --check found differences, 2 usage error.`,
  run(args: string[], streams: Streams): number {
    const { values, readInput } = expressionArguments(args, {
      check: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      width: { type: "string" },
    });
    const width = values.width === undefined ? undefined : Number(values.width);
    if (width !== undefined && !(Number.isInteger(width) && width > 0)) {
      throw new UsageError(`--width takes a positive whole number, not ${JSON.stringify(values.width)}.`);
    }
    const input = readInput();
    if (values.write && input.path === undefined) throw new UsageError("--write needs --file <path>.");

    const { ast, diagnostics } = parse(input.text);
    for (const problem of diagnostics) {
      streams.stderr.write(
        `${formatDiagnostic(input.text, problem, input.source, streams.colours.stderr)}\n`,
      );
    }
    if (hasErrors(diagnostics)) return 1;
    const formatted = print(ast, width === undefined ? {} : { width });
    const original = input.text.replace(/\r?\n$/, "");
    if (values.check) {
      if (formatted === original) return 0;
      streams.stderr.write(`${input.source}: not formatted (run provex fmt to fix)\n`);
      return 1;
    }
    if (values.write && input.path !== undefined) {
      if (formatted !== original) writeFileSync(input.path, `${formatted}\n`);
      return 0;
    }
    streams.stdout.write(`${formatted}\n`);
    return 0;
  },
};
