import { check } from "../checker/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import type { LanguageOptions } from "./types.js";

/**
 * Every problem in the text: syntax (parser), then the checker's (registry, arity, schema). The same
 * diagnostics `check` returns; with a schema in the options, unknown attributes are reported too.
 */
export function diagnose(text: string, options: LanguageOptions = {}): Diagnostic[] {
  return check(text, {
    dialect: options.dialect ?? "entra",
    ...(options.schema ? { schema: options.schema } : {}),
  });
}
