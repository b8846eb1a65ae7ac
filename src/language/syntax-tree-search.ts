import type { Argument, CallExpression } from "../parser/index.js";

/** A node on the path to a position, with the call (and argument position) it is an argument of. */
export interface NodeAtOffset {
  readonly node: Argument;
  readonly parent: CallExpression | undefined;
  readonly argumentIndex: number;
}

/**
 * The innermost node whose span contains `offset` (the end counts, so that a cursor just after a name
 * still finds it). Undefined when the offset is outside the tree.
 */
export function nodeAt(root: Argument, offset: number): NodeAtOffset | undefined {
  let found: NodeAtOffset | undefined;
  const visit = (node: Argument, parent: CallExpression | undefined, argumentIndex: number): void => {
    if (offset < node.span.start || offset > node.span.end) return;
    found = { node, parent, argumentIndex };
    if (node.kind === "call") {
      node.arguments.forEach((argument, index) => {
        visit(argument, node, index);
      });
    } else if (node.kind === "comparison") {
      visit(node.left, undefined, 0);
      visit(node.right, undefined, 0);
    }
  };
  visit(root, undefined, 0);
  return found;
}
