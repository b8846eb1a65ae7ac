import type { Colours, FormatContext, LintFileResult } from "./result.js";

/** The output formats of `provex lint --format`. */
export const FORMATTERS = ["stylish", "json", "sarif", "github"] as const;
export type FormatterName = (typeof FORMATTERS)[number];

/** Renders lint results in one format. */
export type Formatter = (
  results: readonly LintFileResult[],
  context: FormatContext & { readonly colours?: Colours },
) => string;

/**
 * Loads one formatter's module and returns its function. The CLI renders one format per run, so it
 * loads only that one (SARIF's rule table, for one, costs start-up time that stylish does not need).
 */
export async function loadFormatter(name: FormatterName): Promise<Formatter> {
  switch (name) {
    case "stylish":
      return (await import("./stylish.js")).formatStylish;
    case "json":
      return (await import("./json.js")).formatJson;
    case "sarif":
      return (await import("./sarif.js")).formatSarif;
    case "github":
      return (await import("./github.js")).formatGithub;
  }
}
