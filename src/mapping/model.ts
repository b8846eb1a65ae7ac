import type { Dialect } from "../checker/index.js";
import type { Diagnostic, Span } from "../diagnostics/index.js";

/**
 * The mapping configuration as provex understands it, whichever format it came from (Entra's exported
 * synchronizationSchema JSON or the provex YAML/JSON format). Everything the model does not understand
 * is kept in `extra` objects, shaped like the Entra JSON they came from, so that writing back loses
 * nothing.
 */
export interface MappingConfig {
  /** The format the text was loaded from. */
  readonly format: ConfigFormat;
  /** The expression dialect: `entra` (default) or `provex` (allows provex's extensions). */
  readonly dialect: Dialect;
  /**
   * Assignment scoping: `assigned` means "sync only assigned users" (users without
   * `appRoleAssignments` are skipped); `undefined` means assignment is not modelled. Entra keeps this in
   * the provisioning job, not in the schema, so only the provex format can say it.
   */
  readonly assignment: "assigned" | "all" | undefined;
  /** The synchronization rules, in file order (a provex file has one). */
  readonly rules: readonly SyncRule[];
  /** The object mappings of every rule, in file order. */
  readonly objects: readonly ObjectMapping[];
  /** Attribute definitions from the export's `directories` (or the provex `schema`), by directory and object. */
  readonly directories: readonly DirectoryDefinition[];
  /** Top-level properties of the Entra export other than `synchronizationRules` and `directories`. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Every problem found while loading, with spans into the configuration text. */
  readonly diagnostics: readonly Diagnostic[];
}

export type ConfigFormat = "entra" | "provex";

/** A `synchronizationRule` without its object mappings (those are in {@link MappingConfig.objects}). */
export interface SyncRule {
  readonly id: string;
  /** Every other property of the rule (name, priority, directory names, metadata, unknown ones). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** One object mapping (Graph `objectMapping`): users or groups from one source object type. */
export interface ObjectMapping {
  /** The index of its rule in {@link MappingConfig.rules}. */
  readonly rule: number;
  readonly name: string;
  readonly enabled: boolean;
  readonly sourceObjectName: string;
  readonly targetObjectName: string;
  /** Graph `flowTypes`, e.g. "Add, Update, Delete". */
  readonly flowTypes: string;
  /** Scoping filters (ORed); `null` when the export has `scope: null`. */
  readonly scope: readonly ScopingFilter[] | null;
  readonly mappings: readonly AttributeMapping[];
  /** Unknown and uninterpreted properties, Entra-shaped (`metadata`, `scope.inputFilterGroups`, …). */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

/** One scoping filter (Graph `filterGroup`): its clauses are ANDed. */
export interface ScopingFilter {
  readonly name: string;
  readonly clauses: readonly ScopingClause[];
  readonly extra: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

export const SCOPING_OPERATORS = [
  "EQUALS",
  "NOT_EQUALS",
  "IS_TRUE",
  "IS_FALSE",
  "IS_NULL",
  "IS_NOT_NULL",
  "REGEX_MATCH",
  "NOT_REGEX_MATCH",
  "GREATER_THAN",
  "GREATER_THAN_OR_EQUALS",
  "INCLUDES",
  "ENDS_WITH",
] as const;

export type ScopingOperator = (typeof SCOPING_OPERATORS)[number];

export const UNARY_OPERATORS: ReadonlySet<ScopingOperator> = new Set([
  "IS_TRUE",
  "IS_FALSE",
  "IS_NULL",
  "IS_NOT_NULL",
]);

/** One clause (Graph `filterClause`): `attribute operator values`. */
export interface ScopingClause {
  readonly attribute: string;
  readonly operator: ScopingOperator;
  /** `targetOperand.values`; empty for unary operators. */
  readonly values: readonly string[];
  readonly extra: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

/** The four mapping types of the Entra UI. */
export type MappingType = "direct" | "constant" | "expression" | "none";

/** Graph `flowType`; `ObjectAddOnly` is the UI's "Apply this mapping: only during object creation". */
export type FlowType = "Always" | "ObjectAddOnly" | "MultiValueAddOnly" | "ValueAddOnly" | "AttributeAddOnly";

export const FLOW_TYPES: readonly FlowType[] = [
  "Always",
  "ObjectAddOnly",
  "MultiValueAddOnly",
  "ValueAddOnly",
  "AttributeAddOnly",
];

/** One attribute mapping (Graph `attributeMapping`). */
export interface AttributeMapping {
  readonly target: string;
  readonly type: MappingType;
  /**
   * The source as an expression text: `[attr]` for direct, a quoted literal for constant, the
   * expression for expression, `null` for none.
   */
  readonly expression: string | null;
  /** Where `expression` starts in the configuration text, to place its diagnostics (undefined: not known). */
  readonly expressionOffsets: readonly number[] | undefined;
  /** "Default value if null": written on create only. */
  readonly defaultValue: string | null;
  readonly flowType: FlowType;
  readonly flowBehavior: string;
  /** 0 = not a matching attribute; lower numbers are tried first. */
  readonly matchingPriority: number;
  readonly exportMissingReferences: boolean;
  /** Unknown properties, and the original Graph `source` tree when regenerating it would differ. */
  readonly extra: Readonly<Record<string, unknown>>;
  readonly span: Span;
}

/** Attribute definitions of one object type in one directory (from `directories[].objects[]`). */
export interface DirectoryDefinition {
  readonly directory: string;
  readonly object: string;
  readonly attributes: readonly AttributeDefinition[];
}

/** What the preview needs to know about an attribute. */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly multivalued: boolean;
  readonly caseExact: boolean;
}
