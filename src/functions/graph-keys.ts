import { lookupFunction } from "./registry.js";

/**
 * The Microsoft Graph parameter keys of a function, by argument position, for the
 * `attributeMappingSource` conversion: `keys` follow the parameters, and from `repeatFrom` on the
 * keys repeat as a group (Join: `["separator", "source"]` from 1). The function name is matched
 * case-insensitively; undefined for an unknown function.
 */
export function graphParameterKeys(
  functionName: string,
): { keys: string[]; repeatFrom?: number } | undefined {
  const spec = lookupFunction(functionName);
  if (!spec) return undefined;
  const keys = spec.parameters.map((parameter) => parameter.graphKey);
  return spec.repeatFrom === undefined ? { keys } : { keys, repeatFrom: spec.repeatFrom };
}
