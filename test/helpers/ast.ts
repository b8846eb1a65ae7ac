import type { Argument, Expression } from "../../src/parser/ast.js";

/** A tree with every span removed, for comparing structure only. */
export function withoutSpans(node: Argument): unknown {
  switch (node.kind) {
    case "call":
      return { kind: "call", name: node.name, arguments: node.arguments.map(withoutSpans) };
    case "comparison":
      return {
        kind: "comparison",
        operator: node.operator,
        left: withoutSpans(node.left),
        right: withoutSpans(node.right),
      };
    case "attribute":
      return { kind: "attribute", name: node.name };
    case "string":
      return { kind: "string", value: node.value };
    case "number":
      return { kind: "number", value: node.value, radix: node.radix };
    case "constant":
      return { kind: "constant", name: node.name };
    case "empty":
      return { kind: "empty" };
    case "error":
      return { kind: "error" };
  }
}

/** Every node of a tree, depth first. */
export function* nodesOf(node: Argument): Generator<Argument> {
  yield node;
  if (node.kind === "call") for (const argument of node.arguments) yield* nodesOf(argument);
  if (node.kind === "comparison") {
    yield* nodesOf(node.left);
    yield* nodesOf(node.right);
  }
}

export type { Expression };
