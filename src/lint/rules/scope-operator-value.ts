import { ProvexError } from "../../diagnostics/index.js";
import { compileDotnetRegex } from "../../functions/dotnet/index.js";
import { UNARY_OPERATORS } from "../../mapping/model.js";
import type { ClauseSite, LintRule, RuleContext } from "../types.js";
import { clauseOperatorSpan, clauseValueSpan, spanInClauseValue } from "./support/spans.js";

/**
 * Load diagnostics this rule reports: a clause whose operator the loader does not know never reaches
 * the model, so the rule takes the loader's finding (which points at the operator).
 */
export const SCOPE_OPERATOR_LOAD_CODES: readonly string[] = ["unknown-operator"];

const NUMERIC = new Set(["GREATER_THAN", "GREATER_THAN_OR_EQUALS"]);
const REGEX = new Set(["REGEX_MATCH", "NOT_REGEX_MATCH"]);

function checkClause(context: RuleContext, site: ClauseSite): void {
  const { clause } = site;
  const { operator, values } = clause;
  const report = (message: string, span = clauseOperatorSpan(clause)) => context.report({ message, span });
  if (UNARY_OPERATORS.has(operator)) {
    if (values.length > 0)
      report(
        `${operator} tests ${clause.attribute} alone and takes no value; remove the value, or use EQUALS to compare with it.`,
        clauseValueSpan(clause, 0),
      );
    return;
  }
  if (values.length === 0) {
    report(`${operator} needs a value to compare ${clause.attribute} with; add one.`);
    return;
  }
  values.forEach((value, index) => {
    if (NUMERIC.has(operator) && !/^-?\d+$/.test(value.trim())) {
      report(
        `${operator} compares integers only, and this value is not one; Entra rejects the clause. Write a whole number.`,
        clauseValueSpan(clause, index),
      );
    }
    if (REGEX.has(operator)) {
      try {
        compileDotnetRegex(value);
      } catch (error) {
        if (!(error instanceof ProvexError)) throw error;
        report(
          `${operator}: ${error.message}`,
          error.span ? spanInClauseValue(clause, index, error.span) : clauseValueSpan(clause, index),
        );
      }
    }
  });
}

export const scopeOperatorValue: LintRule = {
  meta: {
    id: "scope-operator-value",
    category: "scoping",
    defaultSeverity: "error",
    summary: "A scoping clause's operator is unknown, or its value does not suit the operator",
    description:
      "Checks each scoping clause against its operator: an operator Entra does not have (the message suggests the closest one); GREATER_THAN and GREATER_THAN_OR_EQUALS with a value that is not an integer; REGEX_MATCH and NOT_REGEX_MATCH with a pattern .NET rejects or that uses a construct that cannot run in linear time (named in the message; the value is a raw .NET pattern, not a string literal); IS_TRUE, IS_FALSE, IS_NULL and IS_NOT_NULL with a value; any other operator without one. Such a clause is rejected by Entra or never holds. Regular expressions in mapping expressions are `invalid-regex`'s.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `scope:
  filters:
    - clauses:
        - { attribute: employeeId, operator: GREATER_THAN, value: ten }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
      passing: {
        format: "provex",
        text: `scope:
  filters:
    - clauses:
        - { attribute: employeeId, operator: GREATER_THAN, value: '10' }
mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
`,
      },
    },
  },
  check(context) {
    for (const diagnostic of context.config.diagnostics)
      if (SCOPE_OPERATOR_LOAD_CODES.includes(diagnostic.code))
        context.report({ message: diagnostic.message, span: diagnostic.span });
    for (const site of context.clauses) checkClause(context, site);
  },
};
