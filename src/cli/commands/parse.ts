import { hasErrors } from "../../diagnostics/index.js";
import { graphParameterKeys } from "../../functions/index.js";
import { parse, toGraphSource } from "../../parser/index.js";
import type { Command, Streams } from "../command.js";
import { expressionArguments } from "../expression-arguments.js";
import { writeDiagnostics } from "../report.js";

export const command: Command = {
  help: `Usage: provex parse [expression] [--file <path> | -] [--spans | --graph]

Prints the syntax tree as JSON (numbers as decimal strings, exact to 64 bits) and reports
every syntax error with its line and column. The tree is printed even when there are
errors: it is then partial, with "error" nodes where something is missing.

  expression        the expression text ('-' for standard input; else --file, else standard
                    input when it is not a terminal)
  --file <path>     read the expression from a file ('-' for standard input)
  --spans           include each node's source span (start and end offsets)
  --graph           print Microsoft Graph's attributeMappingSource JSON instead of the tree
                    (as the synchronization schema stores a mapping's source)

Exit codes: 0 no syntax errors, 1 syntax errors, 2 usage error.`,
  async run(args: string[], streams: Streams): Promise<number> {
    const { values, readInput } = expressionArguments(
      args,
      {
        spans: { type: "boolean", default: false },
        graph: { type: "boolean", default: false },
      },
      streams.stdin,
    );
    const input = await readInput();
    const { ast, diagnostics } = parse(input.text);
    writeDiagnostics(streams, input.text, input.source, diagnostics);
    if (values.graph) {
      if (hasErrors(diagnostics)) return 1;
      streams.stdout.write(`${JSON.stringify(toGraphSource(ast, graphParameterKeys), null, 2)}\n`);
      return 0;
    }
    const hidden = values.spans ? new Set<string>() : new Set(["span", "nameSpan", "operatorSpan"]);
    const json = JSON.stringify(
      ast,
      (key, value) => (hidden.has(key) ? undefined : typeof value === "bigint" ? value.toString() : value),
      2,
    );
    streams.stdout.write(`${json}\n`);
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
