import type { Argument, CallExpression, Comparison, Expression } from "../../../parser/index.js";

/** One node of an expression tree with the call or comparison it is an argument of. */
export interface NodeVisit {
  readonly node: Expression;
  /** The enclosing call or comparison; undefined for the whole expression. */
  readonly parent: CallExpression | Comparison | undefined;
  /** The argument position in `parent` (0 = left, 1 = right for a comparison). */
  readonly position: number;
  /** Every enclosing call or comparison, outermost first. */
  readonly ancestors: readonly (CallExpression | Comparison)[];
}

/** Every node of the tree, parents before children, in source order. Empty arguments are skipped. */
export function* walk(ast: Expression): Generator<NodeVisit> {
  const stack: { node: Argument; visit: Omit<NodeVisit, "node"> }[] = [
    { node: ast, visit: { parent: undefined, position: 0, ancestors: [] } },
  ];
  while (stack.length > 0) {
    const { node, visit } = stack.pop()!;
    if (node.kind === "empty") continue;
    yield { node, ...visit };
    const children =
      node.kind === "call" ? node.arguments : node.kind === "comparison" ? [node.left, node.right] : [];
    if (node.kind !== "call" && node.kind !== "comparison") continue;
    const ancestors = [...visit.ancestors, node];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, visit: { parent: node, position: i, ancestors } });
    }
  }
}

/** Every call of the tree, outermost first, in source order. */
export function calls(ast: Expression): CallExpression[] {
  const found: CallExpression[] = [];
  for (const { node } of walk(ast)) if (node.kind === "call") found.push(node);
  return found;
}

/** True when `node` is a call of the canonical function `name` (function names resolve case-insensitively). */
export function isCallOf(node: Argument | undefined, name: string): node is CallExpression {
  return node?.kind === "call" && node.name.toLowerCase() === name.toLowerCase();
}
