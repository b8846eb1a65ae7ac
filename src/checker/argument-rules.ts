import { type Diagnostic, diagnostic } from "../diagnostics/index.js";
import { parseInteger } from "../functions/coerce.js";
import {
  type FunctionSpec,
  lookupFunction,
  type ParameterSpec,
  parameterAt,
  type ValueKind,
} from "../functions/index.js";
import type { CallExpression, Expression } from "../parser/index.js";

/**
 * Literal arguments whose kind cannot fit the parameter: a word where a number is expected, or a bare
 * constant (vbTextCompare, UTF8…) where it means nothing. Values computed at run time are not judged.
 */
export function checkLiteralArguments(
  call: CallExpression,
  spec: FunctionSpec,
  report: (d: Diagnostic) => void,
): void {
  call.arguments.forEach((argument, position) => {
    const parameter = parameterAt(spec, position);
    if (argument.kind === "empty" || !parameter) return;
    const problem = mismatch(argument, parameter.kind) ?? severalValues(argument, parameter);
    if (problem) {
      report(
        diagnostic("argument-kind", "error", `${spec.name}'s ${parameter.name} ${problem}.`, argument.span),
      );
    }
  });
}

const SINGLE_VALUED: ReadonlySet<ValueKind> = new Set([
  "text",
  "integer",
  "boolean",
  "dateTime",
  "compareMode",
  "encoding",
]);

/** A call that returns several values (Split, RemoveDuplicates…) where one value is expected. */
function severalValues(argument: Expression, parameter: ParameterSpec): string | undefined {
  if (argument.kind !== "call" || parameter.eachValue || !SINGLE_VALUED.has(parameter.kind)) return undefined;
  const called = lookupFunction(argument.name);
  if (!called || (called.returns !== "list" && called.returns !== "roles")) return undefined;
  return `takes one value, but ${called.name} returns several; pick one with Item(…, n) or combine them with Join`;
}

const COMPARE_MODES = new Set(["vbTextCompare", "vbBinaryCompare"]);
const ENCODINGS = new Set(["UTF8", "Unicode", "ASCII"]);
const BOOLEANS = new Set(["True", "False"]);

function mismatch(argument: Expression, kind: ValueKind): string | undefined {
  switch (kind) {
    case "integer":
      // Text the evaluator reads as an integer (" 42 ", "-1", "&HF") fits: one definition, parseInteger's.
      if (argument.kind === "string" && parseInteger(argument.value) === undefined) return "must be a number";
      if (argument.kind === "constant") return `must be a number, not ${argument.name}`;
      return undefined;
    case "compareMode":
      if (argument.kind === "constant" && COMPARE_MODES.has(argument.name)) return undefined;
      if (argument.kind === "number" && (argument.value === 0n || argument.value === 1n)) return undefined;
      if (argument.kind === "constant" || argument.kind === "string" || argument.kind === "number") {
        return "must be vbBinaryCompare or vbTextCompare";
      }
      return undefined;
    case "encoding":
      if (argument.kind === "constant" && ENCODINGS.has(argument.name)) return undefined;
      if (argument.kind === "constant" || argument.kind === "number") return "must be UTF8, Unicode or ASCII";
      return undefined;
    default:
      if (argument.kind === "constant" && !BOOLEANS.has(argument.name)) {
        return `does not take the constant ${argument.name}; compare modes and encodings only belong in the parameters that select them`;
      }
      return undefined;
  }
}
