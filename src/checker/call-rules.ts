import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import {
  argumentRange,
  type FunctionSpec,
  functions,
  lookupFunction,
  parameterAt,
} from "../functions/index.js";
import type { Argument, CallExpression } from "../parser/index.js";
import { abbreviate } from "../parser/nodes.js";
import { closestName } from "./edit-distance.js";
import type { Dialect } from "./options.js";

/** What the rules know about a call besides the call itself. */
export interface CallContext {
  readonly topLevel: boolean;
  readonly dialect: Dialect;
  readonly report: (diagnostic: Diagnostic) => void;
}

/** Checks one call against the registry; returns the resolved spec, or undefined for an unknown function. */
export function checkCall(call: CallExpression, context: CallContext): FunctionSpec | undefined {
  const spec = lookupFunction(call.name);
  if (!spec) {
    const suggestion = closestName(call.name, functions.keys());
    context.report(
      diagnostic(
        "unknown-function",
        "error",
        suggestion
          ? `Unknown function ${abbreviate(call.name)}; did you mean ${suggestion}?`
          : `Unknown function ${abbreviate(call.name)}; see docs/functions.md for the functions Entra provides.`,
        call.nameSpan,
      ),
    );
    return undefined;
  }
  if (spec.name !== call.name) {
    context.report(
      diagnostic(
        "function-name-case",
        "warning",
        `Write ${spec.name}, not ${call.name}: Entra documents function names as case-sensitive.`,
        call.nameSpan,
      ),
    );
  }
  checkAvailability(call, spec, context);
  checkArity(call, spec, context);
  checkMissingArguments(call, spec, context);
  if (spec.topLevelOnly && !context.topLevel) {
    context.report(
      diagnostic(
        "not-top-level",
        "error",
        `${spec.name} must be the whole expression; Entra does not allow it inside another call. Move it to the top.`,
        call.nameSpan,
      ),
    );
  }
  return spec;
}

function checkAvailability(call: CallExpression, spec: FunctionSpec, context: CallContext): void {
  if (context.dialect !== "entra" || spec.availability.some((where) => where !== "provex")) return;
  const equivalent = spec.entraEquivalent ? ` Use the Entra equivalent instead: ${spec.entraEquivalent}` : "";
  context.report(
    diagnostic(
      "provex-only",
      "warning",
      `${spec.name} is a provex extension that Entra does not accept.${equivalent}`,
      call.nameSpan,
    ),
  );
}

function checkArity(call: CallExpression, spec: FunctionSpec, context: CallContext): void {
  const count = call.arguments.length;
  const { minimum, maximum } = argumentRange(spec);
  if (count < minimum) {
    context.report(
      diagnostic(
        "arity",
        "error",
        `${spec.name} takes ${describeRange(minimum, maximum)}, but ${count} ${count === 1 ? "is" : "are"} given: ${signature(spec)}.`,
        call.span,
      ),
    );
    return;
  }
  if (count > maximum) {
    const extra = call.arguments.slice(maximum);
    context.report(
      diagnostic(
        "arity",
        "error",
        `${spec.name} takes ${describeRange(minimum, maximum)}, but ${count} ${count === 1 ? "is" : "are"} given; remove the extra ${extra.length === 1 ? "one" : "ones"}: ${signature(spec)}.`,
        spanOf(extra),
      ),
    );
    return;
  }
  const { repeatFrom } = spec;
  if (repeatFrom === undefined) return;
  const group = spec.parameters.length - repeatFrom;
  const leftover = (count - repeatFrom) % group;
  if (group > 1 && count > repeatFrom && leftover !== 0) {
    const unpaired = call.arguments.slice(count - leftover);
    const names = spec.parameters.slice(repeatFrom).map((parameter) => parameter.name);
    context.report(
      diagnostic(
        "unpaired-argument",
        "error",
        `${spec.name}'s arguments after the first ${repeatFrom} come in groups of ${names.join(", ")}; this one has no partner. Add the missing ${names.at(-1)} or remove it.`,
        spanOf(unpaired),
      ),
    );
  }
}

function checkMissingArguments(call: CallExpression, spec: FunctionSpec, context: CallContext): void {
  call.arguments.forEach((argument, position) => {
    const parameter = parameterAt(spec, position);
    if (argument.kind !== "empty" || !parameter || parameter.occurrence !== "required") return;
    context.report(
      diagnostic(
        "missing-argument",
        "error",
        `${spec.name}'s ${parameter.name} is required here; give a value (${parameter.doc})`,
        argument.span,
      ),
    );
  });
}

function describeRange(minimum: number, maximum: number): string {
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (maximum === Number.POSITIVE_INFINITY) return `at least ${plural(minimum)}`;
  if (minimum === maximum) return plural(minimum);
  return `${minimum} to ${plural(maximum)}`;
}

/** `Name(a, [b], c…)` for messages. */
export function signature(spec: FunctionSpec): string {
  const parameters = spec.parameters.map((parameter, index) => {
    const name = parameter.occurrence === "optional" ? `[${parameter.name}]` : parameter.name;
    return spec.repeatFrom !== undefined && index >= spec.repeatFrom ? `${name}…` : name;
  });
  return `${spec.name}(${parameters.join(", ")})`;
}

function spanOf(nodes: readonly Argument[]): { start: number; end: number } {
  const first = nodes[0];
  const last = nodes.at(-1);
  return { start: first?.span.start ?? 0, end: last?.span.end ?? 0 };
}
