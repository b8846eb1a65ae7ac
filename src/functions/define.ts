import type {
  CallCompiler,
  EagerImplementation,
  EntryCompiler,
  Implementation,
  LazyImplementation,
  LazySpecializer,
  Occurrence,
  ParameterSpec,
  Specializer,
  ValueKind,
} from "./spec.js";

/** Shorthands that keep the family files readable: one declaration per builtin, little ceremony. */

export function required(name: string, kind: ValueKind, doc: string, graphKey = name): ParameterSpec {
  return param(name, kind, "required", doc, graphKey);
}

export function optional(name: string, kind: ValueKind, doc: string, graphKey = name): ParameterSpec {
  return param(name, kind, "optional", doc, graphKey);
}

function param(
  name: string,
  kind: ValueKind,
  occurrence: Occurrence,
  doc: string,
  graphKey: string,
): ParameterSpec {
  return { name, kind, occurrence, doc, graphKey };
}

/** Marks a text parameter that also takes a multi-valued argument, applying to each value. */
export function eachValue(parameter: ParameterSpec): ParameterSpec {
  return { ...parameter, eachValue: true };
}

export function eager(
  run: EagerImplementation,
  specialize?: Specializer,
  compile?: CallCompiler,
  compileEntry?: EntryCompiler,
): Implementation {
  return {
    kind: "eager",
    run,
    ...(specialize ? { specialize } : {}),
    ...(compile ? { compile } : {}),
    ...(compileEntry ? { compileEntry } : {}),
  };
}

export function lazy(
  run: LazyImplementation,
  specialize?: LazySpecializer,
  compile?: CallCompiler,
): Implementation {
  return {
    kind: "lazy",
    run,
    ...(specialize ? { specialize } : {}),
    ...(compile ? { compile } : {}),
  };
}
