// The page's registry: the library's declarations without their implementations (see
// playground/function-metadata-plugin.ts, which points the page's imports of the registry here).
import declarations from "virtual:provex-function-metadata";
import { argumentRange, FunctionRegistry, parameterAt } from "../../src/functions/registry-view.js";
import type { FunctionSpec, Implementation } from "../../src/functions/spec.js";

const inTheWorker: Implementation = {
  kind: "eager",
  run: () => {
    throw new Error("Builtins run in the evaluation worker, not on the page.");
  },
};

const registry = new FunctionRegistry(
  (declarations as Omit<FunctionSpec, "implementation">[]).map((declaration) =>
    Object.freeze({ ...declaration, implementation: inTheWorker }),
  ),
);

/** The same names and shapes as src/functions/registry.ts. */
export const functions: ReadonlyMap<string, FunctionSpec> = Object.freeze(registry);

export function lookupFunction(name: string): FunctionSpec | undefined {
  return registry.lookup(name);
}

export { argumentRange, parameterAt };
