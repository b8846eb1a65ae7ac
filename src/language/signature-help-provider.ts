import { lookupFunction } from "../functions/index.js";
import { positionContext } from "./call-context.js";
import { parameterIndexAt, signatureParts } from "./function-docs.js";
import type { SignatureHelp } from "./types.js";

/**
 * The signature of the innermost known function whose argument list holds `offset`, with the active
 * parameter. Works on half-typed text (`Replace([x], , ` is at regexPattern: empty arguments count) and
 * follows repeating groups (Switch's fourth argument is a key again). A cursor inside a string or an
 * `[attribute]` argument still gets its parameter. Undefined outside any call and in unknown functions.
 */
export function signatureHelp(text: string, offset: number): SignatureHelp | undefined {
  const { calls } = positionContext(text, offset);
  for (const call of calls) {
    if (call.name === undefined) continue;
    const spec = lookupFunction(call.name);
    if (!spec) return undefined;
    const { label, ranges } = signatureParts(spec);
    const active = parameterIndexAt(spec, call.argumentIndex);
    return {
      functionName: spec.name,
      label,
      documentation: spec.summary,
      parameters: spec.parameters.map((parameter, index) => ({
        label: ranges[index] ?? [0, 0],
        documentation: `${parameter.doc} (${parameter.kind}${parameter.occurrence === "optional" ? ", optional" : ""})`,
      })),
      // Past the last parameter of a fixed signature: -1 highlights nothing (too many arguments).
      activeParameter: active ?? -1,
      argumentIndex: call.argumentIndex,
    };
  }
  return undefined;
}
