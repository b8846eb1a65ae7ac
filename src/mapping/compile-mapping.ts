import type { Dialect } from "../checker/index.js";
import { type Diagnostic, ProvexError, type Span } from "../diagnostics/index.js";
import { type CompiledExpression, compile } from "../evaluator/index.js";
import type { Argument, Expression } from "../parser/index.js";
import type { AttributeTable } from "./directories.js";
import type { AttributeMapping } from "./model.js";

/** A warning the preview attaches to an attribute (SPEC Part 1: IIF on null, Switch on a reference, provex-only). */
export interface MappingWarning {
  readonly code: string;
  readonly target: string;
  readonly message: string;
}

/** An attribute mapping compiled once per configuration, with what the preview needs to know about it. */
export interface CompiledMapping {
  readonly mapping: AttributeMapping;
  /** Undefined for a None mapping, or when the expression does not compile (then `error` is set). */
  readonly expression: CompiledExpression | undefined;
  readonly error: ProvexError | undefined;
  /** Every diagnostic of the expression, with spans into the expression text. */
  readonly diagnostics: readonly Diagnostic[];
  /** The step details show `[Redact]` instead of the value (the expression calls Redact). */
  readonly redacted: boolean;
  /** Source attributes read inside Redact: the Import step's details hide their values too. */
  readonly redactedAttributes: readonly string[];
  /** Attributes read in the condition of an IIF: the preview warns when one is null or empty. */
  readonly iifConditionAttributes: readonly string[];
  /** Warnings that hold whatever the user (Switch on a reference, provex-only functions). */
  readonly staticWarnings: readonly MappingWarning[];
  /** The source attribute a direct mapping reads (for references and B2B rules). */
  readonly directAttribute: string | undefined;
}

const cache = new WeakMap<AttributeMapping, CompiledMapping>();

/** Compiles a mapping's expression, once per mapping object. Never throws. */
export function compileMapping(
  mapping: AttributeMapping,
  dialect: Dialect,
  source: AttributeTable,
): CompiledMapping {
  const cached = cache.get(mapping);
  if (cached) return cached;
  let expression: CompiledExpression | undefined;
  let error: ProvexError | undefined;
  let diagnostics: readonly Diagnostic[] = [];
  if (mapping.expression !== null) {
    try {
      expression = compile(
        mapping.expression,
        source.defined ? { dialect, schema: source.names } : { dialect },
      );
      diagnostics = expression.diagnostics;
    } catch (caught) {
      error =
        caught instanceof ProvexError
          ? caught
          : new ProvexError("invalid-expression", `The expression cannot be compiled: ${String(caught)}`);
      diagnostics =
        error.diagnostics.length > 0
          ? error.diagnostics
          : [
              {
                code: error.code,
                severity: "error",
                message: error.message,
                span: error.span ?? { start: 0, end: 0 },
              },
            ];
    }
  }
  const ast = expression?.ast;
  const staticWarnings: MappingWarning[] = [];
  for (const d of diagnostics) {
    if (d.code === "provex-only")
      staticWarnings.push({ code: "provex-only", target: mapping.target, message: d.message });
  }
  const iifConditionAttributes: string[] = [];
  const redactedAttributes: string[] = [];
  let redacted = false;
  if (ast) {
    walk(ast, (node) => {
      if (node.kind !== "call") return;
      const name = node.name.toLowerCase();
      if (name === "redact") {
        redacted = true;
        for (const argument of node.arguments) collectAttributes(argument, redactedAttributes);
      }
      if (name === "iif" && node.arguments[0]) collectAttributes(node.arguments[0], iifConditionAttributes);
      const switched = node.arguments[0];
      if (
        name === "switch" &&
        switched?.kind === "attribute" &&
        source.get(switched.name)?.type === "Reference"
      ) {
        staticWarnings.push({
          code: "switch-on-reference",
          target: mapping.target,
          message: `Switch on the reference attribute [${switched.name}]: Entra documents that Switch should not be used on referential attributes; map the reference directly.`,
        });
      }
    });
  }
  const compiled: CompiledMapping = {
    mapping,
    expression,
    error,
    diagnostics,
    redacted,
    redactedAttributes,
    iifConditionAttributes,
    staticWarnings,
    directAttribute: ast?.kind === "attribute" ? ast.name : undefined,
  };
  cache.set(mapping, compiled);
  return compiled;
}

/** A diagnostic's span moved from the expression text into the configuration text. */
export function spanInConfig(span: Span, mapping: AttributeMapping): Span {
  const offsets = mapping.locations?.expression?.offsets ?? mapping.expressionOffsets;
  // Untraceable text (a Graph tree without `expression`): its source object, else the mapping.
  if (!offsets || offsets.length === 0) return mapping.locations?.source ?? mapping.span;
  const at = (offset: number) =>
    offsets[Math.min(Math.max(offset, 0), offsets.length - 1)] ?? mapping.span.start;
  return { start: at(span.start), end: Math.max(at(span.start), at(span.end)) };
}

function walk(node: Argument, visit: (node: Expression) => void): void {
  if (node.kind === "empty") return;
  visit(node);
  if (node.kind === "call") for (const argument of node.arguments) walk(argument, visit);
  else if (node.kind === "comparison") {
    walk(node.left, visit);
    walk(node.right, visit);
  }
}

function collectAttributes(node: Argument, into: string[]): void {
  walk(node, (inner) => {
    if (inner.kind === "attribute" && !into.includes(inner.name)) into.push(inner.name);
  });
}
