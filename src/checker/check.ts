import type { Diagnostic } from "../diagnostics/index.js";
import { type Argument, type Expression, parse } from "../parser/index.js";
import { checkLiteralArguments } from "./argument-rules.js";
import { SchemaIndex } from "./attribute-rules.js";
import { checkCall } from "./call-rules.js";
import type { CheckOptions } from "./options.js";

/**
 * Checks an expression against the function registry and, when given, a source schema. Returns every
 * problem as a diagnostic with a stable code and span, in source order:
 *
 * - `unknown-function` (error, with "did you mean"), `function-name-case` (warning);
 * - `arity`, `unpaired-argument` (Switch's key without a value), `missing-argument` (an empty
 *   argument where a required parameter is), `argument-kind` (a literal that cannot fit), all errors;
 * - `not-top-level` (SelectUniqueValue nested in another call), an error;
 * - `provex-only` (a provex extension in the `entra` dialect), a warning naming the Entra equivalent;
 * - with `schema`: `unknown-attribute` and `attribute-name-case`, warnings.
 *
 * Given text, the parse diagnostics come first in the result too. Never throws.
 *
 * @example
 * check('Jion(".", [givenName])')[0].code // "unknown-function" — "did you mean Join?"
 */
export function check(input: string | Expression, options: CheckOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let ast: Expression;
  if (typeof input === "string") {
    const parsed = parse(input);
    for (const problem of parsed.diagnostics) diagnostics.push(problem);
    ast = parsed.ast;
  } else {
    ast = input;
  }
  const schema = options.schema ? new SchemaIndex(options.schema) : undefined;
  const dialect = options.dialect ?? "entra";
  const report = (diagnostic: Diagnostic) => diagnostics.push(diagnostic);

  const visit = (node: Argument, topLevel: boolean): void => {
    switch (node.kind) {
      case "call": {
        const spec = checkCall(node, { topLevel, dialect, report });
        if (spec) checkLiteralArguments(node, spec, report);
        for (const argument of node.arguments) visit(argument, false);
        return;
      }
      case "comparison":
        visit(node.left, false);
        visit(node.right, false);
        return;
      case "attribute":
        schema?.check(node, report);
        return;
      default:
        return;
    }
  };
  visit(ast, true);
  return diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
