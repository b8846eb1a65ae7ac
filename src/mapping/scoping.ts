import { ProvexError } from "../diagnostics/index.js";
import { dotnetRegexIsMatch } from "../functions/dotnet/index.js";
import type { ScopingClause, ScopingFilter } from "./model.js";

/** How one clause turned out for one user. */
export interface ClauseResult {
  readonly attribute: string;
  readonly operator: string;
  readonly values: readonly string[];
  /** The user's value as the clause saw it (null when absent). */
  readonly actual: unknown;
  readonly result: boolean;
  /** Why the clause could not be evaluated (a non-integer for GREATER_THAN, a bad regex); it then fails. */
  readonly error?: { readonly code: string; readonly message: string };
}

export interface FilterResult {
  readonly name: string;
  readonly result: boolean;
  readonly clauses: readonly ClauseResult[];
}

export interface ScopeResult {
  readonly inScope: boolean;
  readonly filters: readonly FilterResult[];
}

/**
 * Evaluates scoping filters (SPEC Part 1 "Scoping filters", §d): clauses AND, filters OR, no filters →
 * in scope. Every clause is evaluated (not short-circuited) so the preview can show each result.
 */
export function evaluateScope(
  filters: readonly ScopingFilter[] | null,
  attributes: Readonly<Record<string, unknown>>,
): ScopeResult {
  if (!filters || filters.length === 0) return { inScope: true, filters: [] };
  const results = filters.map((filter) => {
    const clauses = filter.clauses.map((clause) => evaluateClause(clause, attributes));
    return { name: filter.name, result: clauses.every((c) => c.result), clauses };
  });
  return { inScope: results.some((f) => f.result), filters: results };
}

export function evaluateClause(
  clause: ScopingClause,
  attributes: Readonly<Record<string, unknown>>,
): ClauseResult {
  const actual = Object.hasOwn(attributes, clause.attribute) ? (attributes[clause.attribute] ?? null) : null;
  const base = { attribute: clause.attribute, operator: clause.operator, values: clause.values, actual };
  try {
    return { ...base, result: holds(clause, actual) };
  } catch (error) {
    const code = error instanceof ProvexError ? error.code : "clause-error";
    return { ...base, result: false, error: { code, message: (error as Error).message } };
  }
}

function holds(clause: ScopingClause, actual: unknown): boolean {
  const empty = actual === null || actual === undefined || actual === "";
  if (clause.operator === "IS_NULL") return empty;
  if (clause.operator === "IS_NOT_NULL") return !empty;
  // Every other operator is false on a null or empty attribute (SPEC §d.2), NOT_ ones included.
  if (empty) return false;
  if (Array.isArray(actual) || typeof actual === "object") {
    throw new ProvexError(
      "multivalued-scope-attribute",
      `${clause.attribute} is multi-valued; scoping filters cannot test it.`,
    );
  }
  const text = typeof actual === "boolean" ? (actual ? "True" : "False") : String(actual);
  const isBoolean = typeof actual === "boolean";
  const values = clause.values;
  switch (clause.operator) {
    case "IS_TRUE":
      return text.toLowerCase() === "true";
    case "IS_FALSE":
      return text.toLowerCase() === "false";
    case "EQUALS":
      return values.some((value) => equals(text, value, isBoolean));
    case "NOT_EQUALS":
      return !values.some((value) => equals(text, value, isBoolean));
    case "REGEX_MATCH":
      return values.some((pattern) => dotnetRegexIsMatch(text, pattern));
    case "NOT_REGEX_MATCH":
      return !values.some((pattern) => dotnetRegexIsMatch(text, pattern));
    case "GREATER_THAN":
      return values.some((value) => integer(text, clause) > integer(value, clause));
    case "GREATER_THAN_OR_EQUALS":
      return values.some((value) => integer(text, clause) >= integer(value, clause));
    case "INCLUDES":
      return values.some((value) => text.includes(value));
    case "ENDS_WITH":
      return values.some((value) => text.endsWith(value));
  }
}

/** EQUALS is case-sensitive (SPEC §d.2); a Boolean attribute compares as True/False in any case. */
function equals(text: string, value: string, isBoolean: boolean): boolean {
  return isBoolean ? text.toLowerCase() === value.toLowerCase() : text === value;
}

function integer(text: string, clause: ScopingClause): bigint {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) {
    throw new ProvexError(
      "clause-not-integer",
      `${clause.operator} compares integers only; ${JSON.stringify(text)} is not one, so the clause fails.`,
    );
  }
  return BigInt(trimmed);
}
