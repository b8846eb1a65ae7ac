import type { Dialect } from "../checker/index.js";
import type { Span } from "../diagnostics/index.js";
import type { AttributeTable } from "../mapping/directories.js";
import type {
  AttributeMapping,
  MappingConfig,
  ObjectMapping,
  ScopingClause,
  ScopingFilter,
  TextLocation,
} from "../mapping/model.js";
import type { ParseResult } from "../parser/index.js";

/**
 * The contract between the lint runner and its rules. Each rule is one file in `src/lint/rules/`
 * exporting one {@link LintRule}; the runner (`lint()`), the CLI, the formatters, the ESLint plugin and
 * the generated `docs/lint-rules.md` all read the same objects. Rule ids are a public contract.
 */

/** How a finding counts: `error` fails the lint run (exit 1), `warning` does not (unless --max-warnings). */
export type LintSeverity = "error" | "warning";

/** A rule's setting in `provex.config.*`, `--rule id:…` or the ESLint plugin: ESLint's words. */
export type RuleSetting = "off" | "warn" | "error";

/** Replace `span` of the configuration file's text with `text`. Spans of one finding's edits never overlap. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

/** A safe, mechanical repair: applying it changes only the characters it names. */
export interface LintFix {
  /** What the fix does, for people ("Rename jion to Join"). */
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

/** One problem found in a configuration file. Spans are UTF-16 offsets into the file's text. */
export interface LintFinding {
  readonly ruleId: string;
  readonly severity: LintSeverity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: LintFix;
}

/** Which part of a configuration a rule looks at; also the section of docs/lint-rules.md. */
export type RuleCategory = "configuration" | "expression" | "mapping" | "scoping";

/** An example configuration in a rule's documentation (and its unit test). */
export interface RuleExample {
  /** `provex` (YAML) unless the rule is about the Entra JSON shape. */
  readonly format: "provex" | "entra";
  readonly text: string;
}

export interface LintRuleMeta {
  /** Stable kebab-case id, e.g. `unknown-function`. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: LintSeverity;
  /** One line (SARIF `shortDescription`, the docs' table). */
  readonly summary: string;
  /** One paragraph: what the rule finds, why it matters in Entra, and what to do. */
  readonly description: string;
  /** True when the rule offers fixes that `--fix` may apply without asking. */
  readonly fixable: boolean;
  /** A configuration on which the rule reports, and the same one repaired. */
  readonly examples: { readonly failing: RuleExample; readonly passing: RuleExample };
}

export interface LintRule {
  readonly meta: LintRuleMeta;
  /** Reports every finding of this rule through `context.report`. Must not throw. */
  check(context: RuleContext): void;
}

/**
 * One expression of the configuration: an attribute mapping's source expression. Parsed once per lint
 * run and shared by every rule.
 */
export interface ExpressionSite {
  readonly object: ObjectMapping;
  readonly mapping: AttributeMapping;
  /** The expression text (a direct mapping's `[name]`, a constant's quoted literal, an expression). */
  readonly text: string;
  readonly parsed: ParseResult;
  /** The source attributes of the object mapping (from the export's directories or `--schema`). */
  readonly source: AttributeTable;
  /** The target attributes of the object mapping. */
  readonly target: AttributeTable;
  /** Where `text` is in the file; undefined when it cannot be traced (then use {@link fileSpan}). */
  readonly location: TextLocation | undefined;
  /** A span of `text` as a span of the file (the mapping's span when the text cannot be traced). */
  fileSpan(span: Span): Span;
  /**
   * An edit replacing `span` of `text` with `replacement`, escaped for how the value is written in the
   * file; undefined when that cannot be done safely (then the rule offers no fix).
   */
  edit(span: Span, replacement: string): TextEdit | undefined;
}

/** One scoping clause with its filter and object mapping. */
export interface ClauseSite {
  readonly object: ObjectMapping;
  readonly filter: ScopingFilter;
  readonly clause: ScopingClause;
  readonly source: AttributeTable;
}

/** What the runner gives a rule: the configuration, its parsed expressions, and a way to report. */
export interface RuleContext {
  /** The configuration file's text. */
  readonly text: string;
  readonly config: MappingConfig;
  /** The dialect of the configuration (or `--dialect`). */
  readonly dialect: Dialect;
  /** Every attribute mapping's expression, of every object mapping, in file order. */
  readonly expressions: readonly ExpressionSite[];
  /** Every scoping clause, of every object mapping, in file order. */
  readonly clauses: readonly ClauseSite[];
  /** Source attributes of an object mapping (honours `--schema`). */
  sourceAttributes(object: ObjectMapping): AttributeTable;
  targetAttributes(object: ObjectMapping): AttributeTable;
  /** Reports a finding of this rule at `span` (file offsets); severity comes from the rule's setting. */
  report(finding: {
    readonly message: string;
    readonly span: Span;
    readonly fix?: LintFix;
    /**
     * The severity this finding has when the rule runs at its default (a loader diagnostic keeps its
     * own); a setting (`off`/`warn`/`error`) wins over it.
     */
    readonly severity?: LintSeverity;
  }): void;
}
