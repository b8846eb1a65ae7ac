import { isDateTime, isRoleList, renderDateTime, type Value } from "../functions/index.js";

/**
 * What a value looks like when it flows to a string target (SPEC Part 1, "Values"): booleans as
 * "True"/"False", integers in decimal, DateTime as `M/d/yyyy h:mm:ss tt` UTC, multi-valued values as
 * arrays of strings, app-role lists as the roles' values. Null, and the flow-skipped result of
 * IgnoreFlowIfNullOrEmpty, render as null (tell them apart with {@link isFlowSkipped}).
 *
 * @example
 * render(evaluate("IsNull([x])", {})) // "True"
 */
export function render(value: Value): string | string[] | null {
  if (typeof value === "string") return value;
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return [...value];
  if (isDateTime(value)) return renderDateTime(value);
  if (isRoleList(value)) return value.roles.map((role) => role.value);
  return null;
}
