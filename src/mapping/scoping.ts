import { ProvexError } from "../diagnostics/index.js";
import { compileDotnetRegex } from "../functions/dotnet/index.js";
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
  return compileScope(filters).explain(attributes);
}

export function evaluateClause(
  clause: ScopingClause,
  attributes: Readonly<Record<string, unknown>>,
): ClauseResult {
  return compileClause(clause).explain(attributes);
}

/** Scoping filters compiled once per configuration: each clause a closure over its operator and values. */
export interface CompiledScope {
  /** In scope or not, stopping at the first clause that fails and the first filter that holds. */
  holds(attributes: Readonly<Record<string, unknown>>): boolean;
  /** Every filter and clause with its result, for the Scope step's details. */
  explain(attributes: Readonly<Record<string, unknown>>): ScopeResult;
}

interface CompiledClause {
  holds(attributes: Readonly<Record<string, unknown>>): boolean;
  explain(attributes: Readonly<Record<string, unknown>>): ClauseResult;
}

const EVERYONE: CompiledScope = {
  holds: () => true,
  explain: () => ({ inScope: true, filters: [] }),
};

export function compileScope(filters: readonly ScopingFilter[] | null): CompiledScope {
  if (!filters || filters.length === 0) return EVERYONE;
  const compiled = filters.map((filter) => ({
    name: filter.name,
    clauses: filter.clauses.map(compileClause),
  }));
  return {
    holds(attributes) {
      for (const filter of compiled) {
        let all = true;
        for (const clause of filter.clauses) {
          if (!clause.holds(attributes)) {
            all = false;
            break;
          }
        }
        if (all) return true;
      }
      return false;
    },
    explain(attributes) {
      const results = compiled.map((filter) => {
        const clauses = filter.clauses.map((clause) => clause.explain(attributes));
        return { name: filter.name, result: clauses.every((c) => c.result), clauses };
      });
      return { inScope: results.some((f) => f.result), filters: results };
    },
  };
}

type Test = (text: string, isBoolean: boolean) => boolean;

function compileClause(clause: ScopingClause): CompiledClause {
  const { attribute, operator } = clause;
  const values = Array.isArray(clause.values) ? clause.values : [];
  const test = clauseTest(clause, values);
  const actualOf = (attributes: Readonly<Record<string, unknown>>): unknown =>
    Object.hasOwn(attributes, attribute) ? (attributes[attribute] ?? null) : null;
  const decide = (actual: unknown): boolean => {
    const empty = actual === null || actual === undefined || actual === "";
    if (operator === "IS_NULL") return empty;
    if (operator === "IS_NOT_NULL") return !empty;
    // Every other operator is false on a null or empty attribute (SPEC §d.2), NOT_ ones included.
    if (empty) return false;
    if (typeof actual === "object") {
      throw new ProvexError(
        "multivalued-scope-attribute",
        `${attribute} is multi-valued; scoping filters cannot test it.`,
      );
    }
    const isBoolean = typeof actual === "boolean";
    return test(isBoolean ? (actual ? "True" : "False") : String(actual), isBoolean);
  };
  return {
    holds(attributes) {
      try {
        return decide(actualOf(attributes));
      } catch {
        return false;
      }
    },
    explain(attributes) {
      const actual = actualOf(attributes);
      try {
        return { attribute, operator, values, actual, result: decide(actual) };
      } catch (error) {
        const code = error instanceof ProvexError ? error.code : "clause-error";
        return {
          attribute,
          operator,
          values,
          actual,
          result: false,
          error: { code, message: (error as Error).message },
        };
      }
    },
  };
}

/** The operator's test of a non-empty text, with its values prepared once (SPEC Part 1 "Scoping filters"). */
function clauseTest(clause: ScopingClause, values: readonly string[]): Test {
  switch (clause.operator) {
    case "IS_TRUE":
      return (text) => text.toLowerCase() === "true";
    case "IS_FALSE":
      return (text) => text.toLowerCase() === "false";
    case "EQUALS":
      return (text, isBoolean) => values.some((value) => equals(text, value, isBoolean));
    case "NOT_EQUALS":
      return (text, isBoolean) => !values.some((value) => equals(text, value, isBoolean));
    case "REGEX_MATCH": {
      const patterns = values.map(patternTest);
      return (text) => patterns.some((test) => test(text));
    }
    case "NOT_REGEX_MATCH": {
      const patterns = values.map(patternTest);
      return (text) => !patterns.some((test) => test(text));
    }
    case "GREATER_THAN":
      return (text) => values.some((value) => integer(text, clause) > integer(value, clause));
    case "GREATER_THAN_OR_EQUALS":
      return (text) => values.some((value) => integer(text, clause) >= integer(value, clause));
    case "INCLUDES":
      return (text) => values.some((value) => text.includes(value));
    case "ENDS_WITH":
      return (text) => values.some((value) => text.endsWith(value));
    default:
      // IS_NULL and IS_NOT_NULL are decided before the test; a configuration built by a program may
      // carry anything else, which holds for nobody.
      return () => false;
  }
}

/**
 * `Regex.IsMatch` with `pattern`, compiled on first use and kept (not looked up in the shared cache for
 * every user). A pattern that does not compile fails each clause that tries it, with the same error.
 */
function patternTest(pattern: string): (text: string) => boolean {
  let test: ((text: string) => boolean) | undefined;
  return (text) => {
    if (test === undefined) {
      try {
        const regex = compileDotnetRegex(pattern);
        const native = regex.native?.test;
        test = native ? (input) => native.test(input) : (input) => regex.re2.test(input);
      } catch (error) {
        test = () => {
          throw error;
        };
      }
    }
    return test(text);
  };
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
