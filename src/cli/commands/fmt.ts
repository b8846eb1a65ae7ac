import { hasErrors } from "../../diagnostics/index.js";
import { parse, print } from "../../parser/index.js";
import type { Command, Streams } from "../command.js";
import { expressionArguments } from "../expression-arguments.js";
import { writeTextFile } from "../input.js";
import { writeDiagnostics } from "../report.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex fmt [expression] [--file <path> | -] [--check] [--write] [--width <n>]

Prints the expression in canonical form: one space after each comma, empty arguments
kept, strings re-escaped, long calls broken over indented lines.

  expression        the expression text ('-' for standard input; else --file, else standard
                    input when it is not a terminal)
  --file <path>     read the expression from a file ('-' for standard input)
  --check           print nothing; exit 1 when the input is not already formatted
  --write           rewrite --file in place (the file is replaced whole or not at all)
  --width <n>       break lines longer than n characters (default 100)

Exit codes: 0 done, 1 syntax errors or --check found differences, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, readInput } = expressionArguments(
      args,
      {
        check: { type: "boolean", default: false },
        write: { type: "boolean", default: false },
        width: { type: "string" },
      },
      streams.stdin,
    );
    const width = values.width === undefined ? undefined : Number(values.width);
    if (width !== undefined && !(Number.isInteger(width) && width > 0)) {
      throw new UsageError(`--width takes a positive whole number, not ${JSON.stringify(values.width)}`);
    }
    if (values.write && (values.file === undefined || values.file === "-"))
      throw new UsageError("--write needs --file <path> (a file to rewrite in place)");
    const input = await readInput();

    const { ast, diagnostics } = parse(input.text);
    writeDiagnostics(streams, input.text, input.source, diagnostics);
    if (hasErrors(diagnostics)) return 1;
    const formatted = print(ast, width === undefined ? {} : { width });
    const original = input.text.replace(/\r?\n$/, "");
    if (values.check) {
      if (formatted === original) return 0;
      streams.stderr.write(`${input.source}: not formatted (run provex fmt to fix)\n`);
      return 1;
    }
    if (values.write && input.path !== undefined) {
      if (formatted !== original) writeTextFile(input.path, `${formatted}\n`);
      return 0;
    }
    streams.stdout.write(`${formatted}\n`);
    return 0;
  },
};
