import { type OptionSpecs, type ParsedArgs, parseCommandArgs } from "./arguments.js";
import type { InputStream } from "./command.js";
import { type ExpressionInput, readExpressionInput } from "./input.js";
import { UsageError } from "./usage-error.js";

type WithFile<O extends OptionSpecs> = O & { file: { type: "string" } };

/** A command's parsed options, and how to read the expression it was given. */
export interface ExpressionArguments<O extends OptionSpecs> {
  readonly values: ParsedArgs<WithFile<O>>["values"];
  /** Where the expression comes from: `-` when from standard input (for {@link atMostOneStdin}). */
  readonly expressionFrom: string | undefined;
  readInput(): Promise<ExpressionInput>;
}

/**
 * The arguments of a command that works on one expression: its own options plus `--file`, at most one
 * positional expression (`-` for standard input), and the expression read from wherever it was given.
 */
export function expressionArguments<O extends OptionSpecs>(
  args: string[],
  options: O,
  stdin: InputStream,
): ExpressionArguments<O> {
  const { values, positionals } = parseCommandArgs(args, {
    ...options,
    file: { type: "string" },
  } as WithFile<O>);
  if (positionals.length > 1)
    throw new UsageError(`give one expression, not ${positionals.length} (quote it in the shell)`);
  const file = (values as { file?: string }).file;
  return {
    values,
    expressionFrom: positionals[0] === "-" ? "-" : file,
    readInput: () => readExpressionInput(positionals[0], (values as { file?: string }).file, stdin),
  };
}
