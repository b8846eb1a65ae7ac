import { ProvexError } from "../diagnostics/index.js";
import {
  type CallSite,
  compareValues,
  type EvaluationContext,
  type EvaluationState,
  lookupFunction,
  runtimeContext,
  type Value,
} from "../functions/index.js";
import type { Argument, Expression } from "../parser/index.js";
import { readAttribute } from "./attributes.js";
import { constantValue } from "./constants.js";

/**
 * The plainest possible evaluator: walks the tree on every evaluation, with no folding, no
 * specialization and no closures. It exists only as the oracle of the property test that the compiled
 * evaluator agrees with it; do not use it elsewhere.
 */
export function walkEvaluate(
  ast: Expression,
  attributes: Readonly<Record<string, unknown>>,
  context?: EvaluationContext,
): Value {
  if (ast.kind === "string" && ast.value === "") return null;
  return walk(ast, { attributes, context: runtimeContext(context) }) ?? null;
}

function walk(node: Argument, state: EvaluationState): Value | undefined {
  switch (node.kind) {
    case "empty":
      return undefined;
    case "string":
    case "number":
      return node.value;
    case "constant":
      return constantValue(node.name);
    case "attribute":
      return readAttribute(state.attributes, node.name, { name: `[${node.name}]`, span: node.span });
    case "comparison": {
      const site: CallSite = { name: node.operator, span: node.span };
      return compareValues(
        node.operator,
        walk(node.left, state) ?? null,
        walk(node.right, state) ?? null,
        site,
      );
    }
    case "call": {
      const spec = lookupFunction(node.name);
      if (!spec)
        throw new ProvexError("unknown-function", `Unknown function ${node.name}.`, { span: node.nameSpan });
      const site: CallSite = { name: spec.name, span: node.span };
      const implementation = spec.implementation;
      if (implementation.kind === "lazy") {
        const evaluators = node.arguments.map((argument) =>
          argument.kind === "empty" ? undefined : (inner: EvaluationState) => walk(argument, inner) ?? null,
        );
        return implementation.run(evaluators, state, site);
      }
      const values = node.arguments.map((argument) => walk(argument, state));
      return implementation.run(values, site, state.context);
    }
    case "error":
      throw new ProvexError("syntax-error", "The expression has syntax errors.", { span: node.span });
  }
}
