import { ProvexError } from "../../diagnostics/index.js";
import { compileDotnetRegex } from "../../functions/dotnet/index.js";
import { lookupFunction, parameterAt } from "../../functions/index.js";
import type { StringLiteral } from "../../parser/index.js";
import type { LintRule } from "../types.js";
import { calls } from "./support/ast.js";
import { hasSyntaxErrors } from "./support/checker.js";
import { spanInLiteral } from "./support/literal.js";

/** The registry's names for a regular expression parameter and for a group of it. */
const PATTERN = "regexPattern";
const GROUP = "regexGroupName";

export const invalidRegex: LintRule = {
  meta: {
    id: "invalid-regex",
    category: "expression",
    defaultSeverity: "error",
    summary:
      "A regular expression in an expression does not compile, cannot run in linear time, or lacks the named group",
    description:
      "Checks every literal regular expression of an expression (Replace's regexPattern) with .NET's syntax: a pattern .NET rejects, a construct that cannot run in time linear in the input (backreferences, lookahead and lookbehind, atomic and balancing groups, conditionals — the message names it and says what to write instead), or a regexGroupName the pattern does not define. Such a call fails for every user. The finding points at the offending character of the pattern. Patterns of REGEX_MATCH scoping clauses are `scope-operator-value`'s.",
    fixable: false,
    examples: {
      failing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: phoneNumber
    expression: 'Replace([mobile], , "(\\\\d+)-\\\\1", , "", , )'
`,
      },
      passing: {
        format: "provex",
        text: `mappings:
  - target: userName
    attribute: userPrincipalName
    match: 1
  - target: phoneNumber
    expression: 'Replace([mobile], , "[()\\\\s-]+", , "", , )'
`,
      },
    },
  },
  check(context) {
    for (const site of context.expressions) {
      if (hasSyntaxErrors(site)) continue;
      for (const call of calls(site.parsed.ast)) {
        const spec = lookupFunction(call.name);
        if (!spec) continue;
        let pattern: StringLiteral | undefined;
        let group: StringLiteral | undefined;
        call.arguments.forEach((argument, position) => {
          const name = parameterAt(spec, position)?.name;
          if (argument.kind !== "string") return;
          if (name === PATTERN) pattern = argument;
          if (name === GROUP && argument.value !== "") group = argument;
        });
        if (!pattern) continue;
        let compiled: ReturnType<typeof compileDotnetRegex>;
        try {
          compiled = compileDotnetRegex(pattern.value);
        } catch (error) {
          if (!(error instanceof ProvexError)) throw error;
          const inPattern = error.span ?? { start: 0, end: pattern.value.length };
          context.report({
            message: `${spec.name}'s ${PATTERN}: ${error.message}`,
            span: site.fileSpan(spanInLiteral(site.text, pattern, inPattern)),
          });
          continue;
        }
        if (group && !compiled.groups.numberOfName.has(group.value)) {
          const names = [...compiled.groups.numberOfName.keys()].filter((name) => name !== "0");
          context.report({
            message: `${spec.name}'s ${GROUP} names a group the pattern does not have (its groups: ${names.join(", ") || "none"}); name one with (?<name>…) or correct the group name.`,
            span: site.fileSpan(group.span),
          });
        }
      }
    }
  },
};
