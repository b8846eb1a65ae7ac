import { type ParseArgsConfig, parseArgs } from "node:util";
import { type ExpressionInput, readExpressionInput } from "./input.js";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * The arguments of a command that works on one expression: its own options plus `--file`, at most one
 * positional expression, and the expression read from wherever it was given.
 */
export function expressionArguments<O extends Options>(args: string[], options: O) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...options, file: { type: "string" } } as O & { file: { type: "string" } },
  });
  if (positionals.length > 1) throw new UsageError("Give one expression (quote it in the shell).");
  return {
    values,
    readInput: (): ExpressionInput => readExpressionInput(positionals[0], (values as { file?: string }).file),
  };
}
