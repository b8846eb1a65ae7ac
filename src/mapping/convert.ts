import { type Diagnostic, diagnostic, hasErrors, ProvexError } from "../diagnostics/index.js";
import { type LoadConfigOptions, loadConfig } from "./load-config.js";
import type { ConfigFormat, MappingConfig } from "./model.js";
import { writeEntraSchema } from "./write-entra.js";
import { writeProvexConfig } from "./write-provex.js";

/** Options of {@link writeConfig}. */
export interface WriteConfigOptions {
  /** `entra`: synchronizationSchema JSON; `provex`: the provex format. */
  readonly format: ConfigFormat;
  /** For `provex`: JSON instead of YAML. */
  readonly json?: boolean;
}

/**
 * Writes a configuration in either format. Unknown Entra properties kept by the loader come back, and
 * an Entra export read and written unchanged gives back the same document.
 *
 * Throws {@link ProvexError} `config-has-errors` (with the errors in `diagnostics`) for a configuration
 * whose `diagnostics` hold errors: what the loader could not read would be missing from the output, so
 * writing it would lose part of the file (as {@link convertConfig} refuses, for the same reason). Throws
 * `config-too-deep` for data nested too deep to write.
 */
export function writeConfig(config: MappingConfig, options: WriteConfigOptions): string {
  const errors = (config.diagnostics ?? []).filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new ProvexError(
      "config-has-errors",
      `The configuration has ${errors.length === 1 ? "an error" : `${errors.length} errors`} (${errors[0]?.code}: ${errors[0]?.message}); fix ${errors.length === 1 ? "it" : "them"} before writing it, or part of it would be lost.`,
      { diagnostics: errors, ...(errors[0] ? { span: errors[0].span } : {}) },
    );
  try {
    return options.format === "entra"
      ? writeEntraSchema(config)
      : writeProvexConfig(config, { json: options.json ?? false });
  } catch (error) {
    if (error instanceof RangeError)
      throw new ProvexError(
        "config-too-deep",
        `The configuration is nested too deep to write: ${error.message}.`,
      );
    throw error;
  }
}

/** The result of {@link convertConfig}: the text, or undefined when the input has errors. */
export interface ConvertResult {
  readonly text: string | undefined;
  /** The input's diagnostics, plus a warning for anything the output format cannot say. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Converts a configuration between Entra's schema JSON and the provex format. Entra → provex → Entra
 * gives back the same JSON (unknown properties included); the output of a conversion converts to itself.
 */
export function convertConfig(
  text: string,
  options: WriteConfigOptions & { readonly from?: LoadConfigOptions["format"] },
): ConvertResult {
  const config = loadConfig(text, options.from === undefined ? {} : { format: options.from });
  const diagnostics = [...config.diagnostics];
  if (hasErrors(diagnostics)) return { text: undefined, diagnostics };
  if (options.format === "entra" && config.assignment !== undefined) {
    diagnostics.push(
      diagnostic(
        "not-representable",
        "warning",
        "assignment: Entra keeps 'sync only assigned users' in the provisioning job, not in the schema; set it in the portal (Provisioning → Settings → Scope).",
        { start: 0, end: 0 },
      ),
    );
  }
  return { text: writeConfig(config, options), diagnostics };
}
