import { check } from "../../../checker/index.js";
import type { Diagnostic } from "../../../diagnostics/index.js";
import type { CallExpression } from "../../../parser/index.js";
import type { ExpressionSite, LintFix, RuleContext } from "../../types.js";
import { walk } from "./ast.js";

/**
 * The lint rules that report the checker's diagnostics, by checker code: the checker (src/checker)
 * stays the one place that knows these problems, and each rule reports the codes mapped to it here.
 * `arity` on a Switch with an odd argument count goes to `switch-pairs` (see {@link ruleOfCheckerDiagnostic}).
 */
export const CHECKER_CODE_RULES: Readonly<Record<string, string>> = {
  "unknown-function": "unknown-function",
  "function-name-case": "function-name-case",
  arity: "arity",
  "missing-argument": "arity",
  "unpaired-argument": "switch-pairs",
  "argument-kind": "argument-kind",
  "not-top-level": "not-top-level",
  "provex-only": "provex-only-function",
  "unknown-attribute": "unknown-attribute",
  "attribute-name-case": "attribute-name-case",
};

/** True when the expression has a syntax error: then only `syntax-error` speaks about it (as ESLint does). */
export function hasSyntaxErrors(site: ExpressionSite): boolean {
  return site.parsed.diagnostics.some((d) => d.severity === "error");
}

const memo = new WeakMap<ExpressionSite, readonly Diagnostic[]>();

/**
 * The checker's diagnostics of one expression, computed once per lint run and shared by every rule:
 * against the object mapping's source attributes when they are known, in the run's dialect.
 * Empty for an expression with syntax errors.
 */
export function checkerDiagnostics(context: RuleContext, site: ExpressionSite): readonly Diagnostic[] {
  let found = memo.get(site);
  if (found === undefined) {
    found = hasSyntaxErrors(site)
      ? []
      : check(site.parsed.ast, {
          dialect: context.dialect,
          ...(site.source.defined ? { schema: site.source.names } : {}),
        });
    memo.set(site, found);
  }
  return found;
}

/** Which rule reports a checker diagnostic of `site` (undefined: none). */
export function ruleOfCheckerDiagnostic(site: ExpressionSite, diagnostic: Diagnostic): string | undefined {
  const rule = CHECKER_CODE_RULES[diagnostic.code];
  if (diagnostic.code !== "arity") return rule;
  const call = callAt(site, diagnostic.span.start);
  // Switch(source, default, key) has a key without its value: a pairing problem, not a count one.
  if (call && call.name.toLowerCase() === "switch" && call.arguments.length % 2 === 1) return "switch-pairs";
  return rule;
}

/** The outermost call of `site` that starts at `offset` (arity and name diagnostics start there). */
export function callAt(site: ExpressionSite, offset: number): CallExpression | undefined {
  for (const { node } of walk(site.parsed.ast))
    if (node.kind === "call" && (node.span.start === offset || node.nameSpan.start === offset)) return node;
  return undefined;
}

/**
 * Reports, for rule `ruleId`, every checker diagnostic of every expression that belongs to it, with
 * the checker's message and an optional fix built from the diagnostic.
 */
export function reportCheckerDiagnostics(
  context: RuleContext,
  ruleId: string,
  fixOf?: (site: ExpressionSite, diagnostic: Diagnostic) => LintFix | undefined,
): void {
  for (const site of context.expressions) {
    for (const diagnostic of checkerDiagnostics(context, site)) {
      if (ruleOfCheckerDiagnostic(site, diagnostic) !== ruleId) continue;
      const fix = fixOf?.(site, diagnostic);
      context.report({
        message: diagnostic.message,
        span: site.fileSpan(diagnostic.span),
        ...(fix ? { fix } : {}),
      });
    }
  }
}

/**
 * A fix of one edit in an expression, or undefined when the edit cannot be written safely: the edit
 * must be expressible in the file's quoting, and in an Entra export the mapping's source must be the
 * expression alone. A Graph source that also holds `name` and `parameters` (the parsed tree, or a
 * direct mapping's attribute name) would disagree with the edited text.
 */
export function expressionFix(
  context: RuleContext,
  site: ExpressionSite,
  span: { start: number; end: number },
  replacement: string,
  description: string,
): LintFix | undefined {
  if (context.config.format === "entra" && !isExpressionOnlySource(context.text, site)) return undefined;
  const edit = site.edit(span, replacement);
  return edit ? { description, edits: [edit] } : undefined;
}

/** True when the Entra attribute mapping's `source` has no properties but `type` and `expression`. */
function isExpressionOnlySource(text: string, site: ExpressionSite): boolean {
  if (site.mapping.type !== "expression") return false;
  try {
    const written: unknown = JSON.parse(text.slice(site.mapping.span.start, site.mapping.span.end));
    const source = (written as { source?: unknown }).source;
    if (typeof source !== "object" || source === null) return false;
    return Object.keys(source).every((key) => key === "type" || key === "expression");
  } catch {
    return false;
  }
}
