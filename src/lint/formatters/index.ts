import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import type { Colours, FormatContext, LintFileResult } from "./result.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export type { EslintMessage, EslintResult } from "./json.js";
export { eslintResults } from "./json.js";
export type { Colours, FormatContext, LintFileResult } from "./result.js";
export { countOf } from "./result.js";
export { sarifLog } from "./sarif.js";

import type { FormatterName } from "./names.js";

export { FORMATTERS, type Formatter, type FormatterName, loadFormatter } from "./names.js";

/** Renders the results in one format; linear in the number of findings (one line index per file). */
export function formatResults(
  name: FormatterName,
  results: readonly LintFileResult[],
  context: FormatContext & { readonly colours?: Colours },
): string {
  switch (name) {
    case "stylish":
      return formatStylish(results, context);
    case "json":
      return formatJson(results, context);
    case "sarif":
      return formatSarif(results, context);
    case "github":
      return formatGithub(results, context);
  }
}
