import { type ParseArgsConfig, parseArgs } from "node:util";
import { type ExpressionInput, readExpressionInput } from "./input.js";
import { UsageError } from "./usage-error.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & { file: { type: "string" } }; allowPositionals: true }>
>["values"];

/** A command's parsed options, and how to read the expression it was given. */
export interface ExpressionArguments<O extends Options> {
  readonly values: Values<O>;
  readInput(): ExpressionInput;
}

/**
 * The arguments of a command that works on one expression: its own options plus `--file`, at most one
 * positional expression, and the expression read from wherever it was given.
 */
export function expressionArguments<O extends Options>(args: string[], options: O): ExpressionArguments<O> {
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
