import { casingFunctions } from "./casing.js";
import { conversionFunctions } from "./conversion.js";
import { dateFunctions } from "./dates.js";
import { NormalizeDiacritics } from "./diacritics.js";
import { directoryFunctions } from "./directory.js";
import { encodingFunctions } from "./encoding.js";
import { logicFunctions } from "./logic.js";
import { multivalueFunctions } from "./multivalue.js";
import { predicateFunctions } from "./predicates.js";
import { randomFunctions } from "./random.js";
import { Replace } from "./replace.js";
import { roleFunctions } from "./roles.js";
import type { FunctionSpec, ParameterSpec } from "./spec.js";
import { tenantFunctions } from "./tenant.js";
import { textFunctions } from "./text.js";

/** Every builtin, sorted by name: the one list of function names in provex. */
const all: readonly FunctionSpec[] = Object.freeze(
  [
    ...casingFunctions,
    ...conversionFunctions,
    ...dateFunctions,
    NormalizeDiacritics,
    ...directoryFunctions,
    ...encodingFunctions,
    ...logicFunctions,
    ...multivalueFunctions,
    ...predicateFunctions,
    ...randomFunctions,
    Replace,
    ...roleFunctions,
    ...tenantFunctions,
    ...textFunctions,
  ]
    .map((spec) => deepFreeze(spec))
    // Ordinal order of the lower-cased (ASCII) names: localeCompare would build an ICU collator, which
    // costs ~10 ms of every CLI start-up.
    .sort((a, b) => ordinal(a.name.toLowerCase(), b.name.toLowerCase())),
);

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const property of Object.values(value)) deepFreeze(property);
  }
  return value;
}

const byLowerCaseName = new Map(all.map((spec) => [spec.name.toLowerCase(), spec]));

/** A read-only view of the registry, keyed by canonical name (`functions.get("Join")`). */
class FunctionRegistry implements ReadonlyMap<string, FunctionSpec> {
  private readonly byName = new Map(all.map((spec) => [spec.name, spec]));
  get size(): number {
    return this.byName.size;
  }
  get(name: string): FunctionSpec | undefined {
    return this.byName.get(name);
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  forEach(
    callback: (value: FunctionSpec, key: string, map: ReadonlyMap<string, FunctionSpec>) => void,
  ): void {
    for (const [key, value] of this.byName) callback(value, key, this);
  }
  entries(): MapIterator<[string, FunctionSpec]> {
    return this.byName.entries();
  }
  keys(): MapIterator<string> {
    return this.byName.keys();
  }
  values(): MapIterator<FunctionSpec> {
    return this.byName.values();
  }
  [Symbol.iterator](): MapIterator<[string, FunctionSpec]> {
    return this.byName.entries();
  }
}

/**
 * The registry of builtins (read-only), keyed by canonical name, in name order. Each entry is the
 * function's whole declaration: parameters, return kind, availability, documentation, example and
 * implementation. Use {@link lookupFunction} to resolve a name as written in an expression.
 */
export const functions: ReadonlyMap<string, FunctionSpec> = Object.freeze(new FunctionRegistry());

/** Resolves a function name case-insensitively, as Entra does; undefined when there is no such builtin. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return byLowerCaseName.get(name.toLowerCase());
}

/** How many arguments a call may have: `maximum` is Infinity for repeating parameters. */
export function argumentRange(spec: FunctionSpec): { minimum: number; maximum: number } {
  let minimum = 0;
  spec.parameters.forEach((parameter, index) => {
    if (parameter.occurrence === "required") minimum = index + 1;
  });
  minimum = spec.minimumArguments ?? minimum;
  return {
    minimum,
    maximum: spec.repeatFrom === undefined ? spec.parameters.length : Number.POSITIVE_INFINITY,
  };
}

/** The parameter an argument position binds to, following the repeating group past the end. */
export function parameterAt(spec: FunctionSpec, position: number): ParameterSpec | undefined {
  const { parameters, repeatFrom } = spec;
  if (position < parameters.length) return parameters[position];
  if (repeatFrom === undefined) return undefined;
  const group = parameters.length - repeatFrom;
  return parameters[repeatFrom + ((position - repeatFrom) % group)];
}
