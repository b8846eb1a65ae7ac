import { type Diagnostic, diagnostic, ProvexError } from "../diagnostics/index.js";
import { compileDotnetRegex } from "../functions/dotnet/index.js";
import { compileMapping, spanInConfig } from "./compile-mapping.js";
import { ConfigReader, entry } from "./config-reader.js";
import { attributeTable } from "./directories.js";
import { loadEntraSchema } from "./load-entra.js";
import type { LoadedParts } from "./load-parts.js";
import { loadProvexConfig } from "./load-provex.js";
import { type ConfigFormat, type MappingConfig, type ObjectMapping, UNARY_OPERATORS } from "./model.js";

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * `entra` for Entra's exported synchronizationSchema JSON, `provex` for the provex YAML/JSON format,
   * `auto` (the default) to tell them apart by a top-level `synchronizationRules`.
   */
  readonly format?: ConfigFormat | "auto";
}

/**
 * Loads a mapping configuration from its text. Never throws: every problem (syntax, wrong types, unknown
 * operators, expressions that do not parse or check) is in `diagnostics`, with a span into `text`, and
 * the configuration holds whatever could be read.
 */
export function loadConfig(text: string, options: LoadConfigOptions = {}): MappingConfig {
  let reader: ConfigReader;
  let parts: LoadedParts;
  let format: ConfigFormat;
  try {
    reader = new ConfigReader(typeof text === "string" ? text : String(text));
    format =
      options.format === "entra" || options.format === "provex" ? options.format : detectFormat(reader);
    parts = format === "entra" ? loadEntraSchema(reader) : loadProvexConfig(reader);
  } catch (error) {
    // A loader bug must not escape the API; report it as a diagnostic instead.
    const problem = diagnostic(
      "internal-error",
      "error",
      `provex could not read this configuration: ${String(error)}`,
      { start: 0, end: 0 },
    );
    return {
      format: "provex",
      dialect: "entra",
      assignment: undefined,
      rules: [],
      objects: [],
      directories: [],
      extra: {},
      diagnostics: [problem],
    };
  }
  const config: MappingConfig = { format, ...parts, diagnostics: [] };
  const diagnostics: Diagnostic[] = withoutKnockOnErrors(reader.problems);
  for (const object of config.objects) diagnostics.push(...checkObject(config, object));
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ...config, diagnostics };
}

/**
 * Entra's export has `synchronizationRules` (and usually `directories`) at its top level; a JSON text
 * that does not parse has no tree, so then its text is asked.
 */
function detectFormat(reader: ConfigReader): ConfigFormat {
  if (reader.root?.kind === "map")
    return (entry(reader.root, "synchronizationRules") ?? entry(reader.root, "directories")) !== undefined
      ? "entra"
      : "provex";
  // Unreadable JSON has no tree: a top-level key of the export near the start still says what it is.
  if (reader.root === undefined && reader.syntax === "json")
    return /^\uFEFF?\s*\{\s*"(synchronizationRules|directories|id|version)"\s*:/.test(reader.text) ||
      /"synchronizationRules"\s*:/.test(reader.text)
      ? "entra"
      : "provex";
  return "provex";
}

/** Compiles every expression and checks every clause of one object mapping. */
function checkObject(config: MappingConfig, object: ObjectMapping): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const source = attributeTable(config, object, "source");
  for (const mapping of object.mappings) {
    const compiled = compileMapping(mapping, config.dialect, source);
    for (const d of compiled.diagnostics) {
      problems.push({
        ...d,
        message: `${mapping.target}: ${d.message}`,
        span: spanInConfig(d.span, mapping),
      });
    }
    const top = compiled.expression?.ast;
    if (
      mapping.matchingPriority > 0 &&
      top?.kind === "call" &&
      top.name.toLowerCase() === "selectuniquevalue"
    ) {
      problems.push(
        diagnostic(
          "unique-value-matching",
          "error",
          `${mapping.target} is a matching attribute, and Entra does not allow SelectUniqueValue on one; match on another attribute or drop the matching priority.`,
          mapping.span,
        ),
      );
    }
    if (mapping.type === "none" && mapping.defaultValue === null) {
      problems.push(
        diagnostic(
          "none-without-default",
          "warning",
          `${mapping.target} has no source and no default value, so it never writes anything; give it a default or remove it.`,
          mapping.span,
        ),
      );
    }
  }
  for (const filter of object.scope ?? []) {
    for (const clause of filter.clauses) {
      const unary = UNARY_OPERATORS.has(clause.operator);
      if (!unary && clause.values.length === 0)
        problems.push(
          diagnostic(
            "clause-missing-value",
            "error",
            `${clause.operator} needs a value to compare ${clause.attribute} with.`,
            clause.span,
          ),
        );
      if (source.get(clause.attribute)?.multivalued)
        problems.push(
          diagnostic(
            "multivalued-scope-attribute",
            "error",
            `${clause.attribute} is multi-valued; Entra does not support scoping on multi-valued attributes.`,
            clause.span,
          ),
        );
      for (const value of clause.values) {
        if (
          (clause.operator === "GREATER_THAN" || clause.operator === "GREATER_THAN_OR_EQUALS") &&
          !/^-?\d+$/.test(value.trim())
        )
          problems.push(
            diagnostic(
              "clause-not-integer",
              "error",
              `${clause.operator} compares integers only; ${JSON.stringify(value)} is not one.`,
              clause.span,
            ),
          );
        if (clause.operator === "REGEX_MATCH" || clause.operator === "NOT_REGEX_MATCH") {
          try {
            compileDotnetRegex(value);
          } catch (error) {
            const code = error instanceof ProvexError ? error.code : "invalid-regex";
            problems.push(
              diagnostic(
                code,
                "error",
                `${clause.attribute} ${clause.operator}: ${(error as Error).message}`,
                clause.span,
              ),
            );
          }
        }
      }
    }
  }
  return problems;
}

/**
 * After a syntax error, the parser's follow-up complaints at the same place and "missing" errors for
 * parts cut off by it say nothing new; keep the first syntax error per place and drop the rest.
 */
function withoutKnockOnErrors(problems: readonly Diagnostic[]): Diagnostic[] {
  const syntaxAt = new Set<number>();
  // A value dropped for syntax, nesting or an unsupported YAML feature leaves its mapping incomplete.
  const hasSyntaxError = problems.some(
    (d) =>
      d.severity === "error" &&
      (d.code === "config-syntax" || d.code === "config-unsupported" || d.code === "config-too-deep"),
  );
  return problems.filter((d) => {
    if (d.code === "config-syntax") {
      if (syntaxAt.has(d.span.start)) return false;
      syntaxAt.add(d.span.start);
      return true;
    }
    return !(hasSyntaxError && d.code === "config-missing");
  });
}
