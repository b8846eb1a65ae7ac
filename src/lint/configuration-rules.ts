import type { LintRule, LintRuleMeta } from "./types.js";

/**
 * The loader's own diagnostics as lint rules of the `configuration` category: a file that is not valid
 * JSON or YAML, a value of the wrong type, an unknown key… Each rule reports the loader diagnostics of
 * its codes, so settings, inline directives, formatters and docs treat them like every other rule. The
 * rule id is the diagnostic's code; `config-syntax` also takes the codes of files that cannot be read as
 * provex reads them (`config-unsupported` YAML, `config-too-deep`, and `internal-error`, a loader bug).
 */
/** A mapping that makes the examples otherwise clean: userName is required and something must match. */
const USER = "  - target: userName\n    attribute: userPrincipalName\n    match: 1\n";

const metas: readonly (LintRuleMeta & { readonly codes: readonly string[] })[] = [
  {
    id: "config-syntax",
    codes: ["config-syntax", "internal-error", "config-unsupported", "config-too-deep"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "The file is not valid JSON or YAML",
    description:
      "The configuration file must parse: Entra schema exports are strict JSON (no comments, no trailing commas, no single quotes), provex files are YAML 1.2 or JSON. YAML that provex does not read is reported here too — anchors and aliases, complex keys, custom tags, nesting deeper than any configuration needs — and a `%YAML 1.1` directive is a warning (1.1 reads yes/no as booleans; provex reads 1.2). A file that does not parse cannot be checked any further, so nothing else is reported for the broken part. Fix the syntax at the position shown; a JSON or YAML aware editor shows the same place.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: "mappings:\n  - target: userName\n    attribute: [userPrincipalName\n    match: 1\n",
      },
      passing: { format: "provex", text: `mappings:\n${USER}` },
    },
  },
  {
    id: "config-type",
    codes: ["config-type"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "A property has the wrong type",
    description:
      "Each property of the configuration has one type: `mappings` is a list, `target` and `attribute` are strings, `match` is a whole number, `enabled` is true or false. A value of another type is ignored by provex and rejected by Entra. Write the value in the type the message names.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: "mappings:\n  target: userName\n  attribute: userPrincipalName\n  match: 1\n",
      },
      passing: { format: "provex", text: `mappings:\n${USER}` },
    },
  },
  {
    id: "config-value",
    codes: ["config-value"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "A property has a value it cannot take",
    description:
      "Some properties take one of a few values: `dialect` is `entra` or `provex`, `applyOn` is `always` or `create`, a Graph `flowType` is one of Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly or AttributeAddOnly, and a matching priority starts at 1. Use one of the values the message lists.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `dialect: entr\nmappings:\n${USER}`,
      },
      passing: {
        format: "provex",
        text: `dialect: entra\nmappings:\n${USER}`,
      },
    },
  },
  {
    id: "config-missing",
    codes: ["config-missing"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "A required property is missing",
    description:
      "A configuration needs its mappings, each mapping its `target`, each scoping clause its attribute and operator, and an Entra export its `synchronizationRules`. Without them there is nothing to provision (or the object is skipped). Add the property the message names.",
    fixable: false,
    examples: {
      failing: { format: "provex", text: "mappings:\n  - attribute: userPrincipalName\n    match: 1\n" },
      passing: { format: "provex", text: `mappings:\n${USER}` },
    },
  },
  {
    id: "config-conflict",
    codes: ["config-conflict"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "Two properties that exclude each other are both given",
    description:
      "A provex mapping has exactly one source: `attribute` (Direct), `expression`, `constant` or `none: true`; a file has either `objects:` or a single `object`/`scope`/`mappings` at the top. When both are given, which one wins is a guess; keep the one you mean.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:\n  - target: userName\n    attribute: userPrincipalName\n    constant: ann@contoso.com\n    match: 1\n`,
      },
      passing: { format: "provex", text: `mappings:\n${USER}` },
    },
  },
  {
    id: "unknown-property",
    codes: ["unknown-property"],
    category: "configuration",
    defaultSeverity: "error",
    summary: "A key the provex format does not have",
    description:
      "The provex format is closed: a key it does not define is almost always a typo (`defualt` for `default`), and the setting it was meant to make silently does not happen. Rename the key as suggested, or move Entra properties provex does not model under `entra:`. (Entra exports are open: unknown properties there are kept as they are and not reported.)",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:\n${USER}  - target: locale\n    none: true\n    defualt: en-US\n`,
      },
      passing: {
        format: "provex",
        text: `mappings:\n${USER}  - target: locale\n    none: true\n    default: en-US\n`,
      },
    },
  },
];

/** The rules that turn the loader's diagnostics into findings, in the order of docs/lint-rules.md. */
export const configurationRules: readonly LintRule[] = metas.map(({ codes, ...meta }) => ({
  meta,
  check(context) {
    for (const problem of context.config.diagnostics) {
      if (!codes.includes(problem.code)) continue;
      const severity = problem.severity === "error" ? "error" : "warning";
      context.report({ message: problem.message, span: problem.span, severity });
    }
  },
}));

/** Every loader code a configuration rule reports (the others belong to expression and scoping rules). */
export const configurationCodes: ReadonlySet<string> = new Set(metas.flatMap((meta) => meta.codes));
