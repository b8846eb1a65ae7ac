import type { FunctionSpec, ParameterSpec } from "./spec.js";

/**
 * A read-only registry over a list of function declarations, keyed by canonical name. The library's
 * registry (`registry.ts`) is one over the full declarations; the playground's page builds one over
 * the same declarations without their implementations (which stay in its worker).
 */
export class FunctionRegistry implements ReadonlyMap<string, FunctionSpec> {
  private readonly byName: Map<string, FunctionSpec>;
  private readonly byLowerCaseName: Map<string, FunctionSpec>;
  constructor(specs: readonly FunctionSpec[]) {
    this.byName = new Map(specs.map((spec) => [spec.name, spec]));
    this.byLowerCaseName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  }
  get size(): number {
    return this.byName.size;
  }
  get(name: string): FunctionSpec | undefined {
    return this.byName.get(name);
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  /** Resolves a name case-insensitively, as Entra does. */
  lookup(name: string): FunctionSpec | undefined {
    return this.byLowerCaseName.get(name.toLowerCase());
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
