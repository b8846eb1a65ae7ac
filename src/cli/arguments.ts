import { type ParseArgsConfig, parseArgs } from "node:util";
import { closestName } from "../checker/edit-distance.js";
import { UsageError } from "./usage-error.js";

/** A command's options, as node:util's parseArgs takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

/** What {@link parseCommandArgs} returns for `options`: typed values and the positionals. */
export type ParsedArgs<O extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * node:util's parseArgs, with its errors as one-line {@link UsageError}s that say what to do:
 * `unknown option '--widht' (did you mean '--width'?)`. Every command parses its arguments with it.
 */
export function parseCommandArgs<O extends OptionSpecs>(args: string[], options: O): ParsedArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs<O>;
  } catch (error) {
    throw usageErrorOf(error, options);
  }
}

/** Rewords a parseArgs error (`ERR_PARSE_ARGS_…`) as a one-line usage error; anything else is returned. */
export function usageErrorOf(error: unknown, options: OptionSpecs = {}): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS")) return error;
  const message = (error as Error).message;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const suggestion = suggestOption(option, options);
    if (suggestion !== undefined)
      return new UsageError(`unknown option '${option}' (did you mean '${suggestion}'?)`);
    return new UsageError(
      `unknown option '${option}'${/^-[\d.]/.test(option) ? ` (to pass a value that starts with '-', put it after '--')` : ""}`,
    );
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("argument missing")) return new UsageError(`option '${option}' needs a value`);
    if (message.includes("ambiguous"))
      return new UsageError(
        `option '${option}' needs a value (to give one that starts with '-', write ${option}=<value>)`,
      );
    if (message.includes("does not take an argument"))
      return new UsageError(`option '${option}' takes no value`);
  }
  return new UsageError(message.split("\n")[0]!.replace(/\.$/, ""));
}

/** The option `typed` most likely stands for, when it is a plausible typo of one. */
export function suggestOption(typed: string, options: OptionSpecs): string | undefined {
  // Edit distance is quadratic: a pasted megabyte is no typo.
  if (typed.length > 64) return undefined;
  const names = ["--help", ...Object.keys(options).map((name) => `--${name}`)];
  const bare = typed.replace(/=.*$/, "");
  return closestName(bare, names);
}
