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
  /** Where the object mapping's own properties are written in the file (for the linter's positions). */
  readonly locations?: ObjectLocations;
}

/**
 * Where a string value sits in the configuration text, character by character, so that a position in
 * the value (an expression's diagnostic, a lint finding) maps to the file's line and column, and a fix
 * can be written back with the right escaping.
 */
export interface TextLocation {
  /** The file offset of each UTF-16 code unit of the value, plus one entry for "just past its end". */
  readonly offsets: readonly number[];
  /**
   * How the value is written: a JSON string, or a YAML plain, single-quoted, double-quoted, literal
   * block (`|`) or folded block (`>`) scalar. `synthesized` marks text that is not in the file as such
   * (a direct mapping's `[name]` built from the attribute name); its offsets still point at the name.
   */
  readonly style: ScalarStyle;
}

export type ScalarStyle =
  | "json"
  | "plain"
  | "single-quoted"
  | "double-quoted"
  | "literal"
  | "folded"
  | "synthesized";

/** Positions of an object mapping's properties; each is absent when the file does not write it. */
export interface ObjectLocations {
  readonly name?: Span;
  readonly enabled?: Span;
  readonly sourceObjectName?: Span;
  readonly targetObjectName?: Span;
}

/** Positions of an attribute mapping's properties; each is absent when the file does not write it. */
export interface MappingLocations {
  /** The target attribute name's value. */
  readonly target?: TextLocation;
  /** The expression text (see {@link AttributeMapping.expression}), when it can be traced. */
  readonly expression?: TextLocation;
  readonly defaultValue?: TextLocation;
  /** The value node of the source (Entra: the whole `source` object; provex: the attribute/expression/constant value). */
  readonly source?: Span;
  readonly flowType?: Span;
  readonly matchingPriority?: Span;
}

/** Positions of a scoping clause's properties; each is absent when the file does not write it. */
export interface ClauseLocations {
  readonly attribute?: TextLocation;
  readonly operator?: Span;
  /** One entry per value in {@link ScopingClause.values} (undefined where a value cannot be traced). */
  readonly values?: readonly (TextLocation | undefined)[];
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
  readonly locations?: ClauseLocations;
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
  readonly locations?: MappingLocations;
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
