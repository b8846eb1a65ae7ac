import { type Diagnostic, ProvexError } from "../../diagnostics/index.js";
import { compile } from "../../evaluator/index.js";
import { describeValue } from "../../language/index.js";
import type { Command, Streams } from "../command.js";
import { expressionArguments } from "../expression-arguments.js";
import { readTextFile } from "../input.js";
import { formatDiagnostic } from "../report.js";
import { reproducibleContext } from "../reproducible-context.js";
import { UsageError } from "../usage-error.js";

export const command: Command = {
  help: `Usage: provex eval [expression] [--file <path> | -] [--attributes <json> | --attributes-file <path>]
                   [--existing <value>]... [--now <iso>] [--seed <n>] [--dialect entra|provex] [--json]

Evaluates the expression as Entra's provisioning service would and prints what flows to the
target: a string, one line per value for a multi-valued result, "(null: nothing flows)" or
"(flow skipped: the attribute is left out)".

  expression                the expression text (else --file, else standard input)
  --file <path>             read the expression from a file ('-' for standard input)
  --attributes <json>       the source object's attributes, e.g. '{"givenName":"Ada"}'
  --attributes-file <path>  the same, from a JSON file
  --existing <value>        a value that already exists in the target (for SelectUniqueValue);
                            repeat the option for several values
  --now <iso>               the instant Now() returns (default: the real clock)
  --seed <n>                make Guid() and RandomString() reproducible
  --dialect <name>          entra (default: warns on provex-only functions) or provex
  --json                    print {"kind": …, "value": …} as JSON; kind is string, multi-valued,
                            boolean, integer, dateTime, roles, null or flow skipped

Exit codes: 0 evaluated, 1 the expression is invalid or evaluation failed, 2 usage error.`,
  run(args: string[], streams: Streams): number {
    const { values, readInput } = expressionArguments(args, {
      attributes: { type: "string" },
      "attributes-file": { type: "string" },
      existing: { type: "string", multiple: true },
      now: { type: "string" },
      seed: { type: "string" },
      dialect: { type: "string" },
      json: { type: "boolean", default: false },
    });
    const dialect = values.dialect ?? "entra";
    if (dialect !== "entra" && dialect !== "provex") {
      throw new UsageError(`--dialect is entra or provex, not ${JSON.stringify(dialect)}.`);
    }
    const attributes = readAttributes(values.attributes, values["attributes-file"]);
    const existing = new Set(values.existing ?? []);
    const context = {
      ...reproducibleContext(values.now, values.seed),
      exists: (_: string, v: string) => existing.has(v),
    };
    const input = readInput();
    const report = (problem: Diagnostic) =>
      streams.stderr.write(
        `${formatDiagnostic(input.text, problem, input.source, streams.colours.stderr)}\n`,
      );

    let compiled: ReturnType<typeof compile>;
    try {
      compiled = compile(input.text, { dialect });
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      error.diagnostics.forEach(report);
      return 1;
    }
    compiled.diagnostics.forEach(report);
    try {
      const value = compiled.evaluate(attributes, context);
      // The same kinds the playground shows: string, multi-valued, boolean, integer, dateTime, roles,
      // null, flow skipped.
      const { kind, rendered } = describeValue(value);
      if (values.json) {
        streams.stdout.write(`${JSON.stringify({ kind, value: rendered })}\n`);
      } else if (kind === "flow skipped") {
        streams.stdout.write("(flow skipped: the attribute is left out)\n");
      } else if (rendered === null) {
        streams.stdout.write("(null: nothing flows)\n");
      } else {
        streams.stdout.write(`${typeof rendered === "string" ? rendered : rendered.join("\n")}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof ProvexError)) throw error;
      // An evaluation error points at the call that failed (the whole expression when it has no span).
      const span = error.span ?? { start: 0, end: input.text.length };
      report({ code: error.code, severity: "error", message: error.message, span });
      return 1;
    }
  },
};

function readAttributes(inline: string | undefined, path: string | undefined): Record<string, unknown> {
  if (inline !== undefined && path !== undefined) {
    throw new UsageError("Give the attributes either with --attributes or with --attributes-file, not both.");
  }
  const text = inline ?? (path === undefined ? undefined : readTextFile(path));
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The attributes are not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError('The attributes must be one JSON object, such as {"givenName": "Ada"}.');
  }
  return parsed as Record<string, unknown>;
}
